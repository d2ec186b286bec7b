//! The Erlang External Term Format: `:erlang.term_to_binary/1,2` and
//! `binary_to_term/1,2`, byte for byte as OTP 25 writes it (minor version
//! 1: `ATOM_EXT` for latin-1 atoms, `NEW_FLOAT_EXT`, `STRING_EXT` for short
//! byte lists, maps in key order). Distribution speaks the same format.
//!
//! Both directions keep their work on an explicit stack: a term nested a
//! million deep is encoded and decoded without recursion. Decoding checks
//! every length against the bytes that are left before it allocates, so
//! hostile input is an error, never a panic or a huge allocation.
//!
//! Pids and references carry their node's name and creation from the node
//! table (`dist`). Not here: what the local node is called (`dist`), funs
//! other than `&Mod.fun/arity` (a closure's code has no external form in
//! phial yet).

use crate::atom::Atom;
use crate::binary::Binary;
use crate::value::{Fun, Value};
use num_bigint::{BigInt, Sign};
use phial_runtime::{Pid, Ref};
use std::io::{Read, Write};

const VERSION: u8 = 131;
const COMPRESSED: u8 = 80;
const NEW_FLOAT: u8 = 70;
const BIT_BINARY: u8 = 77;
const NEW_PID: u8 = 88;
const NEWER_REFERENCE: u8 = 90;
const SMALL_INTEGER: u8 = 97;
const INTEGER: u8 = 98;
const FLOAT_STRING: u8 = 99;
const ATOM: u8 = 100;
const PID: u8 = 103;
const SMALL_TUPLE: u8 = 104;
const LARGE_TUPLE: u8 = 105;
const NIL: u8 = 106;
const STRING: u8 = 107;
const LIST: u8 = 108;
const BINARY: u8 = 109;
const SMALL_BIG: u8 = 110;
const LARGE_BIG: u8 = 111;
const NEW_REFERENCE: u8 = 114;
const SMALL_ATOM: u8 = 115;
const MAP: u8 = 116;
const EXPORT: u8 = 113;
const ATOM_UTF8: u8 = 118;
const SMALL_ATOM_UTF8: u8 = 119;

/// Why a term has no external form.
#[derive(Debug, PartialEq, Eq)]
pub struct Unencodable;

/// `term_to_binary(v)`; `compress` is a zlib level (0..=9) when asked for;
/// `utf8_atoms` is minor version 2 (every atom as UTF-8).
pub fn encode(v: &Value, compress: Option<u32>, utf8_atoms: bool) -> Result<Vec<u8>, Unencodable> {
    let mut body = Vec::new();
    encode_into(v, &mut body, utf8_atoms)?;
    if let Some(level) = compress {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
        // Writing to a Vec cannot fail.
        let _ = z.write_all(&body);
        if let Ok(packed) = z.finish() {
            // OTP keeps the plain form when compressing does not help.
            if packed.len() + 4 < body.len() {
                let mut out = vec![VERSION, COMPRESSED];
                out.extend_from_slice(&(body.len() as u32).to_be_bytes());
                out.extend_from_slice(&packed);
                return Ok(out);
            }
        }
    }
    let mut out = Vec::with_capacity(body.len() + 1);
    out.push(VERSION);
    out.extend_from_slice(&body);
    Ok(out)
}

fn atom(out: &mut Vec<u8>, a: Atom, utf8: bool) {
    let name = a.as_str();
    if !utf8 && name.chars().all(|c| (c as u32) < 256) {
        out.push(ATOM);
        let latin1: Vec<u8> = name.chars().map(|c| c as u8).collect();
        out.extend_from_slice(&(latin1.len() as u16).to_be_bytes());
        out.extend_from_slice(&latin1);
    } else if name.len() < 256 {
        out.push(SMALL_ATOM_UTF8);
        out.push(name.len() as u8);
        out.extend_from_slice(name.as_bytes());
    } else {
        out.push(ATOM_UTF8);
        out.extend_from_slice(&(name.len() as u16).to_be_bytes());
        out.extend_from_slice(name.as_bytes());
    }
}

fn big(out: &mut Vec<u8>, b: &BigInt) {
    let (sign, digits) = b.to_bytes_le();
    if digits.len() < 256 {
        out.push(SMALL_BIG);
        out.push(digits.len() as u8);
    } else {
        out.push(LARGE_BIG);
        out.extend_from_slice(&(digits.len() as u32).to_be_bytes());
    }
    out.push(u8::from(sign == Sign::Minus));
    out.extend_from_slice(&digits);
}

/// A proper list of bytes short enough for `STRING_EXT`.
fn byte_string(v: &Value) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    for x in v.iter_list() {
        match x {
            Value::Int(i) if (0..=255).contains(i) && bytes.len() < 65535 => bytes.push(*i as u8),
            _ => return None,
        }
    }
    let mut end = v;
    while let Value::Cons(c) = end {
        end = &c.tail;
    }
    matches!(end, Value::Nil).then_some(bytes)
}

fn encode_into(v: &Value, out: &mut Vec<u8>, utf8: bool) -> Result<(), Unencodable> {
    let mut work = vec![v];
    while let Some(v) = work.pop() {
        match v {
            Value::Int(i) if (0..=255).contains(i) => {
                out.push(SMALL_INTEGER);
                out.push(*i as u8);
            }
            Value::Int(i) if i32::try_from(*i).is_ok() => {
                out.push(INTEGER);
                out.extend_from_slice(&(*i as i32).to_be_bytes());
            }
            Value::Int(i) => big(out, &BigInt::from(*i)),
            Value::BigInt(b) => big(out, b),
            Value::Float(f) => {
                out.push(NEW_FLOAT);
                out.extend_from_slice(&f.to_be_bytes());
            }
            Value::Atom(a) => atom(out, *a, utf8),
            Value::Bin(b) if b.is_binary() => {
                out.push(BINARY);
                out.extend_from_slice(&(b.byte_len() as u32).to_be_bytes());
                out.extend_from_slice(b.bytes());
            }
            Value::Bin(b) => {
                out.push(BIT_BINARY);
                out.extend_from_slice(&(b.byte_len() as u32).to_be_bytes());
                out.push(b.tail_bits());
                out.extend_from_slice(b.bytes());
            }
            Value::Nil => out.push(NIL),
            Value::Cons(_) => {
                if let Some(bytes) = byte_string(v) {
                    out.push(STRING);
                    out.extend_from_slice(&(bytes.len() as u16).to_be_bytes());
                    out.extend_from_slice(&bytes);
                    continue;
                }
                let mut items = Vec::new();
                let mut cur = v;
                while let Value::Cons(c) = cur {
                    items.push(&c.head);
                    cur = &c.tail;
                }
                out.push(LIST);
                out.extend_from_slice(&(items.len() as u32).to_be_bytes());
                work.push(cur);
                work.extend(items.into_iter().rev());
            }
            Value::Tuple(t) => {
                if t.len() < 256 {
                    out.push(SMALL_TUPLE);
                    out.push(t.len() as u8);
                } else {
                    out.push(LARGE_TUPLE);
                    out.extend_from_slice(&(t.len() as u32).to_be_bytes());
                }
                work.extend(t.iter().rev());
            }
            Value::Map(m) => {
                out.push(MAP);
                out.extend_from_slice(&(m.len() as u32).to_be_bytes());
                for (k, x) in m.iter().collect::<Vec<_>>().into_iter().rev() {
                    work.push(x);
                    work.push(k);
                }
            }
            Value::Pid(p) => {
                let (node, creation) = crate::dist::node_entry(p.node());
                out.push(NEW_PID);
                atom(out, node, utf8);
                out.extend_from_slice(&(p.id() as u32).to_be_bytes());
                out.extend_from_slice(&((p.id() >> 32) as u32).to_be_bytes());
                out.extend_from_slice(&creation.to_be_bytes());
            }
            Value::Ref(r) => reference(out, r.id(), utf8),
            Value::Fun(f) => match &**f {
                Fun::External {
                    module,
                    name,
                    arity,
                } => {
                    out.push(EXPORT);
                    atom(out, *module, utf8);
                    atom(out, *name, utf8);
                    out.push(SMALL_INTEGER);
                    out.push(*arity as u8);
                }
                Fun::Closure { .. } => return Err(Unencodable),
            },
            Value::Resource(_) => return Err(Unencodable),
        }
    }
    Ok(())
}

fn reference(out: &mut Vec<u8>, id: u64, utf8: bool) {
    out.push(NEWER_REFERENCE);
    if let Some((node, words)) = crate::dist::ref_parts(Ref::new(id)) {
        let (name, creation) = crate::dist::node_entry(node);
        out.extend_from_slice(&(words.len() as u16).to_be_bytes());
        atom(out, name, utf8);
        out.extend_from_slice(&creation.to_be_bytes());
        for w in words {
            out.extend_from_slice(&w.to_be_bytes());
        }
        return;
    }
    out.extend_from_slice(&3u16.to_be_bytes());
    atom(out, crate::dist::local_name(), utf8);
    out.extend_from_slice(&crate::dist::local_creation().to_be_bytes());
    out.extend_from_slice(&(id as u32).to_be_bytes());
    out.extend_from_slice(&((id >> 32) as u32).to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes());
}

/// The bytes are not a term (`invalid external representation`).
#[derive(Debug, PartialEq, Eq)]
pub struct Invalid;

struct Input<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Input<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Invalid> {
        let end = self.pos.checked_add(n).ok_or(Invalid)?;
        let s = self.bytes.get(self.pos..end).ok_or(Invalid)?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, Invalid> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<usize, Invalid> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]) as usize)
    }
    fn u32(&mut self) -> Result<usize, Invalid> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
    /// A count of things still to read, each at least one byte.
    fn count(&mut self, n: usize) -> Result<usize, Invalid> {
        if n > self.bytes.len() - self.pos {
            return Err(Invalid);
        }
        Ok(n)
    }
}

/// A container being filled while decoding.
enum Open {
    Tuple(usize, Vec<Value>),
    /// Elements still to read, then the tail.
    List(usize, Vec<Value>),
    Map(usize, Vec<Value>),
    /// `EXPORT_EXT`: module, name, arity.
    Export(Vec<Value>),
    /// `NEW_PID_EXT`/`PID_EXT` and references: the node atom comes first.
    Pid {
        small_creation: bool,
        node: Option<Atom>,
    },
    Reference {
        ids: usize,
        small_creation: bool,
        node: Option<Atom>,
    },
}

impl Open {
    fn wants(&self) -> usize {
        match self {
            Open::Tuple(n, _) | Open::Map(n, _) => *n,
            Open::List(n, _) => n + 1,
            Open::Export(_) => 3,
            Open::Pid { .. } | Open::Reference { .. } => 1,
        }
    }
}

/// `binary_to_term(bytes)`: the term and how many bytes it used.
pub fn decode(bytes: &[u8]) -> Result<(Value, usize), Invalid> {
    let mut input = Input { bytes, pos: 0 };
    if input.u8()? != VERSION {
        return Err(Invalid);
    }
    if bytes.get(1) == Some(&COMPRESSED) {
        input.u8()?;
        let size = input.u32()?;
        // Refuse a claimed size no zlib stream of this length could give.
        if size > (bytes.len() - input.pos).saturating_mul(1032) + 64 {
            return Err(Invalid);
        }
        let mut plain = Vec::with_capacity(size);
        let mut z = flate2::read::ZlibDecoder::new(&bytes[input.pos..]);
        z.by_ref()
            .take(size as u64)
            .read_to_end(&mut plain)
            .map_err(|_| Invalid)?;
        if plain.len() != size {
            return Err(Invalid);
        }
        let used_compressed = bytes.len();
        let mut inner = Input {
            bytes: &plain,
            pos: 0,
        };
        let v = decode_term(&mut inner)?;
        return (inner.pos == plain.len())
            .then_some((v, used_compressed))
            .ok_or(Invalid);
    }
    let v = decode_term(&mut input)?;
    Ok((v, input.pos))
}

fn decode_term(input: &mut Input) -> Result<Value, Invalid> {
    let mut open: Vec<Open> = Vec::new();
    loop {
        let mut v = decode_leaf(input, &mut open)?;
        // Hand finished values to the containers waiting for them.
        while let Some(value) = v.take() {
            let Some(top) = open.last_mut() else {
                return Ok(value);
            };
            let done = match top {
                Open::Tuple(n, items) | Open::Map(n, items) => {
                    items.push(value);
                    items.len() == *n
                }
                Open::List(n, items) => {
                    items.push(value);
                    items.len() == *n + 1
                }
                Open::Export(items) => {
                    items.push(value);
                    items.len() == 3
                }
                Open::Pid { node, .. } | Open::Reference { node, .. } => {
                    *node = Some(value.as_atom().ok_or(Invalid)?);
                    true
                }
            };
            if done {
                let finished = open.pop().ok_or(Invalid)?;
                v = Some(close(finished, input)?);
            }
        }
    }
}

fn close(o: Open, input: &mut Input) -> Result<Value, Invalid> {
    Ok(match o {
        Open::Tuple(_, items) => Value::tuple(items),
        Open::List(_, mut items) => {
            let tail = items.pop().ok_or(Invalid)?;
            Value::list_with_tail(items, tail)
        }
        Open::Map(_, items) => {
            let mut m = crate::value::MapInner::new();
            let mut it = items.into_iter();
            while let (Some(k), Some(x)) = (it.next(), it.next()) {
                m.insert(k, x);
            }
            Value::map(m)
        }
        Open::Export(items) => match items.as_slice() {
            [Value::Atom(m), Value::Atom(f), Value::Int(a)] if (0..=255).contains(a) => {
                Value::Fun(std::sync::Arc::new(Fun::External {
                    module: *m,
                    name: *f,
                    arity: *a as u32,
                }))
            }
            _ => return Err(Invalid),
        },
        Open::Pid {
            small_creation,
            node,
        } => {
            let id = input.u32()? as u64;
            let serial = input.u32()? as u64;
            let creation = if small_creation {
                input.u8()? as u32
            } else {
                input.u32()? as u32
            };
            let node = crate::dist::node_number(node.ok_or(Invalid)?, creation);
            // 48 bits of id: a peer's id and the low 16 bits of its serial.
            Value::Pid(Pid::new(node, id | (serial & 0xffff) << 32))
        }
        Open::Reference {
            ids,
            small_creation,
            node,
        } => {
            let creation = if small_creation {
                input.u8()? as u32
            } else {
                input.u32()? as u32
            };
            let mut words = Vec::with_capacity(ids);
            for _ in 0..ids {
                words.push(input.u32()? as u32);
            }
            let node = crate::dist::node_number(node.ok_or(Invalid)?, creation);
            if node != 0 {
                Value::Ref(crate::dist::remote_ref(node, &words))
            } else {
                let w = |i: usize| words.get(i).copied().unwrap_or(0) as u64;
                Value::Ref(Ref::new(w(0) | w(1) << 32))
            }
        }
    })
}

/// Reads one tag: a whole value, or `None` after opening a container.
fn decode_leaf(input: &mut Input, open: &mut Vec<Open>) -> Result<Option<Value>, Invalid> {
    let tag = input.u8()?;
    let container = |open: &mut Vec<Open>, o: Open| {
        if o.wants() == 0 {
            return Some(o);
        }
        open.push(o);
        None
    };
    let opened = match tag {
        SMALL_INTEGER => return Ok(Some(Value::Int(input.u8()? as i64))),
        INTEGER => {
            let b = input.take(4)?;
            return Ok(Some(Value::Int(
                i32::from_be_bytes([b[0], b[1], b[2], b[3]]) as i64,
            )));
        }
        SMALL_BIG | LARGE_BIG => {
            let n = if tag == SMALL_BIG {
                input.u8()? as usize
            } else {
                input.u32()?
            };
            let sign = input.u8()?;
            let digits = input.take(n)?;
            let sign = if sign == 0 { Sign::Plus } else { Sign::Minus };
            return Ok(Some(Value::bigint(BigInt::from_bytes_le(sign, digits))));
        }
        NEW_FLOAT => {
            let b = input.take(8)?;
            let f = f64::from_be_bytes(b.try_into().map_err(|_| Invalid)?);
            return if f.is_finite() {
                Ok(Some(Value::Float(f)))
            } else {
                Err(Invalid)
            };
        }
        FLOAT_STRING => {
            let b = input.take(31)?;
            let text = std::str::from_utf8(b).map_err(|_| Invalid)?;
            let f: f64 = text
                .trim_end_matches('\0')
                .trim()
                .parse()
                .map_err(|_| Invalid)?;
            return Ok(Some(Value::Float(f)));
        }
        ATOM | SMALL_ATOM => {
            let n = if tag == ATOM {
                input.u16()?
            } else {
                input.u8()? as usize
            };
            let name: String = input.take(n)?.iter().map(|b| *b as char).collect();
            return Ok(Some(Value::Atom(Atom::new(&name))));
        }
        ATOM_UTF8 | SMALL_ATOM_UTF8 => {
            let n = if tag == ATOM_UTF8 {
                input.u16()?
            } else {
                input.u8()? as usize
            };
            let name = std::str::from_utf8(input.take(n)?).map_err(|_| Invalid)?;
            return Ok(Some(Value::Atom(Atom::new(name))));
        }
        NIL => return Ok(Some(Value::Nil)),
        STRING => {
            let n = input.u16()?;
            let b = input.take(n)?;
            return Ok(Some(Value::list(
                b.iter().map(|x| Value::Int(*x as i64)).collect(),
            )));
        }
        BINARY => {
            let n = input.u32()?;
            return Ok(Some(Value::bytes(input.take(n)?.to_vec())));
        }
        BIT_BINARY => {
            let n = input.u32()?;
            let bits = input.u8()? as usize;
            if n == 0 || !(1..=8).contains(&bits) {
                return Err(Invalid);
            }
            let b = input.take(n)?.to_vec();
            return Ok(Some(Value::Bin(Binary::from_bits(b, (n - 1) * 8 + bits))));
        }
        SMALL_TUPLE | LARGE_TUPLE => {
            let n = if tag == SMALL_TUPLE {
                input.u8()? as usize
            } else {
                input.u32()?
            };
            let n = input.count(n)?;
            container(open, Open::Tuple(n, Vec::with_capacity(n)))
        }
        LIST => {
            let n = input.u32()?;
            let n = input.count(n)?;
            container(open, Open::List(n, Vec::with_capacity(n + 1)))
        }
        MAP => {
            let n = input.u32()?;
            let n = input.count(n.checked_mul(2).ok_or(Invalid)?)?;
            container(open, Open::Map(n, Vec::with_capacity(n)))
        }
        EXPORT => container(open, Open::Export(Vec::with_capacity(3))),
        NEW_PID | PID => container(
            open,
            Open::Pid {
                small_creation: tag == PID,
                node: None,
            },
        ),
        NEWER_REFERENCE | NEW_REFERENCE => {
            let ids = input.u16()?;
            if ids > 5 {
                return Err(Invalid);
            }
            container(
                open,
                Open::Reference {
                    ids,
                    small_creation: tag == NEW_REFERENCE,
                    node: None,
                },
            )
        }
        _ => return Err(Invalid),
    };
    // An empty container is whole at once.
    match opened {
        Some(o) => Ok(Some(close(o, input)?)),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(v: Value) {
        let bytes = encode(&v, None, false).expect("encodable");
        let (back, used) = decode(&bytes).expect("decodable");
        assert_eq!(used, bytes.len());
        assert!(
            crate::term::strict_equal(&back, &v),
            "{v:?} came back as {back:?}"
        );
        let packed = encode(&v, Some(6), false).expect("encodable");
        let (back, _) = decode(&packed).expect("decodable");
        assert!(crate::term::strict_equal(&back, &v));
    }

    /// A deterministic stream of terms of every kind and shape.
    fn generated(seed: u64, depth: u32) -> Value {
        let mut s = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        let pick = next() % if depth == 0 { 7 } else { 11 };
        match pick {
            0 => Value::Int((next() % 512) as i64 - 100),
            1 => Value::Int(next() as i64),
            2 => Value::bigint(BigInt::from(next()) * BigInt::from(next()) * BigInt::from(-1)),
            3 => Value::Float((next() % 100000) as f64 / 7.0),
            4 => Value::atom(["a", "ok", "élan", "日本", "nil"][(next() % 5) as usize]),
            5 => Value::bytes((0..next() % 300).map(|i| (i * 7) as u8).collect()),
            6 => Value::Bin(Binary::from_bits(vec![0b1010_0000], 3)),
            7 => Value::list(
                (0..next() % 5)
                    .map(|i| generated(next() + i, depth - 1))
                    .collect(),
            ),
            8 => Value::tuple(
                (0..next() % 4)
                    .map(|i| generated(next() + i, depth - 1))
                    .collect(),
            ),
            9 => {
                let mut m = crate::value::MapInner::new();
                for i in 0..next() % 4 {
                    m.insert(generated(next() + i, 0), generated(next(), depth - 1));
                }
                Value::map(m)
            }
            _ => Value::list_with_tail(vec![Value::Int(1)], generated(next(), depth - 1)),
        }
    }

    #[test]
    fn generated_terms_round_trip() {
        for seed in 0..2000 {
            roundtrip(generated(seed, 4));
        }
    }

    #[test]
    fn bytes_are_otp_25s() {
        // Recorded from Elixir 1.14 on OTP 25 (`:erlang.term_to_binary/1`).
        let cases: Vec<(Value, Vec<u8>)> = vec![
            (Value::atom("a"), vec![131, 100, 0, 1, 97]),
            (Value::Int(300), vec![131, 98, 0, 0, 1, 44]),
            (Value::Int(-1), vec![131, 98, 255, 255, 255, 255]),
            (Value::Int(2147483648), vec![131, 110, 4, 0, 0, 0, 0, 128]),
            (Value::Int(-2147483649), vec![131, 110, 4, 1, 1, 0, 0, 128]),
            (Value::Float(1.5), vec![131, 70, 63, 248, 0, 0, 0, 0, 0, 0]),
            (Value::str("hi"), vec![131, 109, 0, 0, 0, 2, 104, 105]),
            (
                Value::Bin(Binary::from_bits(vec![32], 3)),
                vec![131, 77, 0, 0, 0, 1, 3, 32],
            ),
            (
                Value::list(vec![Value::Int(1), Value::Int(2)]),
                vec![131, 107, 0, 2, 1, 2],
            ),
            (
                Value::list(vec![Value::Int(1000)]),
                vec![131, 108, 0, 0, 0, 1, 98, 0, 0, 3, 232, 106],
            ),
            (
                Value::list_with_tail(vec![Value::Int(1)], Value::Int(2)),
                vec![131, 108, 0, 0, 0, 1, 97, 1, 97, 2],
            ),
            (
                Value::tuple(vec![Value::Int(1), Value::atom("a")]),
                vec![131, 104, 2, 97, 1, 100, 0, 1, 97],
            ),
        ];
        for (v, want) in cases {
            assert_eq!(encode(&v, None, false).expect("encodable"), want, "{v:?}");
        }
    }

    #[test]
    fn hostile_bytes_are_errors() {
        for bad in [
            &[131u8, 108, 255, 255, 255, 255][..],
            &[131, 116, 255, 255, 255, 255],
            &[131, 109, 0, 0, 0, 9, 1],
            &[131, 80, 255, 255, 255, 255, 1, 2],
            &[1, 2, 3],
            &[131],
            &[131, 104, 3, 97],
        ] {
            assert_eq!(decode(bad), Err(Invalid), "{bad:?}");
        }
    }

    #[test]
    fn deep_terms_need_no_stack() {
        let mut v = Value::Nil;
        for _ in 0..1_000_000 {
            v = Value::tuple(vec![v]);
        }
        let bytes = encode(&v, None, false).expect("encodable");
        let (back, _) = decode(&bytes).expect("decodable");
        assert!(crate::term::strict_equal(&back, &v));
    }
}
