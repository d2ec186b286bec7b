//! Process helpers `Kernel`, `Process` and `:erlang` share: resolving a
//! destination (pid or registered name), `send`, spawning a function.
//!
//! Not here: the runtime (`phial_runtime`).

use crate::error::{self, badarg_at, Result};
use crate::library::Ctx;
use crate::process::{Process, Role};
use crate::value::Value;
use phial_runtime::Pid;

/// A send destination: a pid or a registered name.
/// Where `send` delivers: a pid, a registered name or `{name, node}`.
pub(crate) fn dest(ctx: &mut Ctx, to: &Value) -> Result<Pid> {
    match to {
        Value::Pid(p) => Ok(*p),
        Value::Atom(name) => ctx
            .cx
            .whereis(name.as_str())
            .ok_or_else(|| badarg_at(1, "invalid destination")),
        Value::Tuple(t) if t.len() == 2 => match &t[0] {
            Value::Atom(name) => ctx
                .cx
                .whereis(name.as_str())
                .ok_or_else(|| badarg_at(1, "invalid destination")),
            _ => Err(badarg_at(1, "invalid destination")),
        },
        _ => Err(badarg_at(1, "invalid destination")),
    }
}

pub(crate) fn send(ctx: &mut Ctx, to: &Value, msg: &Value) -> Result<Value> {
    let pid = dest(ctx, to)?;
    ctx.cx.send(pid, msg.clone());
    Ok(msg.clone())
}

pub(crate) fn spawn_fun(ctx: &mut Ctx, f: &Value, link: bool, monitor: bool) -> Result<Value> {
    match f {
        Value::Fun(fun) if fun.arity() == 0 => {}
        Value::Fun(_) => return Err(error::bad_arity_error(f.clone(), vec![])),
        _ => return Err(badarg_at(1, "not a fun")),
    }
    let body = Process::new(ctx.vm.clone(), f.clone(), Vec::new(), Role::Spawned);
    let (pid, mref) = ctx.cx.spawn(body, link, monitor);
    Ok(match mref {
        Some(r) => Value::tuple(vec![Value::Pid(pid), Value::Ref(r)]),
        None => Value::Pid(pid),
    })
}
