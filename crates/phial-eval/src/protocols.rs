//! Protocol dispatch: which module implements protocol `P` for a value.
//!
//! As in Elixir, an implementation is a module named after the protocol
//! and the type: `defimpl P, for: Integer` defines `P.Integer`, and
//! `defimpl P, for: MyStruct` defines `P.MyStruct`. A value's type is its
//! struct name for a struct, else one of Elixir's built-in type names
//! (`Integer`, `BitString`, `List`, ...). A struct with no implementation
//! of its own uses `P.Any` when it derives `P` (`@derive`) or when the
//! protocol falls back to any (`@fallback_to_any true`); other values use
//! `P.Any` only in the second case. A struct never falls back to `Map`.
//!
//! Answers are cached per (protocol, type); the cache is emptied whenever
//! a module is defined (`crate::vm::generation`), so a `defimpl` that runs
//! later is seen.
//!
//! Not here: compiling `defprotocol`/`defimpl` (`compile::protocol`).

use crate::atom::Atom;
use crate::error::{self, module_name, type_description, Raise};
use crate::value::Value;
use crate::vm::Vm;
use parking_lot::Mutex;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The type an implementation is chosen by: a struct's name, or the
/// built-in type's alias (`Elixir.Integer`).
fn type_key(v: &Value) -> (Atom, bool) {
    match v.struct_name() {
        Some(s) => (s, true),
        None => (Atom::alias(type_description(v)), false),
    }
}

type Cache = FxHashMap<(Atom, Atom, bool), Option<Atom>>;

fn cache() -> &'static Mutex<(u64, Cache)> {
    static CACHE: OnceLock<Mutex<(u64, Cache)>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// The module implementing `protocol` for `v`, if any.
pub fn impl_for(vm: &Vm, protocol: Atom, v: &Value, fallback: bool) -> Option<Atom> {
    let (ty, is_struct) = type_key(v);
    let key = (protocol, ty, fallback);
    let generation = crate::vm::generation();
    {
        let mut c = cache().lock();
        if c.0 != generation {
            c.0 = generation;
            c.1.clear();
        }
        if let Some(found) = c.1.get(&key) {
            return *found;
        }
    }
    let found = find(vm, protocol, ty, is_struct, fallback);
    let mut c = cache().lock();
    if c.0 == generation {
        c.1.insert(key, found);
    }
    found
}

fn find(vm: &Vm, protocol: Atom, ty: Atom, is_struct: bool, fallback: bool) -> Option<Atom> {
    let proto = module_name(protocol);
    let own = Atom::alias(&format!("{proto}.{}", module_name(ty)));
    if vm.module_exists(own) {
        return Some(own);
    }
    let any = Atom::alias(&format!("{proto}.Any"));
    let derived =
        is_struct && crate::structs::get(ty).is_some_and(|d| d.derives(protocol).is_some());
    if (derived || fallback) && vm.module_exists(any) {
        return Some(any);
    }
    None
}

/// `Protocol.UndefinedError` for `v`.
pub fn undefined(protocol: Atom, v: &Value) -> Raise {
    error::protocol_undefined(&module_name(protocol), v.clone(), "")
}

fn user_inspect() -> &'static parking_lot::RwLock<rustc_hash::FxHashSet<Atom>> {
    static SET: OnceLock<parking_lot::RwLock<rustc_hash::FxHashSet<Atom>>> = OnceLock::new();
    SET.get_or_init(Default::default)
}

/// Notes a module as it is defined: an implementation of Inspect
/// (`Inspect.Name`, made by `defimpl`, so it has `__impl__/1`) is a
/// struct's own way to print, which the printer must hand to phial code
/// (`pretty::user_inspected`). Kept apart from the VM because the printer
/// has none at hand. Other `Inspect.*` modules (`Inspect.Opts`,
/// `Inspect.Algebra`) are not implementations.
pub fn note_module(m: &crate::compile::Module) {
    let Some(ty) = m.name.as_str().strip_prefix("Elixir.Inspect.") else {
        return;
    };
    if m.functions.contains_key(&(Atom::new("__impl__"), 1)) {
        user_inspect().write().insert(Atom::alias(ty));
    }
}

/// Whether struct `name` has its own Inspect implementation.
pub fn has_user_inspect(name: Atom) -> bool {
    let set = user_inspect().read();
    !set.is_empty() && set.contains(&name)
}
