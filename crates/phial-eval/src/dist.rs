//! The evaluator's side of distribution: which node this is, the node
//! table behind remote pids and references, sending a message to another
//! node, and delivering what arrives from one (the [`phial_dist::Host`]
//! the protocol crate reports to).
//!
//! A pid's node number indexes the node table (0 is this node); a remote
//! node's entry is its name and creation, as the BEAM tells incarnations
//! apart. A remote reference (up to five 32-bit words, more than a local
//! `Ref` holds) is interned: the same words always give the same `Ref`.
//!
//! Not here: the protocol itself (`phial-dist`), the node's servers for its
//! peers (`rex`, `net_kernel`: `library/internal/phial_dist.ex`).

use crate::atom::Atom;
use crate::etf;
use crate::value::Value;
use crate::vm::{Runtime, Vm};
use parking_lot::{Mutex, RwLock};
use phial_runtime::{Pid, Ref};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, OnceLock};

/// The node name of a VM that is not distributed.
pub const NO_NODE: &str = "nonode@nohost";

struct Local {
    name: Atom,
    dist: Arc<phial_dist::Dist>,
}

static LOCAL: OnceLock<Local> = OnceLock::new();

#[derive(Default)]
struct Nodes {
    /// Node number (index) to name and creation; 0 is this node.
    entries: Vec<(Atom, u32)>,
    index: HashMap<(Atom, u32), u32>,
}

static NODES: LazyLock<RwLock<Nodes>> = LazyLock::new(|| {
    RwLock::new(Nodes {
        entries: vec![(Atom::new(NO_NODE), 0)],
        index: HashMap::new(),
    })
});

/// Remote references: interned words, and their `Ref` ids (top bit set,
/// which local references, a counter, never reach).
#[derive(Default)]
struct Refs {
    by_words: HashMap<(u32, Vec<u32>), u64>,
    parts: Vec<(u32, Vec<u32>)>,
}

static REFS: LazyLock<Mutex<Refs>> = LazyLock::new(Default::default);

/// `Node.monitor/2`'s monitors: a process and the node it watches, once
/// per call (as `monitor_node` stacks them).
static NODE_MONITORS: LazyLock<Mutex<Vec<(Pid, Atom)>>> = LazyLock::new(Default::default);

fn nodedown(node: Atom) -> Value {
    Value::tuple(vec![Value::atom("nodedown"), Value::Atom(node)])
}

/// `Node.monitor(node, flag)` for `pid`: with `true`, `{:nodedown, node}`
/// when the connection goes down, or at once if it cannot be made; with
/// `false`, one such monitor removed.
pub fn monitor_node(rt: Runtime, pid: Pid, node: Atom, on: bool) {
    let mut t = NODE_MONITORS.lock();
    if !on {
        if let Some(i) = t.iter().position(|e| *e == (pid, node)) {
            t.remove(i);
        }
        return;
    }
    t.push((pid, node));
    drop(t);
    connect(
        node,
        Box::new(move |up| {
            if !up {
                let mut t = NODE_MONITORS.lock();
                if let Some(i) = t.iter().position(|e| *e == (pid, node)) {
                    t.remove(i);
                    drop(t);
                    rt.send(pid, nodedown(node));
                }
            }
        }),
    );
}
const REMOTE_REF: u64 = 1 << 63;

/// This node's name (`nonode@nohost` until it is started).
pub fn local_name() -> Atom {
    LOCAL.get().map_or_else(|| Atom::new(NO_NODE), |l| l.name)
}

/// Whether this node is distributed (`Node.alive?/0`).
pub fn alive() -> bool {
    LOCAL.get().is_some()
}

fn dist() -> Option<&'static Arc<phial_dist::Dist>> {
    LOCAL.get().map(|l| &l.dist)
}

/// This node's creation (0 when not distributed).
pub fn local_creation() -> u32 {
    dist().map_or(0, |d| d.creation())
}

/// Whether `name` names this node (a term written before the node started
/// says `nonode@nohost`).
pub fn is_local(name: Atom) -> bool {
    name == local_name() || name.as_str() == NO_NODE
}

/// The node number of a pid or reference from `name` of `creation`.
pub fn node_number(name: Atom, creation: u32) -> u32 {
    if is_local(name) {
        return 0;
    }
    if let Some(n) = NODES.read().index.get(&(name, creation)) {
        return *n;
    }
    let mut t = NODES.write();
    if let Some(n) = t.index.get(&(name, creation)) {
        return *n;
    }
    let n = t.entries.len() as u32;
    t.entries.push((name, creation));
    t.index.insert((name, creation), n);
    n
}

/// The name and creation of node number `n`.
pub fn node_entry(n: u32) -> (Atom, u32) {
    if n == 0 {
        return (local_name(), local_creation());
    }
    NODES
        .read()
        .entries
        .get(n as usize)
        .copied()
        .unwrap_or((Atom::new(NO_NODE), 0))
}

/// `node(pid)`.
pub fn node_of(p: Pid) -> Atom {
    node_entry(p.node()).0
}

/// The `Ref` for a remote reference's words.
pub fn remote_ref(node: u32, words: &[u32]) -> Ref {
    let mut t = REFS.lock();
    let key = (node, words.to_vec());
    if let Some(id) = t.by_words.get(&key) {
        return Ref::new(*id);
    }
    let id = REMOTE_REF | t.parts.len() as u64;
    t.parts.push(key.clone());
    t.by_words.insert(key, id);
    Ref::new(id)
}

/// A remote reference's node number and words; `None` for a local one.
pub fn ref_parts(r: Ref) -> Option<(u32, Vec<u32>)> {
    if r.id() & REMOTE_REF == 0 {
        return None;
    }
    REFS.lock()
        .parts
        .get((r.id() & !REMOTE_REF) as usize)
        .cloned()
}

/// `node(ref)`.
pub fn node_of_ref(r: Ref) -> Atom {
    match ref_parts(r) {
        Some((n, _)) => node_entry(n).0,
        None => local_name(),
    }
}

/// The peers connected now (`Node.list/0`).
pub fn nodes() -> Vec<Atom> {
    dist().map_or_else(Vec::new, |d| {
        d.nodes().iter().map(|n| Atom::new(n)).collect()
    })
}

/// Closes the connection to `node`: whether there was one.
pub fn disconnect(node: Atom) -> bool {
    dist().is_some_and(|d| d.disconnect(node.as_str()))
}

/// Connects to `node`; `done` hears whether it is up (on a distribution
/// thread). False at once when this node is not distributed.
pub fn connect(node: Atom, done: Box<dyn FnOnce(bool) + Send>) {
    match dist() {
        Some(d) => d.connect(node.as_str(), done),
        None => done(false),
    }
}

const SEND: i64 = 2;
const REG_SEND: i64 = 6;
const MONITOR_P: i64 = 19;
const DEMONITOR_P: i64 = 20;
const MONITOR_P_EXIT: i64 = 21;
const SEND_SENDER: i64 = 22;
const SPAWN_REQUEST: i64 = 29;
const SPAWN_REPLY: i64 = 31;

/// Sends a control message with no payload to `node`.
fn control_only(node: Atom, control: &Value) {
    let Some(d) = dist() else { return };
    if let Ok(f) = etf::encode(control, None, true) {
        d.send(node.as_str(), f);
    }
}

/// Answers a peer's `SPAWN_REQUEST`: `flags` says which of link (1) and
/// monitor (2) are set up; `result` is the new pid or an error atom.
pub fn spawn_reply(req: &Value, to: Pid, flags: i64, result: &Value) {
    let control = Value::tuple(vec![
        Value::Int(SPAWN_REPLY),
        req.clone(),
        Value::Pid(to),
        Value::Int(flags),
        result.clone(),
    ]);
    control_only(node_of(to), &control);
}

/// Tells a remote monitoring process that `pid` (or the name it
/// monitored) went down: the peer's erts delivers its DOWN message.
pub fn monitor_exit(pid: &Value, watcher: Pid, r: &Value, reason: &Value) {
    let control = Value::tuple(vec![
        Value::Int(MONITOR_P_EXIT),
        pid.clone(),
        Value::Pid(watcher),
        r.clone(),
        reason.clone(),
    ]);
    let node = node_of(watcher);
    if etf::encode(&control, None, true).is_ok() {
        control_only(node, &control);
    } else {
        // A reason with no external form (a closure) still says it ended.
        let control = Value::tuple(vec![
            Value::Int(MONITOR_P_EXIT),
            pid.clone(),
            Value::Pid(watcher),
            r.clone(),
            Value::atom("noproc"),
        ]);
        control_only(node, &control);
    }
}

fn frame(control: &Value, payload: &Value) -> Option<Vec<u8>> {
    let mut f = etf::encode(control, None, true).ok()?;
    f.extend(etf::encode(payload, None, true).ok()?);
    Some(f)
}

/// Sends `msg` to a pid of another node. A message with no external form
/// (a closure) is dropped, as is everything when not distributed.
pub fn send_to_pid(to: Pid, msg: &Value) {
    let Some(d) = dist() else { return };
    let node = node_of(to);
    let control = Value::tuple(vec![Value::Int(SEND), Value::atom(""), Value::Pid(to)]);
    if let Some(f) = frame(&control, msg) {
        d.send(node.as_str(), f);
    }
}

/// Sends `msg` to the process registered as `name` on `node`.
pub fn send_to_name(from: Pid, name: Atom, node: Atom, msg: &Value) {
    let Some(d) = dist() else { return };
    let control = Value::tuple(vec![
        Value::Int(REG_SEND),
        Value::Pid(from),
        Value::atom(""),
        Value::Atom(name),
    ]);
    if let Some(f) = frame(&control, msg) {
        d.send(node.as_str(), f);
    }
}

/// Where the protocol's threads deliver.
struct Host {
    vm: Arc<Vm>,
    rt: Runtime,
}

impl Host {
    fn deliver(&self, to: Pid, msg: Value) {
        if to.node() == 0 {
            self.rt.send(to, msg);
        }
    }

    fn to_rex(&self, items: Vec<Value>) {
        if let Some(pid) = self.rt.whereis("rex") {
            self.rt.send(pid, Value::tuple(items));
        }
    }
}

impl phial_dist::Host for Host {
    fn frame(&self, _node: &str, bytes: &[u8]) {
        let Ok((control, used)) = etf::decode(bytes) else {
            return;
        };
        let payload = || {
            bytes
                .get(used..)
                .and_then(|rest| etf::decode(rest).ok())
                .map(|(v, _)| v)
        };
        let Value::Tuple(t) = &control else { return };
        match (t.first(), t.len()) {
            (Some(Value::Int(SEND)), 3) | (Some(Value::Int(SEND_SENDER)), 3) => {
                if let (Value::Pid(to), Some(msg)) = (&t[2], payload()) {
                    self.deliver(*to, msg);
                }
            }
            (Some(Value::Int(REG_SEND)), 4) => {
                if let (Value::Atom(name), Some(msg)) = (&t[3], payload()) {
                    if let Some(pid) = self.rt.whereis(name.as_str()) {
                        self.deliver(pid, msg);
                    }
                }
            }
            // Spawns and monitors for peers are kept by the `rex` process
            // (`:phial_dist.rex`), which watches the local processes.
            (Some(Value::Int(SPAWN_REQUEST)), 6) => {
                if let (Value::Tuple(mfa), Some(args)) = (&t[4], payload()) {
                    if mfa.len() == 3 {
                        self.to_rex(vec![
                            Value::atom("$phial_spawn_request"),
                            t[1].clone(),
                            t[2].clone(),
                            mfa[0].clone(),
                            mfa[1].clone(),
                            args,
                            t[5].clone(),
                        ]);
                    }
                }
            }
            (Some(Value::Int(MONITOR_P)), 4) => self.to_rex(vec![
                Value::atom("$phial_monitor"),
                t[1].clone(),
                t[2].clone(),
                t[3].clone(),
            ]),
            (Some(Value::Int(DEMONITOR_P)), 4) => self.to_rex(vec![
                Value::atom("$phial_demonitor"),
                t[1].clone(),
                t[2].clone(),
                t[3].clone(),
            ]),
            _ => {}
        }
    }

    fn node_up(&self, _node: &str) {}

    fn node_down(&self, node: &str) {
        let node = Atom::new(node);
        let watchers: Vec<Pid> = {
            let mut t = NODE_MONITORS.lock();
            let (hit, keep): (Vec<_>, Vec<_>) = t.drain(..).partition(|e| e.1 == node);
            *t = keep;
            hit.into_iter().map(|e| e.0).collect()
        };
        for pid in watchers {
            self.rt.send(pid, nodedown(node));
        }
    }

    fn bad_cookie(&self, node: &str) {
        // Erlang's words; Elixir's logger shows the node as an Elixir atom.
        let line = format!(
            "** Connection attempt from node {} rejected. Invalid challenge reply. **",
            crate::format::inspect_atom(Atom::new(node))
        );
        crate::library::internal::phial_logger::log(&self.vm, "error", &line, &[]);
    }
}

/// Starts this node: `name` is `alive@host`. Its servers for peers (`rex`,
/// `net_kernel`) start as processes of `vm`.
pub fn start(
    vm: &Arc<Vm>,
    name: &str,
    cookie: &str,
    interface: std::net::IpAddr,
    ticktime: std::time::Duration,
) -> Result<(), String> {
    if LOCAL.get().is_some() {
        return Err("the node is already started".into());
    }
    let host = Arc::new(Host {
        vm: vm.clone(),
        rt: vm.runtime().clone(),
    });
    let d = phial_dist::Dist::start(
        phial_dist::Config {
            name: name.to_string(),
            cookie: cookie.to_string(),
            interface,
            ticktime,
        },
        host,
    )
    .map_err(|e| e.to_string())?;
    LOCAL
        .set(Local {
            name: Atom::new(name),
            dist: d,
        })
        .map_err(|_| "the node is already started".to_string())?;
    for (server, registered) in [("rex", "rex"), ("net_kernel", "net_kernel")] {
        let f = Value::Fun(Arc::new(crate::value::Fun::External {
            module: Atom::new("phial_dist"),
            name: Atom::new(server),
            arity: 0,
        }));
        let p =
            crate::process::Process::new(vm.clone(), f, Vec::new(), crate::process::Role::Spawned);
        let pid = vm.runtime().spawn(p);
        let _ = vm.runtime().register(registered, pid);
    }
    Ok(())
}
