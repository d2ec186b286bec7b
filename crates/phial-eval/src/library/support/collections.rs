//! Helpers several units share over lists, tuples and maps: Elixir's
//! `FunctionClauseError` for a module function, proper lists, pairs, the
//! limit on what a native may build.
//!
//! Not here: any unit's own rows.

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::value::Value;

/// `FunctionClauseError` in `module.name/arity` (`":lists"` for Erlang).
pub fn clause(module: &str, name: &str, arity: u32, args: &[&Value]) -> Raise {
    let m = match module.strip_prefix(':') {
        Some(erl) => Atom::new(erl),
        None => Atom::alias(module),
    };
    error::function_clause_error(
        m,
        Atom::new(name),
        arity,
        args.iter().map(|v| (*v).clone()).collect(),
    )
}

pub(crate) fn tuple(v: &Value, pos: usize) -> Result<&[Value]> {
    match v {
        Value::Tuple(t) => Ok(t),
        _ => Err(error::badarg_at(pos, "not a tuple")),
    }
}

pub(crate) fn pair(v: &Value) -> Option<(Value, Value)> {
    match v {
        Value::Tuple(t) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
        _ => None,
    }
}

/// A proper list's elements (`None` for anything else).
pub fn proper(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Nil | Value::Cons(_) => v.list_to_vec(),
        _ => None,
    }
}

/// The most bytes one builtin builds in one value (a list's cells, a
/// string): 2^40, a terabyte, more than any machine phial runs on has.
/// Past it the builtin raises `SystemLimitError` rather than start an
/// allocation that can only fail (or take the whole machine's memory).
pub const MAX_BUILD: u64 = 1 << 40;

/// `s` repeated `n` times, with `String.duplicate`'s limits: past
/// `MAX_BUILD` bytes a `SystemLimitError`, past the process's memory limit
/// the process stops, and a failed reservation is an error, never an abort.
pub fn repeat_str(s: &str, n: u64) -> Result<String> {
    match (s.len() as u64).checked_mul(n) {
        Some(size) if size <= MAX_BUILD => {
            if phial_runtime::over_limit(size as usize) {
                return Err(crate::library::support::processes::over_memory_limit());
            }
            let mut out = String::new();
            if out.try_reserve_exact(size as usize).is_err() {
                return Err(crate::error::system_limit_error());
            }
            for _ in 0..n {
                out.push_str(s);
            }
            Ok(out)
        }
        _ => Err(crate::error::system_limit_error()),
    }
}
