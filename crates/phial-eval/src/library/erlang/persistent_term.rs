//! `:persistent_term`: a VM-wide table of terms any process reads (`put/2`,
//! `get/0,1,2`, `erase/1`, `info/0`). The table is `Vm::persistent_terms`,
//! so Rust code reads the same entries the program writes (Logger keeps its
//! configuration there, see `internal::phial_logger`).
//!
//! Not here: the BEAM's cost model (a `put` there copies the term into a
//! global area and makes every reader's copy stale; here a value is shared
//! by reference, so both are cheap and `info/0`'s memory is an estimate).

use crate::error::badarg_at;
use crate::library::{def, Native};
use crate::value::{MapInner, Value};
use crate::vm::Vm;

pub const NATIVES: &[Native] = &[
    def("put", 2, |ctx, a| {
        put(ctx.vm, a[0].clone(), a[1].clone());
        Ok(Value::OK)
    }),
    def("get", 1, |ctx, a| {
        get(ctx.vm, &a[0]).ok_or_else(|| badarg_at(1, "no persistent term stored with this key"))
    }),
    def("get", 2, |ctx, a| {
        Ok(get(ctx.vm, &a[0]).unwrap_or_else(|| a[1].clone()))
    }),
    def("get", 0, |ctx, _| {
        let table = ctx.vm.persistent_terms.read();
        Ok(Value::list_from_iter(
            table
                .iter()
                .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()])),
        ))
    }),
    def("erase", 1, |ctx, a| Ok(Value::bool(erase(ctx.vm, &a[0])))),
    def("info", 0, |ctx, _| {
        let table = ctx.vm.persistent_terms.read();
        let mut info = MapInner::new();
        info.insert(Value::atom("count"), Value::Int(table.len() as i64));
        // Two words per key and value, and the table's own entry: an
        // estimate (shared values are not counted again).
        info.insert(Value::atom("memory"), Value::Int(table.len() as i64 * 48));
        Ok(Value::map(info))
    }),
];

/// The value stored under `key`, for Rust code as for `get/1`.
pub fn get(vm: &Vm, key: &Value) -> Option<Value> {
    vm.persistent_terms.read().get(key).cloned()
}

/// Stores `value` under `key` (replacing what was there).
pub fn put(vm: &Vm, key: Value, value: Value) {
    vm.persistent_terms.write().insert(key, value);
}

/// Removes `key`; whether it was there.
pub fn erase(vm: &Vm, key: &Value) -> bool {
    vm.persistent_terms.write().remove(key).is_some()
}
