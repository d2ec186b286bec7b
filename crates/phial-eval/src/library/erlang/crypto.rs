//! `:crypto`'s hashing half: `hash/2`, `hash_init/1`, `hash_update/2`,
//! `hash_final/1`, `mac/4` (HMAC) and `strong_rand_bytes/1`, on
//! RustCrypto's digests and the OS's random source (`getrandom`).
//!
//! The digests are those OTP 25's crypto offers here: md4, md5, sha,
//! sha224/256/384/512, sha3_224/256/384/512, blake2b, blake2s, ripemd160
//! (OTP's build has no sha512_224/256: they are its "Bad digest type").
//! Bad arguments fail as OTP's do, in its order: the data (or key) is
//! turned into a binary first (an `ArgumentError` naming the 1st
//! argument, whatever its place, as `iolist_to_binary/1` raises it), then
//! the NIF's `ErlangError {:badarg, {'hash.c', line}, 'Bad digest type'}`
//! and friends, with OTP's file and line.
//!
//! A hash state is an opaque reference (a `Resource`) holding the digest
//! so far; `hash_update` returns a new one and leaves its argument as it
//! was, as OTP's states do.
//!
//! Also the iodata walk the checksums in `erlang.rs` share.
//!
//! Not here: ciphers, signatures, other MACs (`:cmac`, `:poly1305`);
//! `:erlang.crc32`/`adler32`/`md5` (`erlang.rs`).

use crate::error::{self, badarg_at, Raise, Result};
use crate::library::support::collections::MAX_BUILD;
use crate::library::{def, Native};
use crate::value::{Resource, Value};
use sha2::digest::{self, Digest};

pub const NATIVES: &[Native] = &[
    def("hash", 2, |_, a| {
        let data = iodata_binary(&a[1])?;
        let mut h =
            Hasher::new(&a[0]).ok_or_else(|| nif_error("hash.c", 108, "Bad digest type"))?;
        h.update(&data);
        Ok(Value::bytes(h.finish()))
    }),
    def("hash_init", 1, |_, a| {
        let h = Hasher::new(&a[0]).ok_or_else(|| nif_error("hash.c", 142, "Bad digest type"))?;
        Ok(Resource::value(STATE, h))
    }),
    def("hash_update", 2, |_, a| {
        let data = iodata_binary(&a[1])?;
        let mut h = state(&a[0])
            .ok_or_else(|| nif_error("hash.c", 171, "Bad state"))?
            .clone();
        h.update(&data);
        Ok(Resource::value(STATE, h))
    }),
    def("hash_final", 1, |_, a| {
        let h = state(&a[0]).ok_or_else(|| nif_error("hash.c", 205, "Bad state"))?;
        Ok(Value::bytes(h.clone().finish()))
    }),
    def("mac", 4, |_, a| mac(&a[0], &a[1], &a[2], &a[3])),
    def("strong_rand_bytes", 1, |_, a| {
        // More than any allocation can hold is OTP's plain badarg too.
        let n = match a[0] {
            Value::Int(n) if n >= 0 && n as u64 <= MAX_BUILD => n as u64,
            _ => return Err(error::badarg()),
        };
        if phial_runtime::over_limit(n as usize) {
            return Err(crate::library::support::processes::over_memory_limit());
        }
        let mut buf = vec![0u8; n as usize];
        getrandom::fill(&mut buf)
            .map_err(|e| error::runtime_error(format!("no OS randomness: {e}")))?;
        Ok(Value::bytes(buf))
    }),
];

/// The kind name of a hash state (shown in its `#Reference<...>`).
const STATE: &str = "crypto_hash";

fn state(v: &Value) -> Option<&Hasher> {
    match v {
        Value::Resource(r) if r.kind == STATE => r.get::<Hasher>(),
        _ => None,
    }
}

/// OTP's NIF error: `ErlangError` of `{:badarg, {'file.c', line}, 'text'}`.
fn nif_error(file: &str, line: i64, text: &str) -> Raise {
    let charlist = |s: &str| Value::list(s.bytes().map(|b| Value::Int(b as i64)).collect());
    error::erlang_error(Value::tuple(vec![
        Value::atom("badarg"),
        Value::tuple(vec![charlist(file), Value::Int(line)]),
        charlist(text),
    ]))
}

/// Runs `f` over the bytes of iodata in order (a binary, or a possibly
/// improper list of bytes, binaries and such lists, with a binary as the
/// only tail allowed); `false`, having stopped, if `v` is not iodata. The
/// lists still to visit are an explicit stack, so any depth is fine.
pub(crate) fn iodata_chunks(v: &Value, mut f: impl FnMut(&[u8])) -> bool {
    let mut rests = vec![v];
    while let Some(cur) = rests.pop() {
        match cur {
            Value::Nil => {}
            Value::Bin(b) if b.is_binary() => f(b.bytes()),
            Value::Cons(c) => {
                rests.push(&c.tail);
                match &c.head {
                    Value::Int(i) if (0..=255).contains(i) => f(&[*i as u8]),
                    Value::Bin(b) if b.is_binary() => f(b.bytes()),
                    l @ (Value::Cons(_) | Value::Nil) => rests.push(l),
                    _ => return false,
                }
            }
            _ => return false,
        }
    }
    true
}

/// iodata as one run of bytes, or `iolist_to_binary/1`'s `ArgumentError`.
fn iodata_binary(v: &Value) -> Result<std::borrow::Cow<'_, [u8]>> {
    if let Some(bytes) = v.as_bytes() {
        return Ok(std::borrow::Cow::Borrowed(bytes));
    }
    let mut out = Vec::new();
    if iodata_chunks(v, |b| out.extend_from_slice(b)) {
        Ok(std::borrow::Cow::Owned(out))
    } else {
        Err(badarg_at(1, "not an iodata term"))
    }
}

/// A digest in progress, of one of the algorithms OTP offers.
#[derive(Clone)]
enum Hasher {
    Md4(md4::Md4),
    Md5(md5::Md5),
    Sha(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Blake2b(blake2::Blake2b512),
    Blake2s(blake2::Blake2s256),
    Ripemd160(ripemd::Ripemd160),
}

/// Runs `$body` with `$d` bound to the digest type of `$alg` (an atom's
/// text), or gives `$none`.
macro_rules! with_digest {
    ($alg:expr, $d:ident => $body:expr, $none:expr) => {
        match $alg {
            "md4" => {
                type $d = md4::Md4;
                $body
            }
            "md5" => {
                type $d = md5::Md5;
                $body
            }
            "sha" => {
                type $d = sha1::Sha1;
                $body
            }
            "sha224" => {
                type $d = sha2::Sha224;
                $body
            }
            "sha256" => {
                type $d = sha2::Sha256;
                $body
            }
            "sha384" => {
                type $d = sha2::Sha384;
                $body
            }
            "sha512" => {
                type $d = sha2::Sha512;
                $body
            }
            "sha3_224" => {
                type $d = sha3::Sha3_224;
                $body
            }
            "sha3_256" => {
                type $d = sha3::Sha3_256;
                $body
            }
            "sha3_384" => {
                type $d = sha3::Sha3_384;
                $body
            }
            "sha3_512" => {
                type $d = sha3::Sha3_512;
                $body
            }
            "blake2b" => {
                type $d = blake2::Blake2b512;
                $body
            }
            "blake2s" => {
                type $d = blake2::Blake2s256;
                $body
            }
            "ripemd160" => {
                type $d = ripemd::Ripemd160;
                $body
            }
            _ => $none,
        }
    };
}

/// Runs `$body` on the digest inside a `Hasher`.
macro_rules! each_hasher {
    ($h:expr, $d:ident => $body:expr) => {
        match $h {
            Hasher::Md4($d) => $body,
            Hasher::Md5($d) => $body,
            Hasher::Sha($d) => $body,
            Hasher::Sha224($d) => $body,
            Hasher::Sha256($d) => $body,
            Hasher::Sha384($d) => $body,
            Hasher::Sha512($d) => $body,
            Hasher::Sha3_224($d) => $body,
            Hasher::Sha3_256($d) => $body,
            Hasher::Sha3_384($d) => $body,
            Hasher::Sha3_512($d) => $body,
            Hasher::Blake2b($d) => $body,
            Hasher::Blake2s($d) => $body,
            Hasher::Ripemd160($d) => $body,
        }
    };
}

impl Hasher {
    fn new(alg: &Value) -> Option<Hasher> {
        Some(match alg.as_atom()?.as_str() {
            "md4" => Hasher::Md4(Digest::new()),
            "md5" => Hasher::Md5(Digest::new()),
            "sha" => Hasher::Sha(Digest::new()),
            "sha224" => Hasher::Sha224(Digest::new()),
            "sha256" => Hasher::Sha256(Digest::new()),
            "sha384" => Hasher::Sha384(Digest::new()),
            "sha512" => Hasher::Sha512(Digest::new()),
            "sha3_224" => Hasher::Sha3_224(Digest::new()),
            "sha3_256" => Hasher::Sha3_256(Digest::new()),
            "sha3_384" => Hasher::Sha3_384(Digest::new()),
            "sha3_512" => Hasher::Sha3_512(Digest::new()),
            "blake2b" => Hasher::Blake2b(Digest::new()),
            "blake2s" => Hasher::Blake2s(Digest::new()),
            "ripemd160" => Hasher::Ripemd160(Digest::new()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        each_hasher!(self, d => Digest::update(d, data))
    }

    fn finish(self) -> Vec<u8> {
        each_hasher!(self, d => d.finalize().to_vec())
    }
}

/// The MD5 of iodata (`:erlang.md5/1`).
pub(crate) fn md5(data: &Value) -> Result<Value> {
    let mut h = md5::Md5::new();
    if !iodata_chunks(data, |b| h.update(b)) {
        return Err(badarg_at(1, "not an iodata term"));
    }
    Ok(Value::bytes(h.finalize().to_vec()))
}

/// `mac(:hmac, digest, key, data)`: the key made a binary first, then the
/// NIF's checks of the text, the MAC type and the digest, in OTP's order.
fn mac(kind: &Value, alg: &Value, key: &Value, data: &Value) -> Result<Value> {
    let key = iodata_binary(key)?;
    let mut text = Vec::new();
    if !iodata_chunks(data, |b| text.extend_from_slice(b)) {
        return Err(nif_error("mac.c", 175, "Bad text"));
    }
    if kind.as_atom().map(|a| a.as_str()) != Some("hmac") {
        return Err(nif_error("mac.c", 233, "Unknown mac algorithm"));
    }
    let alg = alg.as_atom().map(|a| a.as_str()).unwrap_or("");
    let out = with_digest!(alg, D => hmac_of::<D>(&key, &text), None);
    out.map(Value::bytes)
        .ok_or_else(|| nif_error("mac.c", 263, "Bad digest algorithm for HMAC"))
}

fn hmac_of<D>(key: &[u8], text: &[u8]) -> Option<Vec<u8>>
where
    D: Digest + digest::common::BlockSizeUser + Clone,
{
    use hmac::{KeyInit, Mac};
    // Any key length is valid for HMAC (longer keys are hashed first).
    let mut m = hmac::SimpleHmac::<D>::new_from_slice(key).ok()?;
    m.update(text);
    Some(m.finalize().into_bytes().to_vec())
}
