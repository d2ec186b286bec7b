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
    })
    .doc(
        r#"to_string(atom)"#,
        r#"The name of `atom` as a string.

    iex> Atom.to_string(:"hello world")
    "hello world""#,
    ),
    def("to_charlist", 1, |_, a| match &a[0] {
        Value::Atom(x) => Ok(Value::list(
            x.as_str().chars().map(|c| Value::Int(c as i64)).collect(),
        )),
        _ => Err(error::badarg_at(1, "not an atom")),
    })
    .doc(
        r#"to_charlist(atom)"#,
        r#"The name of `atom` as a charlist.

    iex> Atom.to_charlist(:abc)
    'abc'"#,
    ),
];
