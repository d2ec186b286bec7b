//! Builtin functions (BIFs): the registry and the calling context.
//!
//! A BIF is a Rust function over argument values that returns at once: it
//! never waits and never runs phial code on the Rust stack. Most are plain
//! (`BifFn`: arguments in, value out). A *stepping* native (`StepFn`) may
//! also ask the machine to call phial code for it: it returns a `Step`,
//! either its value, a call whose result is its result (protocol dispatch),
//! or a call plus a continuation (`Resume`) that the machine runs with the
//! call's result. The machine keeps the continuation in the process, so a
//! native that calls back into phial code is preempted and parks like any
//! phial code (see `machine::native`). Library functions that wait
//! (`Process.sleep`) are written in phial itself in `prelude/`.
//!
//! Each submodule contributes one Elixir or Erlang module's BIFs as a
//! `&[Def]` table; `lookup` finds one by module, name and arity, and the
//! compiler binds calls to it ahead of time.
//!
//! Not here: the evaluator's control flow (`machine`), printing (`format`).

use crate::atom::Atom;
use crate::error::Result;
use crate::process::Process;
use crate::value::Value;
use crate::vm::Vm;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

pub mod arith;
pub mod code;
pub mod collections;
pub mod enum_core;
pub mod exception;
pub mod inspect;
pub mod io;
pub mod kernel;
pub mod number;
pub mod proc;
pub mod protocol;
pub mod string;
pub mod structs;

/// What a running BIF can reach: its process (for `send`, `spawn`, ...)
/// and the VM (output, modules).
pub struct Ctx<'a, 'b> {
    pub cx: &'a mut phial_runtime::Cx<'b, Value, Process>,
    pub vm: &'a std::sync::Arc<Vm>,
    /// The calling process's rarely used parts (its dictionary), where
    /// the caller has them at hand (not in guards, which cannot touch it).
    pub rare: Option<&'a mut Option<Box<crate::process::Rare>>>,
}

pub type BifFn = fn(&mut Ctx, &[Value]) -> Result<Value>;

/// A native that may call phial code (see the module comment).
pub type StepFn = fn(&mut Ctx, &[Value]) -> Result<Step>;

/// What a stepping native asks of the machine.
pub enum Step {
    /// The native's value.
    Done(Value),
    /// Call this; its result is the native's result (a tail call).
    Then(Target, Vec<Value>),
    /// Call this, then resume the continuation with its result.
    Call(Target, Vec<Value>, Box<dyn Resume>),
}

/// What a native calls: a function value, or a function by name.
pub enum Target {
    Fun(Value),
    Mfa(Atom, Atom),
}

/// The rest of a native's work once a call it asked for has returned.
/// Kept in the process (it must be `Send`: the process may resume on
/// another worker thread).
pub trait Resume: Send {
    fn resume(self: Box<Self>, ctx: &mut Ctx, result: Value) -> Result<Step>;
}

impl<F> Resume for F
where
    F: FnOnce(&mut Ctx, Value) -> Result<Step> + Send,
{
    fn resume(self: Box<Self>, ctx: &mut Ctx, result: Value) -> Result<Step> {
        (*self)(ctx, result)
    }
}

/// How a builtin is implemented.
#[derive(Clone, Copy)]
pub enum Imp {
    Plain(BifFn),
    Step(StepFn),
}

/// One BIF: `module` is the Elixir alias (`"Kernel"`, `"String"`) or an Erlang
/// module written with a leading colon (`":erlang"`).
pub struct Def {
    pub module: &'static str,
    pub name: &'static str,
    pub arity: u8,
    pub f: Imp,
    /// Allowed in guards (pure, cannot wait).
    pub guard: bool,
}

/// Shorthand for a table row.
pub const fn def(module: &'static str, name: &'static str, arity: u8, f: BifFn) -> Def {
    Def {
        module,
        name,
        arity,
        f: Imp::Plain(f),
        guard: false,
    }
}
/// A guard-safe table row.
pub const fn guard(module: &'static str, name: &'static str, arity: u8, f: BifFn) -> Def {
    Def {
        module,
        name,
        arity,
        f: Imp::Plain(f),
        guard: true,
    }
}
/// A stepping native's row (never guard-safe: it may run phial code).
pub const fn step(module: &'static str, name: &'static str, arity: u8, f: StepFn) -> Def {
    Def {
        module,
        name,
        arity,
        f: Imp::Step(f),
        guard: false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BifId(pub u16);

pub struct Entry {
    pub module: Atom,
    pub name: Atom,
    pub arity: u8,
    pub f: Imp,
    pub guard: bool,
}

impl Entry {
    /// The plain function, for callers that cannot step (guards, the
    /// Erlang spellings that forward to an Elixir builtin).
    pub fn plain(&self) -> Option<BifFn> {
        match self.f {
            Imp::Plain(f) => Some(f),
            Imp::Step(_) => None,
        }
    }
}

struct Registry {
    entries: Vec<Entry>,
    index: FxHashMap<(Atom, Atom, u8), BifId>,
    modules: rustc_hash::FxHashSet<Atom>,
    /// Rows naming a function an earlier row already defined: a bug in
    /// phial, reported when a VM starts (`Vm::new`) and by a unit test.
    duplicates: Vec<String>,
}

fn module_atom(m: &str) -> Atom {
    match m.strip_prefix(':') {
        Some(erl) => Atom::new(erl),
        None => Atom::alias(m),
    }
}

fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(|| {
        let tables: &[&[Def]] = &[
            kernel::BIFS,
            arith::BIFS,
            io::BIFS,
            proc::BIFS,
            collections::BIFS,
            string::BIFS,
            enum_core::BIFS,
            number::BIFS,
            structs::BIFS,
            exception::BIFS,
            protocol::BIFS,
            inspect::BIFS,
            code::BIFS,
        ];
        let mut reg = Registry {
            entries: Vec::new(),
            index: FxHashMap::default(),
            modules: Default::default(),
            duplicates: Vec::new(),
        };
        for table in tables {
            for d in table.iter() {
                let m = module_atom(d.module);
                let key = (m, Atom::new(d.name), d.arity);
                if reg.index.contains_key(&key) {
                    reg.duplicates
                        .push(format!("{}.{}/{}", d.module, d.name, d.arity));
                    continue;
                }
                let id = BifId(reg.entries.len() as u16);
                reg.entries.push(Entry {
                    module: m,
                    name: key.1,
                    arity: d.arity,
                    f: d.f,
                    guard: d.guard,
                });
                reg.index.insert(key, id);
                reg.modules.insert(m);
            }
        }
        reg
    })
}

pub fn lookup(module: Atom, name: Atom, arity: usize) -> Option<BifId> {
    let arity = u8::try_from(arity).ok()?;
    registry().index.get(&(module, name, arity)).copied()
}

/// A `Kernel` function by name and arity.
pub fn kernel(name: &str, arity: usize) -> Option<BifId> {
    lookup(Atom::KERNEL, Atom::new(name), arity)
}

/// `Kernel.send/2` or `:erlang.send/2`, which the compiler turns into
/// `Op::Send`.
pub fn is_send(id: BifId) -> bool {
    static SENDS: OnceLock<[Option<BifId>; 2]> = OnceLock::new();
    let sends = SENDS.get_or_init(|| {
        [
            kernel("send", 2),
            lookup(Atom::new("erlang"), Atom::new("send"), 2),
        ]
    });
    sends.contains(&Some(id))
}

/// Builtins defined twice (see `Registry::duplicates`).
pub fn duplicates() -> &'static [String] {
    &registry().duplicates
}

pub fn entry(id: BifId) -> &'static Entry {
    &registry().entries[id.0 as usize]
}

/// Does any BIF live in this module (so it "exists" for error messages)?
pub fn module_exists(m: Atom) -> bool {
    registry().modules.contains(&m)
}

/// Names and arities of a module's BIFs (for completion and `h`).
pub fn functions_of(m: Atom) -> Vec<(Atom, u8)> {
    registry()
        .entries
        .iter()
        .filter(|e| e.module == m)
        .map(|e| (e.name, e.arity))
        .collect()
}

/// Every registered BIF (for the wrong-argument sweep test).
pub fn entries() -> &'static [Entry] {
    &registry().entries
}

/// All modules that have BIFs.
pub fn modules() -> Vec<Atom> {
    registry().modules.iter().copied().collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_builtin_is_defined_twice() {
        assert_eq!(super::duplicates(), &[] as &[String]);
    }
}
