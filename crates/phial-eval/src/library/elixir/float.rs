//! `Float` natives: parsing, rounding (`round`/`ceil`/`floor` to a
//! precision, exact as Erlang's), `ratio`, `to_string` with `:erlang`'s
//! shortest round-trip digits, with Elixir 1.14's errors.
//!
//! Not here: float arithmetic (`support::arith`), the deprecated aliases (`float.ex`).

use crate::error::{self, Result};
use crate::library::support::collections::clause;
use crate::library::support::numbers::parse_float_prefix;
use crate::library::{def, Native};
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

pub const NATIVES: &[Native] = &[
    def("round", 1, |_, a| {
        float_round(&a[0], &Value::Int(0), Dir::Round, "round")
    }),
    def("round", 2, |_, a| {
        float_round(&a[0], &a[1], Dir::Round, "round")
    })
    .doc(
        r#"round(float, precision \\ 0)"#,
        r#"Rounds `float` to `precision` decimal places (0 to 15), halves away from
zero, and gives a float.

    iex> Float.round(5.5674, 1)
    5.6"#,
    ),
    def("floor", 1, |_, a| {
        float_round(&a[0], &Value::Int(0), Dir::Floor, "floor")
    }),
    def("floor", 2, |_, a| {
        float_round(&a[0], &a[1], Dir::Floor, "floor")
    })
    .doc(
        r#"floor(number, precision \\ 0)"#,
        r#"Rounds `number` down to `precision` decimal places, giving a float.

    iex> Float.floor(-1.25, 1)
    -1.3"#,
    ),
    def("ceil", 1, |_, a| {
        float_round(&a[0], &Value::Int(0), Dir::Ceil, "ceil")
    }),
    def("ceil", 2, |_, a| {
        float_round(&a[0], &a[1], Dir::Ceil, "ceil")
    })
    .doc(
        r#"ceil(number, precision \\ 0)"#,
        r#"Rounds `number` up to `precision` decimal places, giving a float.

    iex> Float.ceil(1.21, 1)
    1.3"#,
    ),
    def("to_string", 1, |_, a| match &a[0] {
        Value::Float(f) => Ok(Value::str(crate::format::float_to_string(*f))),
        _ => Err(clause("Float", "to_string", 1, &[&a[0]])),
    })
    .doc(
        r#"to_string(float)"#,
        r#"Writes `float` as the shortest text that reads back as the same float.

    iex> Float.to_string(0.1 + 0.2)
    "0.30000000000000004""#,
    ),
    def("ratio", 1, |_, a| match &a[0] {
        Value::Float(f) => {
            let (num, den) = float_ratio(*f);
            Ok(Value::tuple(vec![Value::bigint(num), Value::bigint(den)]))
        }
        _ => Err(clause("Float", "ratio", 1, &[&a[0]])),
    })
    .doc(
        r#"ratio(float)"#,
        r#"The float as an exact fraction `{numerator, denominator}` in lowest
terms, with a positive denominator.

    iex> Float.ratio(0.75)
    {3, 4}"#,
    ),
    def("to_string", 2, |_, a| {
        float_to_binary(&a[0], &a[1]).map(Value::str)
    })
    .doc(
        r#"to_string(float, options)"#,
        r#"The old form with options, as `:erlang.float_to_binary/2` takes them:
`decimals: n` writes `n` digits after the point, `compact: true` drops
trailing zeros.

    iex> Float.to_string(3.14159, decimals: 2)
    "3.14""#,
    ),
    def("to_char_list", 2, |_, a| {
        float_to_binary(&a[0], &a[1])
            .map(|s| Value::list(s.chars().map(|c| Value::Int(c as i64)).collect()))
    })
    .doc(
        r#"to_char_list(float, options)"#,
        r#"Like `to_string/2`, as a charlist.

    iex> Float.to_char_list(1.5, decimals: 1)
    '1.5'"#,
    ),
    def("to_charlist", 1, |_, a| match &a[0] {
        Value::Float(f) => Ok(Value::list(
            crate::format::float_to_string(*f)
                .chars()
                .map(|c| Value::Int(c as i64))
                .collect(),
        )),
        _ => Err(clause("Float", "to_charlist", 1, &[&a[0]])),
    })
    .doc(
        r#"to_charlist(float)"#,
        r#"Like `to_string/1`, as a charlist.

    iex> Float.to_charlist(1.5)
    '1.5'"#,
    ),
    def("parse", 1, |_, a| match a[0].as_str() {
        Some(s) => Ok(match parse_float_prefix(s) {
            Some((f, rest)) => Value::tuple(vec![Value::Float(f), Value::str(rest)]),
            None => Value::atom("error"),
        }),
        _ => Err(clause("Float", "parse_unsigned", 1, &[&a[0]])),
    })
    .doc(
        r#"parse(binary)"#,
        r#"Reads a float from the start of `binary`: `{float, rest}`, or `:error`.
An integer's digits are read as a float.

    iex> Float.parse("2.5kg")
    {2.5, "kg"}"#,
    ),
];

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Dir {
    Round,
    Floor,
    Ceil,
}

/// `Float.round/floor/ceil` with a precision, exact on the float's true
/// decimal value as Elixir's are (`Float.round(1.005, 2)` is `1.0`).
pub(crate) fn float_round(v: &Value, prec: &Value, dir: Dir, name: &str) -> Result<Value> {
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

/// The exact value of a float as a reduced fraction (`Float.ratio/1`).
pub(crate) fn float_ratio(f: f64) -> (BigInt, BigInt) {
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
pub(crate) fn float_to_binary(v: &Value, opts: &Value) -> Result<String> {
    // The BEAM formats into a 256-byte buffer: a longer result is refused
    // as an invalid option.
    let text = float_text(v, opts)?;
    if text.len() > 255 {
        return Err(error::badarg_at(2, "invalid option in list"));
    }
    Ok(text)
}

pub(crate) fn float_text(v: &Value, opts: &Value) -> Result<String> {
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
