//! `Enum` builtins that need no callback: conversions to lists and the
//! counting, slicing and ordering functions over plain values. Functions that
//! take a function argument are in `prelude/enum.ex`, written in phial.
//!
//! Not here: `List`, `Map` and friends (`collections`).

use super::{def, Def};
use crate::error::{self, Result};
use crate::value::Value;

pub static BIFS: &[Def] = &[
    def(":phial", "to_list", 1, |_, a| to_list(&a[0])),
    def("Enum", "to_list", 1, |_, a| to_list(&a[0])),
    def("Enum", "reverse", 1, |_, a| {
        let mut out = Value::Nil;
        for x in to_list(&a[0])?.iter_list() {
            out = Value::cons(x.clone(), out);
        }
        Ok(out)
    }),
    def("Enum", "count", 1, |_, a| {
        if let Some((f, l, s)) = a[0].as_range() {
            return Ok(Value::Int(range_len(f, l, s)));
        }
        if let Value::Map(m) = &a[0] {
            return Ok(Value::Int(m.len() as i64));
        }
        Ok(Value::Int(to_list(&a[0])?.iter_list().count() as i64))
    }),
];

pub fn range_len(first: i64, last: i64, step: i64) -> i64 {
    if (step > 0 && first > last) || (step < 0 && first < last) {
        0
    } else {
        (last - first) / step + 1
    }
}

/// Any enumerable phial knows (list, range, map) as a list.
pub fn to_list(v: &Value) -> Result<Value> {
    match v {
        Value::Nil | Value::Cons(_) => Ok(v.clone()),
        Value::Map(m) => {
            if let Some((f, l, s)) = v.as_range() {
                let n = range_len(f, l, s);
                let mut out = Value::Nil;
                for k in (0..n).rev() {
                    out = Value::cons(Value::Int(f + k * s), out);
                }
                return Ok(out);
            }
            if v.struct_name().is_some() {
                return Err(error::protocol_undefined("Enumerable", v.clone(), ""));
            }
            Ok(Value::list(
                m.iter().map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()])).collect(),
            ))
        }
        other => Err(error::protocol_undefined("Enumerable", other.clone(), "")),
    }
}
