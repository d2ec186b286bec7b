//! Builtin functions (BIFs): the registry and the calling context.
//!
//! A BIF is a plain Rust function over argument values that returns at once:
//! it never calls back into phial code and never waits. Library functions
//! that need either (`Enum.map`, `Process.sleep`) are written in phial
//! itself in `prelude/`, on top of these. Each submodule contributes one
//! Elixir or Erlang module's BIFs as a `&[Def]` table; `lookup` finds one by
//! module, name and arity, and the compiler binds calls to it ahead of time.
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
pub mod io;
pub mod kernel;
pub mod number;
pub mod proc;
pub mod string;

/// What a running BIF can reach: its process (for `send`, `spawn`, ...)
/// and the VM (output, modules).
pub struct Ctx<'a, 'b> {
    pub cx: &'a mut phial_runtime::Cx<'b, Value, Process>,
    pub vm: &'a std::sync::Arc<Vm>,
}

pub type BifFn = fn(&mut Ctx, &[Value]) -> Result<Value>;

/// One BIF: `module` is the Elixir alias (`"Kernel"`, `"String"`) or an Erlang
/// module written with a leading colon (`":erlang"`).
pub struct Def {
    pub module: &'static str,
    pub name: &'static str,
    pub arity: u8,
    pub f: BifFn,
    /// Allowed in guards (pure, cannot wait).
    pub guard: bool,
}

/// Shorthand for a table row.
pub const fn def(module: &'static str, name: &'static str, arity: u8, f: BifFn) -> Def {
    Def {
        module,
        name,
        arity,
        f,
        guard: false,
    }
}
/// A guard-safe table row.
pub const fn guard(module: &'static str, name: &'static str, arity: u8, f: BifFn) -> Def {
    Def {
        module,
        name,
        arity,
        f,
        guard: true,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BifId(pub u16);

pub struct Entry {
    pub module: Atom,
    pub name: Atom,
    pub arity: u8,
    pub f: BifFn,
    pub guard: bool,
}

struct Registry {
    entries: Vec<Entry>,
    index: FxHashMap<(Atom, Atom, u8), BifId>,
    modules: rustc_hash::FxHashSet<Atom>,
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
            code::BIFS,
        ];
        let mut reg = Registry {
            entries: Vec::new(),
            index: FxHashMap::default(),
            modules: Default::default(),
        };
        for table in tables {
            for d in table.iter() {
                let m = module_atom(d.module);
                let key = (m, Atom::new(d.name), d.arity);
                if reg.index.contains_key(&key) {
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
