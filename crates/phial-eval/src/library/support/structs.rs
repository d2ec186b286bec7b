//! Struct helpers `Kernel` and `:phial` share, and the compiler's
//! `defstruct`: registering a definition, finding one, key-value pairs.
//!
//! Not here: the struct table (`crate::structs`).

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::format::inspect;
use crate::structs::{self, StructDef};
use crate::value::Value;

/// `:phial.defstruct(module, fields, enforce_keys, derive)`: `fields` is
/// what `defstruct` was given (atoms and `{key, default}` pairs, a keyword
/// list or a mix), already evaluated; `derive` is the `@derive` above it.
pub(crate) fn define(
    module: &Value,
    fields: &Value,
    enforce: &Value,
    derive: &Value,
) -> Result<Value> {
    let Value::Atom(m) = module else {
        return Err(error::badarg());
    };
    let mut out: Vec<(Atom, Value)> = Vec::new();
    for f in fields.iter_list() {
        let (k, v) = match f {
            Value::Atom(k) => (*k, Value::NIL_ATOM),
            Value::Tuple(t) if t.len() == 2 && t[0].as_atom().is_some() => {
                (t[0].as_atom().unwrap_or(Atom::NIL), t[1].clone())
            }
            other => {
                return Err(error::argument_error(format!(
                    "struct field names must be atoms, got: {}",
                    inspect(other)
                )))
            }
        };
        out.retain(|(f, _)| *f != k);
        out.push((k, v));
    }
    let enforce: Vec<Atom> = enforce.iter_list().filter_map(Value::as_atom).collect();
    let mut def = StructDef::new(*m, out, enforce);
    // `@derive P`, `@derive [P, {Q, opts}]`.
    let derive = match derive {
        Value::Nil | Value::Cons(_) => derive.clone(),
        one => Value::list(vec![one.clone()]),
    };
    for d in derive.iter_list() {
        match d {
            Value::Atom(p) => def.derive.push((*p, Value::Nil)),
            Value::Tuple(t) if t.len() == 2 && t[0].as_atom().is_some() => def
                .derive
                .push((t[0].as_atom().unwrap_or(Atom::NIL), t[1].clone())),
            _ => {}
        }
    }
    structs::define(def);
    Ok(Value::OK)
}

/// The definition of the struct `module` names, or the error Elixir gives
/// for a module that defines none.
pub(crate) fn known(module: &Value) -> Result<std::sync::Arc<StructDef>> {
    match module {
        Value::Atom(m) => {
            structs::get(*m).ok_or_else(|| error::undefined_function(*m, Atom::STRUCT, 1, false))
        }
        other => Err(error::argument_error(format!(
            "expected a struct name, got: {}",
            inspect(other)
        ))),
    }
}

/// A keyword list or map as key/value pairs.
pub(crate) fn pairs(kv: &Value) -> Result<Vec<(Value, Value)>> {
    match kv {
        Value::Map(m) => Ok(m.iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
        _ => {
            let mut out = Vec::new();
            for item in kv.iter_list() {
                match item {
                    Value::Tuple(t) if t.len() == 2 => out.push((t[0].clone(), t[1].clone())),
                    _ => return Err(error::argument_error("argument error")),
                }
            }
            Ok(out)
        }
    }
}
