//! Arithmetic and comparison shared by the operators' natives (`Kernel`,
//! `:erlang`), guards, the compiler's constant folding and the step loops:
//! `+ - * / div rem **` with i64 fast paths that overflow into big integers.
//!
//! Not here: the rows naming them (`elixir/kernel.rs`, `erlang/erlang.rs`), term order (`term`).

use crate::error::{arithmetic_error, Result};
use crate::term::{compare, to_f64};
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

pub fn lt(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x < y,
        _ => compare(a, b) == Ordering::Less,
    }
}

pub(crate) fn big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

pub(crate) fn float_result(f: f64) -> Result<Value> {
    if f.is_finite() {
        Ok(Value::Float(f))
    } else {
        Err(arithmetic_error())
    }
}

pub(crate) fn mixed(a: &Value, b: &Value, op: fn(f64, f64) -> f64) -> Result<Value> {
    match (to_f64(a), to_f64(b)) {
        (Some(x), Some(y)) => float_result(op(x, y)),
        _ => Err(arithmetic_error()),
    }
}

pub fn add(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(match x.checked_add(*y) {
            Some(r) => Value::Int(r),
            None => Value::bigint(BigInt::from(*x) + BigInt::from(*y)),
        }),
        (Value::Float(_), _) | (_, Value::Float(_)) => mixed(a, b, |x, y| x + y),
        _ => match (big(a), big(b)) {
            (Some(x), Some(y)) => Ok(Value::bigint(x + y)),
            _ => Err(arithmetic_error()),
        },
    }
}

pub fn sub(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(match x.checked_sub(*y) {
            Some(r) => Value::Int(r),
            None => Value::bigint(BigInt::from(*x) - BigInt::from(*y)),
        }),
        (Value::Float(_), _) | (_, Value::Float(_)) => mixed(a, b, |x, y| x - y),
        _ => match (big(a), big(b)) {
            (Some(x), Some(y)) => Ok(Value::bigint(x - y)),
            _ => Err(arithmetic_error()),
        },
    }
}

pub fn mul(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(match x.checked_mul(*y) {
            Some(r) => Value::Int(r),
            None => Value::bigint(BigInt::from(*x) * BigInt::from(*y)),
        }),
        (Value::Float(_), _) | (_, Value::Float(_)) => mixed(a, b, |x, y| x * y),
        _ => match (big(a), big(b)) {
            (Some(x), Some(y)) => Ok(Value::bigint(x * y)),
            _ => Err(arithmetic_error()),
        },
    }
}

pub fn fdiv(a: &Value, b: &Value) -> Result<Value> {
    match (to_f64(a), to_f64(b)) {
        // Dividing by zero (or -0.0) is an ArithmeticError, not infinity.
        (Some(_), Some(0.0)) => Err(arithmetic_error()),
        (Some(x), Some(y)) => float_result(x / y),
        _ => Err(arithmetic_error()),
    }
}

pub fn neg(a: &Value) -> Result<Value> {
    match a {
        Value::Int(x) => Ok(match x.checked_neg() {
            Some(r) => Value::Int(r),
            None => Value::bigint(-BigInt::from(*x)),
        }),
        Value::BigInt(b) => Ok(Value::bigint(-(**b).clone())),
        Value::Float(f) => Ok(Value::Float(-f)),
        _ => Err(arithmetic_error()),
    }
}

pub fn abs(a: &Value) -> Result<Value> {
    match a {
        Value::Int(x) => Ok(match x.checked_abs() {
            Some(r) => Value::Int(r),
            None => Value::bigint(BigInt::from(*x).abs()),
        }),
        Value::BigInt(b) => Ok(Value::bigint(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => Err(crate::error::badarg_at(1, "not a number")),
    }
}

/// Integer division truncating toward zero (`div/2`).
pub fn div(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (_, Value::Int(0)) => Err(arithmetic_error()),
        (Value::Int(x), Value::Int(y)) => Ok(match x.checked_div(*y) {
            Some(r) => Value::Int(r),
            None => Value::bigint(BigInt::from(*x) / BigInt::from(*y)),
        }),
        _ => match (big(a), big(b)) {
            (Some(x), Some(y)) if !y.is_zero() => Ok(Value::bigint(x / y)),
            _ => Err(arithmetic_error()),
        },
    }
}

/// Remainder with the sign of the dividend (`rem/2`).
pub fn rem(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (_, Value::Int(0)) => Err(arithmetic_error()),
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x.checked_rem(*y).unwrap_or(0))),
        _ => match (big(a), big(b)) {
            (Some(x), Some(y)) if !y.is_zero() => Ok(Value::bigint(x % y)),
            _ => Err(arithmetic_error()),
        },
    }
}

/// Floored modulo (`Integer.mod/2`).
pub fn modulo(a: &Value, b: &Value) -> Result<Value> {
    match (big(a), big(b)) {
        (Some(x), Some(y)) if !y.is_zero() => Ok(Value::bigint(x.mod_floor(&y))),
        _ => Err(arithmetic_error()),
    }
}

/// Integer power (`Integer.pow/2`, `**` on integers).
pub fn int_pow(a: &Value, b: &Value) -> Result<Value> {
    let (Some(base), Some(exp)) = (big(a), b.as_int()) else {
        return Err(arithmetic_error());
    };
    if exp < 0 {
        return Err(arithmetic_error());
    }
    let exp = u32::try_from(exp).map_err(|_| arithmetic_error())?;
    Ok(Value::bigint(num_traits::pow::Pow::pow(&base, exp)))
}

impl Value {
    /// An integer that fits in i64.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::BigInt(b) => b.to_i64(),
            _ => None,
        }
    }
}

/// The bitwise operations `Bitwise` and `:erlang` share, over integers of
/// any size in two's complement; anything else is Erlang's `badarith`.
pub(crate) mod bits {
    use super::big;
    use crate::error::{arithmetic_error, system_limit_error, Result};
    use crate::library::support::numbers::norm;
    use crate::value::Value;

    /// Shifts beyond this many bits would build a number the BEAM refuses
    /// too (`system_limit`), and no one can print it.
    const MAX_SHIFT: i64 = 1 << 26;

    fn ints(a: &Value, b: &Value) -> Result<(num_bigint::BigInt, num_bigint::BigInt)> {
        match (big(a), big(b)) {
            (Some(x), Some(y)) => Ok((x, y)),
            _ => Err(arithmetic_error()),
        }
    }

    pub(crate) fn band(a: &Value, b: &Value) -> Result<Value> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x & y)),
            _ => ints(a, b).map(|(x, y)| norm(x & y)),
        }
    }

    pub(crate) fn bor(a: &Value, b: &Value) -> Result<Value> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x | y)),
            _ => ints(a, b).map(|(x, y)| norm(x | y)),
        }
    }

    pub(crate) fn bxor(a: &Value, b: &Value) -> Result<Value> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x ^ y)),
            _ => ints(a, b).map(|(x, y)| norm(x ^ y)),
        }
    }

    pub(crate) fn bnot(a: &Value) -> Result<Value> {
        match a {
            Value::Int(x) => Ok(Value::Int(!x)),
            _ => big(a).map(|x| norm(-x - 1)).ok_or_else(arithmetic_error),
        }
    }

    /// `a bsl n`; a negative `n` shifts right.
    pub(crate) fn bsl(a: &Value, n: &Value) -> Result<Value> {
        let n = match n {
            Value::Int(n) => *n,
            Value::BigInt(_) if big(a).is_some() => {
                // Only zero survives a shift this large either way.
                return match big(a) {
                    Some(x) if x == 0.into() => Ok(Value::Int(0)),
                    _ if n.is_negative_int() => bsr_big(a),
                    _ => Err(system_limit_error()),
                };
            }
            _ => return Err(arithmetic_error()),
        };
        let x = big(a).ok_or_else(arithmetic_error)?;
        if n >= 0 {
            if x == 0.into() {
                return Ok(Value::Int(0));
            }
            if n > MAX_SHIFT {
                return Err(system_limit_error());
            }
            if let Value::Int(i) = a {
                if n < 63 && i.unsigned_abs() < (1u64 << (63 - n)) {
                    return Ok(Value::Int(i << n));
                }
            }
            Ok(norm(x << n as usize))
        } else {
            Ok(norm(
                x >> n.unsigned_abs().min(u64::from(u32::MAX)) as usize,
            ))
        }
    }

    /// A huge right shift: 0 for a non-negative number, -1 for a negative.
    fn bsr_big(a: &Value) -> Result<Value> {
        let x = big(a).ok_or_else(arithmetic_error)?;
        Ok(Value::Int(if x < 0.into() { -1 } else { 0 }))
    }

    /// `a bsr n`: `a bsl -n`.
    pub(crate) fn bsr(a: &Value, n: &Value) -> Result<Value> {
        match n {
            Value::Int(n) => bsl(a, &Value::Int(n.checked_neg().unwrap_or(i64::MAX))),
            Value::BigInt(b) if big(a).is_some() => {
                if **b < 0.into() {
                    bsl(a, &Value::bigint(-(**b).clone()))
                } else {
                    bsr_big(a)
                }
            }
            _ => Err(arithmetic_error()),
        }
    }

    trait NegInt {
        fn is_negative_int(&self) -> bool;
    }
    impl NegInt for Value {
        fn is_negative_int(&self) -> bool {
            matches!(self, Value::BigInt(b) if **b < 0.into())
        }
    }
}
