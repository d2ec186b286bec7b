//! `IO` natives: `puts`, `write`, `inspect` (pretty-printed, with `label:`).
//!
//! Output goes to the VM's sink, never straight to the terminal, so the REPL
//! can print it above the prompt. Not here: the formatting rules (`format`,
//! `pretty`).

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::support::terms::{inspect_opts, keyword_get, to_string_value};
use crate::library::{def, Ctx, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("iodata_to_binary", 1, |_, a| {
        crate::library::support::iodata::to_binary(&a[0])
            .map(Value::Bin)
            .ok_or_else(|| error::badarg_at(1, "not an iodata term"))
    }),
    def("iodata_length", 1, |_, a| {
        crate::library::support::iodata::size(&a[0])
            .map(|n| Value::Int(n as i64))
            .ok_or_else(|| error::badarg_at(1, "not an iodata term"))
    }),
    def("puts", 1, |ctx, a| puts(ctx, &a[0], "\n", false)),
    def("puts", 2, |ctx, a| puts(ctx, &a[1], "\n", is_stderr(&a[0]))),
    def("write", 1, |ctx, a| puts(ctx, &a[0], "", false)),
    def("write", 2, |ctx, a| puts(ctx, &a[1], "", is_stderr(&a[0]))),
    def("inspect", 1, |ctx, a| {
        io_inspect(ctx, &a[0], &Value::Nil, false)
    }),
    def("inspect", 2, |ctx, a| io_inspect(ctx, &a[0], &a[1], false)),
    def("inspect", 3, |ctx, a| {
        io_inspect(ctx, &a[1], &a[2], is_stderr(&a[0]))
    }),
];

pub(crate) fn is_stderr(device: &Value) -> bool {
    device
        .as_atom()
        .map(|a| a.as_str() == "stderr")
        .unwrap_or(false)
}

/// Writes to the device; a closed stdout raises Elixir's
/// `ErlangError` `:terminated` ("the device has terminated"), which ends
/// the writer (and a script whose main process it is, with exit code 1).
pub(crate) fn write(ctx: &mut Ctx, text: &str, stderr: bool) -> Result<()> {
    if stderr {
        ctx.vm.out.stderr(text);
    } else {
        ctx.vm.out.stdout(text);
        if ctx.vm.out.stdout_closed() {
            return Err(crate::error::erlang_error(Value::atom("terminated")));
        }
    }
    Ok(())
}

pub(crate) fn puts(ctx: &mut Ctx, v: &Value, end: &str, stderr: bool) -> Result<Value> {
    let Value::Bin(b) = to_string_value(v)? else {
        return Ok(Value::OK);
    };
    let s = String::from_utf8_lossy(b.bytes());
    let mut text = String::with_capacity(s.len() + 1);
    text.push_str(&s);
    text.push_str(end);
    write(ctx, &text, stderr)?;
    Ok(Value::OK)
}

pub(crate) fn io_inspect(ctx: &mut Ctx, v: &Value, opts: &Value, stderr: bool) -> Result<Value> {
    let o = inspect_opts(opts);
    let label = match keyword_get(opts, "label") {
        Some(l) => to_string_value(l)?.as_str().map(str::to_string),
        None => None,
    };
    let width = match keyword_get(opts, "width") {
        Some(Value::Int(w)) => *w as usize,
        Some(Value::Atom(Atom::INFINITY)) => usize::MAX,
        _ => 80,
    };
    let body = crate::format::inspect_checked(v, &o, width)?;
    let text = match label {
        Some(l) => format!("{l}: {body}\n"),
        None => format!("{body}\n"),
    };
    write(ctx, &text, stderr)?;
    Ok(v.clone())
}
