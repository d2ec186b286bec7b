//! The terminal front end: rustyline reads one line at a time with IEx's
//! prompts (`iex(N)> `, `...(N)> ` while the parser says the expression is
//! incomplete), keeps a persistent history, completes with Tab and prints
//! background output above the prompt.
//!
//! Keys: Ctrl+C at the prompt clears the line (and an unfinished
//! expression), twice in a row quits; Ctrl+C while an input runs interrupts
//! it (the terminal is in cooked mode then, so it arrives as SIGINT, which
//! only sets a flag that the waiting loop polls); Ctrl+D on an empty line
//! quits, on an unfinished expression drops it. While an input runs the
//! terminal does not echo (`QuietTyping`), so typeahead waits for the prompt.
//!
//! Paste: a bracketed paste (the terminal wraps pasted text in ESC[200~ …
//! ESC[201~) is caught key by key by `Keys` (never drawn by the editor),
//! ends the read, and runs line by line as a transcript, each code line
//! drawn after its prompt. Without bracketed paste, lines arrive as if
//! typed; then a line read within `TYPED_AFTER` of its prompt counts as part
//! of the same paste, and a slower one as typed, which ends transcript mode.
//!
//! Not here: evaluation (`Session`), completion rules (`complete`).

use super::complete::Completer;
use super::paste::Line;
use super::print::ReplOutput;
use super::{start_up, Fed, Options, Session};
use rustyline::completion::Pair;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{
    Cmd, CompletionType, ConditionalEventHandler, Config, Context, Editor, Event, EventContext,
    EventHandler, Helper, Highlighter, Hinter, KeyCode, KeyEvent, Modifiers, RepeatCount,
    Validator,
};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A line that took longer than this after its prompt was typed by a person.
const TYPED_AFTER: Duration = Duration::from_millis(150);

#[derive(Helper, Hinter, Highlighter, Validator)]
struct ReplHelper {
    completer: Arc<Completer>,
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

/// What the key handler caught of a bracketed paste.
#[derive(Default)]
struct PasteState {
    /// Between ESC[200~ and ESC[201~.
    active: bool,
    /// The pasted text so far.
    text: String,
    /// The line and cursor when the paste began.
    before: (String, usize),
    /// A paste ended the last read.
    done: bool,
}

type SharedPaste = Arc<Mutex<PasteState>>;

/// Sees every key first (rustyline's `Event::Any`): takes a bracketed
/// paste's keys into `PasteState` instead of the line (so a transcript's
/// old output is never drawn) and ends the read when the paste ends; gives
/// Tab IEx's completion (extend what is typed when that adds something,
/// otherwise list at once).
struct Keys {
    paste: SharedPaste,
    completer: Arc<Completer>,
}

impl ConditionalEventHandler for Keys {
    fn handle(&self, evt: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let key = match evt {
            Event::KeySeq(keys) if keys.len() == 1 => keys[0],
            _ => return None,
        };
        let mut p = self.paste.lock().unwrap_or_else(|e| e.into_inner());
        if key == KeyEvent(KeyCode::BracketedPasteStart, Modifiers::NONE) {
            p.active = true;
            p.text.clear();
            p.before = (ctx.line().to_string(), ctx.pos());
            return Some(Cmd::Noop);
        }
        if p.active {
            match key {
                KeyEvent(KeyCode::BracketedPasteEnd, _) => {
                    p.active = false;
                    p.done = true;
                    return Some(Cmd::AcceptLine);
                }
                KeyEvent(KeyCode::Enter, _) => p.text.push('\n'),
                KeyEvent(KeyCode::Char('J' | 'M'), m) if m.contains(Modifiers::CTRL) => {
                    p.text.push('\n')
                }
                KeyEvent(KeyCode::Tab, _) => p.text.push('\t'),
                KeyEvent(KeyCode::Char(c), m) if !m.contains(Modifiers::CTRL) => p.text.push(c),
                _ => {}
            }
            return Some(Cmd::Noop);
        }
        drop(p);
        if key == KeyEvent(KeyCode::Tab, Modifiers::NONE) {
            return self.tab(ctx.line(), ctx.pos());
        }
        None
    }
}

impl Keys {
    /// IEx's rule: one candidate (or several sharing a longer prefix):
    /// insert what it adds (a module already typed in full gets its `.`);
    /// otherwise fall through to rustyline, which lists the candidates.
    fn tab(&self, line: &str, pos: usize) -> Option<Cmd> {
        let (start, cands) = self.completer.complete(line, pos);
        let typed = line.get(start..pos)?;
        let first = cands.first()?;
        let mut prefix = first.replacement.as_str();
        for c in &cands[1..] {
            let common = prefix
                .char_indices()
                .zip(c.replacement.chars())
                .find(|((_, a), b)| a != b)
                .map_or(prefix.len().min(c.replacement.len()), |((i, _), _)| i);
            prefix = &prefix[..common];
        }
        if prefix.len() > typed.len() && prefix.starts_with(typed) {
            return Some(Cmd::Insert(1, prefix[typed.len()..].to_string()));
        }
        if cands.len() == 1 && first.module && first.replacement == typed {
            return Some(Cmd::Insert(1, ".".into()));
        }
        // A function typed in full with one arity: IEx lists it
        // (`map_every/3`), where rustyline lists nothing for one candidate.
        if cands.len() == 1 && !first.module && first.replacement == typed {
            use std::io::Write;
            let mut o = std::io::stdout().lock();
            let _ = write!(o, "\r\n{}\r\n", first.display);
            let _ = o.flush();
            return Some(Cmd::Repaint);
        }
        None
    }
}

/// The terminal's settings while an input runs: no echo, so what is typed
/// ahead is not drawn into the output (`1 + 1:ok`) but shown, as IEx
/// shows it, at the next prompt; line mode and Ctrl+C stay as they are.
struct QuietTyping(Option<libc::termios>);

impl QuietTyping {
    fn new() -> QuietTyping {
        // SAFETY: tcgetattr/tcsetattr on stdin with a zeroed termios that
        // tcgetattr fills; failures leave the terminal as it was.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &mut t) != 0 {
                return QuietTyping(None);
            }
            let saved = t;
            t.c_lflag &= !(libc::ECHO | libc::ECHONL);
            if libc::tcsetattr(0, libc::TCSANOW, &t) != 0 {
                return QuietTyping(None);
            }
            QuietTyping(Some(saved))
        }
    }
}

impl Drop for QuietTyping {
    fn drop(&mut self) {
        if let Some(t) = &self.0 {
            // SAFETY: restores the settings tcgetattr returned.
            unsafe {
                libc::tcsetattr(0, libc::TCSANOW, t);
            }
        }
    }
}

pub fn run_tty(opts: &Options) -> i32 {
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
        .completion_show_all_if_ambiguous(true)
        // IEx lists every candidate without asking first.
        .completion_prompt_limit(10_000)
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
    let completer = Arc::new(Completer {
        vm: session.vm().clone(),
        names: session.names(),
    });
    let pasted: SharedPaste = Arc::default();
    ed.set_helper(Some(ReplHelper {
        completer: completer.clone(),
    }));
    ed.bind_sequence(
        Event::Any,
        EventHandler::Conditional(Box::new(Keys {
            paste: pasted.clone(),
            completer,
        })),
    );
    let hist = history_path();
    if let Some(p) = &hist {
        let _ = std::fs::create_dir_all(p.parent().unwrap_or(p));
        let _ = ed.load_history(p);
    }
    install_sigint();
    if let Err(code) = start_up(&mut session, opts) {
        return code;
    }
    if let Ok(p) = ed.create_external_printer() {
        out.set_printer(Box::new(p));
    }
    // Ctrl+C presses at the prompt since the last other key.
    let mut interrupts = 0;
    // What a paste left after its last newline, to edit before Enter.
    let mut initial = String::new();
    loop {
        let prompt = session.prompt();
        out.set_reading(true);
        let started = Instant::now();
        let read = ed.readline_with_initial(&prompt, (&initial, ""));
        out.set_reading(false);
        initial.clear();
        let paste = {
            let mut p = pasted.lock().unwrap_or_else(|e| e.into_inner());
            std::mem::take(&mut p.done).then(|| {
                let (line, pos) = std::mem::take(&mut p.before);
                let pos = if line.is_char_boundary(pos) {
                    pos
                } else {
                    line.len()
                };
                format!("{}{}{}", &line[..pos], p.text, &line[pos..])
            })
        };
        match read {
            Ok(_) if paste.is_some() => {
                interrupts = 0;
                SIGINT.store(false, Ordering::SeqCst);
                let text = paste.unwrap_or_default();
                // The read's own line (its prompt and what was typed before
                // the paste) is drawn again below with the paste's lines.
                out.say("\x1b[1A\r\x1b[2K");
                let _quiet = QuietTyping::new();
                initial = run_paste(&mut session, &mut ed, &out, &text);
                if let Some(p) = &hist {
                    let _ = ed.append_history(p);
                }
            }
            Ok(text) => {
                interrupts = 0;
                // Ctrl+C pressed while reading belongs to nobody.
                SIGINT.store(false, Ordering::SeqCst);
                if started.elapsed() > TYPED_AFTER {
                    session.paste.reset();
                }
                let _quiet = QuietTyping::new();
                run_typed(&mut session, &mut ed, &text);
                if let Some(p) = &hist {
                    let _ = ed.append_history(p);
                }
            }
            Err(ReadlineError::Interrupted) => {
                // Once clears the line; twice in a row quits.
                interrupts += 1;
                if interrupts >= 2 {
                    break;
                }
                session.clear_pending();
                session.paste.reset();
            }
            Err(ReadlineError::Eof) => {
                interrupts = 0;
                if !session.has_pending() {
                    break;
                }
                session.discard_pending();
                session.paste.reset();
            }
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

/// One line read as typed (or as a paste without bracketed paste, line by
/// line): the transcript filter decides whether it is code; only code goes
/// into the history.
fn run_typed(session: &mut Session, ed: &mut Editor<ReplHelper, FileHistory>, raw: &str) {
    let text = match session.paste.filter(raw) {
        Line::Skip => return,
        Line::EmptyPrompt => "",
        Line::Code(t) => t,
    };
    if !text.trim().is_empty() {
        let _ = ed.add_history_entry(text);
    }
    if session.feed_code(text) == Fed::Interrupted {
        session.clear_pending();
    }
}

/// A bracketed paste: each complete line runs as if typed, drawn after its
/// prompt, and a transcript's prompts and old output lines are dropped
/// (neither drawn nor kept in the history). Returns the text after the
/// last newline, left on the line to edit.
fn run_paste(
    session: &mut Session,
    ed: &mut Editor<ReplHelper, FileHistory>,
    out: &ReplOutput,
    text: &str,
) -> String {
    let (lines, rest) = match text.rfind('\n') {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => ("", text),
    };
    if text.contains('\n') {
        for line in lines.split('\n') {
            let code = match session.paste.filter(line) {
                Line::Skip | Line::EmptyPrompt => continue,
                Line::Code(t) => t,
            };
            out.say(&format!("{}{code}\n", session.prompt()));
            if !code.trim().is_empty() {
                let _ = ed.add_history_entry(code);
            }
            match session.feed_code(code) {
                Fed::Interrupted => {
                    // Ctrl+C during a paste drops the rest of it.
                    session.clear_pending();
                    break;
                }
                // Let a crash land where it did in the transcript.
                Fed::Ran | Fed::Raised => session.settle(),
                _ => {}
            }
        }
    }
    // A transcript line left to edit loses its prompt too.
    let rest = match session.paste.filter(rest) {
        Line::Code(t) => t.to_string(),
        _ => String::new(),
    };
    session.paste.reset();
    rest
}
