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
use phial_runtime::{Pid, Ref, Signal};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, OnceLock};

/// The node name of a VM that is not distributed.
pub const NO_NODE: &str = "nonode@nohost";

struct Local {
    name: Atom,
    dist: Arc<phial_dist::Dist>,
}

static LOCAL: OnceLock<Local> = OnceLock::new();

/// The group leader of what this node runs on peers (`:phial_dist.io`).
static IO_LEADER: OnceLock<Pid> = OnceLock::new();

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

/// The pid id that stands for "the process registered under a name" of a
/// node, in a monitor of `{name, node}` (no real pid has it: ids are 48
/// bits and a peer's serial never fills them).
pub const NAME_TARGET: u64 = (1 << 48) - 1;

/// Links between local processes and other nodes' (local, remote): on a
/// connection's loss each is broken with `:noconnection`.
static LINKS: LazyLock<Mutex<HashSet<(Pid, Pid)>>> = LazyLock::new(Default::default);

/// A local process's monitor of another node's process.
struct Watch {
    watcher: Pid,
    /// The pid, or a `NAME_TARGET` pid of the node when `name` is set.
    target: Pid,
    name: Option<Atom>,
}

/// Monitors of other nodes' processes, by reference.
static WATCHES: LazyLock<Mutex<HashMap<Ref, Watch>>> = LazyLock::new(Default::default);

/// Peers' monitors of local processes: (local pid, the peer's reference)
/// to the watching pid, so that a lost connection removes them.
static WATCHED: LazyLock<Mutex<HashMap<(Pid, Ref), Pid>>> = LazyLock::new(Default::default);

/// A spawn asked of a peer: the requester, the node and whether linked,
/// to answer if the node cannot be reached.
type Asked = (Pid, Atom, bool);

/// Spawns asked of peers, by request reference.
static SPAWNS: LazyLock<Mutex<HashMap<Ref, Asked>>> = LazyLock::new(Default::default);

/// `:net_kernel.monitor_nodes(true)` subscribers, once per call.
static NODE_WATCHERS: LazyLock<Mutex<Vec<Pid>>> = LazyLock::new(Default::default);

fn noconnection() -> Value {
    Value::atom("noconnection")
}

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
    // Atoms compare as numbers; `as_str` would take the atom table's lock
    // on every send to another node.
    static NONODE: LazyLock<Atom> = LazyLock::new(|| Atom::new(NO_NODE));
    name == local_name() || name == *NONODE
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

const LINK: i64 = 1;
const SEND: i64 = 2;
const EXIT: i64 = 3;
const UNLINK: i64 = 4;
const EXIT2: i64 = 8;
const REG_SEND: i64 = 6;
const MONITOR_P: i64 = 19;
const DEMONITOR_P: i64 = 20;
const MONITOR_P_EXIT: i64 = 21;
const SEND_SENDER: i64 = 22;
const SPAWN_REQUEST: i64 = 29;
const ALIAS_SEND: i64 = 33;
const ALIAS_SEND_TT: i64 = 34;
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

/// Sends a control message ending with `reason`; a reason with no
/// external form (a closure) goes as `:noproc`, so the peer still hears
/// that the process ended.
fn with_reason(node: Atom, mut items: Vec<Value>, reason: Value) {
    items.push(reason);
    let control = Value::tuple(items);
    if etf::encode(&control, None, true).is_ok() {
        return control_only(node, &control);
    }
    if let Value::Tuple(t) = &control {
        let mut items = t.to_vec();
        if let Some(last) = items.last_mut() {
            *last = Value::atom("noproc");
        }
        control_only(node, &Value::tuple(items));
    }
}

/// A signal from a local process to another node's pid `to` (the
/// runtime's remote hook): links, exits and monitors become control
/// messages, and are remembered so that a lost connection breaks them.
fn remote_signal(to: Pid, sig: Signal<Value>) {
    let node = node_of(to);
    match sig {
        Signal::Message(m) => send_to_pid(to, &m),
        Signal::AliasMessage { .. } => {}
        Signal::Link(from) => {
            LINKS.lock().insert((from, to));
            control_only(
                node,
                &Value::tuple(vec![Value::Int(LINK), Value::Pid(from), Value::Pid(to)]),
            );
        }
        Signal::Unlink(from) => {
            LINKS.lock().remove(&(from, to));
            control_only(
                node,
                &Value::tuple(vec![Value::Int(UNLINK), Value::Pid(from), Value::Pid(to)]),
            );
        }
        Signal::Exit { from, reason, link } => {
            if link && !LINKS.lock().remove(&(from, to)) {
                return;
            }
            let op = if link { EXIT } else { EXIT2 };
            with_reason(
                node,
                vec![Value::Int(op), Value::Pid(from), Value::Pid(to)],
                reason,
            );
        }
        Signal::Monitor { from, mref } => {
            if to.id() == NAME_TARGET {
                // `monitor_name` sends it, knowing the name.
                return;
            }
            WATCHES.lock().insert(
                mref,
                Watch {
                    watcher: from,
                    target: to,
                    name: None,
                },
            );
            control_only(
                node,
                &Value::tuple(vec![
                    Value::Int(MONITOR_P),
                    Value::Pid(from),
                    Value::Pid(to),
                    Value::Ref(mref),
                ]),
            );
        }
        Signal::Demonitor(mref) => {
            let Some(w) = WATCHES.lock().remove(&mref) else {
                return;
            };
            let target = match w.name {
                Some(n) => Value::Atom(n),
                None => Value::Pid(w.target),
            };
            control_only(
                node,
                &Value::tuple(vec![
                    Value::Int(DEMONITOR_P),
                    Value::Pid(w.watcher),
                    target,
                    Value::Ref(mref),
                ]),
            );
        }
        Signal::Down { mref, pid, reason } => {
            if WATCHED.lock().remove(&(pid, mref)).is_some() {
                monitor_exit(&Value::Pid(pid), to, &Value::Ref(mref), &reason)
            }
        }
    }
}

/// The pid that stands for `name` on `node` in a monitor of `{name, node}`.
pub fn name_target(node: Atom) -> Pid {
    Pid::new(node_number(node, 0), NAME_TARGET)
}

/// After `Cx::monitor_remote_name`: remembers the monitor `mref` of
/// `{name, node}` by `watcher` and asks the peer for it.
pub fn monitor_name(rt: &Runtime, watcher: Pid, mref: Ref, name: Atom, node: Atom) {
    let target = name_target(node);
    if !alive() {
        let _ = rt.signal(
            watcher,
            Signal::Down {
                mref,
                pid: target,
                reason: noconnection(),
            },
        );
        return;
    }
    WATCHES.lock().insert(
        mref,
        Watch {
            watcher,
            target,
            name: Some(name),
        },
    );
    control_only(
        node,
        &Value::tuple(vec![
            Value::Int(MONITOR_P),
            Value::Pid(watcher),
            Value::Atom(name),
            Value::Ref(mref),
        ]),
    );
}

/// Asks `node` to spawn `m.f(args)` for `from` (`SPAWN_REQUEST`), with
/// the options `link` and `monitor`; the answer comes as
/// `{:"$phial_spawn_reply", req, flags, pid_or_error}`, and with `monitor`
/// the monitor `req` (already held by `from`) fires as any other. False
/// when not distributed or the arguments have no external form.
pub fn spawn_request(
    from: Pid,
    req: Ref,
    node: Atom,
    mfa: (Atom, Atom, &[Value]),
    link: bool,
    monitor: bool,
) -> bool {
    let Some(d) = dist() else { return false };
    let mut opts = Vec::new();
    if link {
        opts.push(Value::atom("link"));
    }
    if monitor {
        opts.push(Value::atom("monitor"));
    }
    let control = Value::tuple(vec![
        Value::Int(SPAWN_REQUEST),
        Value::Ref(req),
        Value::Pid(from),
        // The group leader: this node's io server, so the child's output
        // prints here, as a BEAM caller's does on its node.
        Value::Pid(IO_LEADER.get().copied().unwrap_or(from)),
        Value::tuple(vec![
            Value::Atom(mfa.0),
            Value::Atom(mfa.1),
            Value::Int(mfa.2.len() as i64),
        ]),
        Value::list(opts),
    ]);
    let Some(f) = frame(&control, &Value::list(mfa.2.to_vec())) else {
        return false;
    };
    SPAWNS.lock().insert(req, (from, node, link));
    if monitor {
        WATCHES.lock().insert(
            req,
            Watch {
                watcher: from,
                target: name_target(node),
                name: None,
            },
        );
    }
    d.send(node.as_str(), f);
    true
}

/// Links the local `child` (not yet running) to another node's `peer`,
/// which a spawn reply tells it is linked.
pub fn link_remote(rt: &Runtime, child: Pid, peer: Pid) {
    LINKS.lock().insert((child, peer));
    let _ = rt.signal(child, Signal::Link(peer));
}

/// The group leader of what this node runs on peers, once started.
pub fn io_leader() -> Option<Pid> {
    IO_LEADER.get().copied()
}

/// `:net_kernel.monitor_nodes(flag)` for `pid`.
pub fn monitor_nodes(pid: Pid, on: bool) {
    let mut t = NODE_WATCHERS.lock();
    if on {
        t.push(pid);
    } else if let Some(i) = t.iter().position(|p| *p == pid) {
        t.remove(i);
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

impl Host {
    /// `node` is gone or cannot be reached: links to its processes break
    /// and monitors of them fire, with `:noconnection`; spawns asked of it
    /// are answered so.
    fn noconnection(&self, node: Atom) {
        let links: Vec<(Pid, Pid)> = {
            let mut t = LINKS.lock();
            let hit: Vec<_> = t
                .iter()
                .filter(|(_, r)| node_of(*r) == node)
                .copied()
                .collect();
            for l in &hit {
                t.remove(l);
            }
            hit
        };
        for (local, remote) in links {
            let sig = Signal::Exit {
                from: remote,
                reason: noconnection(),
                link: true,
            };
            let _ = self.rt.signal(local, sig);
        }
        let watches: Vec<(Ref, Watch)> = {
            let mut t = WATCHES.lock();
            let hit: Vec<Ref> = t
                .iter()
                .filter(|(_, w)| node_of(w.target) == node)
                .map(|(r, _)| *r)
                .collect();
            hit.into_iter()
                .filter_map(|r| t.remove(&r).map(|w| (r, w)))
                .collect()
        };
        for (mref, w) in watches {
            let sig = Signal::Down {
                mref,
                pid: w.target,
                reason: noconnection(),
            };
            let _ = self.rt.signal(w.watcher, sig);
        }
        let watched: Vec<(Pid, Ref)> = {
            let mut t = WATCHED.lock();
            let hit: Vec<_> = t
                .iter()
                .filter(|(_, w)| node_of(**w) == node)
                .map(|(k, _)| *k)
                .collect();
            for k in &hit {
                t.remove(k);
            }
            hit
        };
        for (local, mref) in watched {
            let _ = self.rt.signal(local, Signal::Demonitor(mref));
        }
        let spawns: Vec<(Ref, (Pid, Atom, bool))> = {
            let mut t = SPAWNS.lock();
            let hit: Vec<Ref> = t
                .iter()
                .filter(|(_, s)| s.1 == node)
                .map(|(r, _)| *r)
                .collect();
            hit.into_iter()
                .filter_map(|r| t.remove(&r).map(|s| (r, s)))
                .collect()
        };
        for (req, (to, _, link)) in spawns {
            // As the BEAM: a pid of that node that names no process, and
            // for a link an exit signal `:noconnection` from it.
            let child = Pid::new(node_number(node, 0), 0);
            if link {
                let _ = self.rt.signal(to, Signal::Link(child));
                let sig = Signal::Exit {
                    from: child,
                    reason: noconnection(),
                    link: true,
                };
                let _ = self.rt.signal(to, sig);
            }
            self.deliver(
                to,
                Value::tuple(vec![
                    Value::atom("$phial_spawn_reply"),
                    Value::Ref(req),
                    Value::Int(0),
                    Value::Pid(child),
                ]),
            );
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
            // To an alias: an active one of the runtime's, or the
            // reference of a monitor of a remote process, which is what
            // phial's `GenServer.call` tags its requests with (the reply
            // counts while the monitor does, as with OTP's alias).
            (Some(Value::Int(ALIAS_SEND)), 3) | (Some(Value::Int(ALIAS_SEND_TT)), 4) => {
                if let (Value::Ref(alias), Some(msg)) = (&t[2], payload()) {
                    if !self.rt.send_alias(*alias, msg.clone()) {
                        let watcher = WATCHES.lock().get(alias).map(|w| w.watcher);
                        if let Some(w) = watcher {
                            self.deliver(w, msg);
                        }
                    }
                }
            }
            (Some(Value::Int(LINK)), 3) => {
                if let (Value::Pid(from), Value::Pid(to)) = (&t[1], &t[2]) {
                    if self.rt.signal(*to, Signal::Link(*from)).is_ok() {
                        LINKS.lock().insert((*to, *from));
                    } else {
                        with_reason(
                            node_of(*from),
                            vec![Value::Int(EXIT), Value::Pid(*to), Value::Pid(*from)],
                            Value::atom("noproc"),
                        );
                    }
                }
            }
            (Some(Value::Int(UNLINK)), 3) => {
                if let (Value::Pid(from), Value::Pid(to)) = (&t[1], &t[2]) {
                    LINKS.lock().remove(&(*to, *from));
                    let _ = self.rt.signal(*to, Signal::Unlink(*from));
                }
            }
            (Some(Value::Int(op @ (EXIT | EXIT2))), 4) => {
                if let (Value::Pid(from), Value::Pid(to)) = (&t[1], &t[2]) {
                    let link = *op == EXIT;
                    if link {
                        LINKS.lock().remove(&(*to, *from));
                    }
                    let sig = Signal::Exit {
                        from: *from,
                        reason: t[3].clone(),
                        link,
                    };
                    let _ = self.rt.signal(*to, sig);
                }
            }
            (Some(Value::Int(MONITOR_P_EXIT)), 5) => {
                if let Value::Ref(r) = &t[3] {
                    if let Some(w) = WATCHES.lock().remove(r) {
                        let sig = Signal::Down {
                            mref: *r,
                            pid: w.target,
                            reason: t[4].clone(),
                        };
                        let _ = self.rt.signal(w.watcher, sig);
                    }
                }
            }
            (Some(Value::Int(SPAWN_REPLY)), 5) => {
                if let (Value::Ref(req), Value::Pid(to), Value::Int(flags)) = (&t[1], &t[2], &t[3])
                {
                    if SPAWNS.lock().remove(req).is_none() {
                        return;
                    }
                    if let Some(w) = WATCHES.lock().get_mut(req) {
                        match &t[4] {
                            Value::Pid(child) => w.target = *child,
                            _ => w.target = Pid::new(w.target.node(), 0),
                        }
                    }
                    if let (Value::Pid(child), true) = (&t[4], flags & 1 != 0) {
                        // The link first: the child's exit may follow.
                        LINKS.lock().insert((*to, *child));
                        let _ = self.rt.signal(*to, Signal::Link(*child));
                    }
                    self.deliver(
                        *to,
                        Value::tuple(vec![
                            Value::atom("$phial_spawn_reply"),
                            t[1].clone(),
                            t[3].clone(),
                            t[4].clone(),
                        ]),
                    );
                }
            }
            // A monitor of a pid goes to the process itself, in order with
            // the links and exits the same peer sends it; one of a name,
            // to `rex`, which finds the process.
            (Some(Value::Int(MONITOR_P)), 4) => match (&t[1], &t[2], &t[3]) {
                (Value::Pid(from), Value::Pid(to), Value::Ref(r)) => {
                    let sig = Signal::Monitor {
                        from: *from,
                        mref: *r,
                    };
                    // Recorded first: the DOWN may come at once.
                    WATCHED.lock().insert((*to, *r), *from);
                    if self.rt.signal(*to, sig).is_err() {
                        WATCHED.lock().remove(&(*to, *r));
                        monitor_exit(&t[2], *from, &t[3], &Value::atom("noproc"));
                    }
                }
                _ => self.to_rex(vec![
                    Value::atom("$phial_monitor"),
                    t[1].clone(),
                    t[2].clone(),
                    t[3].clone(),
                ]),
            },
            (Some(Value::Int(DEMONITOR_P)), 4) if matches!(t[2], Value::Pid(_)) => {
                if let (Value::Pid(to), Value::Ref(r)) = (&t[2], &t[3]) {
                    WATCHED.lock().remove(&(*to, *r));
                    let _ = self.rt.signal(*to, Signal::Demonitor(*r));
                }
            }
            (Some(Value::Int(DEMONITOR_P)), 4) => self.to_rex(vec![
                Value::atom("$phial_demonitor"),
                t[1].clone(),
                t[2].clone(),
                t[3].clone(),
            ]),
            _ => {}
        }
    }

    fn node_up(&self, node: &str) {
        let msg = Value::tuple(vec![Value::atom("nodeup"), Value::Atom(Atom::new(node))]);
        for pid in NODE_WATCHERS.lock().clone() {
            self.rt.send(pid, msg.clone());
        }
    }

    fn unreachable(&self, node: &str) {
        self.noconnection(Atom::new(node));
    }

    fn node_down(&self, node: &str) {
        let node = Atom::new(node);
        self.noconnection(node);
        for pid in NODE_WATCHERS.lock().clone() {
            self.rt.send(pid, nodedown(node));
        }
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

    fn not_responding(&self, node: &str) {
        // Erlang's words, as Elixir's logger shows them.
        let line = format!(
            "** Node {} not responding **\n** Removing (timedout) connection **\n",
            crate::format::inspect_atom(Atom::new(node))
        );
        crate::library::internal::phial_logger::log(&self.vm, "error", &line, &[]);
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
    vm.runtime().set_remote(Box::new(remote_signal));
    LOCAL
        .set(Local {
            name: Atom::new(name),
            dist: d,
        })
        .map_err(|_| "the node is already started".to_string())?;
    for (server, registered) in [("rex", "rex"), ("net_kernel", "net_kernel"), ("io", "")] {
        let f = Value::Fun(Arc::new(crate::value::Fun::External {
            module: Atom::new("phial_dist"),
            name: Atom::new(server),
            arity: 0,
        }));
        let p =
            crate::process::Process::new(vm.clone(), f, Vec::new(), crate::process::Role::Spawned);
        let pid = vm.runtime().spawn(p);
        if registered.is_empty() {
            let _ = IO_LEADER.set(pid);
        } else {
            let _ = vm.runtime().register(registered, pid);
        }
    }
    Ok(())
}
