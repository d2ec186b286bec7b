//! The `phial` binary under hostile input, where the outcome is not a
//! recorded Elixir stdout: a closed stdout, scripts that are not UTF-8 or
//! hold a BOM or NUL (Elixir's report is on stderr), source nested past
//! phial's limit, and sizes where Elixir itself dies of the allocation
//! (phial raises `SystemLimitError` instead), memory, atom and process
//! limits (where the BEAM aborts or needs flags). Each expectation was checked
//! against `elixir` 1.14 by hand where Elixir survives; the comments say so.
//!
//! Not here: anything Elixir prints to stdout (`tests/cases/robust/`).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn phial() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_phial"));
    c.env("NO_COLOR", "1");
    c
}

/// A finished run's stdout, stderr and exit code.
fn outcome(out: &std::process::Output) -> (String, String, i32) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Runs a script (written to a temporary file) and returns stdout, stderr
/// and the exit code.
fn run_script(name: &str, bytes: &[u8]) -> (String, String, i32) {
    let dir = std::env::temp_dir().join(format!("phial-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write script");
    let out = phial()
        .arg(name)
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .expect("phial runs");
    outcome(&out)
}

fn eval(expr: &str) -> (String, String, i32) {
    let out = phial()
        .arg("-e")
        .arg(expr)
        .stdin(Stdio::null())
        .output()
        .expect("phial runs");
    outcome(&out)
}

#[test]
fn a_closed_stdout_ends_the_writer() {
    // `elixir loop.exs | head -1` stops in well under a second with exit
    // code 1: IO.puts raises ErlangError :terminated.
    let mut child = phial()
        .arg("-e")
        .arg("defmodule L do\n def go(n), do: (IO.puts(\"line #{n}\"); go(n + 1))\nend\nL.go(0)")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("phial starts");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("one line");
    assert_eq!(first, "line 0\n");
    // Dropping the reader closed the pipe.
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("phial kept running with its stdout closed");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(1));
    let mut err = String::new();
    let _ = std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut err);
    assert!(err.contains("terminated"), "{err}");
}

#[test]
fn a_script_that_is_not_utf8_is_a_unicode_conversion_error() {
    // Elixir 1.14, same bytes: the same line on stderr, exit code 1.
    let (out, err, rc) = run_script("bad.exs", b"IO.puts(\"a\xff\")\n");
    assert_eq!((out.as_str(), rc), ("", 1));
    assert_eq!(
        err.lines().next(),
        Some("** (UnicodeConversionError) invalid encoding starting at <<255, 34, 41, 10>>")
    );
    let mut long = b"IO.puts(\"\xff".to_vec();
    long.extend([b'z'; 100]);
    long.extend(b"\")\n");
    let (_, err, rc) = run_script("long.exs", &long);
    assert_eq!(rc, 1);
    let expected = format!(
        "** (UnicodeConversionError) invalid encoding starting at <<255, {}, ...>>",
        vec!["122"; 49].join(", ")
    );
    assert_eq!(err.lines().next(), Some(expected.as_str()));
}

#[test]
fn bom_and_nul_are_reported_as_elixir_reports_them() {
    let (_, err, rc) = run_script("bom.exs", b"\xef\xbb\xbfIO.puts(\"bom\")\n");
    assert_eq!(rc, 1);
    assert_eq!(
        err.lines().next(),
        Some("** (SyntaxError) bom.exs:1:1: unexpected token: \"\u{feff}\" (column 1, code point U+FEFF)")
    );
    let (_, err, rc) = run_script("nul.exs", b"IO.puts(\"a\")\0\n");
    assert_eq!(rc, 1);
    assert_eq!(
        err.lines().next(),
        Some("** (SyntaxError) nul.exs:1:13: unexpected token: null byte (column 13, code point U+0000)")
    );
}

#[test]
fn source_nested_past_the_limit_is_a_syntax_error() {
    // Elixir parses these (slowly); phial stops at 2,000 levels with a
    // SyntaxError that points at the place, and runs nothing.
    let n = 100_000;
    let cases = [
        format!("IO.puts(:ran)\nx = {}{}\n", "[".repeat(n), "]".repeat(n)),
        format!("IO.puts(:ran)\nx = {}\n", vec!["1"; n].join("+")),
        format!(
            "IO.puts(:ran)\nx = {}1{}\n",
            "case 1 do _ -> ".repeat(n / 10),
            " end".repeat(n / 10)
        ),
        format!(
            "IO.puts(:ran)\nx = {}1{}\n",
            "\"#{".repeat(n / 10),
            "}\"".repeat(n / 10)
        ),
    ];
    for src in cases {
        let (out, err, rc) = run_script("deep.exs", src.as_bytes());
        assert_eq!((out.as_str(), rc), ("", 1), "{err:.300}");
        assert!(
            err.starts_with("** (SyntaxError) deep.exs:2:") && err.contains("nested too deeply"),
            "{err:.300}"
        );
    }
}

#[test]
fn sizes_elixir_dies_of_raise_system_limit_error() {
    // Elixir 1.14 aborts the VM on these ("binary_alloc: Cannot allocate",
    // or grows until the OS kills it); phial raises, rescuably.
    for expr in [
        "String.duplicate(\"ab\", 2 ** 62)",
        "String.duplicate(\"ab\", 2 ** 45)",
        "List.duplicate(0, 2 ** 62)",
        "Enum.to_list(1..9_223_372_036_854_775_807)",
        "Enum.map(1..9_223_372_036_854_775_807, & &1)",
    ] {
        let program = format!(
            "try do\n {expr}\nrescue\n e -> IO.inspect({{e.__struct__, Exception.message(e)}})\nend"
        );
        let (out, err, rc) = eval(&program);
        assert_eq!(
            (out.as_str(), rc),
            (
                "{SystemLimitError, \"a system limit has been reached\"}\n",
                0
            ),
            "{expr}: {err}"
        );
    }
}

#[test]
fn the_repl_reports_deep_input_and_carries_on() {
    let mut child = phial()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("phial starts");
    let input = format!("{}{}\n1 + 2\n", "[".repeat(50_000), "]".repeat(50_000));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("phial ends");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("nested too deeply"), "{stdout:.300}");
    assert!(stdout.contains("iex(1)> 3\n"), "{stdout:.300}");
}

/// Runs `phial -e expr` under a 4 GB address-space limit (`ulimit -v`),
/// with `env` set.
fn eval_limited(expr: &str, env: &[(&str, &str)]) -> (String, String, i32) {
    use std::os::unix::process::CommandExt;
    let mut cmd = phial();
    cmd.arg("-e").arg(expr).stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    // SAFETY: only async-signal-safe calls (setrlimit) between fork and
    // exec.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: 4 << 30,
                rlim_max: 4 << 30,
            };
            libc::setrlimit(libc::RLIMIT_AS, &lim);
            Ok(())
        });
    }
    let out = cmd.output().expect("phial runs");
    outcome(&out)
}

#[test]
fn a_runaway_process_is_killed_and_the_rest_goes_on() {
    // The default memory limit (a quarter of a 4 GB address space here):
    // each runaway is killed with :killed, its monitor is told, and the
    // script goes on and ends normally. The BEAM has no default limit: on a
    // machine with 4 GB it dies ("eheap_alloc: Cannot allocate ...
    // bytes of memory", exit 1), or the OS kills it.
    let program = r#"
defmodule Grow do
  def list(acc, n), do: list([n | acc], n + 1)
  def deep(n), do: [n | deep(n + 1)]
  def str(s), do: str(s <> s)
end
for f <- [fn -> Grow.list([], 0) end, fn -> Grow.deep(0) end, fn -> Grow.str("ab") end,
          fn -> List.duplicate(0, 60_000_000) end, fn -> Enum.to_list(1..60_000_000) end] do
  {pid, ref} = spawn_monitor(f)
  receive do
    {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason)
  end
end
IO.puts("the VM lives on")
"#;
    let (out, err, rc) = eval_limited(program, &[]);
    assert_eq!(
        (out.as_str(), rc),
        (
            ":killed\n:killed\n:killed\n:killed\n:killed\nthe VM lives on\n",
            0
        ),
        "{err:.2000}"
    );
    // The BEAM's report, less its timestamp and collector internals.
    assert_eq!(
        err.matches("     Context:            maximum heap size reached\n")
            .count(),
        5,
        "{err:.2000}"
    );
    assert!(
        err.starts_with("[error]      Process:            #PID<0."),
        "{err:.2000}"
    );
}

#[test]
fn a_producer_is_not_killed_for_what_its_consumer_holds() {
    // A message is allocated by its sender and freed by its receiver, so
    // the sender's allocation count grows far past a small limit (64 MB
    // here) while it holds almost nothing: it is measured, found small and
    // lives on. The consumer only drops what it receives.
    let program = r#"
defmodule Flood do
  def consume(0, from), do: send(from, :done)
  def consume(n, from) do
    receive do
      {:item, _, _} -> consume(n - 1, from)
    end
  end
  def produce(_to, 0), do: :ok
  def produce(to, n) do
    send(to, {:item, n, [n, n + 1, n + 2]})
    produce(to, n - 1)
  end
end
n = 2_000_000
me = self()
consumer = spawn(fn -> Flood.consume(n, me) end)
{pid, ref} = spawn_monitor(fn -> Flood.produce(consumer, n) end)
receive do
  {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason)
end
receive do
  :done -> IO.puts("all delivered")
end
"#;
    let (out, err, rc) = eval_limited(program, &[("PHIAL_MAX_PROCESS_MEMORY", "67108864")]);
    assert_eq!(
        (out.as_str(), rc),
        (":normal\nall delivered\n", 0),
        "{err:.2000}"
    );
}

#[test]
fn the_atom_table_limit_raises_system_limit_error() {
    // The BEAM's default table holds 1,048,576 atoms; past it the BEAM
    // aborts ("no more index entries in atom_tab (max=1048576)", a crash
    // dump, exit 1: checked with `elixir --erl "+t 8192"`). phial raises
    // SystemLimitError, and every atom made before still works.
    let program = r#"
n = Enum.reduce_while(1..2_000_000, 0, fn i, n ->
  try do
    String.to_atom("atom_#{i}")
    {:cont, n + 1}
  rescue
    e in SystemLimitError -> IO.puts(Exception.message(e)); {:halt, n}
  end
end)
IO.puts(n > 1_000_000 and n < 1_048_576)
IO.inspect(String.to_atom("atom_1"))
for f <- [fn -> :erlang.binary_to_atom("fresh1") end, fn -> List.to_atom(~c"fresh2") end,
          fn -> :erlang.list_to_atom(~c"fresh3") end, fn -> String.to_atom("fresh4") end] do
  try do
    f.()
  rescue
    e -> IO.inspect(e.__struct__)
  end
end
IO.inspect(String.to_existing_atom("atom_2"))
"#;
    let (out, err, rc) = eval(program);
    assert_eq!(
        (out.as_str(), rc),
        (
            "a system limit has been reached\ntrue\n:atom_1\nSystemLimitError\nSystemLimitError\nSystemLimitError\nSystemLimitError\n:atom_2\n",
            0
        ),
        "{err:.2000}"
    );
}

#[test]
fn the_process_limit_raises_system_limit_error() {
    // With `elixir --erl "+P 1024"`, spawning 2,000 sleeping processes
    // prints Logger's "[error] Too many processes" on stdout and ends with
    // "** (SystemLimitError) a system limit has been reached", exit 1.
    // phial's limit is the BEAM's largest (134,217,727) unless
    // PHIAL_MAX_PROCESSES says otherwise.
    let run = |program: &str| {
        let out = phial()
            .arg("-e")
            .arg(program)
            .env("PHIAL_MAX_PROCESSES", "1024")
            .stdin(Stdio::null())
            .output()
            .expect("phial runs");
        outcome(&out)
    };
    let (out, err, rc) = run("for _ <- 1..2000, do: spawn(fn -> Process.sleep(10_000) end)");
    assert_eq!(rc, 1, "{err}");
    // `\nHH:MM:SS.mmm [error] Too many processes\n\n`, as Elixir prints it.
    assert_eq!(out.len(), 1 + 12 + 29, "{out}");
    assert!(out.starts_with('\n'), "{out}");
    assert!(
        out[13..].starts_with(" [error] Too many processes\n\n"),
        "{out}"
    );
    assert!(
        err.contains("** (SystemLimitError) a system limit has been reached\n"),
        "{err}"
    );
    // Rescued, the script goes on; processes that end free their places.
    let (out, err, rc) = run(r#"
pids = for _ <- 1..1023, do: spawn(fn -> receive do :stop -> :ok end end)
try do
  spawn(fn -> :ok end)
rescue
  e -> IO.inspect(e)
end
for p <- pids, do: send(p, :stop)
Process.sleep(200)
{pid, ref} = spawn_monitor(fn -> :ok end)
receive do
  {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason)
end
"#);
    // Logger's report first (as above), then the script's own lines.
    assert!(
        out[13..].starts_with(" [error] Too many processes\n\n"),
        "{out}"
    );
    assert_eq!(
        (&out[42..], rc),
        (
            "%SystemLimitError{message: \"a system limit has been reached\"}\n:normal\n",
            0
        ),
        "{err}"
    );
}
