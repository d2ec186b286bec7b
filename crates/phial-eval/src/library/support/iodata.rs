//! iodata and chardata: the nested lists of bytes, characters and binaries
//! Elixir and Erlang take wherever output is built (`IO.iodata_to_binary`,
//! `:erlang.iolist_to_binary`, `:unicode.characters_to_binary`).
//!
//! Both walks keep the lists still to visit on an explicit stack, so data
//! nested to any depth is read without recursion.
//!
//! Not here: writing to a device (`elixir::io`).

use crate::binary::Binary;
use crate::value::Value;

/// Calls `f` with each piece of an iolist in order: a byte (`Ok(b)`) or a
/// binary's bytes (`Err(bytes)`, a whole binary, or an improper tail).
/// `false` if `v` is not iodata.
fn walk<'v>(v: &'v Value, mut f: impl FnMut(Result<u8, &'v [u8]>)) -> bool {
    let mut rests = vec![v];
    while let Some(cur) = rests.pop() {
        match cur {
            Value::Nil => {}
            Value::Bin(b) if b.is_binary() => f(Err(b.bytes())),
            Value::Cons(c) => {
                rests.push(&c.tail);
                match &c.head {
                    Value::Int(i) if (0..=255).contains(i) => f(Ok(*i as u8)),
                    Value::Bin(b) if b.is_binary() => f(Err(b.bytes())),
                    l @ (Value::Cons(_) | Value::Nil) => rests.push(l),
                    _ => return false,
                }
            }
            _ => return false,
        }
    }
    true
}

/// The bytes of iodata joined into one binary (the binary itself when it
/// already is one); `None` if it is not iodata.
pub fn to_binary(v: &Value) -> Option<Binary> {
    if let Value::Bin(b) = v {
        return b.is_binary().then(|| b.clone());
    }
    let mut out = Vec::new();
    walk(v, |piece| match piece {
        Ok(b) => out.push(b),
        Err(bytes) => out.extend_from_slice(bytes),
    })
    .then(|| Binary::from_bytes(out))
}

/// The number of bytes in iodata; `None` if it is not iodata.
pub fn size(v: &Value) -> Option<usize> {
    let mut n = 0;
    walk(v, |piece| {
        n += match piece {
            Ok(_) => 1,
            Err(bytes) => bytes.len(),
        }
    })
    .then_some(n)
}

/// What went wrong reading chardata: where the valid text ends and what
/// follows (Erlang's `{:error, good, rest}` / `{:incomplete, good, rest}`).
pub enum CharsError {
    /// Not chardata at all (a term that is neither text nor a list).
    BadArg,
    /// An invalid code point or invalid encoded bytes; the rest from there.
    Invalid(String, Value),
    /// Encoded bytes cut short at the end.
    Incomplete(String, Value),
}

/// Text from chardata: code points (integers), binaries in `decode`'s
/// encoding, nested lists.
pub fn chardata_text(v: &Value, decode: Encoding) -> Result<String, CharsError> {
    let mut out = String::new();
    let mut rests = vec![v];
    while let Some(cur) = rests.pop() {
        let (item, tail) = match cur {
            Value::Nil => continue,
            Value::Cons(c) => {
                rests.push(&c.tail);
                if let l @ (Value::Cons(_) | Value::Nil) = &c.head {
                    rests.push(l);
                    continue;
                }
                (&c.head, Some(&c.tail))
            }
            // A tail that is not a list may only be a binary.
            Value::Bin(_) => (cur, None),
            _ => return Err(CharsError::BadArg),
        };
        match item {
            Value::Int(i) => match u32::try_from(*i).ok().and_then(char::from_u32) {
                Some(c) => out.push(c),
                None => {
                    // What is left: this code point and the rest of its list.
                    let rest = Value::cons(item.clone(), tail.cloned().unwrap_or(Value::Nil));
                    return Err(CharsError::Invalid(out, rest));
                }
            },
            Value::Bin(b) if b.is_binary() => {
                if let Err(e) = decode.decode_into(b.bytes(), &mut out) {
                    let rest = Value::Bin(b.part(e.at, b.byte_len() - e.at));
                    return Err(if e.incomplete {
                        CharsError::Incomplete(out, rest)
                    } else {
                        CharsError::Invalid(out, rest)
                    });
                }
            }
            _ => return Err(CharsError::BadArg),
        }
    }
    Ok(out)
}

/// A text encoding `:unicode` reads and writes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Big,
    Utf16Little,
    Utf32Big,
    Utf32Little,
    Latin1,
}

/// Where decoding stopped.
pub struct DecodeError {
    pub at: usize,
    pub incomplete: bool,
}

impl Encoding {
    /// `:unicode`/`:utf8`, `:utf16`, `{:utf16, :little}`, ... `:latin1`.
    pub fn of(v: &Value) -> Option<Encoding> {
        let (name, little) = match v {
            Value::Atom(a) => (a.as_str(), false),
            Value::Tuple(t) if t.len() == 2 => (
                t[0].as_atom()?.as_str(),
                t[1].as_atom()?.as_str() == "little",
            ),
            _ => return None,
        };
        Some(match (name, little) {
            ("unicode" | "utf8", _) => Encoding::Utf8,
            ("utf16", false) => Encoding::Utf16Big,
            ("utf16", true) => Encoding::Utf16Little,
            ("utf32", false) => Encoding::Utf32Big,
            ("utf32", true) => Encoding::Utf32Little,
            ("latin1", _) => Encoding::Latin1,
            _ => return None,
        })
    }

    fn decode_into(self, bytes: &[u8], out: &mut String) -> Result<(), DecodeError> {
        match self {
            Encoding::Utf8 => match std::str::from_utf8(bytes) {
                Ok(s) => out.push_str(s),
                Err(e) => {
                    let at = e.valid_up_to();
                    out.push_str(std::str::from_utf8(&bytes[..at]).unwrap_or_default());
                    return Err(DecodeError {
                        at,
                        incomplete: e.error_len().is_none(),
                    });
                }
            },
            Encoding::Latin1 => out.extend(bytes.iter().map(|b| *b as char)),
            Encoding::Utf16Big | Encoding::Utf16Little => {
                let units = bytes.chunks_exact(2).map(|p| {
                    if self == Encoding::Utf16Big {
                        u16::from_be_bytes([p[0], p[1]])
                    } else {
                        u16::from_le_bytes([p[0], p[1]])
                    }
                });
                let mut at = 0;
                for c in char::decode_utf16(units) {
                    match c {
                        Ok(c) => {
                            out.push(c);
                            at += c.len_utf16() * 2;
                        }
                        Err(_) => {
                            return Err(DecodeError {
                                at,
                                incomplete: false,
                            })
                        }
                    }
                }
                if !bytes.len().is_multiple_of(2) {
                    return Err(DecodeError {
                        at,
                        incomplete: true,
                    });
                }
            }
            Encoding::Utf32Big | Encoding::Utf32Little => {
                for (i, p) in bytes.chunks(4).enumerate() {
                    let Ok(p): Result<[u8; 4], _> = p.try_into() else {
                        return Err(DecodeError {
                            at: i * 4,
                            incomplete: true,
                        });
                    };
                    let n = if self == Encoding::Utf32Big {
                        u32::from_be_bytes(p)
                    } else {
                        u32::from_le_bytes(p)
                    };
                    match char::from_u32(n) {
                        Some(c) => out.push(c),
                        None => {
                            return Err(DecodeError {
                                at: i * 4,
                                incomplete: false,
                            })
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// `text` in this encoding; `None` for latin1 of a character past 255.
    pub fn encode(self, text: &str) -> Option<Vec<u8>> {
        Some(match self {
            Encoding::Utf8 => text.as_bytes().to_vec(),
            Encoding::Latin1 => text
                .chars()
                .map(|c| u8::try_from(c as u32).ok())
                .collect::<Option<Vec<u8>>>()?,
            Encoding::Utf16Big => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            Encoding::Utf16Little => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            Encoding::Utf32Big => text
                .chars()
                .flat_map(|c| (c as u32).to_be_bytes())
                .collect(),
            Encoding::Utf32Little => text
                .chars()
                .flat_map(|c| (c as u32).to_le_bytes())
                .collect(),
        })
    }
}
