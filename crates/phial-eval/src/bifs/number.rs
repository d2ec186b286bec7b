//! `Integer`, `Float`, `Atom`, `Range`, `System` and `Exception` builtins,
//! and the `:erlang`/`:math` functions users reach for, with Elixir 1.14's
//! errors for wrong arguments.
//!
//! Not here: arithmetic operators (`arith`), `String` (`string`).

use super::collections::clause;
use super::{def, Def};
use crate::error::{self, Raise, Result};
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

pub static BIFS: &[Def] = &[
    def("Integer", "to_string", 1, |_, a| int_to_string(&a[0], 10)),
    def("Integer", "to_string", 2, |_, a| match &a[1] {
        Value::Int(b) if (2..=36).contains(b) => int_to_string(&a[0], *b as u32),
        _ => Err(error::badarg_at(
            2,
            "not an integer in the range 2 through 36",
        )),
    }),
    def("Integer", "to_charlist", 1, |_, a| {
        let s = int_to_string(&a[0], 10)?;
        super::kernel::to_charlist(&s)
    }),
    def("Integer", "parse", 1, |_, a| {
        int_parse(&a[0], &Value::Int(10))
    }),
    def("Integer", "parse", 2, |_, a| int_parse(&a[0], &a[1])),
    def("Integer", "digits", 1, |_, a| {
        digits(&a[0], &Value::Int(10))
    }),
    def("Integer", "digits", 2, |_, a| digits(&a[0], &a[1])),
    def("Integer", "undigits", 1, |_, a| {
        undigits(&a[0], &Value::Int(10))
    }),
    def("Integer", "undigits", 2, |_, a| undigits(&a[0], &a[1])),
    def("Integer", "pow", 2, |_, a| match (&a[0], &a[1]) {
        (b, Value::Int(e)) if b.is_integer() && *e >= 0 => super::arith::int_pow(b, &a[1]),
        (b, e) if b.is_integer() && e.is_integer() => Err(error::arithmetic_error()),
        _ => Err(clause("Integer", "pow", 2, &[&a[0], &a[1]])),
    }),
    def("Integer", "gcd", 2, |_, a| match (big(&a[0]), big(&a[1])) {
        (Some(x), Some(y)) => Ok(norm(num_integer::Integer::gcd(&x, &y))),
        _ => Err(clause("Integer", "gcd", 2, &[&a[0], &a[1]])),
    }),
    def("Integer", "mod", 2, |_, a| {
        super::arith::modulo(&a[0], &a[1])
    }),
    def("Integer", "floor_div", 2, |_, a| {
        match (big(&a[0]), big(&a[1])) {
            (Some(_), Some(y)) if y.is_zero() => Err(error::arithmetic_error()),
            (Some(x), Some(y)) => Ok(norm(num_integer::Integer::div_floor(&x, &y))),
            _ => Err(error::arithmetic_error()),
        }
    }),
    def("Integer", "is_even", 1, |_, a| {
        Ok(Value::bool(
            matches!(big(&a[0]), Some(x) if (&x % 2u32).is_zero()),
        ))
    }),
    def("Integer", "is_odd", 1, |_, a| {
        Ok(Value::bool(
            matches!(big(&a[0]), Some(x) if !(&x % 2u32).is_zero()),
        ))
    }),
    def("Float", "round", 1, |_, a| {
        float_round(&a[0], &Value::Int(0), Dir::Round, "round")
    }),
    def("Float", "round", 2, |_, a| {
        float_round(&a[0], &a[1], Dir::Round, "round")
    }),
    def("Float", "floor", 1, |_, a| {
        float_round(&a[0], &Value::Int(0), Dir::Floor, "floor")
    }),
    def("Float", "floor", 2, |_, a| {
        float_round(&a[0], &a[1], Dir::Floor, "floor")
    }),
    def("Float", "ceil", 1, |_, a| {
        float_round(&a[0], &Value::Int(0), Dir::Ceil, "ceil")
    }),
    def("Float", "ceil", 2, |_, a| {
        float_round(&a[0], &a[1], Dir::Ceil, "ceil")
    }),
    def("Float", "to_string", 1, |_, a| match &a[0] {
        Value::Float(f) => Ok(Value::str(crate::format::float_to_string(*f))),
        _ => Err(clause("Float", "to_string", 1, &[&a[0]])),
    }),
    def("Float", "ratio", 1, |_, a| match &a[0] {
        Value::Float(f) => {
            let (num, den) = float_ratio(*f);
            Ok(Value::tuple(vec![Value::bigint(num), Value::bigint(den)]))
        }
        _ => Err(clause("Float", "ratio", 1, &[&a[0]])),
    }),
    def("Float", "to_string", 2, |_, a| {
        float_to_binary(&a[0], &a[1]).map(Value::str)
    }),
    def("Float", "to_char_list", 2, |_, a| {
        float_to_binary(&a[0], &a[1])
            .map(|s| Value::list(s.chars().map(|c| Value::Int(c as i64)).collect()))
    }),
    def("Float", "to_charlist", 1, |_, a| match &a[0] {
        Value::Float(f) => Ok(Value::list(
            crate::format::float_to_string(*f)
                .chars()
                .map(|c| Value::Int(c as i64))
                .collect(),
        )),
        _ => Err(clause("Float", "to_charlist", 1, &[&a[0]])),
    }),
    def("Float", "parse", 1, |_, a| match &a[0] {
        Value::Str(s) => Ok(match parse_float_prefix(s) {
            Some((f, rest)) => Value::tuple(vec![Value::Float(f), Value::str(rest)]),
            None => Value::atom("error"),
        }),
        _ => Err(clause("Float", "parse_unsigned", 1, &[&a[0]])),
    }),
    def("Atom", "to_string", 1, |_, a| match &a[0] {
        Value::Atom(x) => Ok(Value::str(x.as_str())),
        _ => Err(error::badarg_at(1, "not an atom")),
    }),
    def("Atom", "to_charlist", 1, |_, a| match &a[0] {
        Value::Atom(x) => Ok(Value::list(
            x.as_str().chars().map(|c| Value::Int(c as i64)).collect(),
        )),
        _ => Err(error::badarg_at(1, "not an atom")),
    }),
    def("Range", "new", 2, |_, a| range_new(&a[0], &a[1], None)),
    def("Range", "new", 3, |_, a| {
        range_new(&a[0], &a[1], Some(&a[2]))
    }),
    def("Range", "size", 1, |_, a| match a[0].as_range() {
        Some((f, l, s)) => Ok(Value::bigint(num_bigint::BigInt::from(
            super::enum_core::range_len(f, l, s),
        ))),
        None => Err(clause("Range", "size", 1, &[&a[0]])),
    }),
    def("Range", "disjoint?", 2, |_, a| {
        match (a[0].as_range(), a[1].as_range()) {
            (Some((f1, l1, s1)), Some((f2, l2, s2))) => {
                let n1 = super::enum_core::range_len(f1, l1, s1);
                let n2 = super::enum_core::range_len(f2, l2, s2);
                if n1 == 0 || n2 == 0 {
                    return Ok(Value::TRUE);
                }
                let last1 = super::enum_core::range_nth(f1, s1, n1 - 1);
                let last2 = super::enum_core::range_nth(f2, s2, n2 - 1);
                let (lo1, hi1) = (f1.min(last1), f1.max(last1));
                let (lo2, hi2) = (f2.min(last2), f2.max(last2));
                Ok(Value::bool(hi1 < lo2 || hi2 < lo1))
            }
            _ => Err(clause("Range", "disjoint?", 2, &[&a[0], &a[1]])),
        }
    }),
    def("System", "argv", 0, |ctx, _| {
        Ok(Value::list(
            ctx.vm
                .argv
                .read()
                .iter()
                .map(|s| Value::str(s.clone()))
                .collect(),
        ))
    }),
    def("System", "monotonic_time", 0, |_, _| {
        Ok(Value::Int(monotonic_ns()))
    }),
    def("System", "monotonic_time", 1, |_, a| {
        Ok(Value::Int(convert(monotonic_ns(), &a[0])?))
    }),
    def("System", "system_time", 0, |_, _| {
        Ok(Value::Int(system_ns()))
    }),
    def("System", "system_time", 1, |_, a| {
        Ok(Value::Int(convert(system_ns(), &a[0])?))
    }),
    def("System", "os_time", 0, |_, _| Ok(Value::Int(system_ns()))),
    def("System", "os_time", 1, |_, a| {
        Ok(Value::Int(convert(system_ns(), &a[0])?))
    }),
    def("System", "halt", 0, |ctx, _| halt(ctx, 0)),
    def("System", "halt", 1, |ctx, a| match &a[0] {
        Value::Int(n) if *n >= 0 => halt(ctx, *n as i32),
        _ => Err(clause("System", "halt", 1, &[&a[0]])),
    }),
    def("System", "schedulers_online", 0, |_, _| {
        Ok(Value::Int(
            std::thread::available_parallelism()
                .map(|n| n.get() as i64)
                .unwrap_or(1),
        ))
    }),
    def(":erlang", "system_time", 0, |_, _| {
        Ok(Value::Int(system_ns()))
    }),
    def(":erlang", "system_time", 1, |_, a| {
        Ok(Value::Int(convert(system_ns(), &a[0])?))
    }),
    def(":erlang", "monotonic_time", 0, |_, _| {
        Ok(Value::Int(monotonic_ns()))
    }),
    def(":erlang", "monotonic_time", 1, |_, a| {
        Ok(Value::Int(convert(monotonic_ns(), &a[0])?))
    }),
    def(":erlang", "float", 1, |_, a| {
        match crate::term::to_f64(&a[0]) {
            Some(f) => Ok(Value::Float(f)),
            None => Err(error::badarg_at(1, "not a number")),
        }
    }),
    def(":erlang", "atom_to_binary", 1, |_, a| match &a[0] {
        Value::Atom(x) => Ok(Value::str(x.as_str())),
        _ => Err(error::badarg_at(1, "not an atom")),
    }),
    def(":erlang", "binary_to_atom", 1, |_, a| match &a[0] {
        Value::Str(s) => Ok(Value::atom(s)),
        _ => Err(error::badarg_at(1, "not a binary")),
    }),
    def(":erlang", "integer_to_binary", 1, |_, a| {
        int_to_string(&a[0], 10)
    }),
    def(
        ":erlang",
        "list_to_tuple",
        1,
        |_, a| match super::collections::proper(&a[0]) {
            Some(v) => Ok(Value::tuple(v)),
            None => Err(error::badarg_at(1, "not a list")),
        },
    ),
    def(":erlang", "tuple_to_list", 1, |_, a| match &a[0] {
        Value::Tuple(t) => Ok(Value::list(t.to_vec())),
        _ => Err(error::badarg_at(1, "not a tuple")),
    }),
    def(":erlang", "unique_integer", 0, |_, _| {
        Ok(Value::Int(unique()))
    }),
    def(":erlang", "unique_integer", 1, |_, _| {
        Ok(Value::Int(unique()))
    }),
    def(":erlang", "phash2", 1, |_, a| {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        crate::format::inspect(&a[0]).hash(&mut h);
        Ok(Value::Int((h.finish() % (1 << 27)) as i64))
    }),
    def(":math", "sqrt", 1, |_, a| math1(&a[0], f64::sqrt)),
    def(":math", "log", 1, |_, a| math1(&a[0], f64::ln)),
    def(":math", "log2", 1, |_, a| math1(&a[0], f64::log2)),
    def(":math", "log10", 1, |_, a| math1(&a[0], f64::log10)),
    def(":math", "exp", 1, |_, a| math1(&a[0], f64::exp)),
    def(":math", "sin", 1, |_, a| math1(&a[0], f64::sin)),
    def(":math", "cos", 1, |_, a| math1(&a[0], f64::cos)),
    def(":math", "floor", 1, |_, a| math1(&a[0], f64::floor)),
    def(":math", "ceil", 1, |_, a| math1(&a[0], f64::ceil)),
    def(":math", "pi", 0, |_, _| {
        Ok(Value::Float(std::f64::consts::PI))
    }),
    def(":math", "pow", 2, |_, a| {
        match (crate::term::to_f64(&a[0]), crate::term::to_f64(&a[1])) {
            (Some(x), Some(y)) if x.powf(y).is_finite() => Ok(Value::Float(x.powf(y))),
            _ => Err(error::arithmetic_error()),
        }
    }),
    def("Exception", "format", 2, |_, a| {
        let r = Raise {
            kind: match a[0].as_atom().and_then(error::Kind::from_atom) {
                Some(k) => k,
                None => error::Kind::Error,
            },
            value: a[1].clone(),
        };
        Ok(Value::str(error::format_banner(&r)))
    }),
];

fn big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

fn norm(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::bigint(b),
    }
}

fn int_to_string(v: &Value, base: u32) -> Result<Value> {
    match big(v) {
        Some(b) => Ok(Value::str(b.to_str_radix(base).to_uppercase())),
        None => Err(error::badarg_at(1, "not an integer")),
    }
}

/// An optionally signed integer at the start of `s` in `base`, and the rest.
pub fn parse_int_prefix(s: &str, base: u32) -> Option<(Value, &str)> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let end = body.find(|c: char| !c.is_digit(base)).unwrap_or(body.len());
    if end == 0 {
        return None;
    }
    let mut n = BigInt::parse_bytes(&body.as_bytes()[..end], base)?;
    if neg {
        n = -n;
    }
    Some((norm(n), &body[end..]))
}

/// `Float.parse/1`'s grammar: an integer part, an optional `.digits`, an
/// optional exponent; the longest valid prefix.
pub fn parse_float_prefix(s: &str) -> Option<(f64, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let ds = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == ds {
        return None;
    }
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'-' || b[j] == b'+') {
            j += 1;
        }
        let es = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > es {
            i = j;
        }
    }
    let f: f64 = s[..i].parse().ok()?;
    f.is_finite().then_some((f, &s[i..]))
}

fn int_parse(v: &Value, base: &Value) -> Result<Value> {
    match (v, base) {
        (Value::Str(s), Value::Int(b)) if (2..=36).contains(b) => {
            Ok(match parse_int_prefix(s, *b as u32) {
                Some((n, rest)) => Value::tuple(vec![n, Value::str(rest)]),
                None => Value::atom("error"),
            })
        }
        _ => Err(clause("Integer", "parse", 2, &[v, base])),
    }
}

fn digits(v: &Value, base: &Value) -> Result<Value> {
    match (big(v), big(base)) {
        (Some(n), Some(b)) if b >= BigInt::from(2) => {
            let neg = n.is_negative();
            let sign = |d: i64| Value::Int(if neg { -d } else { d });
            // The bignum crate prints bases up to 36 (fast); a larger base
            // (Elixir allows any integer from 2) takes repeated division.
            if let Some(b @ 2..=36) = b.to_u32() {
                let s = n.abs().to_str_radix(b);
                return Ok(Value::list(
                    s.chars()
                        .map(|c| sign(c.to_digit(36).unwrap_or(0) as i64))
                        .collect(),
                ));
            }
            let mut rest = n.abs();
            let mut out = Vec::new();
            loop {
                let (q, r) = num_integer::Integer::div_rem(&rest, &b);
                out.push(norm(if neg { -r } else { r }));
                if q.is_zero() {
                    break;
                }
                rest = q;
            }
            out.reverse();
            Ok(Value::list(out))
        }
        _ => Err(clause("Integer", "digits", 2, &[v, base])),
    }
}

fn undigits(v: &Value, base: &Value) -> Result<Value> {
    let (Some(items), Value::Int(b)) = (super::collections::proper(v), base) else {
        return Err(clause("Integer", "undigits", 2, &[v, base]));
    };
    if *b < 2 {
        return Err(clause("Integer", "undigits", 2, &[v, base]));
    }
    let mut acc = BigInt::zero();
    for d in items {
        match d {
            Value::Int(d) if d < *b => acc = acc * *b + d,
            Value::Int(d) => {
                return Err(error::argument_error(format!(
                    "invalid digit {d} in base {b}"
                )))
            }
            _ => return Err(clause("Integer", "undigits", 2, &[v, base])),
        }
    }
    Ok(norm(acc))
}

#[derive(Clone, Copy, PartialEq)]
enum Dir {
    Round,
    Floor,
    Ceil,
}

/// `Float.round/floor/ceil` with a precision, exact on the float's true
/// decimal value as Elixir's are (`Float.round(1.005, 2)` is `1.0`).
fn float_round(v: &Value, prec: &Value, dir: Dir, name: &str) -> Result<Value> {
    let (Value::Float(f), Value::Int(p)) = (v, prec) else {
        return Err(clause("Float", name, 2, &[v, prec]));
    };
    if !(0..=15).contains(p) {
        return Err(error::argument_error(format!(
            "precision {p} is out of valid range of 0..15"
        )));
    }
    let neg = f.is_sign_negative();
    let exact = format!("{:.1100}", f.abs());
    let (int, frac) = exact.split_once('.').unwrap_or((&exact, ""));
    let p = *p as usize;
    let kept = &frac[..p];
    let rest = &frac[p..];
    let rest_nonzero = rest.bytes().any(|c| c != b'0');
    let up = match dir {
        Dir::Round => rest.as_bytes().first().map(|c| *c >= b'5').unwrap_or(false),
        Dir::Floor => neg && rest_nonzero,
        Dir::Ceil => !neg && rest_nonzero,
    };
    let mut digits: Vec<u8> = format!("{int}{kept}").into_bytes();
    if up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let s = String::from_utf8(digits).unwrap_or_default();
    let (ip, fp) = s.split_at(s.len() - p);
    let text = format!("{}{}.{}0", if neg { "-" } else { "" }, ip, fp);
    Ok(Value::Float(text.parse().unwrap_or(*f)))
}

fn range_new(first: &Value, last: &Value, step: Option<&Value>) -> Result<Value> {
    match (first, last, step) {
        (Value::Int(f), Value::Int(l), None) => Ok(Value::range(*f, *l, if f <= l { 1 } else { -1 })),
        (Value::Int(f), Value::Int(l), Some(Value::Int(s))) if *s != 0 => Ok(Value::range(*f, *l, *s)),
        (_, _, None) => Err(error::argument_error(format!(
            "ranges (first..last) expect both sides to be integers, got: {}..{}",
            crate::format::inspect(first),
            crate::format::inspect(last)
        ))),
        (_, _, Some(s)) => Err(error::argument_error(format!(
            "ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: {}..{}//{}",
            crate::format::inspect(first),
            crate::format::inspect(last),
            crate::format::inspect(s)
        ))),
    }
}

fn start() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

fn monotonic_ns() -> i64 {
    // Negative like the BEAM's, so nobody mistakes it for wall-clock time.
    start().elapsed().as_nanos() as i64 - 576_460_752_303_423_488
}

fn system_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0)
}

fn unique() -> i64 {
    static N: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);
    N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Nanoseconds in the unit Elixir names (`:millisecond`, `:second`, ...).
fn convert(ns: i64, unit: &Value) -> Result<i64> {
    let per = match unit {
        Value::Atom(a) => match a.as_str() {
            "second" | "seconds" => 1_000_000_000,
            "millisecond" | "milli_seconds" => 1_000_000,
            "microsecond" | "micro_seconds" => 1_000,
            "nanosecond" | "nano_seconds" | "native" => 1,
            _ => return Err(error::argument_error(format!("unsupported time unit. Expected :second, :millisecond, :microsecond, :nanosecond, or a positive integer, got {}", crate::format::inspect(unit)))),
        },
        Value::Int(n) if *n > 0 => return Ok(((ns as i128) * (*n as i128) / 1_000_000_000) as i64),
        _ => return Err(error::badarg()),
    };
    Ok(ns.div_euclid(per))
}

fn halt(ctx: &mut super::Ctx, code: i32) -> Result<Value> {
    ctx.vm.out.flush();
    ctx.vm.set_exit_code(code);
    ctx.vm.out.halt(code);
    Err(crate::error::Raise::exit(Value::Atom(
        crate::atom::Atom::SHUTDOWN,
    )))
}

fn math1(v: &Value, f: fn(f64) -> f64) -> Result<Value> {
    match crate::term::to_f64(v).map(f) {
        Some(r) if r.is_finite() => Ok(Value::Float(r)),
        _ => Err(error::arithmetic_error()),
    }
}

/// The exact value of a float as a reduced fraction (`Float.ratio/1`).
fn float_ratio(f: f64) -> (BigInt, BigInt) {
    if f == 0.0 {
        return (BigInt::zero(), BigInt::from(1));
    }
    let bits = f.to_bits();
    let negative = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    // value = mantissa * 2^exp2
    let (mut mantissa, mut exp2) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    while mantissa % 2 == 0 && exp2 < 0 {
        mantissa /= 2;
        exp2 += 1;
    }
    let mut num = BigInt::from(mantissa);
    let mut den = BigInt::from(1);
    if exp2 >= 0 {
        num <<= exp2 as usize;
    } else {
        den <<= (-exp2) as usize;
    }
    if negative {
        num = -num;
    }
    (num, den)
}

/// `:erlang.float_to_binary/2`, which the deprecated `Float.to_string/2`
/// calls: `decimals: 0..253` (rounded half away from zero, `compact`
/// trims trailing zeros), `scientific: 0..249` (rounded half to even),
/// the default being `scientific: 20`. Both are computed on the float's
/// exact value, as the BEAM does.
fn float_to_binary(v: &Value, opts: &Value) -> Result<String> {
    // The BEAM formats into a 256-byte buffer: a longer result is refused
    // as an invalid option.
    let text = float_text(v, opts)?;
    if text.len() > 255 {
        return Err(error::badarg_at(2, "invalid option in list"));
    }
    Ok(text)
}

fn float_text(v: &Value, opts: &Value) -> Result<String> {
    // Elixir walks the options (expand_compact/1) before the BEAM sees
    // the float.
    let items = opts
        .list_to_vec()
        .ok_or_else(|| clause("Float", "expand_compact", 1, &[opts]))?;
    let Value::Float(f) = v else {
        return Err(error::badarg_at(1, "not a float"));
    };
    let invalid = || error::badarg_at(2, "invalid option in list");
    let mut decimals: Option<usize> = None;
    let mut scientific = 20usize;
    let mut compact = false;
    for item in &items {
        match item {
            Value::Atom(a) if a.as_str() == "compact" => compact = true,
            // Float.to_string/2's own spelling (expand_compact/1).
            Value::Tuple(t) if t.len() == 2 && t[0] == Value::atom("compact") => {
                match t[1].as_bool() {
                    Some(b) => compact = compact || b,
                    None => return Err(invalid()),
                }
            }
            Value::Tuple(t) if t.len() == 2 => match (t[0].as_atom().map(|a| a.as_str()), &t[1]) {
                (Some("decimals"), Value::Int(n)) if (0..=253).contains(n) => {
                    decimals = Some(*n as usize)
                }
                (Some("scientific"), Value::Int(n)) if (0..=249).contains(n) => {
                    decimals = None;
                    scientific = *n as usize
                }
                _ => return Err(invalid()),
            },
            _ => return Err(invalid()),
        }
    }
    let (num, den) = float_ratio(*f);
    let negative = num.is_negative() || (f.is_sign_negative() && *f == 0.0);
    let num = num.abs();
    let sign = if negative { "-" } else { "" };
    let ten = BigInt::from(10);
    if let Some(d) = decimals {
        let scaled = &num * num_traits::pow(ten.clone(), d);
        let (mut q, r) = num_integer::Integer::div_rem(&scaled, &den);
        if &r * 2u32 >= den {
            q += 1;
        }
        let digits = format!("{:0>width$}", q.to_string(), width = d + 1);
        let (int, frac) = digits.split_at(digits.len() - d);
        let mut frac = frac.to_string();
        if compact {
            while frac.len() > 1 && frac.ends_with('0') {
                frac.pop();
            }
        }
        return Ok(if d == 0 {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{frac}")
        });
    }
    let d = scientific;
    let (digits, e) = if num.is_zero() {
        ("0".repeat(d + 1), 0i64)
    } else {
        // 10^e <= value < 10^(e+1), from an estimate corrected exactly.
        let mut e = f.abs().log10().floor() as i64;
        let pow10 = |k: i64| num_traits::pow(ten.clone(), k.unsigned_abs() as usize);
        let below = |e: i64| {
            // value < 10^e ?
            if e >= 0 {
                num < &den * pow10(e)
            } else {
                &num * pow10(e) < den
            }
        };
        while below(e) {
            e -= 1;
        }
        while !below(e + 1) {
            e += 1;
        }
        // digits = round_half_even(value * 10^(d - e))
        let shift = d as i64 - e;
        let (n, dd) = if shift >= 0 {
            (&num * pow10(shift), den.clone())
        } else {
            (num.clone(), &den * pow10(shift))
        };
        let (mut q, r) = num_integer::Integer::div_rem(&n, &dd);
        let twice = &r * 2u32;
        if twice > dd || (twice == dd && (&q % 2u32) == BigInt::from(1)) {
            q += 1;
        }
        if q == pow10(d as i64 + 1) {
            q /= 10;
            e += 1;
        }
        (q.to_string(), e)
    };
    let (first, rest) = digits.split_at(1);
    let mantissa = if d == 0 {
        first.to_string()
    } else {
        format!("{first}.{rest}")
    };
    let esign = if e < 0 { '-' } else { '+' };
    Ok(format!("{sign}{mantissa}e{esign}{:02}", e.abs()))
}
