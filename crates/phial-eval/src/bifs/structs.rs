//! Builtins over structs: `Kernel.struct/1,2`, `struct!/1,2`,
//! `is_struct/1,2`, and the internal `:phial` functions that `defstruct`,
//! `defexception`, `%Name{}` and `%Name{s | ...}` compile to.
//!
//! Not here: the struct table itself (`structs`), printing (`pretty`).

use super::{def, guard, Def};
use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::format::inspect;
use crate::structs::{self, StructDef};
use crate::value::Value;

pub const BIFS: &[Def] = &[
    def(":phial", "defstruct", 4, |_, a| {
        define(&a[0], &a[1], &a[2], &a[3])
    }),
    def(":phial", "make_struct", 2, |_, a| {
        let d = known(&a[0])?;
        let Value::Tuple(t) = &a[1] else {
            return Err(error::badarg());
        };
        d.build(t.chunks(2).map(|kv| (kv[0].clone(), kv[1].clone())))
    }),
    def(":phial", "check_struct", 2, |_, a| check(&a[0], &a[1])),
    def(":phial", "struct_template", 1, |_, a| {
        Ok(known(&a[0])?.template.clone())
    }),
    def(":phial", "struct_new", 2, |_, a| {
        let d = known(&a[0])?;
        d.build(pairs(&a[1])?)
    }),
    // The default `exception/1` of `defexception`: the given fields that
    // the exception has (Elixir warns about the others and drops them).
    def(":phial", "exception_new", 2, |_, a| {
        let d = known(&a[0])?;
        let given: Vec<(Value, Value)> = pairs(&a[1])?
            .into_iter()
            .filter(|(k, _)| k.as_atom().is_some_and(|k| d.has_field(k)))
            .collect();
        d.build(given)
    }),
    def("Kernel", "struct", 1, |_, a| {
        struct_of(&a[0], &Value::Nil, false)
    }),
    def("Kernel", "struct", 2, |_, a| struct_of(&a[0], &a[1], false)),
    def("Kernel", "struct!", 1, |_, a| {
        struct_of(&a[0], &Value::Nil, true)
    }),
    def("Kernel", "struct!", 2, |_, a| struct_of(&a[0], &a[1], true)),
    guard("Kernel", "is_struct", 1, |_, a| {
        Ok(Value::bool(a[0].struct_name().is_some()))
    }),
    guard("Kernel", "is_struct", 2, |_, a| match &a[1] {
        Value::Atom(m) => Ok(Value::bool(a[0].struct_name() == Some(*m))),
        _ => Err(error::argument_error("argument error")),
    }),
];

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
fn known(module: &Value) -> Result<std::sync::Arc<StructDef>> {
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

/// `%Name{s | ...}`: `s` must be a `Name` struct.
fn check(module: &Value, s: &Value) -> Result<Value> {
    if s.struct_name().is_some() && s.struct_name() == module.as_atom() {
        return Ok(s.clone());
    }
    Err(Raise::error(Value::make_struct(
        Atom::new("Elixir.BadStructError"),
        &[
            (Atom::EXCEPTION, Value::TRUE),
            (Atom::new("struct"), module.clone()),
            (Atom::TERM, s.clone()),
        ],
    )))
}

/// A keyword list or map as key/value pairs.
fn pairs(kv: &Value) -> Result<Vec<(Value, Value)>> {
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

/// `struct/2` (unknown keys ignored) and `struct!/2` (unknown keys raise,
/// and building from a module checks `@enforce_keys`).
fn struct_of(base: &Value, kv: &Value, strict: bool) -> Result<Value> {
    let given = pairs(kv)?;
    let (def, start, from_module) = match base {
        Value::Atom(_) => {
            let d = known(base)?;
            let t = d.template.clone();
            (d, t, true)
        }
        Value::Map(_) if base.struct_name().is_some() => {
            let d = known(&Value::Atom(base.struct_name().unwrap_or(Atom::NIL)))?;
            (d, base.clone(), false)
        }
        other => {
            return Err(error::argument_error(format!(
                "expected a struct name or a struct, got: {}",
                inspect(other)
            )))
        }
    };
    if strict && from_module {
        return def.build(given);
    }
    let Value::Map(m) = &start else {
        return Err(error::badarg());
    };
    let mut m = (**m).clone();
    for (k, v) in given {
        let field = k
            .as_atom()
            .is_some_and(|a| def.has_field(a) && a != Atom::EXCEPTION);
        if field {
            m.insert(k, v);
        } else if strict {
            return Err(error::key_error(k, Value::NIL_ATOM));
        }
    }
    Ok(Value::map(m))
}
