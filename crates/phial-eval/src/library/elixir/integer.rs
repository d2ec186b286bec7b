//! `Integer` natives: parsing, `digits`/`undigits`, `gcd`, `pow`, `mod`,
//! `floor_div`, with Elixir 1.14's errors for wrong arguments.
//!
//! Not here: the operators (`support::arith`), the deprecated aliases (`integer.ex`).

use crate::error::{self, Result};
use crate::library::support::arith::big;
use crate::library::support::collections::clause;
use crate::library::support::numbers::{digits, int_to_string, norm, parse_int_prefix};
use crate::library::{def, guard, Native};
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::Zero;

pub const NATIVES: &[Native] = &[
    def("to_string", 1, |_, a| int_to_string(&a[0], 10)),
    def("to_string", 2, |_, a| match &a[1] {
        Value::Int(b) if (2..=36).contains(b) => int_to_string(&a[0], *b as u32),
        _ => Err(error::badarg_at(
            2,
            "not an integer in the range 2 through 36",
        )),
    })
    .doc(
        r#"to_string(integer, base \\ 10)"#,
        r#"Writes `integer` as text in `base` (2 to 36), with upper-case letters for
digits past 9.

    iex> Integer.to_string(255, 16)
    "FF""#,
    ),
    def("to_charlist", 1, |_, a| {
        let s = int_to_string(&a[0], 10)?;
        crate::library::support::terms::to_charlist(&s)
    })
    .doc(
        r#"to_charlist(integer)"#,
        r#"Writes `integer` in base 10 as a charlist.

    iex> Integer.to_charlist(-42)
    '-42'"#,
    ),
    def("parse", 1, |_, a| int_parse(&a[0], &Value::Int(10))),
    def("parse", 2, |_, a| int_parse(&a[0], &a[1])).doc(
        r#"parse(text, base \\ 10)"#,
        r#"Reads an integer from the start of `text`: `{integer, rest}` with what
follows the digits, or `:error` when `text` does not start with one.

    iex> Integer.parse("42 apples")
    {42, " apples"}"#,
    ),
    def("digits", 1, |_, a| digits(&a[0], &Value::Int(10))),
    def("digits", 2, |_, a| digits(&a[0], &a[1])).doc(
        r#"digits(integer, base \\ 10)"#,
        r#"Splits a non-negative `integer` into its digits in `base`, most
significant first.

    iex> Integer.digits(10, 2)
    [1, 0, 1, 0]"#,
    ),
    def("undigits", 1, |_, a| undigits(&a[0], &Value::Int(10))),
    def("undigits", 2, |_, a| undigits(&a[0], &a[1])).doc(
        r#"undigits(digits, base \\ 10)"#,
        r#"Joins a list of `digits` in `base` back into an integer: the inverse of
`digits/2`.

    iex> Integer.undigits([1, 2, 3])
    123"#,
    ),
    def("pow", 2, |_, a| match (&a[0], &a[1]) {
        (b, Value::Int(e)) if b.is_integer() && *e >= 0 => {
            crate::library::support::arith::int_pow(b, &a[1])
        }
        (b, e) if b.is_integer() && e.is_integer() => Err(error::arithmetic_error()),
        _ => Err(clause("Integer", "pow", 2, &[&a[0], &a[1]])),
    })
    .doc(
        r#"pow(base, exponent)"#,
        r#"Raises the integer `base` to a non-negative integer `exponent`, exactly.

    iex> Integer.pow(2, 70)
    1180591620717411303424"#,
    ),
    def("gcd", 2, |_, a| match (big(&a[0]), big(&a[1])) {
        (Some(x), Some(y)) => Ok(norm(num_integer::Integer::gcd(&x, &y))),
        _ => Err(clause("Integer", "gcd", 2, &[&a[0], &a[1]])),
    })
    .doc(
        r#"gcd(integer1, integer2)"#,
        r#"The greatest common divisor of two integers, never negative; `gcd(0, 0)`
is 0.

    iex> Integer.gcd(12, -18)
    6"#,
    ),
    def("mod", 2, |_, a| {
        crate::library::support::arith::modulo(&a[0], &a[1])
    })
    .doc(
        r#"mod(dividend, divisor)"#,
        r#"The remainder of a floored division: its sign follows `divisor`, where
`rem/2`'s follows `dividend`.

    iex> Integer.mod(-5, 3)
    1"#,
    ),
    def("floor_div", 2, |_, a| match (big(&a[0]), big(&a[1])) {
        (Some(_), Some(y)) if y.is_zero() => Err(error::arithmetic_error()),
        (Some(x), Some(y)) => Ok(norm(num_integer::Integer::div_floor(&x, &y))),
        _ => Err(error::arithmetic_error()),
    })
    .doc(
        r#"floor_div(dividend, divisor)"#,
        r#"Divides and rounds towards negative infinity (`div/2` rounds towards zero).

    iex> Integer.floor_div(-5, 3)
    -2"#,
    ),
    // Guard macros in Elixir (`require Integer`): guard-safe here.
    guard("is_even", 1, |_, a| {
        Ok(Value::bool(
            matches!(big(&a[0]), Some(x) if (&x % 2u32).is_zero()),
        ))
    })
    .doc(
        r#"is_even(integer)"#,
        r#"True when `integer` is divisible by 2. Allowed in guards.

    iex> Integer.is_even(10)
    true"#,
    ),
    guard("is_odd", 1, |_, a| {
        Ok(Value::bool(
            matches!(big(&a[0]), Some(x) if !(&x % 2u32).is_zero()),
        ))
    })
    .doc(
        r#"is_odd(integer)"#,
        r#"True when `integer` is not divisible by 2. Allowed in guards.

    iex> Integer.is_odd(10)
    false"#,
    ),
];

pub(crate) fn int_parse(v: &Value, base: &Value) -> Result<Value> {
    match (v.as_str(), base) {
        (Some(s), Value::Int(b)) if (2..=36).contains(b) => {
            Ok(match parse_int_prefix(s, *b as u32) {
                Some((n, rest)) => Value::tuple(vec![n, Value::str(rest)]),
                None => Value::atom("error"),
            })
        }
        _ => Err(clause("Integer", "parse", 2, &[v, base])),
    }
}

pub(crate) fn undigits(v: &Value, base: &Value) -> Result<Value> {
    let (Some(items), Value::Int(b)) = (crate::library::support::collections::proper(v), base)
    else {
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
