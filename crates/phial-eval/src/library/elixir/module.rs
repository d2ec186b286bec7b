//! `Module` natives: `concat/1,2`, `safe_concat/1,2`, `split/1`.
//!
//! Not here: `defmodule` (`compile::module`), `__info__` (`Vm::module_info`).

use crate::atom::Atom;
use crate::error::{self, badarg_at, Result};
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("concat", 1, |_, a| {
        let parts: Vec<Value> = a[0]
            .list_to_vec()
            .ok_or_else(|| badarg_at(1, "not a list"))?;
        module_concat(&parts)
    }),
    def("concat", 2, |_, a| {
        module_concat(&[a[0].clone(), a[1].clone()])
    }),
    // Every atom phial could name exists, so "safe" adds no check here.
    def("safe_concat", 1, |_, a| {
        let parts: Vec<Value> = a[0]
            .list_to_vec()
            .ok_or_else(|| badarg_at(1, "not a list"))?;
        module_concat(&parts)
    }),
    def("safe_concat", 2, |_, a| {
        module_concat(&[a[0].clone(), a[1].clone()])
    }),
    def("split", 1, |_, a| {
        let text = match &a[0] {
            Value::Atom(m) => m.as_str().to_string(),
            v @ Value::Bin(_) if v.as_str().is_some() => v.as_str().unwrap_or_default().to_string(),
            other => {
                return Err(error::argument_error(format!(
                    "expected an Elixir module, got: {}",
                    crate::format::inspect(other)
                )))
            }
        };
        match text.strip_prefix("Elixir.") {
            Some(rest) if !rest.is_empty() => Ok(Value::list(
                rest.split('.').map(|s| Value::str(s.to_string())).collect(),
            )),
            _ => Err(error::argument_error(format!(
                "expected an Elixir module, got: {}",
                crate::format::inspect(&a[0])
            ))),
        }
    }),
];

/// `Module.concat/1,2`: `Module.concat(Foo, "Bar")` is `Foo.Bar`.
pub(crate) fn module_concat(parts: &[Value]) -> Result<Value> {
    let mut segs: Vec<String> = Vec::new();
    for p in parts {
        let text = match p {
            Value::Atom(a) => a.as_str().to_string(),
            Value::Bin(_) => p.as_str().ok_or_else(error::badarg)?.to_string(),
            _ => return Err(error::badarg()),
        };
        if text == "nil" {
            continue;
        }
        let text = text.strip_prefix("Elixir.").unwrap_or(&text).to_string();
        segs.push(text);
    }
    Ok(Value::Atom(Atom::alias(&segs.join("."))))
}
