//! Conversions and options several units share: `to_string`/`to_charlist`
//! of a term, inspect options from a keyword list, `data[key]`,
//! `Function.info`, reading a keyword option.
//!
//! Not here: the formatting rules (`format`, `pretty`).

use crate::atom::Atom;
use crate::error::{self, badarg_at, Raise, Result};
use crate::format::{inspect, InspectOpts};
use crate::term::strict_equal;
use crate::value::{Fun, Value};

/// `to_string/1` as a value (raises `Protocol.UndefinedError` for tuples etc.).
pub fn to_string_value(v: &Value) -> Result<Value> {
    if let Value::Bin(_) = v {
        return Ok(v.clone());
    }
    if v.is_list() {
        use crate::library::support::iodata::{chardata_text, CharsError, Encoding};
        return match chardata_text(v, Encoding::Utf8) {
            Ok(s) => Ok(Value::str(s)),
            Err(CharsError::Invalid(ok, rest)) => Err(match rest {
                Value::Cons(c) => error::unicode_conversion_error(
                    Value::str(ok),
                    format!("invalid code point {}", inspect(&c.head)),
                ),
                rest => error::unicode_conversion_error(
                    Value::str(ok),
                    format!("invalid encoding starting at {}", inspect(&rest)),
                ),
            }),
            Err(CharsError::Incomplete(ok, rest)) => Err(error::unicode_conversion_error(
                Value::str(ok),
                format!("incomplete encoding starting at {}", inspect(&rest)),
            )),
            Err(CharsError::BadArg) => Err(error::argument_error(format!(
                "cannot convert the given list to a string.\n\nTo be converted to a string, a list must either be empty or only\ncontain the following elements:\n\n  * strings\n  * integers representing Unicode code points\n  * a list containing one of these three elements\n\nPlease check the given list or call inspect/1 to get the list representation, got:\n\n{}\n",
                inspect(v)
            ))),
        };
    }
    match crate::format::to_string(v) {
        Some(s) => Ok(Value::str(s)),
        None if v.is_list() => Err(error::argument_error(format!(
            "cannot convert the given list to a string.\n\nTo be converted to a string, a list must either be empty or only\ncontain the following elements:\n\n  * strings\n  * integers representing Unicode code points\n  * a list containing one of these three elements\n\nPlease check the given list or call inspect/1 to get the list representation, got:\n\n{}\n",
            inspect(v)
        ))),
        None => Err(error::protocol_undefined("String.Chars", v.clone(), "")),
    }
}

pub fn to_charlist(v: &Value) -> Result<Value> {
    match v {
        Value::Nil | Value::Cons(_) => {
            let s = to_string_value(v)?;
            Ok(Value::list(
                s.as_str()
                    .unwrap_or_default()
                    .chars()
                    .map(|c| Value::Int(c as i64))
                    .collect(),
            ))
        }
        _ => {
            let s = to_string_value(v)?;
            let Some(s) = s.as_str() else {
                return Err(error::badarg());
            };
            Ok(Value::list(
                s.chars().map(|c| Value::Int(c as i64)).collect(),
            ))
        }
    }
}

/// Options of `inspect/2` the formatter understands.
pub fn inspect_opts(opts: &Value) -> InspectOpts {
    let mut o = InspectOpts::default();
    for item in opts.iter_list() {
        if let Value::Tuple(t) = item {
            if t.len() == 2 {
                match (t[0].as_atom().map(|a| a.as_str()), &t[1]) {
                    (Some("limit"), Value::Int(n)) => o.limit = *n as usize,
                    (Some("limit"), Value::Atom(Atom::INFINITY)) => o.limit = usize::MAX,
                    (Some("charlists"), Value::Atom(a)) => {
                        o.charlists_as_lists = a.as_str() == "as_lists"
                    }
                    (Some("pretty"), Value::Atom(a)) => o.pretty = *a == Atom::TRUE,
                    (Some("structs"), Value::Atom(a)) => o.structs = *a != Atom::FALSE,
                    (Some("binaries"), Value::Atom(a)) => {
                        o.binaries = match a.as_str() {
                            "as_strings" => crate::format::Binaries::AsStrings,
                            "as_binaries" => crate::format::Binaries::AsBinaries,
                            _ => crate::format::Binaries::Infer,
                        }
                    }
                    (Some("base"), Value::Atom(a)) => o.base = base_of(*a).unwrap_or(o.base),
                    (Some("width"), Value::Int(w)) if *w >= 0 => o.width = *w as usize,
                    (Some("width"), Value::Atom(Atom::INFINITY)) => o.width = usize::MAX,
                    _ => {}
                }
            }
        }
    }
    o
}

/// The radix of an `inspect` `base:` option's atom.
pub fn base_of(a: Atom) -> Option<u32> {
    match a.as_str() {
        "binary" => Some(2),
        "octal" => Some(8),
        "decimal" => Some(10),
        "hex" => Some(16),
        _ => None,
    }
}

/// `data[key]` (the Access protocol for maps and keyword lists; nil-safe).
pub fn access(data: &Value, key: &Value) -> Result<Value> {
    access_or(data, key, Value::NIL_ATOM)
}

/// `Access.get(data, key, default)`, with Elixir 1.14's clauses: maps,
/// keyword lists (atom keys only) and `nil`; anything else matches none.
pub fn access_or(data: &Value, key: &Value, default: Value) -> Result<Value> {
    match data {
        // A struct does not implement Access (unless it says so, which
        // phial's structs cannot yet).
        Value::Map(_) if data.struct_name().is_some() => {
            let m = data.struct_name().unwrap_or(Atom::NIL);
            let mut e = error::undefined_function(m, Atom::new("fetch"), 2, true).value;
            if let Value::Map(fields) = &e {
                let mut fields = (**fields).clone();
                fields.insert(
                    Value::Atom(Atom::MESSAGE),
                    Value::str(format!(
                        "function {}.fetch/2 is undefined ({} does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1)",
                        error::module_name(m),
                        error::module_name(m)
                    )),
                );
                e = Value::map(fields);
            }
            Err(Raise::error(e))
        }
        Value::Map(m) => Ok(m.get(key).cloned().unwrap_or(default)),
        Value::Atom(Atom::NIL) => Ok(default),
        Value::Nil | Value::Cons(_) => {
            if !matches!(key, Value::Atom(_)) {
                return Err(error::argument_error(format!(
                    "the Access calls for keywords expect the key to be an atom, got: {}",
                    inspect(key)
                )));
            }
            for item in data.iter_list() {
                if let Value::Tuple(t) = item {
                    if t.len() == 2 && strict_equal(&t[0], key) {
                        return Ok(t[1].clone());
                    }
                }
            }
            Ok(default)
        }
        other => Err(error::function_clause_error(
            Atom::alias("Access"),
            Atom::new("get"),
            3,
            vec![other.clone(), key.clone(), default],
        )),
    }
}

/// Used by `IO.inspect` and friends that accept a keyword list of options.
pub fn keyword_get<'a>(opts: &'a Value, key: &str) -> Option<&'a Value> {
    let k = Atom::existing(key)?;
    opts.iter_list().find_map(|item| match item {
        Value::Tuple(t) if t.len() == 2 && t[0].as_atom() == Some(k) => Some(&t[1]),
        _ => None,
    })
}

/// `:erlang.fun_info/2` for the items phial can answer.
pub(crate) fn fun_info(f: &Value, item: &Value) -> Result<Value> {
    let Value::Fun(fun) = f else {
        return Err(badarg_at(1, "not a fun"));
    };
    let key = item.as_atom().map(|a| a.as_str()).unwrap_or("");
    let v = match (key, &**fun) {
        ("arity", f) => Value::Int(f.arity() as i64),
        ("module", Fun::External { module, .. }) => Value::Atom(*module),
        ("module", Fun::Closure { code, .. }) => Value::Atom(code.module),
        ("name", Fun::External { name, .. }) => Value::Atom(*name),
        ("name", Fun::Closure { .. }) => Value::atom("-fun-"),
        ("type", Fun::External { .. }) => Value::atom("external"),
        ("type", Fun::Closure { .. }) => Value::atom("local"),
        _ => return Err(badarg_at(2, "invalid item")),
    };
    Ok(Value::tuple(vec![item.clone(), v]))
}
