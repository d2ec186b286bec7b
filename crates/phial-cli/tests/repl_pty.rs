//! The REPL driven through a real pseudo-terminal, as a user would: the
//! seed's examples typed line by line and pasted as transcripts, the shell
//! restarting after a linked crash, background output while typing, Ctrl+C,
//! history across runs and Tab completion.
//!
//! Timeouts are generous (the machine is small and busy); what is asserted
//! is what appears on the terminal, never how fast.

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
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_phial"));
    cmd.env("XDG_DATA_HOME", data)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("PHIAL_THREADS");
    let mut p = Session::spawn(cmd).expect("spawn phial in a pty");
    p.set_expect_timeout(Some(Duration::from_secs(60)));
    p.expect("Interactive phial (").expect("banner");
    p.expect("iex(1)> ").expect("first prompt");
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

/// Pastes `text` as a terminal does with bracketed paste on, waits for the
/// editor to show all of it, then presses Enter.
fn paste(p: &mut Session, text: &str) {
    p.send(format!("{PASTE_START}{text}{PASTE_END}"))
        .expect("paste");
    let last = text
        .trim_end()
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    upto(p, &last);
    p.send("\r").expect("enter");
}

/// Types a marker expression and returns everything shown before its
/// result (the echo of the typed line ends in an escape sequence, the
/// result line starts a line).
fn settle(p: &mut Session, tag: &str) -> String {
    type_line(p, &format!(":{tag}"));
    upto(p, &format!("\n:{tag}\r\n"))
}

fn quit(mut p: Session) {
    p.send("\x04").expect("ctrl-d");
    p.expect(Eof).expect("phial exits on Ctrl+D");
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
    let seen = upto(&mut p, "iex(3)> ") + &settle(&mut p, "after_ping");
    assert!(seen.contains("Got ping"), "{seen}");
    assert!(seen.contains(", :ping}"), "{seen}");
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

#[test]
fn seed_transcripts_pasted_verbatim() {
    let dir = data_dir("paste");
    let mut p = start(&dir);
    paste(&mut p, SEED_PING);
    let seen = settle(&mut p, "ping_done");
    no_errors(&seen);
    assert!(seen.contains("Got ping"), "{seen}");
    assert!(seen.contains("Got pong back\r\n:ok"), "{seen}");

    paste(&mut p, SEED_AFTER);
    let seen = settle(&mut p, "after_done");
    no_errors(&seen);
    assert!(seen.contains("Timeout, giving up\r\n:ok"), "{seen}");

    paste(&mut p, SEED_LINK);
    let seen = settle(&mut p, "link_done");
    no_errors(&seen);
    assert_eq!(
        seen.matches("shell process exited with reason").count(),
        1,
        "one linked crash:\n{seen}"
    );
    // The second half ran in the new shell: its plain spawn crashed alone.
    assert!(seen.contains("raised an exception"), "{seen}");
    // Typing afterwards works as usual.
    type_line(&mut p, "1 + 1");
    upto(&mut p, "2\r\n");
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
