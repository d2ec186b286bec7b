//! SIGTERM and SIGINT sent to a running script. The expectations are what
//! `elixir -e` 1.14 did under the same signals (checked by hand): SIGTERM
//! logs `[notice] SIGTERM received - shutting down` on stderr and exits 0
//! after what was printed; SIGINT prints the BREAK menu on stdout and
//! reads a choice, `c` continuing and end of input aborting with 0.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};

fn start(expr: &str) -> (Child, BufReader<std::process::ChildStdout>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_phial"))
        .args(["-e", expr])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("phial starts");
    let out = BufReader::new(child.stdout.take().expect("stdout"));
    (child, out)
}

fn signal(child: &Child, name: &str) {
    let ok = Command::new("kill")
        .args([format!("-{name}"), child.id().to_string()])
        .status()
        .expect("kill runs")
        .success();
    assert!(ok, "kill -{name}");
}

#[test]
fn sigterm_flushes_logs_and_exits_zero() {
    let (mut child, mut out) = start("IO.puts(\"up\"); IO.write(\"tail\"); Process.sleep(20_000)");
    let mut line = String::new();
    out.read_line(&mut line).expect("first line");
    assert_eq!(line, "up\n");
    signal(&child, "TERM");
    let status = child.wait().expect("exits");
    let mut rest = String::new();
    out.read_to_string(&mut rest).expect("rest of stdout");
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(rest, "tail", "unflushed output survives");
    assert!(
        err.contains("[notice] SIGTERM received - shutting down"),
        "{err}"
    );
}

#[test]
fn sigint_break_menu_continue_then_abort() {
    let (mut child, mut out) = start(
        "IO.puts(\"up\"); receive do :never -> :ok after 1_500 -> IO.puts(\"continued\") end; Process.sleep(20_000)",
    );
    let mut line = String::new();
    out.read_line(&mut line).expect("first line");
    signal(&child, "INT");
    let mut menu = String::new();
    out.read_line(&mut menu).unwrap();
    out.read_line(&mut menu).unwrap();
    assert!(
        menu.starts_with("\r\nBREAK: (a)bort (A)bort with dump (c)ontinue"),
        "{menu:?}"
    );
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(b"c\n").unwrap();
    stdin.flush().unwrap();
    // The rest of the menu, then the script goes on.
    let mut next = String::new();
    loop {
        next.clear();
        out.read_line(&mut next).unwrap();
        if next == "continued\n" || next.is_empty() {
            break;
        }
    }
    assert_eq!(next, "continued\n");
    signal(&child, "INT");
    drop(stdin); // end of input: abort
    let status = child.wait().expect("exits");
    assert_eq!(status.code(), Some(0));
}
