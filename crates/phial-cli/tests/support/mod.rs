//! What several of phial-cli's test binaries share: the piped shell and
//! the normalisation of Logger's timestamps. Each test file that needs it
//! says `mod support;` (cargo builds every file under `tests/` as its own
//! crate, so this directory holds no test of its own).
//!
//! Not here: a file's own fixtures and assertions.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// `phial` with `input` on its stdin (the REPL, piped), run in `dir`:
/// its stdout, stderr and exit code.
pub fn piped_shell(dir: &Path, input: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_phial"))
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("phial starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("phial ends");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Logger's timestamps (`HH:MM:SS.mmm`, as in `\n12:34:56.789 [error] ...`)
/// differ from run to run: each becomes `HH:MM:SS.mmm`, on both sides, so a
/// case's crash reports and log lines compare by their text.
pub fn normalise_times(s: &str) -> String {
    const SHAPE: &[u8] = b"dd:dd:dd.ddd";
    let b = s.as_bytes();
    let fits = |i: usize| {
        i + SHAPE.len() <= b.len()
            && SHAPE.iter().zip(&b[i..]).all(|(want, got)| {
                if *want == b'd' {
                    got.is_ascii_digit()
                } else {
                    got == want
                }
            })
    };
    let mut out = String::with_capacity(s.len());
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if fits(i) {
            out.push_str(&s[start..i]);
            out.push_str("HH:MM:SS.mmm");
            i += SHAPE.len();
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[start..]);
    out
}
