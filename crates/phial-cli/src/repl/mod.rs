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
use phial_syntax::ast::{CallTarget, Expr, ExprKind, StrPart};
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

/// What the command line asks of the shell: `-i FILE` (run FILE, then
/// open the shell, as `iex FILE`) and `--dot-iex PATH` (instead of
/// `.iex.exs`; an empty PATH loads none).
#[derive(Default)]
pub struct Options {
    pub require: Vec<String>,
    pub dot_iex: Option<String>,
}

/// `phial` with no arguments, or with shell options.
pub fn run(opts: Options) -> i32 {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        editor::run_tty(&opts)
    } else {
        run_piped(&opts)
    }
}

/// What both front ends do before the first prompt: the `-i` files, the
/// banner, then `.iex.exs` (the working directory's, else the home
/// directory's, as IEx looks). Err: the exit code when a `-i` file failed.
pub fn start_up(session: &mut Session, opts: &Options) -> Result<(), i32> {
    for file in &opts.require {
        if !session.require(file) {
            phial_eval::Output::flush(&*session.out);
            return Err(1);
        }
    }
    session.out.say(&banner());
    let dot = match &opts.dot_iex {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(std::path::PathBuf::from(expand_path(p))),
        None => {
            let here = std::path::PathBuf::from(".iex.exs");
            let home =
                std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".iex.exs"));
            if here.is_file() {
                Some(std::path::PathBuf::from(expand_path(".iex.exs")))
            } else {
                home.filter(|h| h.is_file())
            }
        }
    };
    if let Some(path) = dot {
        session.dot_iex(&path);
    }
    Ok(())
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
    /// An expression ran to a value.
    Ran,
    /// An expression ran and raised, or the shell died under it.
    Raised,
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
    /// Printed before the next error, if one comes (`.iex.exs` failing).
    error_note: Option<String>,
    /// The top-level `import`, `alias` and `require` of earlier inputs.
    directives: Vec<Expr>,
    pub paste: PasteFilter,
    /// Set by the SIGINT handler to interrupt an evaluation.
    interrupt: &'static AtomicBool,
}

struct Results<'a>(&'a [(u64, Value)]);

impl helpers::History for Results<'_> {
    fn all(&self) -> Value {
        Value::list(
            self.0
                .iter()
                .map(|(n, v)| Value::tuple(vec![Value::Int(*n as i64), v.clone()]))
                .collect(),
        )
    }

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
            directives: Vec::new(),
            error_note: None,
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

    fn error(&mut self, text: &str) {
        if let Some(note) = self.error_note.take() {
            self.out.say(&format!("{note}\n"));
        }
        self.out
            .say(&format!("{}\n", print::render_error(text, self.color)));
    }

    /// One line of input, as typed or piped: the transcript filter, then
    /// `feed_code`.
    pub fn feed(&mut self, raw: &str) -> Fed {
        let text = match self.paste.filter(raw) {
            Line::Skip => return Fed::Skipped,
            Line::EmptyPrompt => "",
            Line::Code(t) => t,
        };
        self.feed_code(text)
    }

    /// Whether an expression is unfinished (`...(N)>`).
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Drops an unfinished expression with the message `#iex:break` gives
    /// (Ctrl+D on a `...(N)>` prompt).
    pub fn discard_pending(&mut self) {
        if !self.pending.is_empty() {
            self.pending.clear();
            self.error(&format!(
                "** (TokenMissingError) iex:{}: incomplete expression\n",
                self.counter
            ));
        }
    }

    /// One line of code (a prompt already stripped): added to the pending
    /// expression, which runs once the parser says it is complete.
    pub fn feed_code(&mut self, text: &str) -> Fed {
        if text == "#iex:break" {
            self.discard_pending();
            return Fed::Nothing;
        }
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
        let exprs = match phial_eval::vm::with_deep_stack(|| parse(&source)) {
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
        match import_target(&exprs) {
            Some(Ok((path, optional))) => self.import_file(&path, optional),
            Some(Err(msg)) => {
                self.error(&format!("{msg}\n"));
                Fed::Nothing
            }
            None => self.run(exprs, "iex", &source, true),
        }
    }

    /// `import_file("path")` as a whole input: the file's code runs as if
    /// typed, so the bindings it makes stay (IEx injects the file's quoted
    /// form in place of the call).
    fn import_file(&mut self, path: &str, optional: bool) -> Fed {
        let full = expand_path(path);
        let text = match std::fs::read(&full) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(_) if optional => {
                self.show(Value::Atom(Atom::NIL));
                return Fed::Ran;
            }
            Err(e) => {
                self.error(&format!(
                    "** (File.Error) could not read file {:?}: {}\n",
                    full,
                    posix_text(&e)
                ));
                return Fed::Nothing;
            }
        };
        self.run_file(&full, &text, true)
    }

    /// Runs a whole file's text in the shell as one input (`import_file`,
    /// `.iex.exs`); `show`: print the result and advance the counter.
    fn run_file(&mut self, file: &str, text: &str, show: bool) -> Fed {
        match phial_eval::vm::with_deep_stack(|| parse(text)) {
            ParseOutcome::Complete(exprs) => self.run(exprs, file, text, show),
            ParseOutcome::Incomplete(e) => {
                self.error(&format!("{}\n", e.render(file, text, self.color)));
                Fed::Nothing
            }
            ParseOutcome::Error(errors) => {
                if let Some(e) = errors.first() {
                    self.error(&format!("{}\n", e.render(file, text, self.color)));
                }
                Fed::Nothing
            }
        }
    }

    /// Evaluates `.iex.exs` (or `--dot-iex PATH`) at start-up as IEx does:
    /// its output shows, its result does not, the counter stays at 1, and
    /// its bindings and imports are there for the first input.
    pub fn dot_iex(&mut self, path: &std::path::Path) {
        let Ok(bytes) = std::fs::read(path) else {
            return;
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let file = path.display().to_string();
        // IEx names the file above the error, if there is one.
        self.error_note = Some(format!("Error while evaluating: {file}"));
        self.run_file(&file, &text, false);
        self.error_note = None;
    }

    /// `phial -i FILE`: the file runs as `Code.require_file/1` runs it (its
    /// modules stay, its bindings do not), before the banner, as `iex FILE`.
    /// An error in it is printed and ends the shell with exit code 1.
    pub fn require(&mut self, path: &str) -> bool {
        let escaped: String = path.chars().flat_map(char::escape_default).collect();
        let source = format!("Code.require_file(\"{escaped}\")");
        let exprs = match parse(&source) {
            ParseOutcome::Complete(e) => e,
            _ => return false,
        };
        self.run(exprs, "iex", &source, false) == Fed::Ran
    }

    /// Compiles and runs parsed input; `file` and `source` are what error
    /// locations refer to.
    fn run(&mut self, mut exprs: Vec<Expr>, file: &str, source: &str, show: bool) -> Fed {
        let names: Vec<String> = self.bindings.iter().map(|(n, _)| n.clone()).collect();
        let hidden = match helpers::rewrite(&mut exprs, &Results(&self.results), &names) {
            Ok(h) => h,
            Err(msg) => {
                self.error(&format!("{msg}\n"));
                return Fed::Nothing;
            }
        };
        // The imports, aliases and requires of earlier inputs stay in force,
        // as IEx keeps its environment: they run again ahead of this input.
        let directives: Vec<Expr> = exprs.iter().filter(|e| is_directive(e)).cloned().collect();
        let mut program_exprs = self.directives.clone();
        program_exprs.extend(exprs);
        let mut bound: Vec<String> = self.bindings.iter().map(|(n, _)| n.clone()).collect();
        let mut captures: Vec<Value> = self.bindings.iter().map(|(_, v)| v.clone()).collect();
        for (n, v) in hidden {
            bound.push(n);
            captures.push(v);
        }
        let compiled = phial_eval::vm::with_deep_stack(|| {
            Compiler::new(&*self.vm, file, source).compile_program(&program_exprs, &bound, true)
        });
        let program = match compiled {
            Ok(p) => p,
            Err(errors) => {
                let text: Vec<String> = errors
                    .iter()
                    .take(1)
                    .map(|e| render_compile_error(file, source, e))
                    .collect();
                self.error(&format!("{}\n", text.join("\n")));
                return Fed::Nothing;
            }
        };
        self.out.hold();
        let fed = self.outcome(program, captures, directives, show);
        self.out.release();
        fed
    }

    /// Runs a compiled input and prints its outcome.
    fn outcome(
        &mut self,
        program: phial_eval::compile::Program,
        captures: Vec<Value>,
        directives: Vec<Expr>,
        show: bool,
    ) -> Fed {
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
                self.directives.extend(directives);
                if show {
                    self.show(result);
                }
                Fed::Ran
            }
            // As IEx: the banner, then the stacktrace, or a blank line
            // when nothing of it is left once the shell's frames are gone.
            Outcome::Raised(r, report) => {
                let banner = format!("{}{}", format_banner(&r), report.blame);
                match report.trace.trim_end_matches('\n') {
                    "" => self.error(&format!("{banner}\n")),
                    trace => self.error(&format!("{banner}\n{trace}")),
                }
                Fed::Raised
            }
            Outcome::Died { from, reason } => {
                // The crash report comes before the shell's own EXIT line.
                self.out.release();
                self.out
                    .say(&format!("{}\n", self.shell.exit_text(from, &reason)));
                Fed::Raised
            }
            Outcome::Interrupted => {
                self.error("** (EXIT) interrupted");
                Fed::Interrupted
            }
        }
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
                self.directives.clear();
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
fn run_piped(opts: &Options) -> i32 {
    let out = Arc::new(ReplOutput::new(true));
    let color = false;
    static NEVER: AtomicBool = AtomicBool::new(false);
    let mut session = match Session::new(out.clone(), color, &NEVER) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if let Err(code) = start_up(&mut session, opts) {
        return code;
    }
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
        if fed == Fed::Ran || fed == Fed::Raised {
            session.settle();
        }
        prompt_due = fed != Fed::Skipped;
    }
    phial_eval::Output::flush(&*out);
    0
}

/// `import`, `alias` or `require` at the top of an input.
fn is_directive(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call { target: CallTarget::Local(n), block: None, .. }
        if matches!(n.as_str(), "import" | "alias" | "require"))
}

/// An input that is `import_file("path")` or `import_file_if_available`:
/// the path and whether a missing file is fine, or the error for an
/// argument that is not a literal string (IEx's macro needs one too).
fn import_target(exprs: &[Expr]) -> Option<Result<(String, bool), String>> {
    let [e] = exprs else { return None };
    let ExprKind::Call {
        target: CallTarget::Local(name),
        args,
        block: None,
        ..
    } = &e.kind
    else {
        return None;
    };
    let optional = match name.as_str() {
        "import_file" => false,
        "import_file_if_available" => true,
        _ => return None,
    };
    let literal = match args.as_slice() {
        [a] => match &a.kind {
            ExprKind::Str(parts) => match parts.as_slice() {
                [StrPart::Lit(s)] => Some(s.clone()),
                [] => Some(String::new()),
                _ => None,
            },
            _ => None,
        },
        _ => return None,
    };
    Some(literal.map(|p| (p, optional)).ok_or_else(|| {
        format!("** (ArgumentError) {name}/1 expects a literal binary as its argument")
    }))
}

/// `Path.expand/1` of a user path: `~` is the home directory, a relative
/// path is under the working directory, `.` and `..` are resolved.
pub fn expand_path(path: &str) -> String {
    let home = std::env::var("HOME").unwrap_or_default();
    let joined = if path == "~" {
        std::path::PathBuf::from(&home)
    } else if let Some(rest) = path.strip_prefix("~/") {
        std::path::Path::new(&home).join(rest)
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut parts: Vec<std::path::Component> = Vec::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if parts.len() > 1 {
                    parts.pop();
                }
            }
            other => parts.push(other),
        }
    }
    parts
        .iter()
        .collect::<std::path::PathBuf>()
        .display()
        .to_string()
}

/// The text `:file.format_error/1` gives for an I/O error.
fn posix_text(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory",
        PermissionDenied => "permission denied",
        IsADirectory => "illegal operation on a directory",
        _ => "unknown POSIX error",
    }
}
