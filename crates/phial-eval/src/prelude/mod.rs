//! The part of the standard library written in phial itself: functions that
//! call back into phial code (`Enum.map`) or wait (`Process.sleep`). Being
//! ordinary phial code, they are preempted like any other and never block a
//! worker thread.
//!
//! The sources are compiled when a VM starts. Not here: builtins in Rust
//! (`bifs`).

use crate::compile::Compiler;
use crate::vm::Vm;
use phial_syntax::{parse, ParseOutcome};

/// Compiled when a VM starts.
const EAGER: &[(&str, &str)] = &[
    ("prelude/kernel.ex", include_str!("kernel.ex")),
    ("prelude/enum.ex", include_str!("enum.ex")),
    ("prelude/collections.ex", include_str!("collections.ex")),
    ("prelude/process.ex", include_str!("process.ex")),
    ("prelude/mapset.ex", include_str!("mapset.ex")),
    ("prelude/basics.ex", include_str!("basics.ex")),
];

/// Compiled the first time one of their modules is looked up (see
/// `Vm::ensure_lazy`): most scripts never use a stream or a protocol of
/// their own, and compiling these at start-up would double its time.
/// Each file lists the module names it defines, as prefixes: `Inspect`
/// stands for `Inspect` and every `Inspect.*`.
pub const LAZY: &[(&str, &str, &[&str])] = &[
    (
        "prelude/protocols.ex",
        include_str!("protocols.ex"),
        &[
            "Elixir.String.Chars",
            "Elixir.List.Chars",
            "Elixir.Enumerable",
            "Elixir.Collectable",
            "phial_enum",
        ],
    ),
    (
        "prelude/inspect.ex",
        include_str!("inspect.ex"),
        &["Elixir.Inspect", "phial_inspect"],
    ),
    (
        "prelude/access.ex",
        include_str!("access.ex"),
        &["Elixir.Access"],
    ),
    (
        "prelude/stream.ex",
        include_str!("stream.ex"),
        &["Elixir.Stream", "phial_stream", "phial_enum_halting"],
    ),
];

/// The lazily compiled file that defines `module`, if any.
pub fn lazy_file_for(module: &str) -> Option<usize> {
    LAZY.iter().position(|(_, _, names)| {
        names.iter().any(|n| {
            module == *n
                || module
                    .strip_prefix(n)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

/// Compiles the eager part of the prelude into `vm`'s module table.
pub fn load(vm: &Vm) {
    for (file, source) in EAGER {
        load_file(vm, file, source);
    }
}

/// Compiles lazily loaded file `i` into `vm`'s module table.
pub fn load_lazy(vm: &Vm, i: usize) {
    if let Some((file, source, _)) = LAZY.get(i) {
        load_file(vm, file, source);
    }
}

/// A broken prelude is a bug in phial itself, reported on stderr.
fn load_file(vm: &Vm, file: &str, source: &str) {
    {
        let exprs = match parse(source) {
            ParseOutcome::Complete(e) => e,
            _ => {
                vm.out
                    .stderr(&format!("phial: internal error: {file} does not parse\n"));
                return;
            }
        };
        match Compiler::new(vm, file, source)
            .for_prelude()
            .compile_program(&exprs, &[], false)
        {
            Ok(program) => {
                for m in &program.code.modules {
                    // A second `defmodule` of a name would replace the first
                    // and lose its functions: each library module is one
                    // unit, defined once.
                    if vm.module_defined(m.name) {
                        vm.out.stderr(&format!(
                            "phial: internal error: {file} defines {} again\n",
                            crate::error::module_name(m.name)
                        ));
                    }
                    vm.define_module(m.clone());
                }
            }
            Err(errors) => {
                for e in errors {
                    vm.out.stderr(&format!(
                        "phial: internal error in {file}: {}\n",
                        crate::vm::render_compile_error(file, source, &e)
                    ));
                }
            }
        }
    }
}
