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
