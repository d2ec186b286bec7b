//! Compiling the units' phial sources into a VM's module table: the eager
//! units when a VM starts (`load_eager`), a lazy one the first time one of
//! its modules is looked up (`Vm::ensure_lazy` through `lazy_unit_for`).
//! Being ordinary phial code, these functions are preempted like any other
//! and never block a worker thread.
//!
//! Loading also checks that a unit's source keeps to its unit: it defines
//! only the unit's module and `Unit.*` modules that are not units of their
//! own, no module twice, and no function the unit also has as a native
//! (resolution prefers phial code, so the native would be hidden). What it
//! finds is returned as a defect; the VM refuses to start over an eager
//! unit's (`Vm::with_threads`), and a unit test loads every lazy unit.
//!
//! Not here: the list (`library::UNITS`), the builtin registry (`registry`).

use super::registry::{module_atom, registry};
use super::{Load, Unit, UNITS};
use crate::atom::Atom;
use crate::compile::Compiler;
use crate::error::module_name;
use crate::vm::Vm;
use phial_syntax::{parse, ParseOutcome};

/// Compiles every eager unit's source into `vm`; returns what is wrong
/// with them (nothing, unless phial itself is broken).
pub(crate) fn load_eager(vm: &Vm) -> Vec<String> {
    let mut defects = Vec::new();
    for unit in UNITS.iter().filter(|u| u.load == Load::Eager) {
        defects.extend(load_unit(vm, unit));
    }
    defects
}

/// The lazily compiled unit (an index into `UNITS`) that `module` belongs
/// to, if any.
pub(crate) fn lazy_unit_for(module: Atom) -> Option<usize> {
    super::registry::lazy_unit_of(module.as_str())
}

/// Compiles `unit`'s source into `vm`'s module table; returns its defects.
pub(crate) fn load_unit(vm: &Vm, unit: &Unit) -> Vec<String> {
    let Some(src) = &unit.source else {
        return Vec::new();
    };
    let file = format!("library/{}", src.path);
    let exprs = match parse(src.text) {
        ParseOutcome::Complete(e) => e,
        _ => return vec![format!("{file} does not parse")],
    };
    let program = match Compiler::new(vm, &file, src.text)
        .for_prelude()
        .compile_program(&exprs, &[], false)
    {
        Ok(program) => program,
        Err(errors) => {
            return errors
                .iter()
                .map(|e| {
                    format!(
                        "in {file}: {}",
                        crate::vm::render_compile_error(&file, src.text, e)
                    )
                })
                .collect()
        }
    };
    let own = module_atom(unit.module);
    let mut defects = Vec::new();
    for m in &program.code.modules {
        if !belongs(unit, own, m.name) {
            defects.push(format!(
                "{file} defines {}, which is not part of the unit {}",
                module_name(m.name),
                unit.module
            ));
        }
        // A second `defmodule` of a name would replace the first and lose
        // its functions: each library module is defined once.
        if vm.module_defined(m.name) {
            defects.push(format!("{file} defines {} again", module_name(m.name)));
        }
        if m.name == own {
            for (name, arity) in m.functions.keys() {
                let native = unit
                    .natives
                    .iter()
                    .any(|n| u32::from(n.arity) == *arity && n.name == name.as_str());
                if native {
                    defects.push(format!(
                        "{}.{}/{arity} is defined both natively and in {file}",
                        module_name(own),
                        name.as_str()
                    ));
                }
            }
        }
        vm.define_module(m.clone());
    }
    defects
}

/// Whether a module `unit`'s source defines is the unit's: its own module,
/// or a dotted submodule that is not a unit of its own.
fn belongs(unit: &Unit, own: Atom, module: Atom) -> bool {
    let (o, m) = (own.as_str(), module.as_str());
    if m == o {
        return true;
    }
    m.strip_prefix(o).is_some_and(|rest| rest.starts_with('.'))
        && registry()
            .unit_of(m)
            .is_none_or(|i| UNITS[i].module == unit.module)
}

#[cfg(test)]
mod tests {
    use super::super::{def, eager, Ctx, Native, Source};
    use super::*;
    use crate::value::Value;
    use crate::vm::Output;
    use std::sync::Arc;

    struct Quiet;
    impl Output for Quiet {
        fn stdout(&self, _: &str) {}
        fn stderr(&self, _: &str) {}
        fn halt(&self, _code: i32) {}
    }

    fn twice(_: &mut Ctx, a: &[Value]) -> crate::error::Result<Value> {
        Ok(a[0].clone())
    }

    #[test]
    fn every_lazy_unit_loads_without_defects() {
        let vm = Vm::new(Arc::new(Quiet)).unwrap_or_else(|e| panic!("{e}"));
        for unit in UNITS.iter().filter(|u| u.load == Load::Lazy) {
            // A unit another one loaded on the way (a struct literal
            // loads the struct's unit) was checked then.
            let name = match unit.module.strip_prefix(':') {
                Some(erl) => crate::atom::Atom::new(erl),
                None => crate::atom::Atom::alias(unit.module),
            };
            if unit.source.is_some() && vm.module_defined(name) {
                continue;
            }
            assert_eq!(
                load_unit(&vm, unit),
                Vec::<String>::new(),
                "{}",
                unit.module
            );
        }
    }

    #[test]
    fn a_function_both_native_and_in_the_source_is_reported() {
        const ROWS: &[Native] = &[def("twice", 1, twice)];
        let unit = eager(
            "PhialDemo",
            ROWS,
            Some(Source {
                path: "demo.ex",
                text: "defmodule PhialDemo do\n  def twice(x), do: x\n  def once(x), do: x\nend\n\
                       defmodule Enum.PhialDemo do\nend\n",
            }),
        );
        let vm = Vm::new(Arc::new(Quiet)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            load_unit(&vm, &unit),
            vec![
                "PhialDemo.twice/1 is defined both natively and in library/demo.ex".to_string(),
                "library/demo.ex defines Enum.PhialDemo, which is not part of the unit PhialDemo"
                    .to_string(),
            ]
        );
    }
}
