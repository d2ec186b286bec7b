//! The REPL driven through a real pseudo-terminal, as a user would: the
//! seed's examples typed line by line and pasted as transcripts, the shell
//! restarting after a linked crash, background output while typing, Ctrl+C,
//! history across runs and Tab completion.
//!
//! Timeouts are generous (the machine is small and busy); what is asserted
//! is what appears on the terminal, never how fast.

mod support;
use expectrl::{Eof, Session};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";

/// A fresh data directory (for the history file) per test.
fn data_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("phial-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn start(data: &Path) -> Session {
    start_in(data, data, &[])
}

/// `phial ARGS` in a pty with `cwd` as the working directory; HOME is the
/// data directory, so no `~/.iex.exs` of the machine's is read.
fn start_in(data: &Path, cwd: &Path, args: &[&str]) -> Session {
    let mut p = spawn_in(data, cwd, args);
    p.expect("Interactive phial (").expect("banner");
    p.expect("iex(1)> ").expect("first prompt");
    p
}

fn spawn_in(data: &Path, cwd: &Path, args: &[&str]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_phial"));
    cmd.args(args)
        .current_dir(cwd)
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("PHIAL_THREADS");
    let mut p = Session::spawn(cmd).expect("spawn phial in a pty");
    p.set_expect_timeout(Some(Duration::from_secs(60)));
    p
}

/// Everything the terminal showed until `needle` appears.
fn upto(p: &mut Session, needle: &str) -> String {
    match p.expect(needle) {
        Ok(c) => String::from_utf8_lossy(c.before()).into_owned(),
        Err(e) => panic!("waiting for {needle:?}: {e}"),
    }
}

fn type_line(p: &mut Session, line: &str) {
    p.send(format!("{line}\r")).expect("send");
}

/// Pastes `text` as a terminal does with bracketed paste on: it runs at
/// once, no Enter needed.
fn paste(p: &mut Session, text: &str) {
    p.send(format!("{PASTE_START}{text}{PASTE_END}"))
        .expect("paste");
}

/// What the terminal shows as plain lines: escape sequences and carriage
/// returns removed, pids as `#PID<0.N.0>`.
fn screen(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                // CSI: ESC [ params final-byte
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for d in chars.by_ref() {
                        if ('@'..='~').contains(&d) {
                            // Cursor up: the row break before is undone.
                            if d == 'A' && out.ends_with('\n') {
                                out.pop();
                            }
                            break;
                        }
                    }
                }
            }
            '\r' | '\x07' => {}
            c => out.push(c),
        }
    }
    let mut text = String::new();
    let mut rest = out.as_str();
    while let Some(i) = rest.find("#PID<0.") {
        text.push_str(&rest[..i + 7]);
        rest = &rest[i + 7..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        text.push('N');
        rest = &rest[digits..];
    }
    text.push_str(rest);
    support::normalise_times(&text)
}

/// Types a marker expression and returns everything shown before its
/// result (the echo of the typed line ends in an escape sequence, the
/// result line starts a line).
fn settle(p: &mut Session, tag: &str) -> String {
    type_line(p, &format!(":{tag}"));
    upto(p, &format!("\n:{tag}\r\n"))
}

/// Ctrl+D at an empty prompt. Sent while an input still runs, the
/// terminal's line mode takes it as an end of file for nobody: so it is
/// sent again until the shell, reading, exits.
fn quit(mut p: Session) {
    p.set_expect_timeout(Some(Duration::from_secs(2)));
    for _ in 0..30 {
        p.send("\x04").expect("ctrl-d");
        if p.expect(Eof).is_ok() {
            return;
        }
    }
    panic!("phial did not exit on Ctrl+D");
}

/// The seed's first transcript block, verbatim.
const SEED_PING: &str = include_str!("fixtures/seed_ping.txt");

const SEED_AFTER: &str = "iex(7)> receive do
...(7)>   message -> IO.inspect message
...(7)> after 5000 ->
...(7)>   IO.puts \"Timeout, giving up\"
...(7)> end
Timeout, giving up
:ok
iex(8)>
";

const SEED_LINK: &str = "iex(1)> pid = spawn_link fn ->
...(1)>   receive do
...(1)>     :boom -> raise \"boom!\"
...(1)>   end
...(1)> end
#PID<0.64.0>
iex(2)> pid <- :boom
:boom
iex(3)>
=ERROR REPORT==== 27-Dec-2013::16:49:14 ===
Error in process <0.64.0> with exit value: {{'Elixir.RuntimeError','__exception__',<<5 bytes>>},[{erlang,apply,2,[]}]}

** (EXIT from #PID<0.64.0>) {RuntimeError[message: \"boom!\"], [{:erlang, :apply, 2, []}]}

## iex(3)> pid = spawn fn ->
...(3)>   receive do
...(3)>     :boom -> raise \"boom!\"
...(3)>   end
...(3)> end
#PID<0.71.0>
iex(4)> pid <- :boom
:boom

=ERROR REPORT==== 27-Dec-2013::16:49:50 ===
Error in process <0.71.0> with exit value: {{'Elixir.RuntimeError','__exception__',<<5 bytes>>},[{erlang,apply,2,[]}]}

iex(5)>
";

fn no_errors(seen: &str) {
    for bad in [
        "CompileError",
        "SyntaxError",
        "TokenMissingError",
        "undefined",
    ] {
        assert!(!seen.contains(bad), "unexpected {bad} in:\n{seen}");
    }
}

#[test]
fn seed_examples_typed_line_by_line() {
    let dir = data_dir("typed");
    let mut p = start(&dir);
    for line in [
        "pid = spawn fn ->",
        "  receive do",
        "    {sender, :ping} ->",
        "      IO.puts \"Got ping\"",
        "      sender <- :pong",
        "  end",
        "end",
    ] {
        type_line(&mut p, line);
    }
    upto(&mut p, "#PID<0.");
    upto(&mut p, "iex(2)> ");
    type_line(&mut p, "pid <- {self, :ping}");
    let seen = upto(&mut p, "iex(3)> ");
    assert!(seen.contains(", :ping}"), "{seen}");
    // The spawned process prints when it is scheduled, which on a loaded
    // machine may be after the next prompt: wait for it rather than
    // assuming an order.
    if !seen.contains("Got ping") {
        upto(&mut p, "Got ping");
    }
    settle(&mut p, "after_ping");
    for line in [
        "receive do",
        "  message -> IO.puts \"Got #{message} back\"",
        "end",
    ] {
        type_line(&mut p, line);
    }
    let seen = upto(&mut p, ":ok\r\n");
    assert!(seen.contains("Got pong back\r\n"), "{seen}");
    for line in [
        "receive do",
        "  message -> IO.inspect message",
        "after 5000 ->",
        "  IO.puts \"Timeout, giving up\"",
        "end",
    ] {
        type_line(&mut p, line);
    }
    let seen = upto(&mut p, "Timeout, giving up\r\n");
    no_errors(&seen);
    upto(&mut p, ":ok\r\n");

    // The spawn_link example: the crash kills the shell, which comes back
    // with a new pid, the old bindings and the history.
    type_line(&mut p, "x = 42");
    type_line(&mut p, "me = self()");
    for line in [
        "pid = spawn_link fn ->",
        "  receive do",
        "    :boom -> raise \"boom!\"",
        "  end",
        "end",
    ] {
        type_line(&mut p, line);
    }
    type_line(&mut p, "pid <- :boom");
    let seen = upto(
        &mut p,
        "shell process exited with reason: an exception was raised:",
    );
    assert!(seen.contains("** (EXIT from #PID<0."), "{seen}");
    upto(&mut p, "** (RuntimeError) boom!");
    let seen = settle(&mut p, "alive_again");
    assert!(!seen.contains("panicked"), "{seen}");
    type_line(&mut p, "self() != me");
    upto(&mut p, "true\r\n");
    type_line(&mut p, "x");
    upto(&mut p, "42\r\n");
    type_line(&mut p, "v(1)");
    upto(&mut p, "#PID<0.");
    quit(p);
}

/// Each of the tutorial's three blocks pasted (bracketed) runs at once:
/// every expression once, in order, drawn after its own prompt as if
/// typed, with the transcript's prompts and old output lines dropped; what
/// shows is the tutorial's output with this session's counters and pids.
#[test]
fn seed_transcripts_pasted_verbatim() {
    let dir = data_dir("paste");
    let mut p = start(&dir);
    paste(&mut p, SEED_PING);
    let seen = screen(&upto(&mut p, "iex(4)> "));
    assert_eq!(
        seen,
        "iex(1)> pid = spawn fn ->
...(1)>   receive do
...(1)>     {sender, :ping} ->
...(1)>       IO.puts \"Got ping\"
...(1)>       sender <- :pong
...(1)>   end
...(1)> end
#PID<0.N.0>
iex(2)> pid <- {self, :ping}
{#PID<0.N.0>, :ping}
Got ping
iex(3)> receive do
...(3)>   message -> IO.puts \"Got #{message} back\"
...(3)> end
Got pong back
:ok
"
    );

    paste(&mut p, SEED_AFTER);
    let seen = screen(&upto(&mut p, "iex(5)> "));
    assert_eq!(
        seen,
        "iex(4)> receive do
...(4)>   message -> IO.inspect message
...(4)> after 5000 ->
...(4)>   IO.puts \"Timeout, giving up\"
...(4)> end
Timeout, giving up
:ok
"
    );

    paste(&mut p, SEED_LINK);
    let seen = screen(&upto(&mut p, "iex(9)> "));
    assert_eq!(
        seen,
        "iex(5)> pid = spawn_link fn ->
...(5)>   receive do
...(5)>     :boom -> raise \"boom!\"
...(5)>   end
...(5)> end
#PID<0.N.0>
iex(6)> pid <- :boom
:boom

HH:MM:SS.mmm [error] Process #PID<0.N.0> raised an exception
** (RuntimeError) boom!
    iex:7: anonymous fn/0 in :elixir_compiler_0.__FILE__/1
** (EXIT from #PID<0.N.0>) shell process exited with reason: an exception was raised:
    ** (RuntimeError) boom!
        iex:7: anonymous fn/0 in :elixir_compiler_0.__FILE__/1
iex(7)> pid = spawn fn ->
...(7)>   receive do
...(7)>     :boom -> raise \"boom!\"
...(7)>   end
...(7)> end
#PID<0.N.0>
iex(8)> pid <- :boom
:boom

HH:MM:SS.mmm [error] Process #PID<0.N.0> raised an exception
** (RuntimeError) boom!
    iex:9: anonymous fn/0 in :elixir_compiler_0.__FILE__/1
"
    );
    // Typing afterwards works as usual; the history holds the pasted
    // code without the transcript's prompts and output.
    type_line(&mut p, "1 + 1");
    upto(&mut p, "2\r\n");
    upto(&mut p, "iex(10)> ");
    quit(p);
    let history = std::fs::read_to_string(dir.join("phial/history")).expect("history");
    assert!(history.contains("pid <- {self, :ping}"), "{history}");
    assert!(!history.contains("iex("), "{history}");
    let output =
        |l: &str| l == "Got ping" || l == ":ok" || l.starts_with("#PID") || l.starts_with("{#PID");
    assert!(!history.lines().any(output), "{history}");
    assert!(!history.contains("ERROR REPORT"), "{history}");
}

/// A paste without a final newline stays on the line to edit; a paste of
/// plain code (no prompts) runs line by line too.
#[test]
fn paste_of_plain_code_and_a_partial_line() {
    let dir = data_dir("paste-plain");
    let mut p = start(&dir);
    paste(&mut p, "a = 20\nb = 22\na +");
    let seen = screen(&upto(&mut p, "iex(3)> a +"));
    assert_eq!(seen, "iex(1)> a = 20\n20\niex(2)> b = 22\n22\n");
    p.send(" b\r").expect("rest");
    upto(&mut p, "42\r\n");
    upto(&mut p, "iex(4)> ");
    quit(p);
}

/// Ctrl+D on an unfinished expression drops it with the message
/// `#iex:break` gives; Ctrl+C once clears the line, twice in a row quits.
#[test]
fn ctrl_d_discards_unfinished_input_and_ctrl_c_twice_quits() {
    let dir = data_dir("keys");
    let mut p = start(&dir);
    type_line(&mut p, "fn ->");
    upto(&mut p, "...(1)> ");
    p.send("\x04").expect("ctrl-d");
    upto(
        &mut p,
        "** (TokenMissingError) iex:1: incomplete expression",
    );
    upto(&mut p, "iex(1)> ");
    type_line(&mut p, "1 + 1");
    upto(&mut p, "2\r\n");
    upto(&mut p, "iex(2)> ");
    p.send("junk").expect("junk");
    upto(&mut p, "junk");
    p.send("\x03").expect("ctrl-c");
    upto(&mut p, "iex(2)> ");
    p.send("\x03").expect("ctrl-c");
    p.expect(Eof).expect("two Ctrl+C quit");
}

/// What is typed while an input runs is not drawn into its output
/// (`1 + 1:ok`): it shows at the next prompt and runs after.
#[test]
fn typeahead_waits_for_the_next_prompt() {
    let dir = data_dir("typeahead");
    let mut p = start(&dir);
    type_line(&mut p, ":timer.sleep(1000)");
    std::thread::sleep(Duration::from_millis(300));
    p.send("40 + 2\r").expect("typeahead");
    let seen = screen(&upto(&mut p, "42\r\n"));
    assert!(seen.contains("\n:ok\niex(2)> 40 + 2\n"), "{seen:?}");
    upto(&mut p, "iex(3)> ");
    quit(p);
}

/// `.iex.exs` (working directory first), `import_file`, `c/1`, `r/1` and
/// `v(n)` with a variable, at a terminal. Expected texts recorded with
/// IEx 1.14 on the same files.
#[test]
fn dot_iex_import_file_and_c() {
    let dir = data_dir("import");
    std::fs::write(
        dir.join(".iex.exs"),
        "IO.puts \"from dot iex\"\nx = 5\nimport Enum, only: [sum: 1]\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("g.exs"),
        "a = 1\nb = a + 1\nIO.puts \"imported\"\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("f.ex"),
        "defmodule Foo do\n  def hi, do: :hi\nend\ndefmodule Bar do\nend\n",
    )
    .expect("write");
    let mut p = spawn_in(&dir, &dir, &[]);
    let seen = screen(&upto(&mut p, "iex(1)> "));
    assert!(seen.ends_with("help)\nfrom dot iex\n"), "{seen:?}");
    type_line(&mut p, "sum([x, 1])");
    upto(&mut p, "6\r\n");
    type_line(&mut p, "import_file(\"g.exs\")");
    upto(&mut p, "imported\r\n:ok\r\n");
    type_line(&mut p, "a + b");
    upto(&mut p, "3\r\n");
    type_line(&mut p, "import_file(\"nope.exs\")");
    upto(&mut p, "** (File.Error) could not read file \"");
    upto(&mut p, "nope.exs\": no such file or directory");
    type_line(&mut p, "c(\"f.ex\")");
    upto(&mut p, "[Bar, Foo]\r\n");
    type_line(&mut p, "Foo.hi");
    upto(&mut p, ":hi\r\n");
    type_line(&mut p, "r(Foo)");
    upto(&mut p, "{:reloaded, [Bar, Foo]}\r\n");
    type_line(&mut p, "c(\"nope.ex\")");
    upto(&mut p, "** (ArgumentError) could not find files nope.ex");
    type_line(&mut p, "n = 2");
    upto(&mut p, "iex(8)> ");
    type_line(&mut p, "v(n)");
    upto(&mut p, ":ok\r\n");
    upto(&mut p, "iex(9)> ");
    quit(p);
}

/// `phial -i FILE` runs FILE before the banner (its modules stay, its
/// bindings do not), as `iex FILE`; `--dot-iex PATH` replaces `.iex.exs`.
#[test]
fn dash_i_and_dot_iex_options() {
    let dir = data_dir("dash-i");
    std::fs::write(
        dir.join("s.exs"),
        "defmodule S do\n  def two, do: 2\nend\nIO.puts \"script\"\ny = 1\n",
    )
    .expect("write");
    std::fs::write(dir.join("other.exs"), "z = 9\n").expect("write");
    std::fs::write(dir.join(".iex.exs"), "IO.puts \"not this one\"\n").expect("write");
    let mut p = spawn_in(&dir, &dir, &["-i", "s.exs", "--dot-iex", "other.exs"]);
    let seen = screen(&upto(&mut p, "iex(1)> "));
    assert!(seen.starts_with("script\nInteractive phial ("), "{seen:?}");
    assert!(!seen.contains("not this one"), "{seen:?}");
    type_line(&mut p, "S.two + z");
    upto(&mut p, "11\r\n");
    upto(&mut p, "iex(2)> ");
    quit(p);
}

#[test]
fn background_output_while_a_line_is_half_typed() {
    let dir = data_dir("background");
    let mut p = start(&dir);
    type_line(
        &mut p,
        "spawn fn -> :timer.sleep(1500); IO.puts \"late\" end",
    );
    upto(&mut p, "iex(2)> ");
    p.send("40 +").expect("half a line");
    upto(&mut p, "late");
    // The prompt and the half line are drawn again below the output.
    upto(&mut p, "iex(2)> 40 +");
    p.send(" 2\r").expect("rest of the line");
    upto(&mut p, "42\r\n");
    // Ctrl+D only once the editor reads the next line: sent earlier, the
    // terminal's cooked mode would take it as an end of file for nobody.
    upto(&mut p, "iex(3)> ");
    quit(p);
}

#[test]
fn ctrl_c_interrupts_sleep_and_busy_loop() {
    let dir = data_dir("ctrlc");
    let mut p = start(&dir);
    type_line(&mut p, "x = 7");
    upto(&mut p, "iex(2)> ");
    type_line(&mut p, ":timer.sleep(:infinity)");
    std::thread::sleep(Duration::from_millis(300));
    p.send("\x03").expect("ctrl-c");
    upto(&mut p, "** (EXIT) interrupted");
    upto(&mut p, "iex(2)> ");
    type_line(&mut p, "loop = fn f -> f.(f) end");
    upto(&mut p, "iex(3)> ");
    type_line(&mut p, "loop.(loop)");
    std::thread::sleep(Duration::from_millis(300));
    p.send("\x03").expect("ctrl-c");
    upto(&mut p, "** (EXIT) interrupted");
    type_line(&mut p, "x + 1");
    upto(&mut p, "8\r\n");
    upto(&mut p, "iex(4)> ");
    // Ctrl+C at the prompt clears the line.
    p.send("junk junk").expect("junk");
    upto(&mut p, "junk junk");
    p.send("\x03").expect("ctrl-c");
    upto(&mut p, "iex(4)> ");
    type_line(&mut p, "x * 2");
    upto(&mut p, "14\r\n");
    quit(p);
}

#[test]
fn busy_process_does_not_block_the_prompt() {
    let dir = data_dir("busy");
    let mut p = start(&dir);
    type_line(
        &mut p,
        "spawn fn -> loop = fn f -> f.(f) end; loop.(loop) end",
    );
    upto(&mut p, "iex(2)> ");
    type_line(
        &mut p,
        "spawn fn -> loop = fn f -> f.(f) end; loop.(loop) end",
    );
    upto(&mut p, "iex(3)> ");
    type_line(&mut p, "1 + 1");
    upto(&mut p, "2\r\n");
    quit(p);
}

#[test]
fn history_is_recalled_after_restarting() {
    let dir = data_dir("history");
    let mut p = start(&dir);
    type_line(&mut p, "40 + 2");
    upto(&mut p, "42\r\n");
    quit(p);
    let mut p = start(&dir);
    p.send("\x1b[A").expect("up arrow");
    upto(&mut p, "40 + 2");
    p.send("\r").expect("enter");
    upto(&mut p, "42\r\n");
    quit(p);
}

#[test]
fn tab_completes_module_functions() {
    let dir = data_dir("complete");
    let mut p = start(&dir);
    p.send("IO.pu\t").expect("tab");
    upto(&mut p, "IO.puts");
    p.send("(\"completed\")\r").expect("rest");
    upto(&mut p, "completed\r\n:ok");
    quit(p);
}

/// Completion as IEx 1.14 does it (checked in a pty against `iex`): one
/// Tab after `Enum.` lists the functions with arities; a prefix shared by
/// all candidates is inserted first and the second Tab lists; a module
/// typed in full gets its dot on the next Tab.
#[test]
fn tab_completion_as_iex() {
    let dir = data_dir("complete-iex");
    let mut p = start(&dir);
    // Tall enough that the list of Enum's functions needs no pager.
    p.get_process_mut()
        .set_window_size(100, 200)
        .expect("window size");
    p.send("Enum.\t").expect("tab");
    let seen = upto(&mut p, "zip_with/3");
    assert!(seen.contains("map/2"), "{seen}");
    assert!(seen.contains("flat_map_reduce/3"), "{seen}");
    upto(&mut p, "iex(1)> Enum.");
    p.send("\x15Enum.flat\t").expect("tab");
    upto(&mut p, "Enum.flat_map");
    p.send("\t").expect("second tab");
    let seen = screen(&upto(&mut p, "flat_map_reduce/3"));
    assert!(seen.contains("flat_map/2"), "{seen}");
    p.send("\x15:tim\t").expect("tab");
    upto(&mut p, ":timer");
    p.send("\t").expect("second tab");
    upto(&mut p, ":timer.");
    p.send("sleep(1)\r").expect("rest");
    upto(&mut p, ":ok\r\n");
    upto(&mut p, "iex(2)> ");
    quit(p);
}

/// A mistake inside an unfinished multi-line input: one error, shown when
/// the input is complete, and the counter stays.
#[test]
fn syntax_error_mid_input_is_reported_once() {
    let dir = data_dir("syntax");
    let mut p = start(&dir);
    for line in ["x = fn a ->", "  a +* 2", "end"] {
        type_line(&mut p, line);
    }
    let seen = upto(&mut p, "iex(1)> ");
    assert_eq!(seen.matches("SyntaxError").count(), 1, "{seen}");
    assert!(seen.contains("syntax error before: '*'"), "{seen}");
    type_line(&mut p, "1");
    let seen = upto(&mut p, "iex(2)> ");
    assert!(!seen.contains("Error"), "{seen}");
    quit(p);
}
