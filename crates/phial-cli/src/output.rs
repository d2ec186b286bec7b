//! The script runner's output sink: the real stdout and stderr.
//!
//! Stdout goes through Rust's line-buffered `Stdout`, so a script that prints
//! and then waits shows its line at once; stdout is flushed before anything
//! goes to stderr, so the two streams interleave in program order on a
//! terminal. Standard input is read here for `IO.gets`/`IO.read` (on the
//! evaluator's reader thread, never a scheduler's). Not here: the REPL's
//! sink, which prints above the prompt.

use std::io::{BufRead, ErrorKind, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Stdout and stderr. A write to a stdout whose reader has gone (`EPIPE`:
/// Rust ignores `SIGPIPE`, so the write fails instead of killing us) marks
/// it closed for good, and `IO` then raises in the writer as Elixir does.
#[derive(Default)]
pub struct StdStreams {
    closed: AtomicBool,
}

impl phial_eval::Output for StdStreams {
    fn stdout(&self, text: &str) {
        if let Err(e) = std::io::stdout().lock().write_all(text.as_bytes()) {
            if e.kind() == ErrorKind::BrokenPipe {
                self.closed.store(true, Ordering::Release);
            }
        }
    }
    fn stdout_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }
    fn stderr(&self, text: &str) {
        let _ = std::io::stdout().lock().flush();
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
    fn flush(&self) {
        let _ = std::io::stdout().lock().flush();
    }
    fn halt(&self, code: i32) {
        self.flush();
        std::process::exit(code)
    }
    fn read_stdin(&self, what: phial_eval::vm::StdinRead) -> std::io::Result<Option<String>> {
        // A prompt written just before is shown before the wait.
        self.flush();
        read_from(&mut std::io::stdin().lock(), what)
    }
}

/// One read of `what` from `input`: `None` at its end. Bytes that are not
/// UTF-8 are replaced (phial's strings are text).
pub fn read_from(
    input: &mut impl BufRead,
    what: phial_eval::vm::StdinRead,
) -> std::io::Result<Option<String>> {
    use phial_eval::vm::StdinRead;
    let mut buf = Vec::new();
    match what {
        StdinRead::Line => {
            input.read_until(b'\n', &mut buf)?;
        }
        StdinRead::All => {
            input.read_to_end(&mut buf)?;
        }
        StdinRead::Chars(n) => {
            // Whole characters: a UTF-8 sequence's continuation bytes are
            // read with its first byte.
            let mut chars = 0;
            let mut byte = [0u8; 1];
            while chars < n {
                if input.read(&mut byte)? == 0 {
                    break;
                }
                buf.push(byte[0]);
                if byte[0] & 0xC0 != 0x80 {
                    chars += 1;
                }
                let need = match byte[0] {
                    0xF0..=0xF7 => 3,
                    0xE0..=0xEF => 2,
                    0xC0..=0xDF => 1,
                    _ => 0,
                };
                for _ in 0..need {
                    if input.read(&mut byte)? == 0 {
                        break;
                    }
                    buf.push(byte[0]);
                }
            }
        }
    }
    if buf.is_empty() && !matches!(what, StdinRead::Chars(0)) {
        return Ok(None);
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}
