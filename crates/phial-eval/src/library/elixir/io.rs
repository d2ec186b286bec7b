//! `IO` natives: `puts`, `write`, `binwrite`, `inspect` (pretty-printed,
//! with `label:`), `warn`, and the iodata/chardata conversions. A device
//! is `:stdio`, `:standard_io`, `:stderr`, `:standard_error`, or a file
//! opened with `File.open` (`:file`'s device).
//!
//! Output goes to the VM's sink, never straight to the terminal, so the REPL
//! can print it above the prompt. Not here: the formatting rules (`format`,
//! `pretty`), reading (`io.ex`).

use crate::atom::Atom;
use crate::error::{self, badarg_at, Result};
use crate::library::support::collections::clause;
use crate::library::support::terms::{inspect_opts, keyword_get, to_string_value};
use crate::library::{def, Ctx, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("iodata_to_binary", 1, |_, a| {
        crate::library::support::iodata::to_binary(&a[0])
            .map(Value::Bin)
            .ok_or_else(|| error::badarg_at(1, "not an iodata term"))
    })
    .doc(
        r#"iodata_to_binary(iodata)"#,
        r#"Flattens iodata (binaries, bytes 0..255 and nested lists of them) into
one binary.

    iex> IO.iodata_to_binary(["ab", ?c, ["d"]])
    "abcd""#,
    ),
    def("iodata_length", 1, |_, a| {
        crate::library::support::iodata::size(&a[0])
            .map(|n| Value::Int(n as i64))
            .ok_or_else(|| error::badarg_at(1, "not an iodata term"))
    })
    .doc(
        r#"iodata_length(iodata)"#,
        r#"The number of bytes `iodata` holds, without building the binary.

    iex> IO.iodata_length(["ab", ?c, ["d"]])
    4"#,
    ),
    def("puts", 1, |ctx, a| puts(ctx, &a[0], "\n", false)),
    def("puts", 2, |ctx, a| to_device(ctx, &a[0], &a[1], "\n")).doc(
        r#"puts(device \\ :stdio, item)"#,
        r#"Writes `item` (chardata, or anything `String.Chars` converts) to
`device` followed by a newline; gives `:ok`. `:stderr` writes to
standard error.

    iex> IO.puts("hello")
    hello
    :ok"#,
    ),
    def("write", 1, |ctx, a| puts(ctx, &a[0], "", false)),
    def("write", 2, |ctx, a| to_device(ctx, &a[0], &a[1], "")).doc(
        r#"write(device \\ :stdio, chardata)"#,
        r#"Like `puts/2`, without the newline.

    iex> IO.write(:stdio, ["a", ?b, "\n"])
    ab
    :ok"#,
    ),
    def("binwrite", 1, |ctx, a| {
        binwrite(ctx, &Value::atom("stdio"), &a[0])
    }),
    def("binwrite", 2, |ctx, a| binwrite(ctx, &a[0], &a[1])).doc(
        r#"binwrite(device \\ :stdio, iodata)"#,
        r#"Writes `iodata` to `device` as raw bytes, with no encoding conversion;
gives `:ok`.

    iex> IO.binwrite(:stdio, <<104, 105, 10>>)
    hi
    :ok"#,
    ),
    def("inspect", 1, |ctx, a| {
        io_inspect(ctx, &a[0], &Value::Nil, false)
    }),
    def("inspect", 2, |ctx, a| io_inspect(ctx, &a[0], &a[1], false)).doc(
        r#"inspect(item, opts \\ [])"#,
        r#"Prints `item` as `Kernel.inspect/2` shows it, on its own line, and gives
`item` back unchanged, so it can sit in the middle of a pipeline. A
`label:` option prints before it.

    iex> IO.inspect([1, 2], label: "list")
    list: [1, 2]
    [1, 2]"#,
    ),
    def("inspect", 3, |ctx, a| {
        let stderr = match device(&a[0])? {
            Device::Stderr => true,
            Device::Stdout => false,
            Device::File(_) => false,
        };
        io_inspect(ctx, &a[1], &a[2], stderr)
    })
    .doc(
        r#"inspect(device, item, opts)"#,
        r#"Like `inspect/2`, writing to `device`.

    iex> IO.inspect(:stdio, %{a: 1}, [])
    %{a: 1}
    %{a: 1}"#,
    ),
    def("warn", 1, |ctx, a| warn(ctx, &a[0])).doc(
        r#"warn(message)"#,
        r#"Writes `message` to standard error as a warning, with the place it was
called from; gives `:ok`.

    iex> IO.warn("careful")
    :ok"#,
    ),
    def("warn", 2, |ctx, a| warn(ctx, &a[0])).doc(
        r#"warn(message, stacktrace_info)"#,
        r#"Like `warn/1`, with the location given as a stacktrace, a `Macro.Env` or
a keyword list of `file:` and `line:` (`[]` for none).

    iex> IO.warn("careful", [])
    :ok"#,
    ),
    def("chardata_to_string", 1, |_, a| {
        if a[0].as_str().is_some() {
            return Ok(a[0].clone());
        }
        if !a[0].is_list() {
            return Err(clause("IO", "chardata_to_string", 1, &[&a[0]]));
        }
        chardata(&a[0]).map(Value::str)
    })
    .doc(
        r#"chardata_to_string(chardata)"#,
        r#"Converts chardata (strings, code points and nested lists of them) into
one string; a string is returned as is.

    iex> IO.chardata_to_string([?h, "el", [?l, ?o]])
    "hello""#,
    ),
];

/// Chardata as text; a bad code point raises `UnicodeConversionError`
/// with the text before it, as Elixir's does.
fn chardata(v: &Value) -> Result<String> {
    let mut out = String::new();
    let mut rests = vec![v.clone()];
    while let Some(cur) = rests.pop() {
        if let Some(s) = cur.as_str() {
            out.push_str(s);
            continue;
        }
        match &cur {
            Value::Nil => {}
            Value::Cons(c) => {
                rests.push(c.tail.clone());
                match &c.head {
                    Value::Int(i) => match u32::try_from(*i).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => {
                            return Err(crate::error::Raise::error(Value::make_struct(
                                Atom::alias("UnicodeConversionError"),
                                &[
                                    (Atom::EXCEPTION, Value::TRUE),
                                    (Atom::new("encoded"), Value::str(out)),
                                    (
                                        Atom::new("message"),
                                        Value::str(format!("invalid code point {i}")),
                                    ),
                                ],
                            )))
                        }
                    },
                    h if h.as_str().is_some() || h.is_list() => rests.push(h.clone()),
                    _ => return Err(clause("IO", "chardata_to_string", 1, &[v])),
                }
            }
            _ => return Err(clause("IO", "chardata_to_string", 1, &[v])),
        }
    }
    Ok(out)
}

/// Where a write goes.
pub(crate) enum Device<'a> {
    Stdout,
    Stderr,
    File(&'a Value),
}

/// The device a write names; anything else is Erlang's "the device
/// does not exist".
pub(crate) fn device(v: &Value) -> Result<Device<'_>> {
    match v {
        Value::Atom(a) => match a.as_str() {
            "stdio" | "standard_io" => Ok(Device::Stdout),
            "stderr" | "standard_error" => Ok(Device::Stderr),
            _ => Err(badarg_at(1, "the device does not exist")),
        },
        v if crate::library::erlang::file::device(v).is_some() => Ok(Device::File(v)),
        _ => Err(badarg_at(1, "the device does not exist")),
    }
}

fn to_device(ctx: &mut Ctx, dev: &Value, v: &Value, end: &str) -> Result<Value> {
    match device(dev)? {
        Device::Stdout => puts(ctx, v, end, false),
        Device::Stderr => puts(ctx, v, end, true),
        Device::File(f) => {
            let s = to_string_value(v)?;
            let mut text = s.as_str().unwrap_or_default().to_string();
            text.push_str(end);
            file_result(crate::library::erlang::file::write(f, text.as_bytes()))
        }
    }
}

/// A file write's `{:error, reason}` raised as Erlang's error would be.
fn file_result(v: Value) -> Result<Value> {
    match &v {
        Value::Tuple(t) if t.len() == 2 && t[0].as_atom() == Some(Atom::new("error")) => {
            Err(crate::error::erlang_error(t[1].clone()))
        }
        _ => Ok(Value::OK),
    }
}

fn binwrite(ctx: &mut Ctx, dev: &Value, v: &Value) -> Result<Value> {
    let bytes = match crate::library::elixir::file::iodata_bytes(v) {
        Some(b) => b,
        None => return Err(badarg_at(2, "not an iodata term")),
    };
    match device(dev)? {
        Device::File(f) => file_result(crate::library::erlang::file::write(f, &bytes)),
        d => {
            write(
                ctx,
                &String::from_utf8_lossy(&bytes),
                matches!(d, Device::Stderr),
            )?;
            Ok(Value::OK)
        }
    }
}

/// `IO.warn/1,2`: `warning: ` and the message on stderr, a blank line
/// after (phial has no stacktrace entries to print).
fn warn(ctx: &mut Ctx, msg: &Value) -> Result<Value> {
    let s = to_string_value(msg)?;
    let text = format!("warning: {}\n\n", s.as_str().unwrap_or_default());
    write(ctx, &text, true)?;
    Ok(Value::OK)
}

/// `ExUnit.CaptureIO`: a process capturing a device keeps what it writes
/// to it as a string in its dictionary (under these keys) instead of
/// printing it. Only the capturing process's own writes are caught.
fn captured(ctx: &mut Ctx, text: &str, stderr: bool) -> bool {
    let key = Value::atom(if stderr {
        "$phial_capture_stderr"
    } else {
        "$phial_capture_stdout"
    });
    let Some(Some(rare)) = ctx.rare.as_deref_mut() else {
        return false;
    };
    let Some((_, v)) = rare.dict.iter_mut().find(|(k, _)| k == &key) else {
        return false;
    };
    let Some(so_far) = v.as_str() else {
        return false;
    };
    let joined = format!("{so_far}{text}");
    *v = Value::str(joined);
    true
}

/// Writes to the device; a closed stdout raises Elixir's
/// `ErlangError` `:terminated` ("the device has terminated"), which ends
/// the writer (and a script whose main process it is, with exit code 1).
pub(crate) fn write(ctx: &mut Ctx, text: &str, stderr: bool) -> Result<()> {
    if captured(ctx, text, stderr) {
        return Ok(());
    }
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
