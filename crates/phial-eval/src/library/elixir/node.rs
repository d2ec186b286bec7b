//! `Node` natives, also behind Kernel's `node/0,1` and `:erlang`'s `node`,
//! `nodes`, `is_alive` and `disconnect_node`: what this node is called,
//! whether it is distributed, which peers are connected.
//!
//! Not here: connecting and pinging, which wait for a peer (`node.ex`),
//! the node table and the protocol (`crate::dist`, `phial-dist`).

use crate::dist;
use crate::error::{badarg_at, Result};
use crate::library::{def, Ctx, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("self", 0, |_, _| Ok(self_node())),
    def("alive?", 0, |_, _| Ok(Value::from(dist::alive()))),
    def("list", 0, |_, _| Ok(list())),
    def("list", 1, |_, a| list_of(&a[0])),
    def("disconnect", 1, |_, a| disconnect(&a[0])),
    def("monitor", 2, monitor),
];

/// `Node.monitor(node, flag)`: `true`; `{:nodedown, node}` comes later.
fn monitor(ctx: &mut Ctx, a: &[Value]) -> Result<Value> {
    let (Value::Atom(node), Value::Atom(flag)) = (&a[0], &a[1]) else {
        return Err(badarg_at(1, "not an atom"));
    };
    let on = match flag.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(badarg_at(2, "not a boolean")),
    };
    if *node == dist::local_name() {
        return Ok(Value::TRUE);
    }
    let rt = ctx.cx.runtime().clone();
    dist::monitor_node(rt, ctx.cx.self_pid(), *node, on);
    Ok(Value::TRUE)
}

/// `node/0`.
pub(crate) fn self_node() -> Value {
    Value::Atom(dist::local_name())
}

/// `node/1`: the node of a pid or reference.
pub(crate) fn node_of(_: &mut Ctx, a: &[Value]) -> Result<Value> {
    match &a[0] {
        Value::Pid(p) => Ok(Value::Atom(dist::node_of(*p))),
        Value::Ref(r) => Ok(Value::Atom(dist::node_of_ref(*r))),
        _ => Err(badarg_at(1, "not a pid, port or reference")),
    }
}

/// The connected peers (`Node.list/0`, `:erlang.nodes/0`).
pub(crate) fn list() -> Value {
    Value::list(dist::nodes().into_iter().map(Value::Atom).collect())
}

/// `Node.list/1`: `:visible`, `:connected`, `:this`, `:known`, `:hidden`
/// or a list of them (every connection phial makes is visible).
fn list_of(which: &Value) -> Result<Value> {
    let kinds: Vec<Value> = match which {
        Value::Atom(_) => vec![which.clone()],
        v => v.iter_list().cloned().collect(),
    };
    let mut out = Vec::new();
    for k in &kinds {
        match k.as_atom().map(|a| a.as_str()) {
            Some("this") => out.push(self_node()),
            Some("visible") | Some("connected") => {
                out.extend(dist::nodes().into_iter().map(Value::Atom))
            }
            Some("known") => {
                out.push(self_node());
                out.extend(dist::nodes().into_iter().map(Value::Atom));
            }
            Some("hidden") => {}
            _ => return Err(badarg_at(1, "not a node type")),
        }
    }
    let mut seen = Vec::new();
    out.retain(|v| {
        let fresh = !seen.contains(v);
        seen.push(v.clone());
        fresh
    });
    Ok(Value::list(out))
}

/// `Node.disconnect/1`: `:ignored` when not distributed.
pub(crate) fn disconnect(node: &Value) -> Result<Value> {
    let Value::Atom(n) = node else {
        return Err(badarg_at(1, "not an atom"));
    };
    if !dist::alive() {
        return Ok(Value::atom("ignored"));
    }
    Ok(Value::from(dist::disconnect(*n)))
}
