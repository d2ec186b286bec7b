//! The library's documentation as the shell's `h` reads it: a module's
//! `@moduledoc` and `@doc`s from its unit's phial source (compiled on
//! demand, as a lazy unit is on first use) merged with the docs written
//! beside its native rows (`Native::doc`), and the count of public
//! functions still without one.
//!
//! Not here: printing (the shell's helpers), collecting `@doc` while
//! compiling (`compile::docs`).

use super::registry::natives_of;
use super::UNITS;
use crate::atom::Atom;
use crate::compile::{FunctionDoc, ModuleDocs};
use crate::vm::Vm;

/// `module`'s docs: what its source says, then each documented native row
/// (a function has either, never both: the loader refuses a name that is
/// native and in the source). `None` for a module with neither compiled
/// docs nor native rows.
pub fn module_docs(vm: &Vm, module: Atom) -> Option<ModuleDocs> {
    vm.ensure_lazy(module);
    let compiled = vm.module_docs(module);
    let natives = natives_of(module);
    if compiled.is_none() && natives.is_empty() {
        return None;
    }
    let mut docs = compiled.map(|d| (*d).clone()).unwrap_or_default();
    if let Some(unit) = unit_of(module) {
        if unit.moduledoc.is_some() {
            docs.moduledoc = unit.moduledoc.map(str::to_string);
        }
        for d in unit.source_docs {
            let name = Atom::new(d.name);
            match docs
                .functions
                .iter_mut()
                .find(|f| f.name == name && f.arity == d.arity as u32)
            {
                Some(f) => {
                    f.signature = d.signature.to_string();
                    f.doc = Some(d.text.to_string());
                }
                None => docs.functions.push(FunctionDoc {
                    name,
                    arity: d.arity as u32,
                    signature: d.signature.to_string(),
                    doc: Some(d.text.to_string()),
                    hidden: false,
                }),
            }
        }
    }
    for n in natives {
        if let Some(d) = n.doc {
            docs.functions.push(FunctionDoc {
                name: Atom::new(n.name),
                arity: n.arity as u32,
                signature: d.signature.to_string(),
                doc: Some(d.text.to_string()),
                hidden: false,
            });
        }
    }
    Some(docs)
}

/// The unit that is `module` itself (not one it merely belongs to).
fn unit_of(module: Atom) -> Option<&'static super::Unit> {
    UNITS
        .iter()
        .find(|u| super::registry::module_atom(u.module) == module)
}

/// How much of one library module is documented.
pub struct Coverage {
    pub atom: Atom,
    /// `Enum`, `:lists`.
    pub module: String,
    /// Public functions (name/arity; one arity a default covers counts
    /// once per arity) with a doc.
    pub documented: usize,
    /// Those without, as `name/arity`.
    pub missing: Vec<String>,
    /// Whether the module has a `@moduledoc`.
    pub moduledoc: bool,
}

/// The coverage of every Elixir and Erlang unit's own module (internal
/// `:phial_*` modules are not the public library and are left out).
pub fn coverage(vm: &Vm) -> Vec<Coverage> {
    let mut out = Vec::new();
    for unit in UNITS {
        let atom = super::registry::module_atom(unit.module);
        if atom.as_str().starts_with("phial") || unit.module.starts_with("Phial") {
            continue;
        }
        let Some(docs) = module_docs(vm, atom) else {
            continue;
        };
        let mut public: Vec<(Atom, u32)> = natives_of(atom)
            .iter()
            .map(|n| (Atom::new(n.name), n.arity as u32))
            .collect();
        for f in &docs.functions {
            if !f.hidden {
                public.push((f.name, f.arity));
                for k in 1..=f.defaults() {
                    public.push((f.name, f.arity - k));
                }
            }
        }
        public.retain(|(n, _)| !n.as_str().starts_with('_'));
        public.sort_by(|a, b| (a.0.as_str(), a.1).cmp(&(b.0.as_str(), b.1)));
        public.dedup();
        let hidden = |n: Atom, a: u32| {
            docs.functions
                .iter()
                .any(|f| f.hidden && f.name == n && f.arity == a)
        };
        let mut c = Coverage {
            atom,
            module: crate::error::module_name(atom),
            documented: 0,
            missing: Vec::new(),
            moduledoc: docs.moduledoc.is_some(),
        };
        for (n, a) in public {
            if hidden(n, a) {
                continue;
            }
            if docs
                .functions
                .iter()
                .any(|f| f.doc.is_some() && f.name == n && f.covers(a))
            {
                c.documented += 1;
            } else {
                c.missing.push(format!("{}/{a}", n.as_str()));
            }
        }
        out.push(c);
    }
    out
}
