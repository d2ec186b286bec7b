//! `:phial_io`: the blocking halves of `IO.gets`/`IO.read` (standard
//! input, through the host's `Output::read_stdin`) and `System.cmd` (an
//! OS command), each done on a thread of its own so that no scheduler
//! thread waits on a person typing or a command running. A `start_*`
//! native returns a reference at once; the thread sends the caller
//! `{:"$phial_io", ref, result}` when done, and the caller's phial code
//! (`io.ex`, `system.ex`) waits for it in `receive`, parked like any
//! waiting process.
//!
//! Not here: the public functions (`IO`, `System`), writing output.

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::support::collections::{clause, pair, proper};
use crate::library::{def, Ctx, Native};
use crate::value::Value;
use crate::vm::StdinRead;

pub const NATIVES: &[Native] = &[
    def("start_read", 1, |ctx, a| {
        let what = match &a[0] {
            Value::Atom(x) if x.as_str() == "line" => StdinRead::Line,
            Value::Atom(x) if matches!(x.as_str(), "eof" | "all") => StdinRead::All,
            Value::Int(n) if *n >= 0 => StdinRead::Chars(*n as usize),
            _ => return Err(error::badarg()),
        };
        Ok(start_read(ctx, what))
    }),
    def("device?", 1, |_, a| {
        Ok(Value::bool(
            crate::library::elixir::io::device(&a[0]).is_ok(),
        ))
    }),
    def("start_cmd", 3, |ctx, a| start_cmd(ctx, &a[0], &a[1], &a[2])),
];

fn reply_tag() -> Value {
    Value::atom("$phial_io")
}

/// Runs `job` on a new thread and sends its value to the caller, tagged
/// with a fresh reference, which is returned.
fn on_thread(ctx: &mut Ctx, job: impl FnOnce() -> Value + Send + 'static) -> Value {
    let r = ctx.cx.make_ref();
    let me = ctx.cx.self_pid();
    let rt = ctx.cx.runtime().clone();
    let tag = Value::Ref(r);
    let reply = tag.clone();
    let spawned = std::thread::Builder::new()
        .name("phial-io".into())
        .spawn(move || {
            let v = job();
            rt.send(me, Value::tuple(vec![reply_tag(), reply, v]));
        });
    if spawned.is_err() {
        // No thread to be had: the answer is an error, sent at once.
        ctx.cx.send(
            me,
            Value::tuple(vec![
                reply_tag(),
                tag.clone(),
                Value::tuple(vec![Value::atom("error"), Value::atom("emfile")]),
            ]),
        );
    }
    tag
}

/// One read of standard input at a time, in the order asked.
static STDIN: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

fn start_read(ctx: &mut Ctx, what: StdinRead) -> Value {
    let out = ctx.vm.out.clone();
    on_thread(ctx, move || {
        let _one = STDIN.lock();
        match out.read_stdin(what) {
            Ok(Some(s)) => Value::str(s),
            Ok(None) => Value::atom("eof"),
            Err(e) => Value::tuple(vec![
                Value::atom("error"),
                crate::library::elixir::file::posix(&e),
            ]),
        }
    })
}

/// `System.cmd/3` once its arguments are checked (`system.ex`): the
/// program found on `PATH` (`ErlangError` `:enoent` if not), run with
/// `:cd`, `:env`, `:stderr_to_stdout`, `:arg0`; the reply is
/// `{output, exit_status}`.
fn start_cmd(ctx: &mut Ctx, cmd: &Value, args: &Value, opts: &Value) -> Result<Value> {
    let bad = || clause("System", "cmd", 3, &[cmd, args, opts]);
    let name = cmd.as_str().ok_or_else(bad)?;
    let args: Vec<String> = proper(args)
        .ok_or_else(bad)?
        .iter()
        .map(|v| v.as_str().map(str::to_string))
        .collect::<Option<_>>()
        .ok_or_else(|| error::argument_error("all arguments for System.cmd/3 must be binaries"))?;
    let program = if name.starts_with('/') {
        name.to_string()
    } else {
        crate::library::elixir::system::find_executable(name)
            .ok_or_else(|| error::erlang_error(Value::atom("enoent")))?
    };
    let mut c = std::process::Command::new(&program);
    c.args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped());
    let mut merged = false;
    for o in proper(opts).ok_or_else(bad)? {
        let (k, v) = pair(&o).ok_or_else(bad)?;
        match (k.as_atom().map(|a| a.as_str()), &v) {
            (Some("cd"), v) if v.as_str().is_some() => {
                c.current_dir(v.as_str().unwrap_or_default());
            }
            (Some("stderr_to_stdout"), v) if v.as_bool().is_some() => {
                merged = v.as_bool() == Some(true);
            }
            (Some("env"), v) => {
                for e in proper(v).ok_or_else(bad)? {
                    let (ek, ev) = pair(&e).ok_or_else(bad)?;
                    let ek = crate::library::elixir::path::text(&ek)?;
                    match ev {
                        Value::Atom(Atom::NIL) | Value::Atom(Atom::FALSE) => {
                            c.env_remove(ek);
                        }
                        ev => {
                            c.env(ek, crate::library::elixir::path::text(&ev)?);
                        }
                    }
                }
            }
            (Some("arg0"), v) if v.as_str().is_some() => {
                use std::os::unix::process::CommandExt;
                c.arg0(v.as_str().unwrap_or_default());
            }
            (Some("parallelism" | "lines" | "use_stdio"), _) => {}
            _ => {
                return Err(error::argument_error(format!(
                    "invalid option {} with value {}",
                    crate::format::inspect(&k),
                    crate::format::inspect(&v)
                )))
            }
        }
    }
    Ok(on_thread(ctx, move || run(c, merged)))
}

/// Runs the command to its end: its output (stderr too when merged,
/// through one pipe as a port gives it) and exit status.
fn run(mut c: std::process::Command, merged: bool) -> Value {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut out = Vec::new();
    let status = if merged {
        let mut fds = [0; 2];
        // SAFETY: `fds` has room for the two descriptors `pipe2` writes.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            return spawn_error(&std::io::Error::last_os_error());
        }
        // SAFETY: both descriptors were just made and are owned here only.
        let (mut reader, writer) = unsafe {
            (
                std::fs::File::from_raw_fd(fds[0]),
                OwnedFd::from_raw_fd(fds[1]),
            )
        };
        let err_writer = match writer.try_clone() {
            Ok(w) => w,
            Err(e) => return spawn_error(&e),
        };
        c.stdout(writer).stderr(err_writer);
        let mut child = match c.spawn() {
            Ok(ch) => ch,
            Err(e) => return spawn_error(&e),
        };
        // The parent's copies of the write end go with `c`, so the read
        // below ends when the child (and its children) close theirs.
        drop(c);
        let _ = reader.read_to_end(&mut out);
        child.wait()
    } else {
        c.stderr(std::process::Stdio::inherit());
        match c.output() {
            Ok(o) => {
                out = o.stdout;
                Ok(o.status)
            }
            Err(e) => return spawn_error(&e),
        }
    };
    let status = status
        .map(|s| {
            use std::os::unix::process::ExitStatusExt;
            s.code().unwrap_or_else(|| 128 + s.signal().unwrap_or(0))
        })
        .unwrap_or(1);
    Value::tuple(vec![
        Value::str(String::from_utf8_lossy(&out)),
        Value::Int(status as i64),
    ])
}

fn spawn_error(e: &std::io::Error) -> Value {
    Value::tuple(vec![
        Value::atom("error"),
        crate::library::elixir::file::posix(e),
    ])
}
