//! Process helpers `Kernel`, `Process`, `:erlang` and `:rand` share:
//! resolving a destination (pid or registered name), `send`, spawning a
//! function, the calling process's dictionary.
//!
//! Not here: the runtime (`phial_runtime`).

use crate::atom::Atom;
use crate::error::{self, badarg_at, Result};
use crate::library::Ctx;
use crate::process::{Process, Role};
use crate::value::Value;
use phial_runtime::Pid;

/// Where `send` delivers: a pid or a registered name of this node, or a
/// process of another node.
pub(crate) enum Route {
    Local(Pid),
    /// A pid of another node.
    Remote(Pid),
    /// `{name, node}` naming another node.
    Named(Atom, Atom),
    /// A process alias: delivered while its owner keeps it active.
    Alias(phial_runtime::Ref),
}

/// A local destination (timers): a pid or a registered name.
pub(crate) fn dest(ctx: &mut Ctx, to: &Value) -> Result<Pid> {
    match route(ctx, to)? {
        Route::Local(p) => Ok(p),
        _ => Err(badarg_at(1, "invalid destination")),
    }
}

/// Resolves a destination: a pid, a registered name or `{name, node}`.
pub(crate) fn route(ctx: &mut Ctx, to: &Value) -> Result<Route> {
    match to {
        Value::Pid(p) if p.node() == 0 => Ok(Route::Local(*p)),
        Value::Ref(alias) => Ok(Route::Alias(*alias)),
        Value::Pid(p) => Ok(Route::Remote(*p)),
        Value::Atom(name) => ctx
            .cx
            .whereis(name.as_str())
            .map(Route::Local)
            .ok_or_else(|| badarg_at(1, "invalid destination")),
        Value::Tuple(t) if t.len() == 2 => match (&t[0], &t[1]) {
            (Value::Atom(name), Value::Atom(node)) if crate::dist::is_local(*node) => ctx
                .cx
                .whereis(name.as_str())
                .map(Route::Local)
                .ok_or_else(|| badarg_at(1, "invalid destination")),
            (Value::Atom(name), Value::Atom(node)) => Ok(Route::Named(*name, *node)),
            _ => Err(badarg_at(1, "invalid destination")),
        },
        _ => Err(badarg_at(1, "invalid destination")),
    }
}

/// Sends a message whose destination `route` resolved.
pub(crate) fn send_routed(ctx: &mut Ctx, route: Route, msg: Value) {
    match route {
        Route::Local(pid) => ctx.cx.send(pid, msg),
        Route::Remote(pid) => crate::dist::send_to_pid(pid, &msg),
        Route::Named(name, node) => crate::dist::send_to_name(ctx.cx.self_pid(), name, node, &msg),
        Route::Alias(alias) => ctx.cx.send_alias(alias, msg),
    }
}

pub(crate) fn send(ctx: &mut Ctx, to: &Value, msg: &Value) -> Result<Value> {
    let r = route(ctx, to)?;
    send_routed(ctx, r, msg.clone());
    Ok(msg.clone())
}

pub(crate) fn spawn_fun(ctx: &mut Ctx, f: &Value, link: bool, monitor: bool) -> Result<Value> {
    match f {
        Value::Fun(fun) if fun.arity() == 0 => {}
        Value::Fun(_) => return Err(error::bad_arity_error(f.clone(), vec![])),
        _ => return Err(badarg_at(1, "not a fun")),
    }
    let body = Process::new(ctx.vm.clone(), f.clone(), Vec::new(), Role::Spawned);
    start(ctx, body, link, monitor, None)
}

/// Start a spawned process: its pid, or `{pid, ref}` with a monitor. Past
/// the process limit, the BEAM's `system_limit` (and Logger's report).
pub(crate) fn start(
    ctx: &mut Ctx,
    body: Process,
    link: bool,
    monitor: bool,
    max_heap: Option<phial_runtime::MaxHeap>,
) -> Result<Value> {
    match ctx.cx.try_spawn(body, link, monitor, max_heap) {
        Ok((pid, Some(r))) => Ok(Value::tuple(vec![Value::Pid(pid), Value::Ref(r)])),
        Ok((pid, None)) => Ok(Value::Pid(pid)),
        Err(_) => {
            // The emulator's message ends with a newline of its own, so
            // Elixir's console shows a blank line after it.
            crate::library::internal::phial_logger::log(
                ctx.vm,
                "error",
                "Too many processes\n",
                &[],
            );
            Err(error::system_limit_error())
        }
    }
}

/// `Process.flag(:max_heap_size, v)`'s value, `spawn_opt`'s option: words
/// as an integer, or `%{size: words, kill: bool, error_logger: bool}`
/// (`size` required, the others true by default, any other key ignored).
/// `None` if invalid.
pub(crate) fn max_heap_arg(v: &Value) -> Option<phial_runtime::MaxHeap> {
    let valid = |n: i64| {
        n == 0
            || (n as u64 >= phial_runtime::MIN_HEAP_WORDS
                && n as u64 <= phial_runtime::MAX_HEAP_WORDS)
    };
    match v {
        Value::Int(n) if *n >= 0 && valid(*n) => Some(phial_runtime::MaxHeap {
            size: *n as u64,
            kill: true,
            error_logger: true,
        }),
        Value::Map(m) if v.struct_name().is_none() => {
            let mut out = phial_runtime::MaxHeap::default();
            let mut sized = false;
            // Other keys are ignored, as the BEAM ignores them.
            for (k, x) in m.iter() {
                match (k.as_atom().map(|a| a.as_str()), x) {
                    (Some("size"), Value::Int(n)) if *n >= 0 && valid(*n) => {
                        out.size = *n as u64;
                        sized = true;
                    }
                    (Some("size"), _) => return None,
                    (Some("kill"), x) => out.kill = x.as_bool()?,
                    (Some("error_logger"), x) => out.error_logger = x.as_bool()?,
                    _ => {}
                }
            }
            sized.then_some(out)
        }
        _ => None,
    }
}

/// The BEAM's form of a `max_heap_size` setting:
/// `%{error_logger: bool, kill: bool, size: words}`.
pub(crate) fn max_heap_value(m: phial_runtime::MaxHeap) -> Value {
    let mut map = crate::value::MapInner::new();
    map.insert(Value::atom("error_logger"), Value::bool(m.error_logger));
    map.insert(Value::atom("kill"), Value::bool(m.kill));
    map.insert(Value::atom("size"), Value::Int(m.size as i64));
    Value::map(map)
}

/// The calling process's dictionary.
pub(crate) fn dict<'c>(ctx: &'c mut Ctx) -> Result<&'c mut crate::process::Dict> {
    let rare = ctx.rare.as_deref_mut().ok_or_else(error::badarg)?;
    Ok(&mut rare.get_or_insert_with(Default::default).dict)
}

pub(crate) fn dict_get(ctx: &mut Ctx, key: &Value, default: Value) -> Result<Value> {
    let d = dict(ctx)?;
    Ok(d.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or(default))
}

/// Stop the calling process because a native was about to take it past
/// its memory limit (`phial_runtime::over_limit`): the runtime kills it at
/// the end of the slice, with the report, as one measured over its
/// `max_heap_size`; the exit raised here stops its code until then.
pub(crate) fn over_memory_limit() -> crate::error::Raise {
    phial_runtime::stop_over_limit();
    crate::error::Raise::exit(Value::Atom(crate::atom::Atom::KILLED))
}
