//! `String`, `Integer`, `Float` and `Atom` builtins.
//!
//! Not here: `to_string`/`inspect` rules (`format`).

use super::{def, Def};
use crate::error;
use crate::value::Value;

pub static BIFS: &[Def] = &[def("String", "upcase", 1, |_, a| match &a[0] {
    Value::Str(s) => Ok(Value::str(s.to_uppercase())),
    _ => Err(error::badarg()),
})];
