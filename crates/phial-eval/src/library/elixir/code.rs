//! `Code` natives about modules being available: `Code.ensure_loaded/1`
//! and friends. In phial every module (builtin, library or script) is
//! loaded as soon as it exists, so "loading" is only a lookup.
//!
//! Not here: `function_exported?/3` (`kernel`), compiling or evaluating
//! code at run time (phial has no `Code.eval_string`).

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::support::collections::clause;
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("ensure_loaded", 1, |ctx, a| {
        let m = module_arg("ensure_loaded", &a[0])?;
        Ok(if exists(ctx, m) {
            Value::tuple(vec![Value::atom("module"), a[0].clone()])
        } else {
            Value::tuple(vec![Value::atom("error"), Value::atom("nofile")])
        })
    }),
    def("ensure_loaded?", 1, |ctx, a| {
        let m = module_arg("ensure_loaded?", &a[0])?;
        Ok(Value::bool(exists(ctx, m)))
    }),
    def("ensure_loaded!", 1, |ctx, a| {
        let m = module_arg("ensure_loaded!", &a[0])?;
        if exists(ctx, m) {
            Ok(a[0].clone())
        } else {
            Err(error::argument_error(format!(
                "could not load module {} due to reason :nofile",
                error::module_name(m)
            )))
        }
    }),
    def("ensure_compiled", 1, |ctx, a| {
        let m = module_arg("ensure_compiled", &a[0])?;
        Ok(if exists(ctx, m) {
            Value::tuple(vec![Value::atom("module"), a[0].clone()])
        } else {
            Value::tuple(vec![Value::atom("error"), Value::atom("nofile")])
        })
    }),
];

/// Elixir's `Code` functions are guarded `when is_atom(module)`.
pub(crate) fn module_arg(name: &str, v: &Value) -> Result<Atom> {
    v.as_atom().ok_or_else(|| clause("Code", name, 1, &[v]))
}

/// A module exists if phial code defined it or any builtin lives in it.
pub(crate) fn exists(ctx: &crate::library::Ctx, m: Atom) -> bool {
    ctx.vm.module_exists(m) || crate::library::module_exists(m)
}
