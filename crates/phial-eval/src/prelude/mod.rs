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

const SOURCES: &[(&str, &str)] = &[
    ("prelude/kernel.ex", include_str!("kernel.ex")),
    ("prelude/enum.ex", include_str!("enum.ex")),
    ("prelude/collections.ex", include_str!("collections.ex")),
    ("prelude/process.ex", include_str!("process.ex")),
    ("prelude/mapset.ex", include_str!("mapset.ex")),
    ("prelude/basics.ex", include_str!("basics.ex")),
];

/// Compiles the prelude into `vm`'s module table. A broken prelude is a bug
/// in phial itself, reported on stderr once.
pub fn load(vm: &Vm) {
    for (file, source) in SOURCES {
        let exprs = match parse(source) {
            ParseOutcome::Complete(e) => e,
            _ => {
                vm.out
                    .stderr(&format!("phial: internal error: {file} does not parse\n"));
                continue;
            }
        };
        match Compiler::new(vm, file, source).compile_program(&exprs, &[], false) {
            Ok(program) => {
                for m in &program.code.modules {
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
