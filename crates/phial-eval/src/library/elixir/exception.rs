//! `Exception` natives: `message/1` (a stepping native: a program's own
//! exception computes its message in phial), `format/2,3`, `normalize/2,3`.
//!
//! Not here: building the exceptions phial raises itself (`crate::error`),
//! `raise` (`internal/phial.rs`).

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::library::support::exceptions::defines;
use crate::library::{def, step, Native, Step, Target};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("normalize", 2, |_, a| Ok(normalize(&a[0], &a[1]))),
    def("normalize", 3, |_, a| Ok(normalize(&a[0], &a[1]))),
    def("format", 3, |_, a| exception_format(&a[0], &a[1])),
    def("format", 2, |_, a| {
        let r = Raise {
            kind: match a[0].as_atom().and_then(error::Kind::from_atom) {
                Some(k) => k,
                None => error::Kind::Error,
            },
            value: a[1].clone(),
        };
        Ok(Value::str(error::format_banner(&r)))
    }),
    step("message", 1, |ctx, a| {
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

/// `Exception.format(kind, value, stacktrace)`: the banner without a stacktrace.
pub(crate) fn exception_format(kind: &Value, value: &Value) -> Result<Value> {
    let kind = kind
        .as_atom()
        .and_then(crate::error::Kind::from_atom)
        .ok_or_else(error::badarg)?;
    let value = match kind {
        crate::error::Kind::Error => error::normalize(value.clone()),
        _ => value.clone(),
    };
    Ok(Value::str(crate::error::format_banner(&Raise {
        kind,
        value,
    })))
}

/// `Exception.normalize/2,3`: an Erlang error term as the exception
/// `rescue` would see; any other kind's payload as it is.
fn normalize(kind: &Value, payload: &Value) -> Value {
    match kind.as_atom() {
        Some(k) if k.as_str() == "error" => error::normalize(payload.clone()),
        _ => payload.clone(),
    }
}
