//! `:io` natives: `format/1,2,3` and `fwrite` (Erlang's control
//! sequences, `io_lib.rs`), `put_chars`, `nl`, `write`, to standard
//! output, standard error or a file device.
//!
//! Not here: the formatting itself (`io_lib.rs`), Elixir's `IO`.

use crate::error::{self, Result};
use crate::library::elixir::io::{device, write, Device};
use crate::library::erlang::io_lib;
use crate::library::{def, Ctx, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("format", 1, |ctx, a| out(ctx, &stdio(), &a[0], &Value::Nil)),
    def("format", 2, |ctx, a| out(ctx, &stdio(), &a[0], &a[1])),
    def("format", 3, |ctx, a| out(ctx, &a[0], &a[1], &a[2])),
    def("fwrite", 1, |ctx, a| out(ctx, &stdio(), &a[0], &Value::Nil)),
    def("fwrite", 2, |ctx, a| out(ctx, &stdio(), &a[0], &a[1])),
    def("fwrite", 3, |ctx, a| out(ctx, &a[0], &a[1], &a[2])),
    def("put_chars", 1, |ctx, a| put_chars(ctx, &stdio(), &a[0])),
    def("put_chars", 2, |ctx, a| put_chars(ctx, &a[0], &a[1])),
    def("nl", 0, |ctx, _| emit(ctx, &stdio(), "\n")),
    def("nl", 1, |ctx, a| emit(ctx, &a[0], "\n")),
    def("write", 1, |ctx, a| {
        emit(ctx, &stdio(), &io_lib::write(&a[0]))
    }),
    def("write", 2, |ctx, a| emit(ctx, &a[0], &io_lib::write(&a[1]))),
];

fn stdio() -> Value {
    Value::atom("standard_io")
}

/// Erlang's names for the standard devices, besides Elixir's.
fn erlang_device(dev: &Value) -> Value {
    match dev.as_atom().map(|a| a.as_str()) {
        Some("user") => stdio(),
        _ => dev.clone(),
    }
}

fn emit(ctx: &mut Ctx, dev: &Value, text: &str) -> Result<Value> {
    let dev = erlang_device(dev);
    match device(&dev)? {
        Device::Stdout => write(ctx, text, false)?,
        Device::Stderr => write(ctx, text, true)?,
        Device::File(f) => {
            crate::library::erlang::file::write(f, text.as_bytes());
        }
    }
    Ok(Value::OK)
}

fn out(ctx: &mut Ctx, dev: &Value, fmt: &Value, args: &Value) -> Result<Value> {
    let pieces = io_lib::format(fmt, args)?;
    emit(ctx, dev, &io_lib::text(&pieces))
}

fn put_chars(ctx: &mut Ctx, dev: &Value, data: &Value) -> Result<Value> {
    let text = match data.as_str() {
        Some(s) => s.to_string(),
        None => crate::format::chardata_to_string(data).ok_or_else(error::badarg)?,
    };
    emit(ctx, dev, &text)
}
