//! The script runner's output sink: the real stdout and stderr.
//!
//! Stdout goes through Rust's line-buffered `Stdout`, so a script that prints
//! and then waits shows its line at once; stdout is flushed before anything
//! goes to stderr, so the two streams interleave in program order on a
//! terminal. Not here: the REPL's sink, which prints above the prompt.

use std::io::Write;

pub struct StdStreams;

impl phial_eval::Output for StdStreams {
    fn stdout(&self, text: &str) {
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
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
