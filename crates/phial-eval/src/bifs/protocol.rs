//! The builtins a `defprotocol` compiles to: `:phial.impl_for/3` and
//! `:phial.impl_for!/3` (protocol, value, whether it falls back to `Any`),
//! which the generated `P.impl_for/1`, `P.impl_for!/1` and every protocol
//! function call.
//!
//! Not here: the dispatch rule (`protocols`).

use super::{def, Def};
use crate::error;
use crate::protocols::{impl_for, undefined};
use crate::value::Value;

pub const BIFS: &[Def] = &[
    def(":phial", "impl_for", 3, |ctx, a| {
        let p = a[0].as_atom().ok_or_else(error::badarg)?;
        let found = impl_for(ctx.vm, p, &a[1], a[2].is_truthy());
        Ok(found.map_or(Value::NIL_ATOM, Value::Atom))
    }),
    def(":phial", "impl_for!", 3, |ctx, a| {
        let p = a[0].as_atom().ok_or_else(error::badarg)?;
        match impl_for(ctx.vm, p, &a[1], a[2].is_truthy()) {
            Some(m) => Ok(Value::Atom(m)),
            None => Err(undefined(p, &a[1])),
        }
    }),
];
