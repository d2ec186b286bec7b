//! `System` natives: `argv`, time (monotonic, system, OS, the offset,
//! unit conversion), `halt`, `schedulers`, `build_info`, `no_halt`, environment variables, the temporary and home
//! directories, `at_exit` (its hooks are kept in the VM's `State` and run
//! by `Vm::run_main` when the script ends).
//!
//! Not here: the clocks themselves (`support::time`), `System.cmd`
//! (`system.ex`, which runs the command through `:phial_io`).

use crate::error::Result;
use crate::library::support::collections::clause;
use crate::library::support::time::{convert, monotonic_ns, system_ns};
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("argv", 0, |ctx, _| {
        Ok(Value::list(
            ctx.vm
                .argv
                .read()
                .iter()
                .map(|s| Value::str(s.clone()))
                .collect(),
        ))
    })
    .doc(
        r#"argv()"#,
        r#"The command-line arguments given to the script, as a list of strings.

    iex> is_list(System.argv())
    true"#,
    ),
    def("argv", 1, |ctx, a| {
        let args = crate::library::support::collections::proper(&a[0])
            .filter(|v| v.iter().all(|x| x.as_str().is_some()))
            .ok_or_else(|| clause("System", "argv", 1, &[&a[0]]))?;
        *ctx.vm.argv.write() = args
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        Ok(Value::OK)
    })
    .doc(
        r#"argv(args)"#,
        r#"Replaces what `argv/0` gives with the list of strings `args`.

    iex> System.argv(["a", "b"])
    :ok"#,
    ),
    def("get_env", 0, |_, _| {
        let mut m = crate::value::MapInner::new();
        for (k, v) in std::env::vars_os() {
            m.insert(
                Value::str(k.to_string_lossy()),
                Value::str(v.to_string_lossy()),
            );
        }
        Ok(Value::map(m))
    })
    .doc(
        r#"get_env()"#,
        r#"Every environment variable, as a map of name to value.

    iex> is_map(System.get_env())
    true"#,
    ),
    def("get_env", 1, |_, a| {
        // Elixir's get_env/1 is get_env/2 with a nil default.
        let k = env_name(&a[0], "get_env", &[a[0].clone(), Value::NIL_ATOM])?;
        Ok(env(&k).unwrap_or(Value::NIL_ATOM))
    }),
    def("get_env", 2, |_, a| {
        let k = env_name(&a[0], "get_env", a)?;
        if !(a[1].as_str().is_some() || matches!(a[1], Value::Atom(crate::atom::Atom::NIL))) {
            return Err(clause("System", "get_env", 2, &[&a[0], &a[1]]));
        }
        Ok(env(&k).unwrap_or_else(|| a[1].clone()))
    })
    .doc(
        r#"get_env(varname, default \\ nil)"#,
        r#"The value of the environment variable `varname`, or `default` when it is
not set.

    iex> System.get_env("PHIAL_DOC_UNSET", "default")
    "default""#,
    ),
    def("fetch_env", 1, |_, a| {
        let k = env_name(&a[0], "fetch_env", a)?;
        Ok(match env(&k) {
            Some(v) => Value::tuple(vec![Value::OK, v]),
            None => Value::atom("error"),
        })
    })
    .doc(
        r#"fetch_env(varname)"#,
        r#"`{:ok, value}` for a set environment variable, `:error` otherwise.

    iex> System.put_env("PHIAL_DOC", "on")
    iex> System.fetch_env("PHIAL_DOC")
    {:ok, "on"}"#,
    ),
    def("fetch_env!", 1, |_, a| {
        let k = env_name(&a[0], "fetch_env!", a)?;
        env(&k).ok_or_else(|| {
            crate::error::Raise::error(Value::make_struct(
                crate::atom::Atom::alias("System.EnvError"),
                &[
                    (crate::atom::Atom::EXCEPTION, Value::TRUE),
                    (crate::atom::Atom::new("env"), a[0].clone()),
                ],
            ))
        })
    })
    .doc(
        r#"fetch_env!(varname)"#,
        r#"The value of the environment variable `varname`, raising
`System.EnvError` when it is not set.

    iex> System.put_env("PHIAL_DOC", "on")
    iex> System.fetch_env!("PHIAL_DOC")
    "on""#,
    ),
    def("put_env", 2, |_, a| {
        let k = env_name(&a[0], "put_env", a)?;
        let Some(v) = a[1].as_str() else {
            return Err(clause("System", "put_env", 2, &[&a[0], &a[1]]));
        };
        if k.contains('=') || k.is_empty() {
            return Err(crate::error::argument_error(format!(
                "cannot execute System.put_env/2 for key with \"=\", got: {}",
                crate::format::inspect(&a[0])
            )));
        }
        std::env::set_var(k, v);
        Ok(Value::OK)
    })
    .doc(
        r#"put_env(varname, value)"#,
        r#"Sets the environment variable `varname` to `value`, for this VM and the
programs it starts.

    iex> System.put_env("PHIAL_DOC", "on")
    :ok"#,
    ),
    def("put_env", 1, |_, a| {
        let pairs = match &a[0] {
            Value::Map(m) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            v => crate::library::support::collections::proper(v)
                .and_then(|l| {
                    l.iter()
                        .map(crate::library::support::collections::pair)
                        .collect::<Option<Vec<_>>>()
                })
                .ok_or_else(|| clause("System", "put_env", 1, &[&a[0]]))?,
        };
        for (k, v) in pairs {
            match (k.as_str(), v.as_str()) {
                (Some(k), Some(v)) => std::env::set_var(k, v),
                _ => return Err(clause("System", "put_env", 2, &[&k, &v])),
            }
        }
        Ok(Value::OK)
    })
    .doc(
        r#"put_env(enum)"#,
        r#"Sets every `{name, value}` pair of `enum` as an environment variable.

    iex> System.put_env(%{"PHIAL_DOC" => "off"})
    :ok"#,
    ),
    def("delete_env", 1, |_, a| {
        let k = env_name(&a[0], "delete_env", a)?;
        std::env::remove_var(k);
        Ok(Value::OK)
    })
    .doc(
        r#"delete_env(varname)"#,
        r#"Unsets the environment variable `varname`; `:ok` whether it was set or
not.

    iex> System.delete_env("PHIAL_DOC")
    iex> System.fetch_env("PHIAL_DOC")
    :error"#,
    ),
    def("tmp_dir", 0, |_, _| {
        Ok(tmp_dir().map_or(Value::NIL_ATOM, Value::str))
    })
    .doc(
        r#"tmp_dir()"#,
        r#"A writable directory for temporary files (from `TMPDIR`, `TEMP` or
`TMP`, else `/tmp`), or `nil` when none is writable.

    iex> is_binary(System.tmp_dir())
    true"#,
    ),
    def("tmp_dir!", 0, |_, _| {
        tmp_dir().map(Value::str).ok_or_else(|| {
            crate::error::runtime_error("could not get a writable temporary directory, please set the TMPDIR environment variable")
        })
    })
    .doc(
        r#"tmp_dir!()"#,
        r#"Like `tmp_dir/0`, raising `RuntimeError` when there is none.

    iex> is_binary(System.tmp_dir!())
    true"#,
    ),
    def("user_home", 0, |_, _| {
        Ok(std::env::var("HOME").map_or(Value::NIL_ATOM, Value::str))
    })
    .doc(
        r#"user_home()"#,
        r#"The home directory of the current user, or `nil`.

    iex> is_binary(System.user_home())
    true"#,
    ),
    def("user_home!", 0, |_, _| {
        std::env::var("HOME").map(Value::str).map_err(|_| {
            crate::error::runtime_error(
                "could not find the user home, please set the HOME environment variable",
            )
        })
    })
    .doc(
        r#"user_home!()"#,
        r#"Like `user_home/0`, raising `RuntimeError` when it is not known.

    iex> is_binary(System.user_home!())
    true"#,
    ),
    def("cwd", 0, |_, _| {
        Ok(std::env::current_dir().map_or(Value::NIL_ATOM, |p| Value::str(p.to_string_lossy())))
    })
    .doc(
        r#"cwd()"#,
        r#"The current working directory, or `nil`; deprecated in Elixir in favour
of `File.cwd/0`.

    iex> System.cwd() == File.cwd!()
    true"#,
    ),
    def("cwd!", 0, |_, _| {
        std::env::current_dir()
            .map(|p| Value::str(p.to_string_lossy()))
            .map_err(|_| {
                crate::error::runtime_error("could not get a current working directory, the current location is not accessible")
            })
    })
    .doc(
        r#"cwd!()"#,
        r#"Like `cwd/0`, raising when it is not known; deprecated in favour of
`File.cwd!/0`.

    iex> System.cwd!() == File.cwd!()
    true"#,
    ),
    def("unique_integer", 0, |_, _| {
        Ok(Value::Int(crate::library::support::time::unique()))
    }),
    def("unique_integer", 1, |_, _| {
        Ok(Value::Int(crate::library::support::time::unique()))
    })
    .doc(
        r#"unique_integer(modifiers \\ [])"#,
        r#"An integer no other call in this VM gives; `:positive` makes it
positive, `:monotonic` makes each call give a larger one.

    iex> System.unique_integer([:positive]) > 0
    true"#,
    ),
    def("pid", 0, |_, _| {
        Ok(Value::str(std::process::id().to_string()))
    })
    .doc(
        r#"pid()"#,
        r#"The operating system process id of the VM, as a string.

    iex> is_binary(System.pid())
    true"#,
    ),
    def("version", 0, |_, _| Ok(Value::str(VERSION)))
    .doc(
        r#"version()"#,
        r#"The Elixir version phial follows, as a string.

    iex> System.version()
    "1.14.0""#,
    ),
    def("otp_release", 0, |_, _| Ok(Value::str(OTP)))
    .doc(
        r#"otp_release()"#,
        r#"The Erlang/OTP release number phial follows, as a string.

    iex> System.otp_release()
    "25""#,
    ),
    def("endianness", 0, |_, _| Ok(Value::atom(endianness())))
    .doc(
        r#"endianness()"#,
        r#"The byte order of the machine: `:little` or `:big`.

    iex> System.endianness()
    :little"#,
    ),
    def("compiled_endianness", 0, |_, _| {
        Ok(Value::atom(endianness()))
    })
    .doc(
        r#"compiled_endianness()"#,
        r#"The byte order the system was built for.

    iex> System.compiled_endianness()
    :little"#,
    ),
    def("find_executable", 1, |_, a| {
        let Some(name) = a[0].as_str() else {
            return Err(clause("System", "find_executable", 1, &[&a[0]]));
        };
        Ok(find_executable(name).map_or(Value::NIL_ATOM, Value::str))
    })
    .doc(
        r#"find_executable(program)"#,
        r#"The full path of `program` found on `PATH`, or `nil`.

    iex> System.find_executable("no-such-program")
    nil"#,
    ),
    def("at_exit", 1, |ctx, a| match &a[0] {
        Value::Fun(f) if f.arity() == 1 => {
            ctx.vm.system.at_exit.lock().push(a[0].clone());
            Ok(Value::OK)
        }
        _ => Err(clause("System", "at_exit", 1, &[&a[0]])),
    })
    .doc(
        r#"at_exit(fun)"#,
        r#"Registers `fun` to be called with the exit status when the VM stops
through `halt/1`, `stop/1` or the end of a script.

    iex> System.at_exit(fn _status -> :ok end)
    :ok"#,
    ),
    def("stop", 0, |ctx, _| halt(ctx, 0)),
    def("stop", 1, |ctx, a| match &a[0] {
        Value::Int(n) if *n >= 0 => halt(ctx, *n as i32),
        _ => Err(clause("System", "stop", 1, &[&a[0]])),
    })
    .doc(
        r#"stop(status \\ 0)"#,
        r#"Stops the VM in order, running the `at_exit/1` hooks first, with
`status` as the exit status. For example `System.stop(0)` ends the
program successfully."#,
    ),
    def("monotonic_time", 0, |_, _| Ok(Value::Int(monotonic_ns())))
    .doc(
        r#"monotonic_time()"#,
        r#"A clock that never goes back, in native units; only differences between
two readings mean anything.

    iex> is_integer(System.monotonic_time())
    true"#,
    ),
    def("monotonic_time", 1, |_, a| {
        Ok(Value::Int(convert(monotonic_ns(), &a[0])?))
    })
    .doc(
        r#"monotonic_time(unit)"#,
        r#"Like `monotonic_time/0`, in `unit` (`:second`, `:millisecond`,
`:microsecond`, `:nanosecond`, ...).

    iex> is_integer(System.monotonic_time(:millisecond))
    true"#,
    ),
    def("system_time", 0, |_, _| Ok(Value::Int(system_ns())))
    .doc(
        r#"system_time()"#,
        r#"The time since the Unix epoch by the VM's clock, in native units.

    iex> is_integer(System.system_time())
    true"#,
    ),
    def("system_time", 1, |_, a| {
        Ok(Value::Int(convert(system_ns(), &a[0])?))
    })
    .doc(
        r#"system_time(unit)"#,
        r#"Like `system_time/0`, in `unit`.

    iex> System.system_time(:second) > 1_600_000_000
    true"#,
    ),
    def("os_time", 0, |_, _| Ok(Value::Int(system_ns())))
    .doc(
        r#"os_time()"#,
        r#"The operating system's clock since the Unix epoch, in native units.

    iex> is_integer(System.os_time())
    true"#,
    ),
    def("os_time", 1, |_, a| {
        Ok(Value::Int(convert(system_ns(), &a[0])?))
    })
    .doc(
        r#"os_time(unit)"#,
        r#"Like `os_time/0`, in `unit`.

    iex> System.os_time(:second) > 1_600_000_000
    true"#,
    ),
    def("halt", 0, |ctx, _| halt(ctx, 0)),
    def("halt", 1, |ctx, a| match &a[0] {
        Value::Int(n) if *n >= 0 => halt(ctx, *n as i32),
        Value::Atom(a) if a.as_str() == "abort" => halt(ctx, 134),
        _ => Err(clause("System", "halt", 1, &[&a[0]])),
    })
    .doc(
        r#"halt(status \\ 0)"#,
        r#"Stops the VM at once with `status` (an integer, `:abort`, or a string
printed as the crash message); `at_exit/1` hooks do not run. For example
`System.halt(1)` ends the program with exit status 1."#,
    ),
    def("schedulers", 0, |_, _| Ok(Value::Int(schedulers())))
    .doc(
        r#"schedulers()"#,
        r#"The number of scheduler threads the VM has.

    iex> System.schedulers() > 0
    true"#,
    ),
    def("get_pid", 0, |_, _| {
        Ok(Value::str(std::process::id().to_string()))
    })
    .doc(
        r#"get_pid()"#,
        r#"The same as `pid/0`; deprecated in Elixir.

    iex> is_binary(System.get_pid())
    true"#,
    ),
    def("build_info", 0, |_, _| {
        let mut m = crate::value::MapInner::new();
        for (k, v) in [
            (
                "build",
                format!("{VERSION} (compiled with Erlang/OTP {BUILD_OTP})"),
            ),
            ("date", String::new()),
            ("otp_release", BUILD_OTP.to_string()),
            ("revision", String::new()),
            ("version", VERSION.to_string()),
        ] {
            m.insert(Value::atom(k), Value::str(v));
        }
        Ok(Value::map(m))
    })
    .doc(
        r#"build_info()"#,
        r#"A map describing the build: `:version`, `:otp_release`, `:date`,
`:revision` and `:build`.

    iex> System.build_info().version
    "1.14.0""#,
    ),
    def("convert_time_unit", 3, |_, a| {
        crate::library::support::calendar::convert_time_unit(&a[0], &a[1], &a[2])
    })
    .doc(
        r#"convert_time_unit(time, from_unit, to_unit)"#,
        r#"Converts `time` from one time unit to another, rounding down.

    iex> System.convert_time_unit(3, :second, :millisecond)
    3000"#,
    ),
    // Since OTP 23 there is no "last stacktrace" to give: always `[]`.
    def("stacktrace", 0, |_, _| Ok(Value::Nil))
    .doc(
        r#"stacktrace()"#,
        r#"Deprecated in Elixir: use `__STACKTRACE__` inside `rescue` or `catch`.
Outside one, an empty list.

    iex> System.stacktrace()
    []"#,
    ),
    def("no_halt", 0, |ctx, _| {
        Ok(Value::bool(
            ctx.vm
                .system
                .no_halt
                .load(std::sync::atomic::Ordering::Relaxed),
        ))
    })
    .doc(
        r#"no_halt()"#,
        r#"Whether the VM keeps running after the script ends.

    iex> is_boolean(System.no_halt())
    true"#,
    ),
    def("no_halt", 1, |ctx, a| match &a[0] {
        Value::Atom(b) if *b == crate::atom::Atom::TRUE || *b == crate::atom::Atom::FALSE => {
            ctx.vm.system.no_halt.store(
                *b == crate::atom::Atom::TRUE,
                std::sync::atomic::Ordering::Relaxed,
            );
            Ok(Value::OK)
        }
        _ => Err(clause("System", "no_halt", 1, &[&a[0]])),
    })
    .doc(
        r#"no_halt(boolean)"#,
        r#"Sets whether the VM keeps running after the script ends.

    iex> System.no_halt(false)
    iex> is_boolean(System.no_halt())
    true"#,
    ),
    def("time_offset", 0, |_, _| Ok(Value::Int(time_offset())))
    .doc(
        r#"time_offset()"#,
        r#"The offset between the VM's monotonic time and system time, in native
units.

    iex> is_integer(System.time_offset())
    true"#,
    ),
    def("time_offset", 1, |_, a| {
        Ok(Value::Int(convert(time_offset(), &a[0])?))
    })
    .doc(
        r#"time_offset(unit)"#,
        r#"Like `time_offset/0`, in `unit`.

    iex> is_integer(System.time_offset(:second))
    true"#,
    ),
    def("schedulers_online", 0, |_, _| {
        Ok(Value::Int(
            std::thread::available_parallelism()
                .map(|n| n.get() as i64)
                .unwrap_or(1),
        ))
    })
    .doc(
        r#"schedulers_online()"#,
        r#"The number of scheduler threads in use.

    iex> System.schedulers_online() > 0
    true"#,
    ),
];

/// The Elixir and OTP releases phial answers as: Elixir 1.14.0 running
/// on OTP 25, built (as `build_info/0` says) with OTP 24.
const VERSION: &str = "1.14.0";
const OTP: &str = "25";
const BUILD_OTP: &str = "24";

fn schedulers() -> i64 {
    std::thread::available_parallelism()
        .map(|n| n.get() as i64)
        .unwrap_or(1)
}

/// Erlang time (system time) minus monotonic time, in nanoseconds: fixed
/// when first asked, as in the BEAM's default "no time warp" mode.
fn time_offset() -> i64 {
    static OFFSET: std::sync::OnceLock<i64> = std::sync::OnceLock::new();
    *OFFSET.get_or_init(|| system_ns() - monotonic_ns())
}

pub(crate) fn halt(ctx: &mut crate::library::Ctx, code: i32) -> Result<Value> {
    ctx.vm.out.flush();
    ctx.vm.set_exit_code(code);
    ctx.vm.out.halt(code);
    Err(crate::error::Raise::exit(Value::Atom(
        crate::atom::Atom::SHUTDOWN,
    )))
}

/// What `System` keeps for the life of a VM.
#[derive(Default)]
pub struct State {
    /// `System.at_exit/1` hooks, in the order registered (run last first).
    pub at_exit: parking_lot::Mutex<Vec<Value>>,
    /// The files `Code.require_file` has loaded (expanded paths).
    pub required: parking_lot::Mutex<Vec<String>>,
    /// Every module definition, in order (what `Code.require_file`
    /// reports as a file's modules).
    pub defined: parking_lot::Mutex<Vec<crate::atom::Atom>>,
    /// `System.no_halt/1`'s flag. Phial keeps it only to give it back: a
    /// script ends when its code does.
    pub no_halt: std::sync::atomic::AtomicBool,
}

/// A variable name argument (a string), or Elixir's clause error.
fn env_name(v: &Value, name: &str, args: &[Value]) -> Result<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(clause(
            "System",
            name,
            args.len() as u32,
            &args.iter().collect::<Vec<_>>(),
        )),
    }
}

fn env(k: &str) -> Option<Value> {
    std::env::var_os(k).map(|v| Value::str(v.to_string_lossy()))
}

fn endianness() -> &'static str {
    if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    }
}

/// `System.tmp_dir/0`: `TMPDIR`, `TEMP`, `TMP`, `/tmp`, then the working
/// directory: the first that is a writable directory.
fn tmp_dir() -> Option<String> {
    let writable = |d: &str| {
        let is_dir = std::fs::metadata(d).is_ok_and(|m| m.is_dir());
        let path = std::ffi::CString::new(d).ok()?;
        // SAFETY: `path` is NUL-terminated and lives across the call.
        let w = unsafe { libc::access(path.as_ptr(), libc::W_OK) } == 0;
        (is_dir && w).then(|| d.to_string())
    };
    ["TMPDIR", "TEMP", "TMP"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find_map(|d| writable(&d))
        .or_else(|| writable("/tmp"))
        .or_else(|| {
            let cwd = std::env::current_dir().ok()?;
            writable(&cwd.to_string_lossy())
        })
}

/// The first `PATH` entry holding an executable `name` (a name with a
/// slash is looked at as it is).
pub(crate) fn find_executable(name: &str) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let runnable = |p: &std::path::Path| {
        std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    if name.contains('/') {
        return runnable(std::path::Path::new(name)).then(|| name.to_string());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| runnable(p))
        .map(|p| p.to_string_lossy().into_owned())
}
