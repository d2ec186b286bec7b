//! `Process` natives: links, monitors, exits, registered names, `info`, the
//! process dictionary, timers.
//!
//! Not here: waiting (`Process.sleep`: a `receive ... after` in
//! `process.ex`, so the process parks instead of blocking a worker thread),
//! `send`/`spawn` shared with `Kernel` (`support::processes`).

use crate::atom::Atom;
use crate::error::{self, badarg_at, Raise, Result};
use crate::format::inspect;
use crate::library::support::processes::{
    dict, dict_get, max_heap_arg, max_heap_value, send, start,
};
use crate::library::support::timers;
use crate::library::{def, Ctx, Native};
use crate::value::Value;
use phial_runtime::Pid;

pub const NATIVES: &[Native] = &[
    // Unlike `send/2`, `Process.send/3` (`:erlang.send/3`) returns `:ok`.
    def("send", 3, |ctx, a| {
        send(ctx, &a[0], &a[1]).map(|_| Value::atom("ok"))
    })
    .doc(
        r#"send(dest, msg, options)"#,
        r#"Sends `msg` to `dest` as `send/2` does; options `:noconnect` and
`:nosuspend` concern other nodes. Gives `:ok`.

    iex> Process.send(self(), :hello, [])
    :ok"#,
    ),
    def("put", 2, |ctx, a| {
        let d = dict(ctx)?;
        let old = match d.iter_mut().find(|(k, _)| k == &a[0]) {
            Some((_, v)) => std::mem::replace(v, a[1].clone()),
            None => {
                d.push((a[0].clone(), a[1].clone()));
                Value::NIL_ATOM
            }
        };
        Ok(old)
    })
    .doc(
        r#"put(key, value)"#,
        r#"Stores `value` under `key` in the calling process's dictionary; gives
the value `key` had before, or `nil`.

    iex> Process.put(:phial_doc_counter, 1)
    nil"#,
    ),
    def("get", 1, |ctx, a| dict_get(ctx, &a[0], Value::NIL_ATOM)),
    def("get", 2, |ctx, a| dict_get(ctx, &a[0], a[1].clone()))
    .doc(
        r#"get(key, default \\ nil)"#,
        r#"The value stored under `key` in the calling process's dictionary, or
`default`.

    iex> Process.put(:phial_doc_color, :blue)
    iex> Process.get(:phial_doc_color)
    :blue"#,
    ),
    def("get", 0, |ctx, _| {
        let d = dict(ctx)?;
        Ok(Value::list(
            d.iter()
                .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                .collect(),
        ))
    })
    .doc(
        r#"get()"#,
        r#"The whole dictionary of the calling process, as `{key, value}` pairs.

    iex> is_list(Process.get())
    true"#,
    ),
    def("get_keys", 0, |ctx, _| {
        let d = dict(ctx)?;
        Ok(Value::list(d.iter().map(|(k, _)| k.clone()).collect()))
    })
    .doc(
        r#"get_keys()"#,
        r#"The keys of the calling process's dictionary.

    iex> is_list(Process.get_keys())
    true"#,
    ),
    def("get_keys", 1, |ctx, a| {
        let d = dict(ctx)?;
        Ok(Value::list(
            d.iter()
                .filter(|(_, v)| v == &a[0])
                .map(|(k, _)| k.clone())
                .collect(),
        ))
    })
    .doc(
        r#"get_keys(value)"#,
        r#"The keys under which `value` is stored in the dictionary.

    iex> Process.put(:phial_doc_k, :phial_doc_v)
    iex> Process.get_keys(:phial_doc_v)
    [:phial_doc_k]"#,
    ),
    def("delete", 1, |ctx, a| {
        let d = dict(ctx)?;
        Ok(match d.iter().position(|(k, _)| k == &a[0]) {
            Some(i) => d.remove(i).1,
            None => Value::NIL_ATOM,
        })
    })
    .doc(
        r#"delete(key)"#,
        r#"Removes `key` from the dictionary; gives the value it had, or `nil`.

    iex> Process.put(:phial_doc_tmp, 5)
    iex> Process.delete(:phial_doc_tmp)
    5"#,
    ),
    def("spawn", 2, |ctx, a| spawn_opt(ctx, &a[0], &a[1]))
    .doc(
        r#"spawn(fun, opts)"#,
        r#"Starts `fun` in a new process with `opts`, as `spawn/4` does.

    iex> is_pid(Process.spawn(fn -> :ok end, [:link]))
    true"#,
    ),
    def("alive?", 1, |ctx, a| {
        Ok(Value::bool(ctx.cx.runtime().is_alive(pid_arg(&a[0], 1)?)))
    })
    .doc(
        r#"alive?(pid)"#,
        r#"Whether the local process `pid` is running.

    iex> Process.alive?(self())
    true"#,
    ),
    def("exit", 2, |ctx, a| {
        let pid = pid_arg(&a[0], 1)?;
        ctx.cx.exit(pid, a[1].clone());
        // An exit signal to oneself that ends the process ends it now: the
        // raise only stops this code (the machine does not unwind a process
        // that is exiting, see `machine::execute`).
        if pid == ctx.cx.self_pid() && ctx.cx.exiting() {
            return Err(Raise::exit(a[1].clone()));
        }
        Ok(Value::TRUE)
    })
    .doc(
        r#"exit(pid, reason)"#,
        r#"Sends the exit signal `reason` to `pid`. `:normal` is ignored by a
process that does not trap exits, `:kill` cannot be trapped. Gives
`true`.

    iex> pid = spawn(fn -> Process.sleep(:infinity) end)
    iex> Process.exit(pid, :kill)
    true"#,
    ),
    def("flag", 2, |ctx, a| match (a[0].as_atom(), a[1].as_bool()) {
        (Some(Atom::TRAP_EXIT), Some(on)) => Ok(Value::bool(ctx.cx.set_trap_exit(on))),
        (Some(Atom::TRAP_EXIT), None) => Err(badarg_at(2, "invalid value for flag")),
        (Some(flag), _) if flag.as_str() == "max_heap_size" => match max_heap_arg(&a[1]) {
            Some(m) => Ok(max_heap_value(ctx.cx.set_max_heap(m))),
            None => Err(badarg_at(2, "invalid value for this process flag")),
        },
        _ => Err(badarg_at(1, "invalid process flag")),
    })
    .doc(
        r#"flag(flag, value)"#,
        r#"Sets a flag of the calling process (`:trap_exit`, `:priority`,
`:max_heap_size`, ...) and gives its old value.

    iex> Process.flag(:trap_exit, false)
    false"#,
    ),
    def("monitor", 1, |ctx, a| monitor(ctx, &a[0]))
    .doc(
        r#"monitor(item)"#,
        r#"Watches a process (a pid or a registered name): when it ends, the caller
gets `{:DOWN, ref, :process, object, reason}`. Gives `ref`.

    iex> ref = Process.monitor(spawn(fn -> :ok end))
    iex> receive do {:DOWN, ^ref, :process, _, reason} -> reason end
    :normal"#,
    ),
    def("demonitor", 1, |ctx, a| {
        demonitor(ctx, &a[0], false).map(|_| Value::TRUE)
    }),
    def("demonitor", 2, |ctx, a| {
        let active = demonitor(ctx, &a[0], has_opt(&a[1], "flush"))?;
        // Without `:info` it is always true; with it, whether the monitor
        // was still active.
        Ok(Value::bool(active || !has_opt(&a[1], "info")))
    })
    .doc(
        r#"demonitor(ref, options \\ [])"#,
        r#"Stops the monitor `ref`; `[:flush]` also removes its `:DOWN` message
if one came. Gives `true`.

    iex> Process.demonitor(Process.monitor(self()))
    true"#,
    ),
    def("link", 1, |ctx, a| {
        let pid = pid_arg(&a[0], 1)?;
        match ctx.cx.link(pid) {
            Ok(()) => Ok(Value::TRUE),
            Err(_) => Err(error::erlang_error(Value::Atom(Atom::NOPROC))),
        }
    })
    .doc(
        r#"link(pid_or_port)"#,
        r#"Links the caller and `pid_or_port`: if one ends abnormally, the other
gets an exit signal. Gives `true`.

    iex> Process.link(self())
    true"#,
    ),
    def("unlink", 1, |ctx, a| {
        ctx.cx.unlink(pid_arg(&a[0], 1)?);
        Ok(Value::TRUE)
    })
    .doc(
        r#"unlink(pid_or_port)"#,
        r#"Removes the link between the caller and `pid_or_port`. Gives `true`.

    iex> Process.unlink(self())
    true"#,
    ),
    def("register", 2, |ctx, a| {
        let pid = pid_arg(&a[0], 1)?;
        let Some(name) = a[1].as_atom() else {
            return Err(badarg_at(2, "not an atom"));
        };
        match ctx.cx.register(name.as_str(), pid) {
            Ok(()) => Ok(Value::TRUE),
            // Elixir 1.14 gives one message for all three causes.
            Err(_) => Err(error::argument_error(format!(
                "could not register {} with name {} because it is not alive, the name is already taken, or it has already been given another name",
                inspect(&a[0]),
                inspect(&a[1])
            ))),
        }
    })
    .doc(
        r#"register(pid_or_port, name)"#,
        r#"Gives a process a name (an atom) that `send/2` and `whereis/1` accept.
Gives `true`; a name already taken raises `ArgumentError`.

    iex> pid = spawn(fn -> Process.sleep(:infinity) end)
    iex> Process.register(pid, :phial_doc_server)
    true"#,
    ),
    def("unregister", 1, |ctx, a| {
        let Some(name) = a[0].as_atom() else {
            return Err(badarg_at(1, "not an atom"));
        };
        if ctx.cx.unregister(name.as_str()) {
            Ok(Value::TRUE)
        } else {
            Err(badarg_at(1, "not a pid"))
        }
    })
    .doc(
        r#"unregister(name)"#,
        r#"Removes a registered name. Gives `true`.

    iex> Process.register(spawn(fn -> Process.sleep(:infinity) end), :phial_doc_gone)
    iex> Process.unregister(:phial_doc_gone)
    true"#,
    ),
    def("whereis", 1, |ctx, a| {
        let Some(name) = a[0].as_atom() else {
            return Err(error::badarg());
        };
        Ok(ctx
            .cx
            .whereis(name.as_str())
            .map(Value::Pid)
            .unwrap_or(Value::NIL_ATOM))
    })
    .doc(
        r#"whereis(name)"#,
        r#"The pid registered under `name`, or `nil`.

    iex> Process.whereis(:phial_doc_nobody)
    nil"#,
    ),
    def("registered", 0, |ctx, _| {
        Ok(Value::list(
            ctx.cx
                .runtime()
                .registered()
                .iter()
                .map(|n| Value::atom(n))
                .collect(),
        ))
    })
    .doc(
        r#"registered()"#,
        r#"Every registered name.

    iex> is_list(Process.registered())
    true"#,
    ),
    def("list", 0, |ctx, _| {
        Ok(Value::list(
            ctx.cx
                .runtime()
                .processes()
                .into_iter()
                .map(Value::Pid)
                .collect(),
        ))
    })
    .doc(
        r#"list()"#,
        r#"The pids of every process on this node.

    iex> self() in Process.list()
    true"#,
    ),
    def("info", 1, |ctx, a| info(ctx, &a[0], None))
    .doc(
        r#"info(pid)"#,
        r#"A keyword list of facts about a live process (`:status`,
`:message_queue_len`, `:links`, `:dictionary`, ...), or `nil` for a
dead one.

    iex> Keyword.has_key?(Process.info(self()), :message_queue_len)
    true"#,
    ),
    def("info", 2, |ctx, a| info(ctx, &a[0], Some(&a[1])))
    .doc(
        r#"info(pid, spec)"#,
        r#"One fact (`{item, value}`) or a list of facts about a live process.

    iex> Process.info(self(), :priority)
    {:priority, :normal}"#,
    ),
    def("send_after", 3, |ctx, a| {
        timers::send_after(ctx, &a[0], &a[1], &a[2])
    }),
    def("send_after", 4, |ctx, a| {
        timers::send_after(ctx, &a[0], &a[1], &a[2])
    })
    .doc(
        r#"send_after(dest, msg, time, opts \\ [])"#,
        r#"Sends `msg` to `dest` after `time` milliseconds; gives a timer
reference for `cancel_timer/1`.

    iex> ref = Process.send_after(self(), :tick, 10)
    iex> is_reference(ref)
    true"#,
    ),
    def("cancel_timer", 1, |ctx, a| timers::cancel_timer(ctx, &a[0])),
    def("cancel_timer", 2, |ctx, a| timers::cancel_timer(ctx, &a[0]))
    .doc(
        r#"cancel_timer(timer_ref, options \\ [])"#,
        r#"Cancels a timer: gives the milliseconds it had left, or `false` if it
already fired.

    iex> ref = Process.send_after(self(), :later, 60_000)
    iex> is_integer(Process.cancel_timer(ref))
    true"#,
    ),
    def("read_timer", 1, |ctx, a| timers::read_timer(ctx, &a[0]))
    .doc(
        r#"read_timer(timer_ref)"#,
        r#"The milliseconds left on a timer, or `false` if it fired or was
cancelled.

    iex> ref = Process.send_after(self(), :later, 60_000)
    iex> Process.read_timer(ref) > 59_000
    true"#,
    ),
];

/// `Process.spawn/2` (`:erlang.spawn_opt/2`) of a fun: `:link`,
/// `:monitor` and `max_heap_size:` act; the BEAM's other options
/// (`priority`, `fullsweep_after`, ...) are accepted and have no effect.
pub(crate) fn spawn_opt(ctx: &mut Ctx, f: &Value, opts: &Value) -> Result<Value> {
    match f {
        Value::Fun(fun) if fun.arity() == 0 => {}
        Value::Fun(_) => return Err(error::bad_arity_error(f.clone(), vec![])),
        _ => return Err(badarg_at(1, "not a fun")),
    }
    let body = crate::process::Process::new(
        ctx.vm.clone(),
        f.clone(),
        Vec::new(),
        crate::process::Role::Spawned,
    );
    spawn_body(ctx, body, opts)
}

/// `:erlang.spawn_opt/4`: `spawn_opt/2` of `apply(m, f, args)`.
pub(crate) fn spawn_opt_mfa(ctx: &mut Ctx, a: &[Value]) -> Result<Value> {
    let (Some(m), Some(f)) = (a[0].as_atom(), a[1].as_atom()) else {
        return Err(error::badarg());
    };
    let Some(args) = a[2].list_to_vec() else {
        return Err(badarg_at(3, "not a list"));
    };
    let fun = crate::library::elixir::kernel::fun_ref(m, f, args.len() as u32);
    let body =
        crate::process::Process::new(ctx.vm.clone(), fun, args, crate::process::Role::Spawned);
    spawn_body(ctx, body, &a[3])
}

fn spawn_body(ctx: &mut Ctx, body: crate::process::Process, opts: &Value) -> Result<Value> {
    let mut max_heap = None;
    for o in opts.iter_list() {
        if let Value::Tuple(t) = &o {
            if t.len() == 2
                && t[0]
                    .as_atom()
                    .is_some_and(|a| a.as_str() == "max_heap_size")
            {
                match max_heap_arg(&t[1]) {
                    Some(m) => max_heap = Some(m),
                    None => return Err(badarg_at(2, "invalid spawn option")),
                }
            }
        }
    }
    start(
        ctx,
        body,
        has_opt(opts, "link"),
        has_opt(opts, "monitor"),
        max_heap,
    )
}

pub(crate) fn has_opt(opts: &Value, name: &str) -> bool {
    opts.iter_list().any(|o| match o {
        Value::Atom(a) => a.as_str() == name,
        Value::Tuple(t) => {
            t.len() == 2
                && t[0].as_atom().map(|a| a.as_str() == name).unwrap_or(false)
                && t[1].is_truthy()
        }
        _ => false,
    })
}

pub(crate) fn pid_arg(v: &Value, pos: usize) -> Result<Pid> {
    match v {
        Value::Pid(p) => Ok(*p),
        _ => Err(badarg_at(pos, "not a pid")),
    }
}

/// `Process.monitor/1` of a pid, a registered name or `{name, node}`: a
/// name's DOWN names it, and one that names no process gives `:noproc` at
/// once, as the BEAM's do.
pub(crate) fn monitor(ctx: &mut Ctx, target: &Value) -> Result<Value> {
    match target {
        Value::Atom(name) => Ok(Value::Ref(ctx.cx.monitor_name(name.as_str()))),
        Value::Tuple(t) if t.len() == 2 => match (t[0].as_atom(), t[1].as_atom()) {
            (Some(name), Some(node)) if crate::dist::is_local(node) => {
                Ok(Value::Ref(ctx.cx.monitor_name(name.as_str())))
            }
            (Some(name), Some(node)) => {
                let target = crate::dist::name_target(node);
                let r = ctx.cx.monitor_remote_name(name.as_str(), target);
                let me = ctx.cx.self_pid();
                crate::dist::monitor_name(ctx.cx.runtime(), me, r, name, node);
                Ok(Value::Ref(r))
            }
            _ => Err(badarg_at(1, "invalid monitor target")),
        },
        other => Ok(Value::Ref(ctx.cx.monitor(pid_arg(other, 1)?))),
    }
}

/// Removes a monitor; whether it was still active.
pub(crate) fn demonitor(ctx: &mut Ctx, r: &Value, flush: bool) -> Result<bool> {
    match r {
        Value::Ref(r) => Ok(ctx.cx.demonitor(*r, flush)),
        _ => Err(badarg_at(1, "not a reference")),
    }
}

pub(crate) fn info(ctx: &mut Ctx, pid: &Value, item: Option<&Value>) -> Result<Value> {
    let pid = pid_arg(pid, 1)?;
    let Some(i) = ctx.cx.info(pid) else {
        return Ok(Value::NIL_ATOM);
    };
    let status = format!("{:?}", i.status).to_lowercase();
    let pairs: Vec<(&str, Value)> = vec![
        (
            "registered_name",
            i.registered_name
                .as_deref()
                .map(Value::atom)
                .unwrap_or(Value::Nil),
        ),
        ("status", Value::atom(&status)),
        ("message_queue_len", Value::Int(i.message_queue_len as i64)),
        (
            "links",
            Value::list(i.links.iter().map(|p| Value::Pid(*p)).collect()),
        ),
        ("trap_exit", Value::bool(i.trap_exit)),
        (
            "monitors",
            Value::list(
                i.monitors
                    .iter()
                    .map(|(_, p)| Value::tuple(vec![Value::Atom(Atom::PROCESS), Value::Pid(*p)]))
                    .collect(),
            ),
        ),
        (
            "monitored_by",
            Value::list(i.monitored_by.iter().map(|p| Value::Pid(*p)).collect()),
        ),
    ];
    let me = pid == ctx.cx.self_pid();
    // What only the process itself can read here; another's reads as the
    // BEAM's would for a process with nothing there.
    let own = |ctx: &mut Ctx, key: &str| -> Option<Value> {
        Some(match key {
            "messages" if me => {
                ctx.cx.drain_new();
                let msgs: Vec<Value> = (0..ctx.cx.mailbox_len())
                    .filter_map(|i| ctx.cx.message(i).cloned())
                    .collect();
                Value::list(msgs)
            }
            "dictionary" if me => match dict(ctx) {
                Ok(d) => Value::list(
                    d.iter()
                        .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                        .collect(),
                ),
                Err(_) => Value::Nil,
            },
            "messages" | "dictionary" => Value::Nil,
            "priority" => Value::atom("normal"),
            "max_heap_size" => max_heap_value(i.max_heap),
            "reductions" | "heap_size" | "total_heap_size" | "stack_size" | "memory" => {
                Value::Int(0)
            }
            _ => return None,
        })
    };
    let one = |ctx: &mut Ctx, key: &str| -> Option<Value> {
        own(ctx, key).or_else(|| {
            pairs
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, v)| v.clone())
        })
    };
    match item {
        None => Ok(Value::list(
            pairs
                .iter()
                .map(|(k, v)| Value::tuple(vec![Value::atom(k), v.clone()]))
                .collect(),
        )),
        Some(Value::Atom(key)) => match one(ctx, key.as_str()) {
            Some(v) => Ok(Value::tuple(vec![Value::Atom(*key), v])),
            None => Err(badarg_at(2, "invalid item or item list")),
        },
        // A list of items: `[{item, value}, ...]` in the order asked.
        Some(list) => {
            let Some(keys) = list.list_to_vec() else {
                return Err(badarg_at(2, "invalid item or item list"));
            };
            let mut out = Vec::with_capacity(keys.len());
            for k in keys {
                let v = k.as_atom().and_then(|a| one(ctx, a.as_str()));
                match v {
                    Some(v) => out.push(Value::tuple(vec![k, v])),
                    None => return Err(badarg_at(2, "invalid item or item list")),
                }
            }
            Ok(Value::list(out))
        }
    }
}
