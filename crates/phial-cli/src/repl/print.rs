//! Terminal output of the REPL: the `Output` sink every process writes to,
//! and the rendering of results and errors.
//!
//! While the line editor is reading, program output (an `IO.puts` from a
//! background process, a crash report) goes through rustyline's external
//! printer, which erases the prompt line, prints above it and redraws the
//! line being typed intact. While an input is being evaluated the editor is
//! not reading, so output is written straight to the terminal, keeping its
//! order with the result that follows (`Got pong back` before `:ok`).
//!
//! Not here: which text to print for a helper (`helpers`).

use phial_eval::format::InspectOpts;
use phial_eval::Value;
use rustyline::ExternalPrinter;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

type Printer = Box<dyn ExternalPrinter + Send>;

pub struct ReplOutput {
    printer: Mutex<Option<Printer>>,
    /// The editor is inside `readline`.
    reading: AtomicBool,
    /// Piped mode: program stderr goes to the real stderr.
    split_stderr: bool,
    /// While an input runs: other processes' output (Logger's crash
    /// reports, writes) and notices held back, with where each goes, so
    /// they follow the input's result (`hold`).
    held: Mutex<Option<Vec<(String, bool)>>>,
}

impl ReplOutput {
    pub fn new(split_stderr: bool) -> ReplOutput {
        ReplOutput {
            printer: Mutex::new(None),
            reading: AtomicBool::new(false),
            split_stderr,
            held: Mutex::new(None),
        }
    }

    /// From now until `release`, other processes' output (crash reports,
    /// `IO.puts` from a spawned process) waits, so that a quick input's
    /// result comes first, as in IEx (whose Logger and group leader are
    /// asynchronous): `{pid, :ping}` then `Got ping`.
    pub fn hold(&self) {
        let mut h = self.held.lock().unwrap_or_else(|e| e.into_inner());
        h.get_or_insert_with(Vec::new);
    }

    /// Prints what was held, in order, and stops holding.
    pub fn release(&self) {
        let held = self.held.lock().unwrap_or_else(|e| e.into_inner()).take();
        for (text, to_stderr) in held.unwrap_or_default() {
            self.write(&text, to_stderr);
        }
    }

    /// Text that is not the running input's own: held while holding.
    pub fn background(&self, text: &str, to_stderr: bool) {
        {
            let mut h = self.held.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(buf) = h.as_mut() {
                buf.push((text.to_string(), to_stderr));
                return;
            }
        }
        self.write(text, to_stderr);
    }

    fn lock(&self) -> MutexGuard<'_, Option<Printer>> {
        self.printer.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set_printer(&self, p: Printer) {
        *self.lock() = Some(p);
    }

    /// The editor enters (true) or leaves (false) `readline`. Taken under the
    /// printer lock so a message is never half in either mode.
    pub fn set_reading(&self, on: bool) {
        let _g = self.lock();
        self.reading.store(on, Ordering::SeqCst);
    }

    fn write(&self, text: &str, to_stderr: bool) {
        let mut g = self.lock();
        if self.reading.load(Ordering::SeqCst) {
            if let Some(p) = g.as_mut() {
                if p.print(text.to_string()).is_ok() {
                    return;
                }
            }
        }
        drop(g);
        if to_stderr {
            let _ = std::io::stdout().lock().flush();
            let mut e = std::io::stderr().lock();
            let _ = e.write_all(text.as_bytes());
            let _ = e.flush();
        } else {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(text.as_bytes());
            let _ = o.flush();
        }
    }

    /// REPL's own text (results, errors, prompts in piped mode): stdout.
    pub fn say(&self, text: &str) {
        self.write(text, false);
    }
}

impl phial_eval::Output for ReplOutput {
    fn stdout(&self, text: &str) {
        if phial_eval::process::in_shell() {
            self.write(text, false);
        } else {
            self.background(text, false);
        }
    }
    fn stderr(&self, text: &str) {
        if phial_eval::process::in_shell() {
            self.write(text, self.split_stderr);
        } else {
            self.background(text, self.split_stderr);
        }
    }
    fn flush(&self) {
        let _ = std::io::stdout().lock().flush();
    }
    fn halt(&self, code: i32) {
        self.flush();
        std::process::exit(code)
    }
}

/// A result as IEx prints it: pretty at width 80, syntax-coloured on a tty.
pub fn render_value(v: &Value, color: bool) -> String {
    let text = phial_eval::pretty::pretty(v, &InspectOpts::default(), 80);
    if color {
        colorize(&text)
    } else {
        text
    }
}

/// An error block: red on a tty, as IEx shows it.
pub fn render_error(text: &str, color: bool) -> String {
    if color {
        format!("\x1b[31m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

const NUMBER: &str = "\x1b[33m";
const ATOM: &str = "\x1b[36m";
const STRING: &str = "\x1b[32m";
const LITERAL: &str = "\x1b[35m";
const RESET: &str = "\x1b[0m";

/// IEx's default syntax colours over inspect output: numbers yellow, atoms
/// cyan, strings green, `nil`/booleans magenta. A light lexer: inspect output
/// is regular enough (strings are quoted with escapes, atoms start with `:`
/// or end in `:` as keyword keys).
pub fn colorize(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    let word =
        |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'?' || c == b'!' || c == b'@';
    while i < b.len() {
        let c = b[i];
        let prev_word = i > 0 && (word(b[i - 1]) || b[i - 1] == b'.');
        if c == b'#' && i + 1 < b.len() && b[i + 1].is_ascii_uppercase() {
            // `#PID<0.81.0>`, `#Reference<...>`, `#Function<...>`: plain.
            let end = text[i..].find('>').map_or(b.len(), |e| i + e + 1);
            out.push_str(&text[i..end]);
            i = end;
        } else if c == b'"' || c == b'\'' {
            let start = i;
            i += 1;
            while i < b.len() && b[i] != c {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(b.len());
            out.push_str(STRING);
            out.push_str(&text[start..i]);
            out.push_str(RESET);
        } else if c == b':' && !prev_word && i + 1 < b.len() && (word(b[i + 1]) || b[i + 1] == b'"')
        {
            let start = i;
            i += 1;
            if b[i] == b'"' {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i = (i + 1).min(b.len());
            } else {
                while i < b.len() && (word(b[i]) || b[i] == b'.') {
                    i += 1;
                }
            }
            out.push_str(ATOM);
            out.push_str(&text[start..i]);
            out.push_str(RESET);
        } else if (c.is_ascii_digit()
            || (c == b'-' && i + 1 < b.len() && b[i + 1].is_ascii_digit()))
            && !prev_word
        {
            let start = i;
            i += 1;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'.' || b[i] == b'_') {
                // `1..3` is a range, not a float.
                if b[i] == b'.' && i + 1 < b.len() && b[i + 1] == b'.' {
                    break;
                }
                i += 1;
            }
            out.push_str(NUMBER);
            out.push_str(&text[start..i]);
            out.push_str(RESET);
        } else if word(c) && !prev_word {
            let start = i;
            while i < b.len() && word(b[i]) {
                i += 1;
            }
            let w = &text[start..i];
            if i < b.len() && b[i] == b':' && i + 1 < b.len() && b[i + 1] == b' ' {
                // keyword key `a: 1`
                i += 1;
                out.push_str(ATOM);
                out.push_str(&text[start..i]);
                out.push_str(RESET);
            } else if matches!(w, "nil" | "true" | "false") {
                out.push_str(LITERAL);
                out.push_str(w);
                out.push_str(RESET);
            } else {
                out.push_str(w);
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_atoms_numbers_strings() {
        assert_eq!(colorize(":ok"), "\x1b[36m:ok\x1b[0m");
        assert_eq!(colorize("[1, 2]"), "[\x1b[33m1\x1b[0m, \x1b[33m2\x1b[0m]");
        assert_eq!(colorize("\"a:1\""), "\x1b[32m\"a:1\"\x1b[0m");
        assert_eq!(colorize("nil"), "\x1b[35mnil\x1b[0m");
        assert_eq!(colorize("[a: 1]"), "[\x1b[36ma:\x1b[0m \x1b[33m1\x1b[0m]");
        assert_eq!(
            colorize("{#PID<0.81.0>, 1}"),
            "{#PID<0.81.0>, \x1b[33m1\x1b[0m}"
        );
    }
}
