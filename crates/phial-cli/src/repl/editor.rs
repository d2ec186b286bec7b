//! The terminal front end: rustyline reads one line at a time with IEx's
//! prompts (`iex(N)> `, `...(N)> ` while the parser says the expression is
//! incomplete), keeps a persistent history, completes with Tab and prints
//! background output above the prompt.
//!
//! Keys: Ctrl+C at the prompt clears the line (and an unfinished
//! expression); Ctrl+C while an input runs interrupts it (the terminal is in
//! cooked mode then, so it arrives as SIGINT, which only sets a flag that the
//! waiting loop polls); Ctrl+D on an empty line exits.
//!
//! Paste: a bracketed paste (the terminal wraps pasted text in ESC[200~ …
//! ESC[201~) arrives as one multi-line buffer and is run line by line as a
//! transcript. Without bracketed paste, lines arrive as if typed; then a
//! line read within `TYPED_AFTER` of its prompt counts as part of the same
//! paste, and a slower one as typed, which ends transcript mode.
//!
//! Not here: evaluation (`Session`), completion rules (`complete`).

use super::complete::Completer;
use super::print::ReplOutput;
use super::{banner, Fed, Session};
use rustyline::completion::Pair;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{CompletionType, Config, Context, Editor, Helper, Highlighter, Hinter, Validator};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A line that took longer than this after its prompt was typed by a person.
const TYPED_AFTER: Duration = Duration::from_millis(150);

#[derive(Helper, Hinter, Highlighter, Validator)]
struct ReplHelper {
    completer: Completer,
}

impl rustyline::completion::Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, cands) = self.completer.complete(line, pos);
        Ok((
            start,
            cands
                .into_iter()
                .map(|c| Pair {
                    display: c.display,
                    replacement: c.replacement,
                })
                .collect(),
        ))
    }
}

/// `$XDG_DATA_HOME/phial/history`, else `~/.local/share/phial/history`.
fn history_path() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_DATA_HOME").filter(|s| !s.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".local/share"),
    };
    Some(base.join("phial").join("history"))
}

/// The flag the SIGINT handler sets.
static SIGINT: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_: libc::c_int) {
    SIGINT.store(true, Ordering::SeqCst);
}

fn install_sigint() {
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
        sa.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
}

pub fn run_tty() -> i32 {
    let color = std::env::var_os("NO_COLOR").is_none();
    let out = Arc::new(ReplOutput::new(false));
    let mut session = match Session::new(out.clone(), color, &SIGINT) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let config = Config::builder()
        .auto_add_history(false)
        .bracketed_paste(true)
        .completion_type(CompletionType::List)
        .max_history_size(10_000)
        .and_then(|b| Ok(b.history_ignore_dups(true)?.build()));
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            eprintln!("phial: {e}");
            return 1;
        }
    };
    let mut ed: Editor<ReplHelper, FileHistory> = match Editor::with_config(config) {
        Ok(ed) => ed,
        Err(e) => {
            eprintln!("phial: cannot start the line editor: {e}");
            return 1;
        }
    };
    ed.set_helper(Some(ReplHelper {
        completer: Completer {
            vm: session.vm().clone(),
            names: session.names(),
        },
    }));
    let hist = history_path();
    if let Some(p) = &hist {
        let _ = std::fs::create_dir_all(p.parent().unwrap_or(p));
        let _ = ed.load_history(p);
    }
    if let Ok(p) = ed.create_external_printer() {
        out.set_printer(Box::new(p));
    }
    install_sigint();
    out.say(&banner());
    loop {
        let prompt = session.prompt();
        out.set_reading(true);
        let started = Instant::now();
        let read = ed.readline(&prompt);
        out.set_reading(false);
        match read {
            Ok(text) => {
                // Ctrl+C pressed while reading belongs to nobody.
                SIGINT.store(false, Ordering::SeqCst);
                if started.elapsed() > TYPED_AFTER {
                    session.paste.reset();
                }
                let lines: Vec<&str> = text.split('\n').collect();
                let bracketed = lines.len() > 1;
                for line in &lines {
                    if !line.trim().is_empty() {
                        let _ = ed.add_history_entry(*line);
                    }
                }
                if let Some(p) = &hist {
                    let _ = ed.append_history(p);
                }
                run_lines(&mut session, &lines, bracketed);
                if bracketed {
                    session.paste.reset();
                }
            }
            Err(ReadlineError::Interrupted) => {
                session.clear_pending();
                session.paste.reset();
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("phial: {e}");
                break;
            }
        }
    }
    if let Some(p) = &hist {
        let _ = ed.append_history(p);
    }
    0
}

/// Runs the lines of one read; a bracketed paste may hold many.
fn run_lines(session: &mut Session, lines: &[&str], pasted: bool) {
    let n = lines.len();
    for (i, line) in lines.iter().enumerate() {
        // A paste's trailing newline leaves an empty last piece.
        if pasted && i + 1 == n && line.is_empty() {
            break;
        }
        match session.feed(line) {
            Fed::Interrupted => {
                // Ctrl+C during a paste drops the rest of it.
                session.clear_pending();
                break;
            }
            Fed::Ran if pasted => session.settle(),
            _ => {}
        }
    }
}
