//! Raising exceptions and reading their messages, where a program's own
//! exception modules (`defexception`) take part: `raise Mod, args` calls
//! `Mod.exception(args)`, and `Exception.message(e)` calls `Mod.message(e)`,
//! both phial code, so these are stepping natives (`super::Step`).
//!
//! Not here: building the exceptions phial raises itself (`error`), the
//! plain `raise` forms' rules (`kernel::raise1`, `raise2`).

use super::kernel::{raise1, raise2};
use super::{step, Ctx, Def, Step, Target};
use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::value::Value;

pub const BIFS: &[Def] = &[
    step(":phial", "raise", 1, |ctx, a| match &a[0] {
        Value::Atom(m) if defines(ctx, *m, "exception") => raise_built(*m, Value::Nil),
        _ => Err(raise1(&a[0])),
    }),
    step(":phial", "raise", 2, |ctx, a| match &a[0] {
        Value::Atom(m) if defines(ctx, *m, "exception") => raise_built(*m, a[1].clone()),
        _ => Err(raise2(&a[0], &a[1])),
    }),
    step("Exception", "message", 1, |ctx, a| {
        let e = &a[0];
        if e.map_get(Atom::EXCEPTION).is_none() {
            return Err(error::function_clause_error(
                Atom::alias("Exception"),
                Atom::MESSAGE,
                1,
                vec![e.clone()],
            ));
        }
        match e.struct_name() {
            Some(m) if defines(ctx, m, "message") => {
                Ok(Step::Then(Target::Mfa(m, Atom::MESSAGE), vec![e.clone()]))
            }
            _ => Ok(Step::Done(Value::str(error::exception_message(e)))),
        }
    }),
];

/// Whether `module` is phial code defining `name/1` (a `defexception`
/// module, or one written by hand).
fn defines(ctx: &Ctx, module: Atom, name: &str) -> bool {
    ctx.vm.function(module, Atom::new(name), 1).is_some()
}

/// `raise Mod, args`: `Mod.exception(args)`, then raise what it returns.
fn raise_built(module: Atom, args: Value) -> Result<Step> {
    Ok(Step::Call(
        Target::Mfa(module, Atom::new("exception")),
        vec![args],
        Box::new(move |_: &mut Ctx, e: Value| -> Result<Step> {
            if e.map_get(Atom::EXCEPTION).is_some() {
                Err(Raise::error(e))
            } else {
                Err(error::argument_error(format!(
                    "expected {}.exception/1 to return an exception, got: {}",
                    error::module_name(module),
                    crate::format::inspect(&e)
                )))
            }
        }),
    ))
}
