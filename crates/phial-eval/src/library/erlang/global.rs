//! `:global` on a single node: names that are any term, registered for a
//! pid (`register_name/2,3`, `re_register_name/2,3`, `unregister_name/1`,
//! `whereis_name/1`, `send/2`, `registered_names/0`, `sync/0`). What
//! `{:global, name}` in GenServer, Agent and Supervisor goes through.
//!
//! The table is `Vm::global` (VM-wide, no server process). A name whose
//! process has died counts as unregistered at once: every read skips dead
//! pids and every write drops them, so nothing waits for a DOWN message
//! the way the BEAM's `global_name_server` does (pids are never reused, so
//! a dead one stays dead).
//!
//! Not here: other nodes, so the resolve functions of `register_name/3`
//! never run, and locks (`set_lock`, `trans`).

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::library::support::processes::send;
use crate::library::{def, Ctx, Native};
use crate::value::Value;
use phial_runtime::Pid;

/// The names, in the order registered.
#[derive(Default)]
pub struct Names {
    table: parking_lot::Mutex<Vec<(Value, Pid)>>,
}

pub const NATIVES: &[Native] = &[
    def("register_name", 2, |ctx, a| register(ctx, a, false)),
    def("register_name", 3, |ctx, a| register(ctx, a, false)),
    def("re_register_name", 2, |ctx, a| register(ctx, a, true)),
    def("re_register_name", 3, |ctx, a| register(ctx, a, true)),
    def("unregister_name", 1, |ctx, a| {
        ctx.vm.global.table.lock().retain(|(n, _)| n != &a[0]);
        Ok(Value::OK)
    }),
    def("whereis_name", 1, |ctx, a| {
        Ok(whereis(ctx, &a[0])
            .map(Value::Pid)
            .unwrap_or_else(|| Value::atom("undefined")))
    }),
    def("send", 2, |ctx, a| match whereis(ctx, &a[0]) {
        Some(pid) => {
            send(ctx, &Value::Pid(pid), &a[1])?;
            Ok(Value::Pid(pid))
        }
        None => Err(Raise::exit(Value::tuple(vec![
            Value::atom("badarg"),
            Value::tuple(vec![a[0].clone(), a[1].clone()]),
        ]))),
    }),
    def("registered_names", 0, |ctx, _| {
        let live = live_entries(ctx);
        Ok(Value::list(live.into_iter().map(|(n, _)| n).collect()))
    }),
    // One node: nothing to synchronise with.
    def("sync", 0, |_, _| Ok(Value::OK)),
];

/// `register_name` (a name taken, or a pid that has another name, gives
/// `:no`) and `re_register_name` (replaces the name's pid, no checks).
fn register(ctx: &mut Ctx, a: &[Value], replace: bool) -> Result<Value> {
    let Value::Pid(pid) = a[1] else {
        let name = if replace {
            "re_register_name"
        } else {
            "register_name"
        };
        return Err(error::function_clause_error(
            Atom::new("global"),
            Atom::new(name),
            a.len() as u32,
            a.to_vec(),
        ));
    };
    let rt = ctx.cx.runtime();
    let mut table = ctx.vm.global.table.lock();
    table.retain(|(_, p)| rt.is_alive(*p));
    if replace {
        table.retain(|(n, _)| n != &a[0]);
    } else if table.iter().any(|(n, p)| n == &a[0] || *p == pid) {
        return Ok(Value::atom("no"));
    }
    table.push((a[0].clone(), pid));
    Ok(Value::atom("yes"))
}

fn whereis(ctx: &mut Ctx, name: &Value) -> Option<Pid> {
    let found = ctx
        .vm
        .global
        .table
        .lock()
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, p)| *p)?;
    ctx.cx.runtime().is_alive(found).then_some(found)
}

fn live_entries(ctx: &mut Ctx) -> Vec<(Value, Pid)> {
    let rt = ctx.cx.runtime();
    let mut table = ctx.vm.global.table.lock();
    table.retain(|(_, p)| rt.is_alive(*p));
    table.clone()
}
