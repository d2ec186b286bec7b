//! `System` natives: `argv`, time (monotonic, system, OS), `halt`,
//! `schedulers_online`.
//!
//! Not here: the clocks themselves (`support::time`).

use crate::error::Result;
use crate::library::support::collections::clause;
use crate::library::support::time::{convert, monotonic_ns, system_ns};
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("argv", 0, |ctx, _| {
        Ok(Value::list(
            ctx.vm
                .argv
                .read()
                .iter()
                .map(|s| Value::str(s.clone()))
                .collect(),
        ))
    }),
    def("monotonic_time", 0, |_, _| Ok(Value::Int(monotonic_ns()))),
    def("monotonic_time", 1, |_, a| {
        Ok(Value::Int(convert(monotonic_ns(), &a[0])?))
    }),
    def("system_time", 0, |_, _| Ok(Value::Int(system_ns()))),
    def("system_time", 1, |_, a| {
        Ok(Value::Int(convert(system_ns(), &a[0])?))
    }),
    def("os_time", 0, |_, _| Ok(Value::Int(system_ns()))),
    def("os_time", 1, |_, a| {
        Ok(Value::Int(convert(system_ns(), &a[0])?))
    }),
    def("halt", 0, |ctx, _| halt(ctx, 0)),
    def("halt", 1, |ctx, a| match &a[0] {
        Value::Int(n) if *n >= 0 => halt(ctx, *n as i32),
        _ => Err(clause("System", "halt", 1, &[&a[0]])),
    }),
    def("schedulers_online", 0, |_, _| {
        Ok(Value::Int(
            std::thread::available_parallelism()
                .map(|n| n.get() as i64)
                .unwrap_or(1),
        ))
    }),
];

pub(crate) fn halt(ctx: &mut crate::library::Ctx, code: i32) -> Result<Value> {
    ctx.vm.out.flush();
    ctx.vm.set_exit_code(code);
    ctx.vm.out.halt(code);
    Err(crate::error::Raise::exit(Value::Atom(
        crate::atom::Atom::SHUTDOWN,
    )))
}
