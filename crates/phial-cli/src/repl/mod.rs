//! The interactive shell (`phial` with no arguments): IEx's prompt, counter,
//! helpers and error formats over a supervised shell process.
//!
//! `Session` is the part both front ends share: it takes input lines (after
//! the transcript filter), gathers them until the parser says the expression
//! is complete, compiles it with the current bindings, runs it in the shell
//! process and prints the outcome. `editor` drives it from rustyline on a
//! terminal; `run_piped` from plain stdin (`phial < session.txt`).
//!
//! Files: `editor` (line editor, keys, history, paste detection), `paste`
//! (transcript filter), `shell` (shell process and supervisor), `helpers`
//! (IEx helpers), `complete` (tab completion), `print` (output sink, result
//! and error rendering).

mod complete;
mod editor;
mod helpers;
mod paste;
mod print;
mod shell;

use helpers::HIDDEN;
use paste::{Line, PasteFilter};
use phial_eval::atom::Atom;
use phial_eval::compile::Compiler;
use phial_eval::error::format_banner;
use phial_eval::vm::render_compile_error;
use phial_eval::{Value, Vm};
use phial_syntax::{parse, ParseOutcome};
use print::ReplOutput;
use shell::{Outcome, Shell};
use std::io::{BufRead, IsTerminal};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub fn banner() -> String {
    format!(
        "Interactive phial ({}) - press Ctrl+C to exit (type h() ENTER for help)\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// `phial` with no arguments.
pub fn run() -> i32 {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        editor::run_tty()
    } else {
        run_piped()
    }
}

/// How long to let a pasted input's effects settle before the next one.
const SETTLE: Duration = Duration::from_millis(150);

/// Names of the current bindings, shared with the completer.
pub type Names = Arc<Mutex<Vec<String>>>;

/// What one input line led to.
#[derive(PartialEq, Eq)]
pub enum Fed {
    /// Nothing ran (more lines needed, an error before running).
    Nothing,
    /// A transcript's output line, skipped: no new prompt is due.
    Skipped,
    /// An expression ran to an outcome.
    Ran,
    /// An expression was interrupted with Ctrl+C.
    Interrupted,
}

pub struct Session {
    vm: Arc<Vm>,
    out: Arc<ReplOutput>,
    shell: Arc<Shell>,
    color: bool,
    /// The `N` of `iex(N)>`: advances on each successful evaluation.
    counter: u64,
    /// Bindings, sorted by name.
    bindings: Vec<(String, Value)>,
    names: Names,
    /// Results by counter, for `v/1`.
    results: Vec<(u64, Value)>,
    /// Lines of an unfinished expression.
    pending: String,
    pub paste: PasteFilter,
    /// Set by the SIGINT handler to interrupt an evaluation.
    interrupt: &'static AtomicBool,
}

struct Results<'a>(&'a [(u64, Value)]);

impl helpers::History for Results<'_> {
    fn nth(&self, n: i64) -> Option<Value> {
        if n < 0 {
            let back = n.unsigned_abs() as usize;
            self.0.len().checked_sub(back).map(|i| self.0[i].1.clone())
        } else {
            self.0
                .iter()
                .find(|(c, _)| *c as i64 == n)
                .map(|(_, v)| v.clone())
        }
    }
}

impl Session {
    /// A shell session, or the exit code of a VM that would not start (a
    /// defect in phial's own library, reported on stderr).
    pub fn new(
        out: Arc<ReplOutput>,
        color: bool,
        interrupt: &'static AtomicBool,
    ) -> Result<Session, i32> {
        let vm = match Vm::with_threads(out.clone(), crate::threads_from_env()) {
            Ok(vm) => vm,
            Err(e) => {
                eprint!("{e}");
                return Err(crate::script::INTERNAL_ERROR);
            }
        };
        crate::node::start(&vm)?;
        helpers::install(&vm);
        let shell = Shell::start(vm.clone(), out.clone(), color);
        Ok(Session {
            vm,
            out,
            shell,
            color,
            counter: 1,
            bindings: Vec::new(),
            names: Arc::new(Mutex::new(Vec::new())),
            results: Vec::new(),
            pending: String::new(),
            paste: PasteFilter::default(),
            interrupt,
        })
    }

    pub fn prompt(&self) -> String {
        // A distributed node shows its name, as IEx does: `iex(a@host)1>`.
        let node = if phial_eval::dist::alive() {
            phial_eval::dist::local_name().as_str().to_string()
        } else {
            String::new()
        };
        if self.pending.is_empty() {
            format!("iex({node}{})> ", self.counter)
        } else {
            format!("...({node}{})> ", self.counter)
        }
    }

    /// Ctrl+C at the prompt: forget the unfinished expression.
    pub fn clear_pending(&mut self) {
        self.pending.clear();
    }

    pub fn vm(&self) -> &Arc<Vm> {
        &self.vm
    }

    pub fn names(&self) -> Names {
        self.names.clone()
    }

    fn error(&self, text: &str) {
        self.out
            .say(&format!("{}\n", print::render_error(text, self.color)));
    }

    /// One line of input, as typed or pasted.
    pub fn feed(&mut self, raw: &str) -> Fed {
        if raw == "#iex:break" {
            if !self.pending.is_empty() {
                self.pending.clear();
                self.error(&format!(
                    "** (TokenMissingError) iex:{}: incomplete expression\n",
                    self.counter
                ));
            }
            return Fed::Nothing;
        }
        let text = match self.paste.filter(raw) {
            Line::Skip => return Fed::Skipped,
            Line::EmptyPrompt => "",
            Line::Code(t) => t,
        };
        if self.pending.is_empty() && text.trim().is_empty() {
            return Fed::Nothing;
        }
        self.pending.push_str(text);
        self.pending.push('\n');
        // Pad with the lines of earlier inputs so that error locations read
        // `iex:N` with N the prompt's counter, as in IEx.
        let pad = "\n".repeat(self.counter.saturating_sub(1) as usize);
        let source = format!("{pad}{}", self.pending);
        // Parsing and compiling recurse over the syntax: on a deep stack.
        let mut exprs = match phial_eval::vm::with_deep_stack(|| parse(&source)) {
            ParseOutcome::Incomplete(_) => return Fed::Nothing,
            ParseOutcome::Error(errors) => {
                self.pending.clear();
                if let Some(e) = errors.first() {
                    self.error(&format!("{}\n", e.render("iex", &source, self.color)));
                }
                return Fed::Nothing;
            }
            ParseOutcome::Complete(exprs) => exprs,
        };
        self.pending.clear();
        let names: Vec<String> = self.bindings.iter().map(|(n, _)| n.clone()).collect();
        let hidden = match helpers::rewrite(&mut exprs, &Results(&self.results), &names) {
            Ok(h) => h,
            Err(msg) => {
                self.error(&format!("{msg}\n"));
                return Fed::Nothing;
            }
        };
        let mut bound: Vec<String> = self.bindings.iter().map(|(n, _)| n.clone()).collect();
        let mut captures: Vec<Value> = self.bindings.iter().map(|(_, v)| v.clone()).collect();
        for (n, v) in hidden {
            bound.push(n);
            captures.push(v);
        }
        let compiled = phial_eval::vm::with_deep_stack(|| {
            Compiler::new(&*self.vm, "iex", &source).compile_program(&exprs, &bound, true)
        });
        let program = match compiled {
            Ok(p) => p,
            Err(errors) => {
                let text: Vec<String> = errors
                    .iter()
                    .take(1)
                    .map(|e| render_compile_error("iex", &source, e))
                    .collect();
                self.error(&format!("{}\n", text.join("\n")));
                return Fed::Nothing;
            }
        };
        match self.shell.eval(program.code, captures, self.interrupt) {
            Outcome::Value(v) => {
                let (result, values) = match &v {
                    Value::Tuple(t) if t.len() == 2 => (t[0].clone(), t[1].clone()),
                    _ => (v.clone(), Value::tuple(Vec::new())),
                };
                if let Value::Tuple(vals) = &values {
                    let mut b: Vec<(String, Value)> = program
                        .exported
                        .iter()
                        .cloned()
                        .zip(vals.iter().cloned())
                        .filter(|(n, _)| !n.starts_with(HIDDEN))
                        .collect();
                    b.sort_by(|x, y| x.0.cmp(&y.0));
                    self.bindings = b;
                    if let Ok(mut names) = self.names.lock() {
                        *names = self.bindings.iter().map(|(n, _)| n.clone()).collect();
                    }
                }
                self.show(result);
            }
            // As IEx: the banner, then the stacktrace, or a blank line
            // when nothing of it is left once the shell's frames are gone.
            Outcome::Raised(r, report) => {
                let banner = format!("{}{}", format_banner(&r), report.blame);
                match report.trace.trim_end_matches('\n') {
                    "" => self.error(&format!("{banner}\n")),
                    trace => self.error(&format!("{banner}\n{trace}")),
                }
            }
            Outcome::Died { from, reason } => {
                self.out
                    .say(&format!("{}\n", self.shell.exit_text(from, &reason)));
            }
            Outcome::Interrupted => {
                self.error("** (EXIT) interrupted");
                return Fed::Interrupted;
            }
        }
        Fed::Ran
    }

    /// Prints a successful result (or acts on a helper's marker) and
    /// advances the counter.
    fn show(&mut self, result: Value) {
        let marker = |v: &Value| match v {
            Value::Atom(a) => Some(a.as_str()),
            _ => None,
        };
        let mut kept = result.clone();
        match (marker(&result), &result) {
            (Some(helpers::MARK_HELP), _) => {
                self.out.say(&helpers::help_text());
                kept = Value::Atom(Atom::NIL);
            }
            (Some(helpers::MARK_QUIET), _) => {
                kept = Value::Atom(Atom::NIL);
            }
            (Some(helpers::MARK_CLEAR), _) => {
                self.out.say("\x1b[H\x1b[2J");
                kept = Value::Atom(Atom::NIL);
            }
            (Some(helpers::MARK_RESPAWN), _) => {
                self.shell.respawn();
                self.bindings.clear();
                self.results.clear();
                if let Ok(mut names) = self.names.lock() {
                    names.clear();
                }
                self.counter = 1;
                self.out.say(&format!("\n{}", banner()));
                return;
            }
            (_, Value::Tuple(t)) if t.len() == 4 && marker(&t[0]) == Some(helpers::MARK_DOC) => {
                let fun = t[2].as_atom().filter(|a| *a != Atom::NIL);
                let arity = match &t[3] {
                    Value::Int(a) => Some(*a),
                    _ => None,
                };
                if let Some(m) = t[1].as_atom() {
                    self.out.say(&helpers::doc_text(&self.vm, m, fun, arity));
                }
                kept = Value::Atom(Atom::NIL);
            }
            (_, Value::Tuple(t)) if t.len() == 2 && marker(&t[0]) == Some(helpers::MARK_INFO) => {
                self.out.say(&helpers::info_text(&self.vm, &t[1]));
                kept = Value::Atom(Atom::NIL);
            }
            _ => {
                self.out
                    .say(&format!("{}\n", print::render_value(&result, self.color)));
            }
        }
        self.results.push((self.counter, kept));
        self.counter += 1;
    }

    /// Let the effects of the last input reach the shell (pasted input).
    pub fn settle(&self) {
        self.shell.settle(SETTLE);
    }
}

/// Piped stdin: the same evaluation; prompts are printed without a newline
/// as IEx does, results and errors go to stdout, and the transcript rules
/// apply to the whole input.
fn run_piped() -> i32 {
    let out = Arc::new(ReplOutput::new(true));
    let color = false;
    static NEVER: AtomicBool = AtomicBool::new(false);
    let mut session = match Session::new(out.clone(), color, &NEVER) {
        Ok(s) => s,
        Err(code) => return code,
    };
    out.say(&banner());
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut prompt_due = true;
    loop {
        if prompt_due {
            out.say(&session.prompt());
        }
        let Some(Ok(line)) = lines.next() else { break };
        let line = line.strip_suffix('\r').unwrap_or(&line).to_string();
        let fed = session.feed(&line);
        if fed == Fed::Ran {
            session.settle();
        }
        prompt_due = fed != Fed::Skipped;
    }
    phial_eval::Output::flush(&*out);
    0
}
