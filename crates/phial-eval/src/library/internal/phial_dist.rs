//! `:phial_dist` natives: what `Node.connect/1` asks of the distribution
//! threads, and the control messages `rex` answers peers' spawns and
//! monitors with (`spawn_reply`, `monitor_exit`). The answer comes back as a message, so the calling process
//! waits in a `receive` and no scheduler thread blocks on the network.
//!
//! Not here: the node's servers (`phial_dist.ex`), the protocol.

use crate::dist;
use crate::error::{badarg_at, Result};
use crate::library::{def, Ctx, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("connect_request", 1, connect_request),
    def("spawn_reply", 4, |_, a| {
        if let (Value::Pid(to), Value::Int(flags)) = (&a[1], &a[2]) {
            dist::spawn_reply(&a[0], *to, *flags, &a[3]);
        }
        Ok(Value::atom("ok"))
    }),
    def("spawn_request", 5, spawn_request),
    def("io_leader", 0, |ctx, _| {
        Ok(Value::Pid(dist::io_leader().unwrap_or(ctx.cx.self_pid())))
    }),
    def("link_remote", 2, |ctx, a| {
        if let (Value::Pid(child), Value::Pid(peer)) = (&a[0], &a[1]) {
            dist::link_remote(ctx.cx.runtime(), *child, *peer);
        }
        Ok(Value::atom("ok"))
    }),
    def("monitor_nodes", 1, |ctx, a| match a[0].as_bool() {
        Some(on) => {
            dist::monitor_nodes(ctx.cx.self_pid(), on);
            Ok(Value::atom("ok"))
        }
        None => Err(badarg_at(1, "not a boolean")),
    }),
    def("monitor_exit", 4, |_, a| {
        if let Value::Pid(watcher) = &a[1] {
            dist::monitor_exit(&a[0], *watcher, &a[2], &a[3]);
        }
        Ok(Value::atom("ok"))
    }),
];

/// `:ignored` when not distributed; else a reference, and later the
/// message `{:"$phial_dist_connect", ref, up}`.
fn connect_request(ctx: &mut Ctx, a: &[Value]) -> Result<Value> {
    let Value::Atom(node) = &a[0] else {
        return Err(badarg_at(1, "not an atom"));
    };
    if !dist::alive() {
        return Ok(Value::atom("ignored"));
    }
    let r = ctx.cx.make_ref();
    let me = ctx.cx.self_pid();
    let rt = ctx.cx.runtime().clone();
    dist::connect(
        *node,
        Box::new(move |up| {
            rt.send(
                me,
                Value::tuple(vec![
                    Value::atom("$phial_dist_connect"),
                    Value::Ref(r),
                    Value::from(up),
                ]),
            )
        }),
    );
    Ok(Value::Ref(r))
}

/// `spawn_request(node, m, f, args, opts)` (`opts` may hold `:link` and
/// `:monitor`): a reference, and later the message `{:"$phial_spawn_reply",
/// ref, flags, pid_or_error}`; with `:monitor` the reference is also a
/// monitor's. `:badarg` when the arguments have no external form or the
/// node is not distributed.
fn spawn_request(ctx: &mut Ctx, a: &[Value]) -> Result<Value> {
    let (Value::Atom(node), Value::Atom(m), Value::Atom(f)) = (&a[0], &a[1], &a[2]) else {
        return Err(badarg_at(1, "not an atom"));
    };
    let args: Vec<Value> = a[3].iter_list().cloned().collect();
    let has = |o: &str| {
        a[4].iter_list()
            .any(|x| x.as_atom().is_some_and(|x| x.as_str() == o))
    };
    let (link, monitor) = (has("link"), has("monitor"));
    let r = ctx.cx.make_ref();
    let me = ctx.cx.self_pid();
    if !dist::spawn_request(me, r, *node, (*m, *f, &args), link, monitor) {
        return Ok(Value::atom("badarg"));
    }
    if monitor {
        ctx.cx.hold_monitor(r, dist::name_target(*node));
    }
    Ok(Value::Ref(r))
}
