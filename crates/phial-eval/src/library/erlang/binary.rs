//! `:binary`: searching, splitting and taking apart binaries, as OTP 25
//! exports it. Parts share the bytes of large binaries (`Binary::part`);
//! searches for several patterns at once run one Aho-Corasick automaton,
//! leftmost-longest as OTP's `binary:match/2` chooses.
//!
//! Not here: the binary type (`crate::binary`), Elixir's `String`.

use crate::binary::Binary;
use crate::error::{self, Result};
use crate::library::support::collections::proper;
use crate::library::{def, Native};
use crate::value::{Resource, Value};
use aho_corasick::{AhoCorasick, MatchKind};
use num_bigint::{BigInt, Sign};

pub const NATIVES: &[Native] = &[
    def("at", 2, |_, a| {
        let (b, i) = (bin(&a[0], 1)?, &a[1]);
        match i {
            Value::Int(i) if *i >= 0 && (*i as usize) < b.byte_len() => {
                Ok(Value::Int(b.bytes()[*i as usize] as i64))
            }
            _ => Err(error::badarg()),
        }
    }),
    def("first", 1, |_, a| {
        let b = bin(&a[0], 1)?;
        b.bytes()
            .first()
            .map(|x| Value::Int(*x as i64))
            .ok_or_else(|| error::badarg_at(1, "a zero-sized binary is not allowed"))
    }),
    def("last", 1, |_, a| {
        let b = bin(&a[0], 1)?;
        b.bytes()
            .last()
            .map(|x| Value::Int(*x as i64))
            .ok_or_else(|| error::badarg_at(1, "a zero-sized binary is not allowed"))
    }),
    def("part", 2, |_, a| {
        let b = bin(&a[0], 1)?;
        let (start, len) =
            pos_len(&a[1]).ok_or_else(|| error::badarg_at(2, "not a valid {Pos,Length} tuple"))?;
        part(b, start, len, 2)
    }),
    def("part", 3, |_, a| {
        let b = bin(&a[0], 1)?;
        let (Value::Int(start), Value::Int(len)) = (&a[1], &a[2]) else {
            return Err(error::badarg_at(2, "not an integer"));
        };
        part(b, *start, *len, 3)
    }),
    def("copy", 1, |_, a| {
        Ok(Value::bytes(bin(&a[0], 1)?.bytes().to_vec()))
    }),
    def("copy", 2, |_, a| {
        let b = bin(&a[0], 1)?;
        let Value::Int(n) = &a[1] else {
            return Err(error::badarg_at(2, "not an integer"));
        };
        let n = usize::try_from(*n).map_err(|_| error::badarg_at(2, "out of range"))?;
        let total = b.byte_len().checked_mul(n);
        match total {
            Some(t) if t <= crate::library::support::collections::MAX_BUILD as usize => {
                if phial_runtime::over_limit(t) {
                    return Err(crate::library::support::processes::over_memory_limit());
                }
                let out = Binary::concat_all(std::iter::repeat_n(b, n));
                Ok(Value::Bin(out))
            }
            _ => Err(error::system_limit_error()),
        }
    }),
    def("referenced_byte_size", 1, |_, a| {
        Ok(Value::Int(bin(&a[0], 1)?.referenced_len() as i64))
    }),
    def("bin_to_list", 1, |_, a| {
        Ok(byte_list(bin(&a[0], 1)?.bytes()))
    }),
    def("bin_to_list", 2, |_, a| {
        let b = bin(&a[0], 1)?;
        let (start, len) =
            pos_len(&a[1]).ok_or_else(|| error::badarg_at(2, "not a valid {Pos,Length} tuple"))?;
        bin_to_list(b, start, len, 2)
    }),
    def("bin_to_list", 3, |_, a| {
        let b = bin(&a[0], 1)?;
        let (Value::Int(start), Value::Int(len)) = (&a[1], &a[2]) else {
            return Err(error::badarg_at(2, "not an integer"));
        };
        bin_to_list(b, *start, *len, 3)
    }),
    def("list_to_bin", 1, |_, a| {
        crate::library::support::iodata::to_binary(&a[0])
            .map(Value::Bin)
            .ok_or_else(|| error::badarg_at(1, "not an iolist term"))
    }),
    def("decode_unsigned", 1, |_, a| {
        Ok(decode_unsigned(bin(&a[0], 1)?.bytes(), false))
    }),
    def("decode_unsigned", 2, |_, a| {
        let b = bin(&a[0], 1)?;
        Ok(decode_unsigned(b.bytes(), little(&a[1], 2)?))
    }),
    def("encode_unsigned", 1, |_, a| encode_unsigned(&a[0], false)),
    def("encode_unsigned", 2, |_, a| {
        encode_unsigned(&a[0], little(&a[1], 2)?)
    }),
    // OTP 25 has only the uppercase form (`encode_hex/2` came in OTP 26).
    def("encode_hex", 1, |_, a| {
        Ok(encode_hex(bin(&a[0], 1)?.bytes()))
    }),
    def("decode_hex", 1, |_, a| {
        let b = bin(&a[0], 1)?.bytes();
        let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
        if b.len() % 2 != 0 {
            return Err(error::badarg_at(1, "not a hex encoded binary"));
        }
        b.chunks(2)
            .map(|p| Some(digit(p[0])? << 4 | digit(p[1])?))
            .collect::<Option<Vec<u8>>>()
            .map(Value::bytes)
            .ok_or_else(|| error::badarg_at(1, "not a hex encoded binary"))
    }),
    def("longest_common_prefix", 1, |_, a| {
        let bins = bin_list(&a[0])?;
        let first = bins.first().map(|b| b.bytes()).unwrap_or(&[]);
        let n = bins.iter().fold(first.len(), |n, b| {
            first
                .iter()
                .zip(b.bytes())
                .take(n)
                .take_while(|(x, y)| x == y)
                .count()
        });
        Ok(Value::Int(n as i64))
    }),
    def("longest_common_suffix", 1, |_, a| {
        let bins = bin_list(&a[0])?;
        let first = bins.first().map(|b| b.bytes()).unwrap_or(&[]);
        let n = bins.iter().fold(first.len(), |n, b| {
            first
                .iter()
                .rev()
                .zip(b.bytes().iter().rev())
                .take(n)
                .take_while(|(x, y)| x == y)
                .count()
        });
        Ok(Value::Int(n as i64))
    }),
    def("compile_pattern", 1, |_, a| {
        let p = Patterns::of(&a[0]).ok_or_else(|| error::badarg_at(1, "not a valid pattern"))?;
        let tag = if p.needles.len() == 1 { "bm" } else { "ac" };
        Ok(Value::tuple(vec![
            Value::atom(tag),
            Resource::value("binary_pattern", p),
        ]))
    }),
    def("match", 2, |_, a| find(&a[0], &a[1], &Value::Nil, false)),
    def("match", 3, |_, a| find(&a[0], &a[1], &a[2], false)),
    def("matches", 2, |_, a| find(&a[0], &a[1], &Value::Nil, true)),
    def("matches", 3, |_, a| find(&a[0], &a[1], &a[2], true)),
    def("split", 2, |_, a| split(&a[0], &a[1], &Value::Nil)),
    def("split", 3, |_, a| split(&a[0], &a[1], &a[2])),
    def("replace", 3, |_, a| {
        replace(&a[0], &a[1], &a[2], &Value::Nil)
    }),
    def("replace", 4, |_, a| replace(&a[0], &a[1], &a[2], &a[3])),
];

fn bin(v: &Value, arg: usize) -> Result<&Binary> {
    match v {
        Value::Bin(b) if b.is_binary() => Ok(b),
        _ => Err(error::badarg_at(arg, "not a binary")),
    }
}

fn bin_list(v: &Value) -> Result<Vec<Binary>> {
    let items = proper(v).ok_or_else(|| error::badarg_at(1, "not a flat list of binaries"))?;
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        match x {
            Value::Bin(b) if b.is_binary() => out.push(b),
            _ => return Err(error::badarg_at(1, "not a flat list of binaries")),
        }
    }
    Ok(out)
}

fn pos_len(v: &Value) -> Option<(i64, i64)> {
    match v {
        Value::Tuple(t) if t.len() == 2 => match (&t[0], &t[1]) {
            (Value::Int(p), Value::Int(l)) => Some((*p, *l)),
            _ => None,
        },
        _ => None,
    }
}

/// `{start, len}` (a negative `len` counts back from `start`) as a byte
/// range of a binary of `size` bytes.
fn range(start: i64, len: i64, size: usize) -> Option<(usize, usize)> {
    let (from, to) = if len >= 0 {
        (start, start.checked_add(len)?)
    } else {
        (start.checked_add(len)?, start)
    };
    (from >= 0 && to as u64 <= size as u64).then_some((from as usize, (to - from) as usize))
}

fn part(b: &Binary, start: i64, len: i64, arg: usize) -> Result<Value> {
    let (from, n) =
        range(start, len, b.byte_len()).ok_or_else(|| error::badarg_at(arg, "out of range"))?;
    Ok(Value::Bin(b.part(from, n)))
}

fn byte_list(bytes: &[u8]) -> Value {
    Value::list(bytes.iter().map(|x| Value::Int(*x as i64)).collect())
}

fn bin_to_list(b: &Binary, start: i64, len: i64, arg: usize) -> Result<Value> {
    let (from, n) =
        range(start, len, b.byte_len()).ok_or_else(|| error::badarg_at(arg, "out of range"))?;
    Ok(byte_list(&b.bytes()[from..from + n]))
}

fn little(v: &Value, arg: usize) -> Result<bool> {
    match v.as_atom().map(|x| x.as_str()) {
        Some("big") => Ok(false),
        Some("little") => Ok(true),
        _ => Err(error::badarg_at(arg, "must be 'big' or 'little'")),
    }
}

fn decode_unsigned(bytes: &[u8], little: bool) -> Value {
    let sign = if bytes.is_empty() {
        Sign::NoSign
    } else {
        Sign::Plus
    };
    let big = if little {
        BigInt::from_bytes_le(sign, bytes)
    } else {
        BigInt::from_bytes_be(sign, bytes)
    };
    Value::bigint(big)
}

fn encode_unsigned(v: &Value, little: bool) -> Result<Value> {
    let big = match v {
        Value::Int(i) if *i >= 0 => BigInt::from(*i),
        Value::BigInt(b) if b.sign() != Sign::Minus => (**b).clone(),
        Value::Int(_) | Value::BigInt(_) => return Err(error::badarg_at(1, "out of range")),
        _ => return Err(error::badarg_at(1, "not an integer")),
    };
    let (_, mut bytes) = big.to_bytes_be();
    if little {
        bytes.reverse();
    }
    Ok(Value::bytes(bytes))
}

fn encode_hex(bytes: &[u8]) -> Value {
    let digits: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(digits[(b >> 4) as usize] as char);
        out.push(digits[(b & 15) as usize] as char);
    }
    Value::str(out)
}

/// What `match`/`split`/`replace` search for: one or more non-empty byte
/// strings, found leftmost-longest.
struct Patterns {
    needles: Vec<Vec<u8>>,
    automaton: AhoCorasick,
}

impl Patterns {
    fn of(v: &Value) -> Option<Patterns> {
        let needles: Vec<Vec<u8>> = match v {
            Value::Bin(b) if b.is_binary() => vec![b.bytes().to_vec()],
            Value::Nil | Value::Cons(_) => proper(v)?
                .iter()
                .map(|p| p.as_bytes().map(<[u8]>::to_vec))
                .collect::<Option<_>>()?,
            _ => return None,
        };
        if needles.is_empty() || needles.iter().any(Vec::is_empty) {
            return None;
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&needles)
            .ok()?;
        Some(Patterns { needles, automaton })
    }

    /// The matches in `hay` as `(start, len)`, the first only unless `all`.
    fn find(&self, hay: &[u8], all: bool) -> Vec<(usize, usize)> {
        let it = self.automaton.find_iter(hay).map(|m| (m.start(), m.len()));
        if all {
            it.collect()
        } else {
            it.take(1).collect()
        }
    }
}

/// A pattern argument: a binary, a list of binaries, or what
/// `compile_pattern/1` returned.
fn with_patterns<T>(v: &Value, arg: usize, f: impl FnOnce(&Patterns) -> Result<T>) -> Result<T> {
    if let Value::Tuple(t) = v {
        if let (2, Some(Value::Resource(r))) = (t.len(), t.get(1)) {
            if let Some(p) = r.get::<Patterns>() {
                return f(p);
            }
        }
    }
    let p = Patterns::of(v).ok_or_else(|| error::badarg_at(arg, "not a valid pattern"))?;
    f(&p)
}

/// The options of `match/3`, `split/3` and `replace/4`.
#[derive(Default)]
struct Opts {
    global: bool,
    trim: bool,
    trim_all: bool,
    scope: Option<(usize, usize)>,
    insert: Vec<usize>,
}

fn opts(v: &Value, size: usize, arg: usize) -> Result<Opts> {
    let bad = || error::badarg_at(arg, "invalid options");
    let mut o = Opts::default();
    for item in proper(v).ok_or_else(bad)? {
        match item {
            Value::Atom(x) => match x.as_str() {
                "global" => o.global = true,
                "trim" => o.trim = true,
                "trim_all" => o.trim_all = true,
                _ => return Err(bad()),
            },
            Value::Tuple(t) if t.len() == 2 => match (t[0].as_atom().map(|x| x.as_str()), &t[1]) {
                (Some("scope"), s) => {
                    let (p, l) = pos_len(s).ok_or_else(bad)?;
                    o.scope = Some(range(p, l, size).ok_or_else(bad)?);
                }
                (Some("insert_replaced"), Value::Int(i)) if *i >= 0 => o.insert = vec![*i as usize],
                (Some("insert_replaced"), l) => {
                    for i in proper(l).ok_or_else(bad)? {
                        match i {
                            Value::Int(i) if i >= 0 => o.insert.push(i as usize),
                            _ => return Err(bad()),
                        }
                    }
                }
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        }
    }
    Ok(o)
}

/// The matches inside the scope, as offsets into the whole binary.
fn matches_in(p: &Patterns, hay: &[u8], o: &Opts, all: bool) -> Vec<(usize, usize)> {
    let (from, len) = o.scope.unwrap_or((0, hay.len()));
    p.find(&hay[from..from + len], all)
        .into_iter()
        .map(|(s, l)| (s + from, l))
        .collect()
}

fn pair(start: usize, len: usize) -> Value {
    Value::tuple(vec![Value::Int(start as i64), Value::Int(len as i64)])
}

fn find(subject: &Value, pattern: &Value, options: &Value, all: bool) -> Result<Value> {
    let b = bin(subject, 1)?;
    let o = opts(options, b.byte_len(), 3)?;
    with_patterns(pattern, 2, |p| {
        let found = matches_in(p, b.bytes(), &o, all);
        Ok(if all {
            Value::list(found.into_iter().map(|(s, l)| pair(s, l)).collect())
        } else {
            match found.first() {
                Some((s, l)) => pair(*s, *l),
                None => Value::atom("nomatch"),
            }
        })
    })
}

fn split(subject: &Value, pattern: &Value, options: &Value) -> Result<Value> {
    let b = bin(subject, 1)?;
    let o = opts(options, b.byte_len(), 3)?;
    with_patterns(pattern, 2, |p| {
        let found = matches_in(p, b.bytes(), &o, o.global);
        let mut parts = Vec::with_capacity(found.len() + 1);
        let mut at = 0;
        for (s, l) in found {
            parts.push(b.part(at, s - at));
            at = s + l;
        }
        parts.push(b.part(at, b.byte_len() - at));
        if o.trim_all {
            parts.retain(|x| x.byte_len() > 0);
        } else if o.trim {
            while parts.last().is_some_and(|x| x.byte_len() == 0) {
                parts.pop();
            }
        }
        Ok(Value::list(parts.into_iter().map(Value::Bin).collect()))
    })
}

fn replace(subject: &Value, pattern: &Value, with: &Value, options: &Value) -> Result<Value> {
    let b = bin(subject, 1)?;
    let rep = bin(with, 3)?.bytes();
    let o = opts(options, b.byte_len(), 4)?;
    if o.insert.iter().any(|i| *i > rep.len()) {
        return Err(error::badarg_at(4, "invalid options"));
    }
    with_patterns(pattern, 2, |p| {
        let hay = b.bytes();
        let found = matches_in(p, hay, &o, o.global);
        let mut out = Vec::with_capacity(hay.len());
        let mut at = 0;
        for (s, l) in found {
            out.extend_from_slice(&hay[at..s]);
            // `insert_replaced`: the matched part goes in at each offset.
            let mut last = 0;
            for &i in &o.insert {
                out.extend_from_slice(&rep[last..i]);
                out.extend_from_slice(&hay[s..s + l]);
                last = i;
            }
            out.extend_from_slice(&rep[last..]);
            at = s + l;
        }
        out.extend_from_slice(&hay[at..]);
        Ok(Value::bytes(out))
    })
}
