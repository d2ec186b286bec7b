//! `Module` natives: `concat/1,2`, `safe_concat/1,2`, `split/1`, and what
//! code run while a module compiles may ask of it (`get_attribute/2,3`,
//! `definitions_in/1,2`).
//!
//! Not here: `defmodule` (`compile::module`), `__info__` (`Vm::module_info`).

use crate::atom::Atom;
use crate::error::{self, badarg_at, Result};
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("get_attribute", 2, |ctx, a| {
        get_attribute(ctx, &a[0], &a[1], Value::NIL_ATOM)
    }),
    def("get_attribute", 3, |ctx, a| {
        get_attribute(ctx, &a[0], &a[1], a[2].clone())
    }),
    def("definitions_in", 1, |ctx, a| {
        definitions_in(ctx, &a[0], None)
    }),
    def("definitions_in", 2, |ctx, a| {
        definitions_in(ctx, &a[0], Some(&a[1]))
    }),
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

/// The state of `module` while it compiles, or Elixir's error once it has.
fn compiling(
    ctx: &crate::library::Ctx,
    module: &Value,
    fun: &str,
) -> Result<crate::compile::CompilingModule> {
    let Value::Atom(m) = module else {
        return Err(badarg_at(1, "not an atom"));
    };
    ctx.vm.compiling.lock().get(m).cloned().ok_or_else(|| {
        error::argument_error(format!(
            "could not call Module.{fun} because the module {} is already compiled",
            crate::error::module_name(*m)
        ))
    })
}

fn get_attribute(
    ctx: &mut crate::library::Ctx,
    module: &Value,
    key: &Value,
    default: Value,
) -> Result<Value> {
    let state = compiling(ctx, module, "get_attribute/3")?;
    let Value::Atom(k) = key else {
        return Err(badarg_at(2, "not an atom"));
    };
    Ok(state.attributes.get(k.as_str()).cloned().unwrap_or(default))
}

fn definitions_in(
    ctx: &mut crate::library::Ctx,
    module: &Value,
    kind: Option<&Value>,
) -> Result<Value> {
    let state = compiling(ctx, module, "definitions_in/2")?;
    let want = match kind
        .and_then(Value::as_atom)
        .map(|a| a.as_str().to_string())
    {
        None => None,
        Some(k) if k == "def" || k == "defmacro" => Some(false),
        Some(k) if k == "defp" || k == "defmacrop" => Some(true),
        Some(_) => return Err(badarg_at(2, "not a definition kind")),
    };
    let macros = kind
        .and_then(Value::as_atom)
        .is_some_and(|a| a.as_str().starts_with("defmacro"));
    Ok(Value::list(
        state
            .definitions
            .iter()
            .filter(|(_, _, private)| want.is_none_or(|w| w == *private))
            .filter_map(|(n, arity, _)| {
                let name = n.as_str();
                match (name.strip_prefix("MACRO-"), macros || want.is_none()) {
                    (Some(m), true) => Some((Atom::new(m), arity - 1)),
                    (Some(_), false) => None,
                    (None, _) if macros => None,
                    (None, _) => Some((*n, *arity)),
                }
            })
            .map(|(n, arity)| Value::tuple(vec![Value::Atom(n), Value::Int(arity as i64)]))
            .collect(),
    ))
}
