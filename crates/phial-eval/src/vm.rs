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
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, OnceLock};

/// Where program output goes. The script runner writes to the real streams;
/// the REPL prints above the prompt line.
pub trait Output: Send + Sync {
    fn stdout(&self, text: &str);
    fn stderr(&self, text: &str);
    /// Push anything buffered out (before exiting).
    fn flush(&self) {}
    /// Whether standard output is gone for good (its reader closed the
    /// pipe): a write to it then raises in the writing process, as
    /// Elixir's `:terminated` device error does.
    fn stdout_closed(&self) -> bool {
        false
    }
}

pub type Runtime = phial_runtime::Runtime<Value, Process>;

pub struct Vm {
    pub out: Arc<dyn Output>,
    modules: RwLock<FxHashMap<Atom, Arc<Module>>>,
    /// Old versions of redefined modules, kept alive (see `define_module`).
    replaced: parking_lot::Mutex<Vec<Arc<Module>>>,
    exit_code: AtomicI32,
    runtime: OnceLock<Runtime>,
    /// `System.argv/0`.
    pub argv: RwLock<Vec<String>>,
}

/// Why a source could not be turned into a program.
pub enum LoadError {
    Syntax(Vec<SyntaxError>),
    /// The input ended early (the REPL asks for more).
    Incomplete(SyntaxError),
    Compile(Vec<CompileError>),
}

impl Vm {
    /// A VM with the prelude loaded.
    pub fn new(out: Arc<dyn Output>) -> Arc<Vm> {
        let vm = Arc::new(Vm {
            out,
            modules: RwLock::new(FxHashMap::default()),
            replaced: parking_lot::Mutex::new(Vec::new()),
            exit_code: AtomicI32::new(-1),
            runtime: OnceLock::new(),
            argv: RwLock::new(Vec::new()),
        });
        crate::prelude::load(&vm);
        vm
    }

    /// The runtime, started on first use with `threads` workers (0 = one per core).
    pub fn runtime(&self) -> &Runtime {
        self.runtime.get_or_init(|| {
            let threads = std::env::var("PHIAL_THREADS")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            phial_runtime::Runtime::new(phial_runtime::Config { threads })
        })
    }

    pub fn function(&self, module: Atom, name: Atom, arity: u32) -> Option<Arc<FnCode>> {
        self.modules
            .read()
            .get(&module)
            .and_then(|m| m.functions.get(&(name, arity)).cloned())
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
        let modules = self.modules.read();
        let m = modules.get(&module)?;
        if caller != module && m.private.contains(&(name, arity)) {
            return None;
        }
        m.functions.get(&(name, arity)).cloned()
    }

    pub fn module_exists(&self, module: Atom) -> bool {
        self.modules.read().contains_key(&module)
    }

    /// Defines (or redefines) a module. A replaced module is kept, never
    /// freed: frames of running processes point at module code without
    /// counting references (see `process::Frame`).
    pub fn define_module(&self, m: Arc<Module>) {
        if let Some(old) = self.modules.write().insert(m.name, m) {
            self.replaced.lock().push(old);
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

    /// Runs a compiled script as the main process, waits for it, stops every
    /// other process and returns the exit code.
    pub fn run_main(self: &Arc<Self>, program: Program) -> i32 {
        let rt = self.runtime().clone();
        let main = Process::program(self.clone(), program.code, Vec::new(), Role::Main);
        let pid = rt.spawn(main);
        let reason = rt.wait_exit(pid);
        rt.shutdown();
        let code = match (self.exit_code(), reason) {
            (Some(c), _) => c,
            (None, None) => 0,
            (None, Some(r)) => {
                if matches!(r, Value::Atom(Atom::NORMAL)) {
                    0
                } else {
                    self.out
                        .stderr(&format!("** (EXIT from {pid}) {}\n\n", format_exit(&r)));
                    1
                }
            }
        };
        self.out.flush();
        code
    }
}

impl Known for Vm {
    fn has_function(&self, module: Atom, name: Atom, arity: u32) -> bool {
        self.function(module, name, arity).is_some()
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
    format!("** (CompileError) {file}:{line}: {}", e.message)
}
