//! `Tuple` natives: `to_list`, `append`, `insert_at`, `delete_at`, `duplicate`.
//!
//! Not here: `Tuple.sum`/`product` (`tuple.ex`), `elem`/`put_elem` (`kernel.rs`).

use crate::error;
use crate::library::support::collections::tuple;
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("to_list", 1, |_, a| {
        Ok(Value::list(tuple(&a[0], 1)?.to_vec()))
    }),
    def("append", 2, |_, a| {
        let mut t = tuple(&a[0], 1)?.to_vec();
        t.push(a[1].clone());
        Ok(Value::tuple(t))
    }),
    def("insert_at", 3, |_, a| {
        let mut t = tuple(&a[0], 1)?.to_vec();
        match &a[1] {
            Value::Int(i) if *i >= 0 && (*i as usize) <= t.len() => {
                t.insert(*i as usize, a[2].clone());
                Ok(Value::tuple(t))
            }
            _ => Err(error::badarg_at(1, "out of range")),
        }
    }),
    def("delete_at", 2, |_, a| {
        let mut t = tuple(&a[0], 1)?.to_vec();
        match &a[1] {
            Value::Int(i) if *i >= 0 && (*i as usize) < t.len() => {
                t.remove(*i as usize);
                Ok(Value::tuple(t))
            }
            _ => Err(error::badarg_at(1, "out of range")),
        }
    }),
    def("duplicate", 2, |_, a| match &a[1] {
        // The BEAM's largest tuple has 2^24 - 1 elements.
        Value::Int(n) if (0..=MAX_TUPLE).contains(n) => {
            if phial_runtime::over_limit(*n as usize * 2 * std::mem::size_of::<Value>()) {
                return Err(crate::library::support::processes::over_memory_limit());
            }
            Ok(Value::tuple(vec![a[0].clone(); *n as usize]))
        }
        _ => Err(error::badarg_at(1, "out of range")),
    }),
];

/// The elements of nested lists, in order, or `None` if any list in it is
/// improper. The lists being walked are an explicit stack (innermost
/// last), so any depth of nesting is flattened without recursion.
/// The largest tuple the BEAM makes (`erlang:make_tuple/2` raises past it).
pub(crate) const MAX_TUPLE: i64 = (1 << 24) - 1;
