//! The script runner's output sink: the real stdout and stderr.
//!
//! Stdout goes through Rust's line-buffered `Stdout`, so a script that prints
//! and then waits shows its line at once; stdout is flushed before anything
//! goes to stderr, so the two streams interleave in program order on a
//! terminal. Not here: the REPL's sink, which prints above the prompt.

use std::io::{ErrorKind, Write};
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
}
