//! Lowering: the AST becomes `FnCode` (stack-machine ops, patterns, guards),
//! with every variable resolved to a frame slot and every call bound as far
//! as it can be ahead of time (a builtin, a function of this module, or a
//! cached call site).
//!
//! Like Elixir's compile step, this reports undefined variables and local
//! functions before anything runs (`undefined function foo/0 (there is no
//! such import)`). Special forms (`if`, `case`, `receive`, `try`, `for`,
//! `with`, `def`, `defmodule`, ...) arrive as ordinary calls and are
//! recognised here by name, as Elixir's compiler does.
//!
//! Scoping follows Elixir: a binding gets a fresh slot, so a clause that
//! rebinds `x` never disturbs the `x` of the enclosing scope, and closures
//! copy what they capture when they are created.
//!
//! Not here: patterns and guards (`pattern`), modules (`module`), running code.

mod access_path;
mod bitstring;
mod control;
mod defguard;
mod docs;
mod expr;
pub(crate) mod from_quoted;
mod kernel_imports;
mod macros;
pub use macros::macro_function;
mod module;
mod pattern;
mod protocol;
pub(crate) mod quote;
mod structs;

use crate::atom::Atom;
use crate::code::*;
use crate::library::{self, BifId};
use crate::value::Value;
use phial_syntax::ast::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

pub use defguard::GuardMacro;
pub use docs::{FunctionDoc, ModuleDocs};
pub use module::Module;

/// A compile-time error, reported before the program runs.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub message: String,
    pub offset: usize,
    /// Set when code run at compile time raised: its report
    /// (`** (ArithmeticError) ...`), shown instead of a CompileError's.
    pub raised: Option<String>,
    /// What that code raised, to raise again where compiling was asked
    /// for at run time (`Code.eval_string`).
    pub exception: Option<crate::error::Raise>,
}

/// Code run at compile time raised: its report, and what it raised.
#[derive(Debug, Clone)]
pub struct EvalError {
    pub report: String,
    pub raised: Option<crate::error::Raise>,
}

/// A module as far as it has compiled: its attributes and its
/// definitions (name, arity, private).
#[derive(Clone, Default)]
pub struct CompilingModule {
    pub attributes: FxHashMap<String, Value>,
    pub definitions: Vec<(Atom, u32, bool)>,
}

/// What the compiler may ask of the world: which functions exist in modules
/// already defined (the prelude, earlier REPL inputs).
pub trait Known {
    fn has_function(&self, module: Atom, name: Atom, arity: u32) -> bool;
    /// Loads `module` if the library has it but has not loaded it yet
    /// (for `import`).
    fn ensure_loaded(&self, _module: Atom) {}
    /// Whether any `defguard` was compiled earlier (so `guard` is worth
    /// asking).
    fn has_guards(&self) -> bool {
        false
    }
    /// A `defguard` compiled earlier (another input, another program).
    fn guard(&self, _key: (Atom, Atom, u32)) -> Option<Arc<GuardMacro>> {
        None
    }
    /// Runs `code` for its value at compile time (a module attribute),
    /// with the program's `modules` compiled so far in reach; `Err` is the
    /// report of what it raised.
    /// `bindings` are the code's captures, in order.
    fn eval(
        &self,
        _code: Arc<FnCode>,
        _bindings: Vec<Value>,
        _modules: &[Arc<Module>],
    ) -> Result<Value, EvalError> {
        Err(EvalError {
            report: "** (CompileError) this expression cannot be evaluated at compile time here"
                .into(),
            raised: None,
        })
    }
    /// What `Module.get_attribute/2` and `Module.definitions_in/1,2` see of
    /// `module` while it compiles (code run at compile time asks).
    fn compiling(&self, _module: Atom, _state: CompilingModule) {}
    /// Prints a compile-time warning (stderr).
    fn warn(&self, _text: &str) {}
    /// Keeps a `defguard` for later compilations.
    fn define_guard(&self, _key: (Atom, Atom, u32), _guard: Arc<GuardMacro>) {}
}

/// One function being built.
pub(crate) struct FnBuilder {
    module: Atom,
    name: Atom,
    arity: u32,
    /// See `FnCode::parent`.
    parent: Option<(Atom, u32, u32)>,
    /// Anonymous functions written in this one so far (their indexes).
    funs_made: u32,
    ops: Vec<Op>,
    offsets: Vec<u32>,
    consts: Vec<Value>,
    pats: Vec<Pat>,
    switches: Vec<Switch>,
    pub(crate) bitstrings: Vec<Arc<[crate::bitstring::Segment]>>,
    lambdas: Vec<Arc<FnCode>>,
    calls: Vec<CallSite>,
    call_index: FxHashMap<(Atom, Atom, u32), u32>,
    handlers: Vec<Handler>,
    modules: Vec<Arc<Module>>,
    clauses: Vec<Clause>,
    nlocals: u32,
    /// (outer slot, inner slot) copied when the closure is created.
    captures: Vec<(u32, u32)>,
    /// Name -> slot maps, innermost last.
    scopes: Vec<FxHashMap<String, u32>>,
    /// Captured names (name -> local slot), so a name is captured once.
    captured: FxHashMap<String, u32>,
    /// Depth of `try` blocks around the current point (no tail calls inside).
    try_depth: u32,
    /// Byte offset of the expression being compiled.
    offset: u32,
}

/// The context a module's functions are compiled in.
#[derive(Clone)]
pub(crate) struct ModuleCtx {
    pub name: Atom,
    /// (name, arity) of every function the module defines.
    pub functions: rustc_hash::FxHashSet<(Atom, u32)>,
    pub attributes: FxHashMap<String, Value>,
    /// Overridden functions (`defoverridable`): what `super` calls.
    pub supers: FxHashMap<(Atom, u32), Atom>,
}

pub struct Compiler<'k> {
    known: &'k dyn Known,
    pub(crate) file: Arc<str>,
    pub(crate) lines: Arc<Vec<u32>>,
    /// The text being compiled (signatures in docs quote it).
    pub(crate) source: Arc<str>,
    pub(crate) fns: Vec<FnBuilder>,
    pub(crate) module: Option<ModuleCtx>,
    pub(crate) errors: Vec<CompileError>,
    /// The capture argument count while compiling `&(...)`.
    pub(crate) capture_arity: Option<u32>,
    /// Structs this program defines, by module: their field names (`None`
    /// when `defstruct` was given something other than a literal list) and
    /// enforced keys, so `%Name{...}` is checked when it is compiled, as
    /// Elixir expands a struct at compile time.
    pub(crate) structs: FxHashMap<Atom, (Option<Vec<Atom>>, Vec<Atom>)>,
    /// `import`s in force, innermost last.
    pub(crate) imports: Vec<Import>,
    /// Behaviours this program defined: their callbacks and the optional
    /// ones, to warn about an implementation that lacks one.
    pub(crate) behaviours: FxHashMap<Atom, Callbacks>,
    /// `defguard`s this program defined, by module, name and arity.
    pub(crate) guard_macros: FxHashMap<(Atom, Atom, u32), Arc<GuardMacro>>,
    /// `Known::has_guards`, asked once.
    pub(crate) guards_elsewhere: bool,
    /// `alias`es in force, innermost last: (short name, full module).
    pub(crate) aliases: Vec<(String, Atom)>,
    /// The lengths of `imports` and `aliases` at each open scope, so both
    /// end with the scope that made them, as Elixir's are lexical.
    pub(crate) lexical: Vec<(usize, usize)>,
    /// Compiling the prelude, whose top-level code never runs: what a
    /// `defstruct` registers when it runs is registered at compile time
    /// instead (its defaults are constants there).
    pub(crate) prelude: bool,
    /// The public functions of modules this program defined so far.
    pub(crate) program_functions: rustc_hash::FxHashSet<(Atom, Atom, u32)>,
    /// Modules whose macros may be called qualified (`require`, `use`).
    pub(crate) requires: Vec<Atom>,
    /// Macro expansions so far: each one's counter keeps its variables
    /// apart from every other's (hygiene).
    pub(crate) expansions: i64,
    /// How many expansions the code being compiled sits inside.
    pub(crate) expansion_depth: u32,
    /// Variables the module body being compiled has bound (`names =
    /// ...` beside its `def`s), in order: code run while it compiles
    /// (unquote fragments, attributes) sees them.
    pub(crate) body_vars: Vec<(String, Value)>,
    /// The functions the module being compiled has defined so far:
    /// (name, arity, private), for `Module.definitions_in/2`.
    pub(crate) module_defs: Vec<(Atom, u32, bool)>,
}

/// A behaviour's callbacks and, of them, the optional ones.
pub(crate) type Callbacks = (Vec<(Atom, u32)>, Vec<(Atom, u32)>);

/// `import Mod, only: [...], except: [...]`.
#[derive(Clone)]
pub(crate) struct Import {
    pub module: Atom,
    pub only: Option<Vec<(Atom, u32)>>,
    pub except: Vec<(Atom, u32)>,
}

/// The result of compiling a top-level program.
pub struct Program {
    pub code: Arc<FnCode>,
    /// For REPL inputs: the names of the bindings visible at the end, in the
    /// order of the tuple the code returns beside its result.
    pub exported: Vec<String>,
}

/// A top-level `defmodule` (or `defprotocol`/`defimpl`): compiled, in
/// Elixir, only when the script reaches it.
fn defines_module(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call { target: CallTarget::Local(n), .. }
        if matches!(n.as_str(), "defmodule" | "defprotocol" | "defimpl"))
}

pub fn line_starts(source: &str) -> Vec<u32> {
    let mut v = vec![0u32];
    for (i, b) in source.bytes().enumerate() {
        if b == b'\n' {
            v.push(i as u32 + 1);
        }
    }
    v
}

impl<'k> Compiler<'k> {
    pub fn new(known: &'k dyn Known, file: &str, source: &str) -> Self {
        Compiler {
            known,
            file: Arc::from(file),
            lines: Arc::new(line_starts(source)),
            source: Arc::from(source),
            fns: Vec::new(),
            module: None,
            errors: Vec::new(),
            capture_arity: None,
            structs: FxHashMap::default(),
            imports: Vec::new(),
            aliases: Vec::new(),
            guard_macros: FxHashMap::default(),
            guards_elsewhere: known.has_guards(),
            behaviours: FxHashMap::default(),
            lexical: Vec::new(),
            prelude: false,
            program_functions: Default::default(),
            requires: Vec::new(),
            expansions: 0,
            expansion_depth: 0,
            body_vars: Vec::new(),
            module_defs: Vec::new(),
        }
    }

    /// A compiler for the prelude (see `Compiler::prelude`).
    pub fn for_prelude(mut self) -> Self {
        self.prelude = true;
        self
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.lines.binary_search(&(offset as u32)) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Compiles a script or REPL input. `bound` are the names already bound
    /// (REPL): they arrive as captures, in this order. With `export`, the code
    /// returns `{result, {bindings...}}` so the REPL can keep them.
    pub fn compile_program(
        mut self,
        exprs: &[Expr],
        bound: &[String],
        export: bool,
    ) -> Result<Program, Vec<CompileError>> {
        let script = Atom::new("elixir_compiler_0");
        self.push_fn(script, Atom::new("__FILE__"), 0);
        for (i, name) in bound.iter().enumerate() {
            let f = self.cur();
            let slot = f.new_slot();
            f.captures.push((i as u32, slot));
            f.scopes[0].insert(name.clone(), slot);
        }
        let entry = self.cur().ops.len() as u32;
        self.cur().clauses.push(Clause::new(vec![], None, entry));
        if exprs.is_empty() {
            self.emit_const(Value::NIL_ATOM);
        }
        // Errors in a top-level module's body, set aside: a script runs
        // what comes before such a module, as Elixir compiles a module
        // when the script reaches it (see `defer_module_errors`).
        let mut deferred = Vec::new();
        for (i, e) in exprs.iter().enumerate() {
            let last = i + 1 == exprs.len();
            let mark = self.mark();
            self.expr(e, last && !export);
            if !export && !self.prelude && self.errors.len() > mark.0 && defines_module(e) {
                self.defer_module_errors(mark, &mut deferred);
            }
            if !last {
                self.emit(Op::Pop);
            }
        }
        // An error in top-level code stops the script before it runs.
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let mut exported = Vec::new();
        if export {
            let mut names: Vec<(String, u32)> = Vec::new();
            for scope in &self.cur().scopes {
                for (n, s) in scope {
                    names.retain(|(m, _)| m != n);
                    names.push((n.clone(), *s));
                }
            }
            names.sort();
            for (n, s) in &names {
                exported.push(n.clone());
                self.emit(Op::Local(*s));
            }
            self.emit(Op::Tuple(names.len() as u32));
            self.emit(Op::Tuple(2));
        }
        self.emit_return();
        let code = self.pop_fn();
        if self.errors.is_empty() {
            Ok(Program { code, exported })
        } else {
            Err(self.errors)
        }
    }

    /// Where the code of the current function and the errors stand now.
    fn mark(&mut self) -> (usize, usize, usize, usize) {
        let errors = self.errors.len();
        let f = self.cur();
        (errors, f.ops.len(), f.switches.len(), f.handlers.len())
    }

    /// Replaces the code emitted since `mark` (a module definition that
    /// failed to compile) by code raising its first error as a
    /// `CompileError`, and moves its errors out of `self.errors`. Errors
    /// raised by code run at compile time (an attribute's) stay: phial
    /// evaluates those before the script starts.
    fn defer_module_errors(
        &mut self,
        mark: (usize, usize, usize, usize),
        deferred: &mut Vec<CompileError>,
    ) {
        let new: Vec<CompileError> = self.errors.drain(mark.0..).collect();
        if new.iter().any(|e| e.raised.is_some()) {
            self.errors.extend(new);
            return;
        }
        let f = self.cur();
        f.ops.truncate(mark.1);
        f.offsets.truncate(mark.1);
        f.switches.truncate(mark.2);
        f.handlers.truncate(mark.3);
        let first = &new[0];
        let line = self.line_of(first.offset);
        let exception = Value::make_struct(
            Atom::alias("CompileError"),
            &[
                (Atom::EXCEPTION, Value::TRUE),
                (Atom::new("file"), Value::str(self.file.to_string())),
                (Atom::new("line"), Value::Int(line as i64)),
                (Atom::new("description"), Value::str(first.message.clone())),
            ],
        );
        self.cur().offset = first.offset as u32;
        self.emit_const(exception);
        self.emit_bif_named(":erlang", "error", 1);
        deferred.extend(new);
    }

    // ----- function builders -------------------------------------------------

    pub(crate) fn push_fn(&mut self, module: Atom, name: Atom, arity: u32) {
        let fun = Atom::new("-fun-");
        let parent = if name == fun {
            self.fns.iter_mut().rev().find(|f| f.name != fun).map(|f| {
                f.funs_made += 1;
                (f.name, f.arity, f.funs_made - 1)
            })
        } else {
            None
        };
        self.fns.push(FnBuilder {
            module,
            name,
            arity,
            parent,
            funs_made: 0,
            ops: Vec::new(),
            offsets: Vec::new(),
            consts: Vec::new(),
            pats: Vec::new(),
            switches: Vec::new(),
            bitstrings: Vec::new(),
            lambdas: Vec::new(),
            calls: Vec::new(),
            call_index: FxHashMap::default(),
            handlers: Vec::new(),
            modules: Vec::new(),
            clauses: Vec::new(),
            // Slots 0..arity are the arguments (see `FnCode::nlocals`).
            nlocals: arity,
            captures: Vec::new(),
            scopes: vec![FxHashMap::default()],
            captured: FxHashMap::default(),
            try_depth: 0,
            offset: 0,
        });
    }

    pub(crate) fn pop_fn(&mut self) -> Arc<FnCode> {
        let mut f = self.fns.pop().expect("function builder stack underflow");
        let offset = f.offset as usize;
        Clause::find_leaves(&mut f.clauses, &f.ops, &f.consts, f.arity);
        let head_switch = HeadSwitch::of(&f.clauses);
        let open_clause = OpenClause::of(&f.clauses, head_switch.as_ref());
        let code = Arc::new(FnCode {
            module: f.module,
            name: f.name,
            arity: f.arity,
            parent: f.parent,
            captures: f.captures,
            nlocals: f.nlocals,
            head_switch,
            open_clause,
            clauses: f.clauses,
            ops: f.ops,
            offsets: f.offsets,
            consts: f.consts,
            pats: f.pats,
            switches: f.switches,
            bitstrings: f.bitstrings,
            lambdas: f.lambdas,
            calls: f.calls,
            handlers: f.handlers,
            modules: f.modules,
            file: self.file.clone(),
            lines: self.lines.clone(),
        });
        // The step loop fetches ops unchecked on the strength of this: code
        // that fails it is a compiler bug, and must never run.
        if !code.targets_in_range() {
            self.error(
                offset,
                "internal compiler error: a jump leads outside the function",
            );
        }
        code
    }

    pub(crate) fn cur(&mut self) -> &mut FnBuilder {
        self.fns.last_mut().expect("no function being compiled")
    }

    /// Elixir's words for a call to a local function that does not exist.
    pub(crate) fn undefined_local(&self, name: &str, arity: usize) -> String {
        match &self.module {
            Some(m) => format!(
                "undefined function {name}/{arity} (expected {} to define such a function or for it to be imported, but none are available)",
                crate::error::module_name(m.name)
            ),
            None => format!("undefined function {name}/{arity} (there is no such import)"),
        }
    }

    pub(crate) fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.errors.push(CompileError {
            message: message.into(),
            offset,
            raised: None,
            exception: None,
        });
    }

    pub(crate) fn emit(&mut self, op: Op) -> usize {
        let op = match op {
            Op::Bif(id, 2) if library::is_send(id) => Op::Send,
            // `rem(a, b)`, `div(a, b)`: operators, run in the fast loop.
            Op::Bif(id, 2) if crate::code::BinOp::of_bif(id).is_some() => {
                Op::BinOp(crate::code::BinOp::of_bif(id).expect("just matched"))
            }
            Op::Pop if matches!(self.cur().ops.last(), Some(Op::Send)) => {
                *self.cur().ops.last_mut().expect("just matched") = Op::SendDiscard;
                Op::Pop
            }
            op => op,
        };
        let f = self.cur();
        f.ops.push(op);
        f.offsets.push(f.offset);
        f.ops.len() - 1
    }

    /// Emits `Return`, fusing a `Const`, `Local` or `BinOp` just before it
    /// into one returning op. The `Return` stays: a jump may land on it (the
    /// end of an `if`), and a jump that lands on the fused op still computes
    /// the value and returns.
    pub(crate) fn emit_return(&mut self) {
        let f = self.cur();
        if let Some(last) = f.ops.last_mut() {
            match *last {
                Op::Const(i) => *last = Op::ReturnConst(i),
                Op::Local(i) => *last = Op::ReturnLocal(i),
                Op::BinOp(k) => *last = Op::ReturnBinOp(k),
                _ => {}
            }
        }
        self.emit(Op::Return);
    }

    pub(crate) fn here(&mut self) -> u32 {
        self.cur().ops.len() as u32
    }

    /// Points the jump at `at` to the current position.
    pub(crate) fn patch(&mut self, at: usize) {
        let here = self.here();
        match &mut self.cur().ops[at] {
            Op::Jump(t)
            | Op::JumpIfFalsy(t)
            | Op::BoolShort { target: t, .. }
            | Op::TruthyShort { target: t, .. }
            | Op::Receive { after: t, .. } => *t = here,
            _ => unreachable!("patching a non-jump"),
        }
    }

    pub(crate) fn emit_const(&mut self, v: Value) {
        let f = self.cur();
        let i = f.consts.len() as u32;
        f.consts.push(v);
        self.emit(Op::Const(i));
    }

    pub(crate) fn emit_bif(&mut self, id: BifId, argc: usize) {
        match library::entry(id).f {
            library::Imp::Plain(_) => self.emit(Op::Bif(id, argc as u8)),
            library::Imp::Step(_) => self.emit(Op::Native(id, argc as u8)),
        };
    }

    /// Emits a call to a Kernel builtin that must exist.
    pub(crate) fn emit_kernel(&mut self, name: &str, argc: usize) {
        match library::kernel(name, argc) {
            Some(id) => self.emit_bif(id, argc),
            None => {
                let off = self.cur().offset as usize;
                self.error(
                    off,
                    format!("internal: missing builtin Kernel.{name}/{argc}"),
                );
            }
        }
    }

    /// Emits a call to a named function through a cached call site.
    pub(crate) fn emit_call(&mut self, module: Atom, name: Atom, arity: u32, tail: bool) {
        let f = self.cur();
        let key = (module, name, arity);
        let idx = match f.call_index.get(&key) {
            Some(i) => *i,
            None => {
                let i = f.calls.len() as u32;
                f.calls.push(CallSite::new(module, name, arity));
                f.call_index.insert(key, i);
                i
            }
        };
        let tail = tail && f.try_depth == 0;
        self.emit(if tail {
            Op::TailCall(idx)
        } else {
            Op::Call(idx)
        });
    }

    pub(crate) fn tail_ok(&mut self, tail: bool) -> bool {
        tail && self.cur().try_depth == 0
    }

    // ----- scopes ------------------------------------------------------------

    pub(crate) fn push_scope(&mut self) {
        self.cur().scopes.push(FxHashMap::default());
        self.lexical.push((self.imports.len(), self.aliases.len()));
    }
    pub(crate) fn pop_scope(&mut self) {
        self.cur().scopes.pop();
        if let Some((imports, aliases)) = self.lexical.pop() {
            self.imports.truncate(imports);
            self.aliases.truncate(aliases);
        }
    }

    /// The module an alias expression names, after the `alias`es in force:
    /// with `alias MyApp.Utils.Text`, `Text.Sub` is `MyApp.Utils.Text.Sub`.
    /// `Elixir.Foo` is always `Foo` itself.
    pub(crate) fn alias_of(&self, segs: &[String]) -> Atom {
        if let Some(first) = segs.first() {
            if let Some((_, full)) = self.aliases.iter().rev().find(|(s, _)| s == first) {
                let mut name = full.as_str().trim_start_matches("Elixir.").to_string();
                for s in &segs[1..] {
                    name.push('.');
                    name.push_str(s);
                }
                return Atom::alias(&name);
            }
        }
        Atom::alias(&segs.join("."))
    }

    /// A fresh slot bound to `name` in the innermost scope.
    pub(crate) fn bind(&mut self, name: &str) -> u32 {
        let f = self.cur();
        let slot = f.new_slot();
        f.scopes
            .last_mut()
            .expect("scope stack empty")
            .insert(name.to_string(), slot);
        slot
    }

    /// The slot of a visible variable, capturing it from enclosing functions
    /// if needed.
    pub(crate) fn lookup(&mut self, name: &str) -> Option<u32> {
        let depth = self.fns.len() - 1;
        self.lookup_in(depth, name)
    }

    fn lookup_in(&mut self, depth: usize, name: &str) -> Option<u32> {
        let f = &self.fns[depth];
        for scope in f.scopes.iter().rev() {
            if let Some(s) = scope.get(name) {
                return Some(*s);
            }
        }
        if let Some(s) = f.captured.get(name) {
            return Some(*s);
        }
        if depth == 0 || self.fns[depth].name != Atom::new("-fun-") {
            return None;
        }
        let outer = self.lookup_in(depth - 1, name)?;
        let f = &mut self.fns[depth];
        let slot = f.new_slot();
        f.captures.push((outer, slot));
        f.captured.insert(name.to_string(), slot);
        Some(slot)
    }

    pub(crate) fn set_offset(&mut self, span: Span) {
        if !self.fns.is_empty() {
            self.cur().offset = span.start as u32;
        }
    }
}

impl FnBuilder {
    fn new_slot(&mut self) -> u32 {
        let s = self.nlocals;
        self.nlocals += 1;
        s
    }
}

#[cfg(test)]
mod tests;
