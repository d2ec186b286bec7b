//! `Atom` natives: `to_string/1`, `to_charlist/1`.
//!
//! Not here: the deprecated aliases (`atom.ex`), atom interning (`crate::atom`).

use crate::error;
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("to_string", 1, |_, a| match &a[0] {
        Value::Atom(x) => Ok(Value::str(x.as_str())),
        _ => Err(error::badarg_at(1, "not an atom")),
    }),
    def("to_charlist", 1, |_, a| match &a[0] {
        Value::Atom(x) => Ok(Value::list(
            x.as_str().chars().map(|c| Value::Int(c as i64)).collect(),
        )),
        _ => Err(error::badarg_at(1, "not an atom")),
    }),
];
