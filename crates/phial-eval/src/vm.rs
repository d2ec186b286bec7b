//! The state every process of one phial VM shares: the module table, the
//! output sink, the runtime handle and the script's exit code; plus the entry
//! points a host uses (compile a source, run a script).
//!
//! Not here: terminal handling (the host's `Output`), the REPL loop.

use crate::atom::Atom;
use crate::code::FnCode;
use crate::compile::{CompileError, Compiler, Known, Module, Program};
use crate::error::format_exit;
use crate::process::{Process, Role};
use crate::value::Value;
use parking_lot::RwLock;
use phial_syntax::{parse, ParseOutcome, SyntaxError};
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// Where program output goes. The script runner writes to the real streams;
/// the REPL prints above the prompt line.
pub trait Output: Send + Sync {
    fn stdout(&self, text: &str);
    fn stderr(&self, text: &str);
    /// Push anything buffered out (before exiting).
    fn flush(&self) {}
    /// `System.halt(code)`: end the whole program now. The host decides
    /// how (the `phial` binary exits the OS process); a host that returns
    /// leaves the halting process to end with `:shutdown`.
    fn halt(&self, code: i32);
    /// Whether standard output is gone for good (its reader closed the
    /// pipe): a write to it then raises in the writing process, as
    /// Elixir's `:terminated` device error does.
    fn stdout_closed(&self) -> bool {
        false
    }
    /// Reads standard input for `IO.gets`/`IO.read`: `Ok(None)` at its
    /// end. Called on a thread of its own, never a scheduler's, so it may
    /// block; a host without input (the default) is always at the end.
    fn read_stdin(&self, what: StdinRead) -> std::io::Result<Option<String>> {
        let _ = what;
        Ok(None)
    }
}

/// How much of standard input a read asks for.
#[derive(Clone, Copy, Debug)]
pub enum StdinRead {
    /// Up to and including the next newline (or the end).
    Line,
    /// Everything to the end.
    All,
    /// This many characters (fewer at the end).
    Chars(usize),
}

pub type Runtime = phial_runtime::Runtime<Value, Process>;

/// How many times a module has been defined, by any VM of this process:
/// caches of what a name resolves to (call sites, protocol dispatch) hold
/// the generation they were filled in and are stale once it moves.
static GENERATION: AtomicU64 = AtomicU64::new(0);

#[inline(always)]
pub fn generation() -> u64 {
    GENERATION.load(Ordering::Acquire)
}

pub struct Vm {
    /// The VM itself, for what must hand a process an `Arc` of it from a
    /// `&Vm` (compile-time evaluation, `Known::eval`).
    this: std::sync::Weak<Vm>,
    pub out: Arc<dyn Output>,
    modules: RwLock<FxHashMap<Atom, Arc<Module>>>,
    /// `defguard`s compiled so far, for later inputs (see `compile::defguard`).
    guards: RwLock<FxHashMap<(Atom, Atom, u32), Arc<crate::compile::GuardMacro>>>,
    /// Modules being compiled, as far as they are (`Known::compiling`).
    pub(crate) compiling: parking_lot::Mutex<FxHashMap<Atom, crate::compile::CompilingModule>>,
    /// Old versions of redefined modules, kept alive (see `define_module`).
    replaced: parking_lot::Mutex<Vec<Arc<Module>>>,
    exit_code: AtomicI32,
    /// Set when the script's main process reaches the end of its code (or
    /// an uncaught raise): a main that ends without it was stopped by an
    /// exit signal, which Elixir reports even when the reason is `:normal`.
    pub(crate) main_finished: std::sync::atomic::AtomicBool,
    /// The script's main process, once started (`run_main`): a crash that
    /// takes it down through a link halts the VM before Logger would
    /// print the crash's report (`process.rs`).
    pub(crate) main_pid: std::sync::OnceLock<phial_runtime::Pid>,
    runtime: OnceLock<Runtime>,
    /// `System.argv/0`.
    pub argv: RwLock<Vec<String>>,
    /// `Calendar.put_time_zone_database/1`'s module (`None`: Elixir's
    /// default, `Calendar.UTCOnlyTimeZoneDatabase`).
    pub time_zone_database: RwLock<Option<Atom>>,
    /// `:persistent_term`'s table: VM-wide, read by any process and by
    /// Rust code (Logger's configuration, `internal::phial_logger`).
    pub persistent_terms: RwLock<crate::value::MapInner>,
    /// `System.at_exit` hooks and the files `Code.require_file` loaded.
    pub(crate) system: crate::library::elixir::system::State,
    /// `:global`'s names.
    pub(crate) global: crate::library::erlang::global::Names,
    /// Which lazily compiled units are loaded (one per `library::UNITS`
    /// row; eager units' are never used).
    lazy: Vec<OnceLock<()>>,
    /// Scheduler threads for the runtime (0: one per core), the host's
    /// choice (`Vm::with_threads`).
    threads: usize,
}

/// Why a source could not be turned into a program.
pub enum LoadError {
    Syntax(Vec<SyntaxError>),
    /// The input ended early (the REPL asks for more).
    Incomplete(SyntaxError),
    Compile(Vec<CompileError>),
}

/// Why a VM would not start: the library defines something twice, or
/// its eager part does not compile (a bug in phial itself, never in a
/// program). Each line names one defect.
#[derive(Debug)]
pub struct StartError(pub Vec<String>);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for d in &self.0 {
            writeln!(f, "phial: internal error: {d}")?;
        }
        Ok(())
    }
}

impl Vm {
    /// A VM with the library's eager units loaded, one scheduler thread
    /// per core.
    pub fn new(out: Arc<dyn Output>) -> Result<Arc<Vm>, StartError> {
        Vm::with_threads(out, 0)
    }

    /// A VM whose runtime will run `threads` scheduler threads (0: one
    /// per core). It refuses to start if the library is defective (see
    /// `library`): a name defined twice is never silently resolved.
    pub fn with_threads(out: Arc<dyn Output>, threads: usize) -> Result<Arc<Vm>, StartError> {
        let vm = Arc::new_cyclic(|this| Vm {
            this: this.clone(),
            out,
            modules: RwLock::new(FxHashMap::default()),
            guards: RwLock::new(FxHashMap::default()),
            compiling: parking_lot::Mutex::new(FxHashMap::default()),
            replaced: parking_lot::Mutex::new(Vec::new()),
            exit_code: AtomicI32::new(-1),
            main_finished: std::sync::atomic::AtomicBool::new(false),
            main_pid: std::sync::OnceLock::new(),
            runtime: OnceLock::new(),
            argv: RwLock::new(Vec::new()),
            time_zone_database: RwLock::new(None),
            persistent_terms: RwLock::new(crate::value::MapInner::new()),
            system: Default::default(),
            global: Default::default(),
            lazy: crate::library::UNITS
                .iter()
                .map(|_| OnceLock::new())
                .collect(),
            threads,
        });
        let mut defects = crate::library::defects().to_vec();
        defects.extend(crate::library::load_eager(&vm));
        if defects.is_empty() {
            Ok(vm)
        } else {
            Err(StartError(defects))
        }
    }

    /// The runtime, started on first use with the VM's thread count.
    pub fn runtime(&self) -> &Runtime {
        self.runtime.get_or_init(|| {
            phial_runtime::Runtime::new(phial_runtime::Config {
                threads: self.threads,
                // `PHIAL_MAX_PROCESSES`, as the BEAM's `+P`: for tests of
                // the limit, which no one reaches at its default.
                max_processes: std::env::var("PHIAL_MAX_PROCESSES")
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0),
            })
        })
    }

    pub fn function(&self, module: Atom, name: Atom, arity: u32) -> Option<Arc<FnCode>> {
        let found = self
            .modules
            .read()
            .get(&module)
            .and_then(|m| m.functions.get(&(name, arity)).cloned());
        match found {
            None if self.ensure_lazy(module) => self.function(module, name, arity),
            found => found,
        }
    }

    /// Loads the lazily compiled unit `module` belongs to, if there is one
    /// not loaded yet; says whether it loaded one. A unit is compiled by
    /// this very call, so the compiler reaches it only for another unit
    /// (`import`, a struct literal), never for the one being compiled.
    pub fn ensure_lazy(&self, module: Atom) -> bool {
        let Some(i) = crate::library::lazy_unit_for(module) else {
            return false;
        };
        self.load_lazy_unit(i)
    }

    /// Loads lazy unit `i` (of `library::UNITS`) unless it is loaded; says
    /// whether it was not loaded when asked. A process that finds another
    /// one loading the unit waits for it and must look again, so this is
    /// true for it too; once loaded it is false, so a caller that looks
    /// again on true stops there.
    fn load_lazy_unit(&self, i: usize) -> bool {
        if self.lazy[i].get().is_some() {
            return false;
        }
        self.lazy[i].get_or_init(|| {
            // A defect here is phial's own bug, caught by the unit test
            // that loads every lazy unit; a running program can only be
            // told about it.
            for d in crate::library::load_unit(self, &crate::library::UNITS[i]) {
                self.out.stderr(&format!("phial: internal error: {d}\n"));
            }
        });
        true
    }

    /// `module.name/arity` as seen from code in `caller`: a private function
    /// is only visible to its own module.
    pub fn callable(
        &self,
        caller: Atom,
        module: Atom,
        name: Atom,
        arity: u32,
    ) -> Option<Arc<FnCode>> {
        {
            let modules = self.modules.read();
            if let Some(m) = modules.get(&module) {
                if caller != module && m.private.contains(&(name, arity)) {
                    return None;
                }
                return m.functions.get(&(name, arity)).cloned();
            }
        }
        if self.ensure_lazy(module) {
            return self.callable(caller, module, name, arity);
        }
        None
    }

    /// Whether `module` is in the table now (loading nothing).
    pub fn module_defined(&self, module: Atom) -> bool {
        self.modules.read().contains_key(&module)
    }

    pub fn module_exists(&self, module: Atom) -> bool {
        self.modules.read().contains_key(&module)
            || (self.ensure_lazy(module) && self.modules.read().contains_key(&module))
    }

    /// Defines (or redefines) a module. A replaced module is kept, never
    /// freed: frames of running processes point at module code without
    /// counting references (see `process::Frame`).
    pub fn define_module(&self, m: Arc<Module>) {
        crate::protocols::note_module(&m);
        self.system.defined.lock().push(m.name);
        if let Some(old) = self.modules.write().insert(m.name, m) {
            self.replaced.lock().push(old);
        }
        GENERATION.fetch_add(1, Ordering::AcqRel);
    }

    /// Loads every lazily compiled unit of the library now.
    pub fn load_whole_library(&self) {
        for (i, unit) in crate::library::UNITS.iter().enumerate() {
            if unit.load == crate::library::Load::Lazy {
                self.load_lazy_unit(i);
            }
        }
    }

    /// Functions phial code defines (the library's or a program's) that a
    /// builtin of the same module also defines: one would hide the other.
    /// Loading checks each unit against its own natives; this checks every
    /// module against every native (the unit test over the whole library).
    pub fn library_shadowing(&self) -> Vec<String> {
        let mut out = Vec::new();
        for m in self.modules.read().values() {
            for (name, arity) in m.functions.keys() {
                if crate::library::lookup(m.name, *name, *arity as usize).is_some() {
                    out.push(format!(
                        "{}.{}/{arity}",
                        crate::error::module_name(m.name),
                        name.as_str()
                    ));
                }
            }
        }
        out.sort();
        out
    }

    /// A module's `@moduledoc` and `@doc`s, if it was compiled with them.
    pub fn module_docs(&self, module: Atom) -> Option<Arc<crate::compile::ModuleDocs>> {
        self.modules.read().get(&module)?.docs.clone()
    }

    /// `module.__info__(key)` for a module written in phial.
    pub fn module_info(&self, module: Atom, key: &Value) -> Result<Value, crate::Raise> {
        let public = |m: &Module| -> Vec<(Atom, u32)> {
            m.functions
                .keys()
                // A behaviour's `behaviour_info/1` is Erlang's, not listed.
                .filter(|k| !m.private.contains(k) && k.0.as_str() != "behaviour_info")
                .copied()
                .collect()
        };
        match key.as_atom().map(|a| a.as_str()) {
            Some("functions") => {
                let mut fs: Vec<(Atom, u32)> = self
                    .modules
                    .read()
                    .get(&module)
                    .map(|m| public(m))
                    .unwrap_or_default();
                for (n, a) in crate::library::functions_of(module) {
                    if !fs.contains(&(n, a as u32)) {
                        fs.push((n, a as u32));
                    }
                }
                fs.sort_by(|x, y| x.0.as_str().cmp(y.0.as_str()).then(x.1.cmp(&y.1)));
                Ok(Value::list(
                    fs.into_iter()
                        .map(|(n, a)| Value::tuple(vec![Value::Atom(n), Value::Int(a as i64)]))
                        .collect(),
                ))
            }
            Some("module") => Ok(Value::Atom(module)),
            Some("macros" | "attributes" | "compile") => Ok(Value::Nil),
            Some("struct") => Ok(match crate::structs::get(module) {
                Some(d) => Value::list(
                    d.fields
                        .iter()
                        .filter(|(k, _)| *k != Atom::EXCEPTION)
                        .map(|(k, _)| {
                            let mut m = crate::value::MapInner::new();
                            m.insert(Value::atom("field"), Value::Atom(*k));
                            m.insert(Value::atom("required"), Value::bool(d.enforce.contains(k)));
                            Value::map(m)
                        })
                        .collect(),
                ),
                None => Value::NIL_ATOM,
            }),
            _ => Err(crate::error::function_clause_error(
                module,
                Atom::new("__info__"),
                1,
                vec![key.clone()],
            )),
        }
    }

    /// Every defined module with its public functions (for completion, `h`).
    pub fn module_functions(&self) -> Vec<(Atom, Vec<(Atom, u32)>)> {
        self.modules
            .read()
            .values()
            .map(|m| {
                (
                    m.name,
                    m.functions
                        .keys()
                        .filter(|k| !m.private.contains(k))
                        .copied()
                        .collect(),
                )
            })
            .collect()
    }

    pub fn set_exit_code(&self, code: i32) {
        let _ = self
            .exit_code
            .compare_exchange(-1, code, Ordering::AcqRel, Ordering::Acquire);
    }

    pub fn exit_code(&self) -> Option<i32> {
        match self.exit_code.load(Ordering::Acquire) {
            -1 => None,
            c => Some(c),
        }
    }

    /// Parses and compiles a source. `bound` and `export` are for the REPL
    /// (see `Compiler::compile_program`).
    pub fn load(
        &self,
        file: &str,
        source: &str,
        bound: &[String],
        export: bool,
    ) -> Result<Program, LoadError> {
        with_deep_stack(|| {
            let exprs = match parse(source) {
                ParseOutcome::Complete(e) => e,
                ParseOutcome::Incomplete(e) => return Err(LoadError::Incomplete(e)),
                ParseOutcome::Error(e) => return Err(LoadError::Syntax(e)),
            };
            Compiler::new(self, file, source)
                .compile_program(&exprs, bound, export)
                .map_err(LoadError::Compile)
        })
    }

    /// Whether a program's module exports the macro `name/arity` (a
    /// `defmacro`, or a public `defguard`).
    pub fn user_macro(&self, module: Atom, name: Atom, arity: u32) -> bool {
        let f = crate::compile::macro_function(name.as_str());
        self.has_function(module, f, arity + 1)
            || self
                .guards
                .read()
                .get(&(module, name, arity))
                .is_some_and(|g| !g.private)
    }

    /// `Code.string_to_quoted/1`: the quoted form of `source`, with each
    /// node's line, as Elixir's parser gives it.
    pub fn string_to_quoted(&self, source: &str) -> Result<Value, LoadError> {
        with_deep_stack(|| {
            let exprs = match parse(source) {
                ParseOutcome::Complete(e) => e,
                ParseOutcome::Incomplete(e) => return Err(LoadError::Incomplete(e)),
                ParseOutcome::Error(e) => return Err(LoadError::Syntax(e)),
            };
            Ok(crate::compile::quote::parse_quoted(&exprs, source))
        })
    }

    /// Compiles a quoted expression (`Code.eval_quoted`).
    pub fn load_quoted(
        &self,
        file: &str,
        quoted: &Value,
        bound: &[String],
        export: bool,
    ) -> Result<Program, LoadError> {
        with_deep_stack(|| {
            let span = phial_syntax::ast::Span::new(0, 0);
            let expr = crate::compile::from_quoted::Unquoter::new(span, 0)
                .expr(quoted)
                .map_err(|message| {
                    LoadError::Compile(vec![CompileError {
                        message,
                        offset: 0,
                        raised: None,
                        exception: None,
                    }])
                })?;
            Compiler::new(self, file, "")
                .compile_program(&[expr], bound, export)
                .map_err(LoadError::Compile)
        })
    }

    /// Runs a compiled script as the main process, waits for it, stops every
    /// other process and returns the exit code.
    pub fn run_main(self: &Arc<Self>, program: Program) -> i32 {
        let rt = self.runtime().clone();
        let main = Process::program(self.clone(), program.code, Vec::new(), Role::Main);
        let pid = rt.spawn(main);
        let _ = self.main_pid.set(pid);
        let reason = rt.wait_exit(pid);
        let code = match (self.exit_code(), reason) {
            (Some(c), _) => c,
            (None, None) => 0,
            (None, Some(r)) => {
                if matches!(r, Value::Atom(Atom::NORMAL))
                    && self.main_finished.load(Ordering::Acquire)
                {
                    0
                } else {
                    self.out
                        .stderr(&format!("** (EXIT from {pid}) {}\n\n", format_exit(&r)));
                    1
                }
            }
        };
        self.run_at_exit(&rt, code);
        rt.shutdown();
        self.out.flush();
        // A hook may set the status (ExUnit's exits 2 when a test failed).
        self.exit_code().unwrap_or(code)
    }

    /// `System.at_exit/1` hooks, the last registered first, each in a
    /// process of its own given the exit status (as Elixir runs them once
    /// the script is done, other processes still alive); hooks that
    /// register hooks get those run too.
    fn run_at_exit(self: &Arc<Self>, rt: &Runtime, code: i32) {
        loop {
            let hooks = std::mem::take(&mut *self.system.at_exit.lock());
            if hooks.is_empty() {
                return;
            }
            for hook in hooks.into_iter().rev() {
                let p = Process::new(
                    self.clone(),
                    hook,
                    vec![Value::Int(code as i64)],
                    Role::Spawned,
                );
                let pid = rt.spawn(p);
                rt.wait_exit(pid);
            }
        }
    }
}

impl Vm {
    /// Runs `code` (no arguments, no captures) in a process of its own and
    /// waits for its value: what the compiler does with a module attribute
    /// that is not a literal. `modules` are the program's modules compiled
    /// so far: defined for the run when nothing of that name is, as they
    /// would be by then in Elixir, which defines a script's modules as it
    /// runs it. The caller must not be a scheduler thread (the compiler
    /// runs on its own, see `with_deep_stack`).
    pub fn eval(
        &self,
        code: Arc<FnCode>,
        bindings: Vec<Value>,
        modules: &[Arc<Module>],
    ) -> Result<Value, crate::compile::EvalError> {
        let Some(me) = self.this.upgrade() else {
            return Err(crate::compile::EvalError {
                report: "** (RuntimeError) the VM is shutting down".into(),
                raised: None,
            });
        };
        let lent: Vec<Atom> = modules
            .iter()
            .filter(|m| !self.module_defined(m.name))
            .map(|m| {
                self.define_module(m.clone());
                m.name
            })
            .collect();
        let slot = Arc::new(parking_lot::Mutex::new(None));
        let p = Process::program(me, code, bindings, Role::Eval(slot.clone()));
        let rt = self.runtime().clone();
        let pid = rt.spawn(p);
        rt.wait_exit(pid);
        if !lent.is_empty() {
            let mut table = self.modules.write();
            for m in &lent {
                table.remove(m);
            }
            drop(table);
            GENERATION.fetch_add(1, Ordering::AcqRel);
        }
        let outcome = slot.lock().take();
        outcome.unwrap_or_else(|| {
            Err(crate::compile::EvalError {
                report: "** (exit) the evaluation was killed".into(),
                raised: None,
            })
        })
    }
}

impl Known for Vm {
    /// What is loaded now: compiling never loads a lazy prelude file (that
    /// could re-enter the loading of the very file being compiled), except
    /// for `import`, through `ensure_loaded`.
    fn has_function(&self, module: Atom, name: Atom, arity: u32) -> bool {
        self.modules
            .read()
            .get(&module)
            .is_some_and(|m| m.functions.contains_key(&(name, arity)))
    }

    fn ensure_loaded(&self, module: Atom) {
        self.ensure_lazy(module);
    }

    fn has_guards(&self) -> bool {
        !self.guards.read().is_empty()
    }

    fn guard(&self, key: (Atom, Atom, u32)) -> Option<Arc<crate::compile::GuardMacro>> {
        self.guards.read().get(&key).cloned()
    }

    fn eval(
        &self,
        code: Arc<FnCode>,
        bindings: Vec<Value>,
        modules: &[Arc<Module>],
    ) -> Result<Value, crate::compile::EvalError> {
        Vm::eval(self, code, bindings, modules)
    }

    fn compiling(&self, module: Atom, state: crate::compile::CompilingModule) {
        self.compiling.lock().insert(module, state);
    }

    fn warn(&self, text: &str) {
        self.out.stderr(text);
    }

    fn define_guard(&self, key: (Atom, Atom, u32), guard: Arc<crate::compile::GuardMacro>) {
        self.guards.write().insert(key, guard);
    }
}

/// The stack `with_deep_stack` gives: the parser keeps trees within
/// `phial_syntax::MAX_DEPTH` levels, and the compiler's lowering of the
/// deepest of them (nested `case`s, a few KB a level) needs well under a
/// tenth of this. Only the pages touched are ever backed by memory.
const DEEP_STACK: usize = 64 << 20;

/// Runs `f`, which walks syntax by recursion (parsing, compiling), on a
/// thread with a `DEEP_STACK` stack, and waits for it; the caller's thread
/// (the main thread's 8 MB, a worker's 2 MB) could not hold the deepest
/// source the parser accepts. If no thread can be started, `f` runs here.
pub fn with_deep_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    let mut job = Some(f);
    let ran = std::thread::scope(|s| {
        let slot = &mut job;
        let h = std::thread::Builder::new()
            .name("phial-compile".into())
            .stack_size(DEEP_STACK)
            .spawn_scoped(s, move || slot.take().map(|f| f()));
        match h.map(|h| h.join()) {
            Ok(Ok(r)) => r,
            // A panic in `f` is not swallowed: it goes on in the caller.
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // No thread: `f` is still in `job`.
            Err(_) => None,
        }
    });
    match (ran, job) {
        (Some(r), _) => r,
        (None, Some(f)) => f(),
        // The thread took `f` and so returned `Some`.
        (None, None) => unreachable!("the job runs exactly once"),
    }
}

/// Renders a compile error as Elixir does: `** (CompileError) f.exs:2: message`.
pub fn render_compile_error(file: &str, source: &str, e: &CompileError) -> String {
    let line = crate::compile::line_starts(source)
        .iter()
        .take_while(|s| **s as usize <= e.offset)
        .count();
    match &e.raised {
        // As Elixir reports an error raised while a module body runs.
        Some(report) => format!("{report}\n    {file}:{line}: (module)"),
        None => format!("** (CompileError) {file}:{line}: {}", e.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects what the VM prints, to check the prelude loads cleanly.
    #[derive(Default)]
    struct Captured(parking_lot::Mutex<String>);

    impl Output for Captured {
        fn stdout(&self, text: &str) {
            self.0.lock().push_str(text);
        }
        fn stderr(&self, text: &str) {
            self.0.lock().push_str(text);
        }
        fn halt(&self, _code: i32) {}
    }

    #[test]
    fn library_loads_without_errors_and_shadows_no_builtin() {
        let out = Arc::new(Captured::default());
        let vm = Vm::new(out.clone()).unwrap_or_else(|e| panic!("{e}"));
        vm.load_whole_library();
        assert_eq!(vm.library_shadowing(), Vec::<String>::new());
        assert_eq!(out.0.lock().as_str(), "");
        // The library's protocols and their implementations are loaded.
        for m in [
            "Enumerable",
            "Enumerable.List",
            "String.Chars",
            "Inspect",
            "Stream",
        ] {
            assert!(vm.module_exists(Atom::alias(m)), "{m}");
        }
    }
}
