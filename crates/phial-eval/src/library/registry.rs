//! The builtin registry and the calling context of a native, built once
//! (under a `OnceLock`) from `UNITS`.
//!
//! A native is a Rust function over argument values that returns at once:
//! it never waits and never runs phial code on the Rust stack. Most are
//! plain (`BifFn`: arguments in, value out). A *stepping* native (`StepFn`)
//! may also ask the machine to call phial code for it: it returns a `Step`,
//! either its value, a call whose result is its result (protocol dispatch),
//! or a call plus a continuation (`Resume`) that the machine runs with the
//! call's result. The machine keeps the continuation in the process, so a
//! native that calls back into phial code is preempted and parks like any
//! phial code (see `machine::native`). Library functions that wait
//! (`Process.sleep`) are written in phial itself, in their unit's `.ex`.
//!
//! `lookup` finds a native by module, name and arity, and the compiler
//! binds calls to it ahead of time. The registry also records what is
//! defined twice in the list (`defects`), which keeps a VM from starting.
//!
//! Not here: the list itself (`library::UNITS`), compiling the units'
//! sources (`loader`), the evaluator's control flow (`machine`).

use super::{Load, Unit, UNITS};
use crate::atom::Atom;
use crate::error::Result;
use crate::process::Process;
use crate::value::Value;
use crate::vm::Vm;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

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

/// One native function of a unit (the unit names the module).
pub struct Native {
    pub name: &'static str,
    pub arity: u8,
    pub f: Imp,
    /// Allowed in guards (pure, cannot wait).
    pub guard: bool,
    /// What the shell's `h` shows for it (see `Native::doc`).
    pub doc: Option<NativeDoc>,
}

/// A native's documentation, written beside its row: the signature IEx
/// prints in the heading (`map(enumerable, fun)`, defaults as
/// `joiner \\ ""`, so one doc covers the lower arities) and the text
/// (one paragraph, then `iex>` examples indented four spaces, checked by
/// the library doctest in `phial-cli/tests/library_docs.rs`). A static
/// string in the table: nothing reads it until `h` asks.
#[derive(Clone, Copy, Debug)]
pub struct NativeDoc {
    pub signature: &'static str,
    pub text: &'static str,
}

/// The doc of a function written in a unit's phial source, kept in Rust
/// where the source is eager (Kernel's: see `elixir::kernel::SOURCE_DOCS`).
#[derive(Clone, Copy, Debug)]
pub struct SourceDoc {
    pub name: &'static str,
    pub arity: u8,
    pub signature: &'static str,
    pub text: &'static str,
}

impl Native {
    /// The row with its documentation: `def("map", 2, map).doc("map(enumerable, fun)", "...")`.
    pub const fn doc(self, signature: &'static str, text: &'static str) -> Native {
        Native {
            doc: Some(NativeDoc { signature, text }),
            ..self
        }
    }
}

/// Shorthand for a table row.
pub const fn def(name: &'static str, arity: u8, f: BifFn) -> Native {
    Native {
        name,
        arity,
        f: Imp::Plain(f),
        guard: false,
        doc: None,
    }
}
/// A guard-safe table row.
pub const fn guard(name: &'static str, arity: u8, f: BifFn) -> Native {
    Native {
        name,
        arity,
        f: Imp::Plain(f),
        guard: true,
        doc: None,
    }
}
/// A stepping native's row (never guard-safe: it may run phial code).
pub const fn step(name: &'static str, arity: u8, f: StepFn) -> Native {
    Native {
        name,
        arity,
        f: Imp::Step(f),
        guard: false,
        doc: None,
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

pub(super) struct Registry {
    entries: Vec<Entry>,
    index: FxHashMap<(Atom, Atom, u8), BifId>,
    modules: rustc_hash::FxHashSet<Atom>,
    /// Each unit by its module's atom name (`"Elixir.Enum"`, `"erlang"`),
    /// for finding the unit a looked-up module belongs to.
    units: FxHashMap<&'static str, usize>,
    /// Names the list defines twice: a bug in phial, which keeps a VM
    /// from starting (`Vm::with_threads`) and fails a unit test.
    defects: Vec<String>,
}

pub(super) fn module_atom(m: &str) -> Atom {
    match m.strip_prefix(':') {
        Some(erl) => Atom::new(erl),
        None => Atom::alias(m),
    }
}

/// The registry of a unit list: one entry per native row, the first of
/// any name defined twice kept and the second reported.
pub(super) fn build(list: &[Unit]) -> Registry {
    let mut reg = Registry {
        entries: Vec::new(),
        index: FxHashMap::default(),
        modules: Default::default(),
        units: FxHashMap::default(),
        defects: Vec::new(),
    };
    for (i, unit) in list.iter().enumerate() {
        let m = module_atom(unit.module);
        if reg.units.insert(m.as_str(), i).is_some() {
            reg.defects
                .push(format!("the unit {} is listed twice", unit.module));
            continue;
        }
        for d in unit.natives {
            let key = (m, Atom::new(d.name), d.arity);
            if reg.index.contains_key(&key) {
                reg.defects.push(format!(
                    "builtin {}.{}/{} is defined twice",
                    unit.module, d.name, d.arity
                ));
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
}

pub(super) fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(|| build(UNITS))
}

impl Registry {
    /// The unit `module` belongs to: the unit of that name, or else the
    /// unit whose name is the longest dotted prefix of it (`Inspect.Map`
    /// belongs to `Inspect`, `Inspect.Opts` is a unit of its own).
    pub(super) fn unit_of(&self, module: &str) -> Option<usize> {
        let mut name = module;
        loop {
            if let Some(&i) = self.units.get(name) {
                return Some(i);
            }
            name = &name[..name.rfind('.')?];
        }
    }

    pub(super) fn defects(&self) -> &[String] {
        &self.defects
    }
}

/// The lazy unit `module` belongs to, if it belongs to one.
pub(super) fn lazy_unit_of(module: &str) -> Option<usize> {
    registry()
        .unit_of(module)
        .filter(|&i| UNITS[i].load == Load::Lazy)
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

/// What `UNITS` defines twice (see `Registry::defects`).
pub fn defects() -> &'static [String] {
    registry().defects()
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

/// The native rows of `m`'s own unit (for `h`: their docs), in table order.
pub fn natives_of(m: Atom) -> &'static [Native] {
    match registry().units.get(m.as_str()) {
        Some(&i) => UNITS[i].natives,
        None => &[],
    }
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
    use super::super::{eager, lazy, Unit};
    use super::*;

    #[test]
    fn no_unit_or_builtin_is_defined_twice() {
        assert_eq!(defects(), &[] as &[String]);
    }

    fn one(_: &mut Ctx, _: &[Value]) -> Result<Value> {
        Ok(Value::Int(1))
    }

    #[test]
    fn a_name_defined_twice_is_reported() {
        const ROWS: &[Native] = &[def("f", 1, one), def("g", 1, one), def("f", 1, one)];
        let list: &[Unit] = &[
            eager("Twice", ROWS, None),
            lazy("Other", &[], None),
            eager("Other", &[], None),
        ];
        assert_eq!(
            build(list).defects(),
            &[
                "builtin Twice.f/1 is defined twice".to_string(),
                "the unit Other is listed twice".to_string(),
            ]
        );
    }

    #[test]
    fn a_module_belongs_to_its_longest_unit_prefix() {
        let reg = registry();
        let unit = |m: &str| {
            reg.unit_of(module_atom(m).as_str())
                .map(|i| UNITS[i].module)
        };
        assert_eq!(unit("Inspect.Map"), Some("Inspect"));
        assert_eq!(unit("Inspect.Opts"), Some("Inspect.Opts"));
        assert_eq!(unit("String.Chars.Atom"), Some("String.Chars"));
        assert_eq!(unit("Enum"), Some("Enum"));
        assert_eq!(unit(":phial_stream"), Some(":phial_stream"));
        assert_eq!(unit("NoSuchModule.Enum"), None);
        // Kernel is eager: nothing lazy is loaded for a module under it.
        assert_eq!(lazy_unit_of(module_atom("Kernel.Foo").as_str()), None);
    }
}
