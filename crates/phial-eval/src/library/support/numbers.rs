//! Number parsing and printing several units share (`Integer`, `Float`,
//! `String`, `List`, `:erlang`): big-integer normalising, prefix parsers,
//! digits in a base.
//!
//! Not here: arithmetic (`support::arith`).

use crate::error::{self, Result};
use crate::library::support::arith::big;
use crate::library::support::collections::clause;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

pub(crate) fn norm(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::bigint(b),
    }
}

pub(crate) fn int_to_string(v: &Value, base: u32) -> Result<Value> {
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

pub(crate) fn digits(v: &Value, base: &Value) -> Result<Value> {
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
