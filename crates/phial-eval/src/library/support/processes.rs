//! Process helpers `Kernel`, `Process`, `:erlang` and `:rand` share:
//! resolving a destination (pid or registered name), `send`, spawning a
//! function, the calling process's dictionary.
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
