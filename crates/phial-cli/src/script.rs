//! The script runner: `phial file.exs` and `phial -e EXPR`, as the `elixir`
//! command runs them. The whole source is parsed and compiled before anything
//! runs (a syntax or compile error anywhere means nothing runs), then it runs
//! as the main process; when main ends, every other process is stopped.
//!
//! Not here: the REPL.

use crate::output::StdStreams;
use phial_eval::vm::render_compile_error;
use phial_eval::{LoadError, Vm};
use std::io::IsTerminal;
use std::sync::Arc;

fn color_stderr() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// The script's VM, or the exit code of one that would not start (a
/// defect in phial's own library, reported on stderr).
fn new_vm(argv: Vec<String>) -> Result<Arc<Vm>, i32> {
    match Vm::with_threads(Arc::new(StdStreams::default()), crate::threads_from_env()) {
        Ok(vm) => {
            *vm.argv.write() = argv;
            crate::node::start(&vm)?;
            Ok(vm)
        }
        Err(e) => {
            eprint!("{e}");
            Err(INTERNAL_ERROR)
        }
    }
}

/// The exit code when phial itself is broken (sysexits' EX_SOFTWARE).
pub const INTERNAL_ERROR: i32 = 70;

/// Prints why a source failed to load, as Elixir words it; returns exit code 1.
fn report_load_error(file: &str, source: &str, err: LoadError) -> i32 {
    let color = color_stderr();
    match err {
        LoadError::Syntax(errors) => {
            for e in errors.iter().take(1) {
                eprintln!("{}", e.render(file, source, color));
            }
        }
        LoadError::Incomplete(e) => eprintln!("{}", e.render(file, source, color)),
        LoadError::Compile(errors) => {
            for e in &errors {
                eprintln!("{}", render_compile_error(file, source, e));
            }
        }
    }
    1
}

pub fn run_file(path: &str, argv: Vec<String>) -> i32 {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(_) => {
            eprintln!("No file named {path}");
            return 1;
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "{}",
                invalid_encoding(e.as_bytes(), e.utf8_error().valid_up_to())
            );
            return 1;
        }
    };
    let vm = match new_vm(argv) {
        Ok(vm) => vm,
        Err(code) => return code,
    };
    match vm.load(path, &source, &[], false) {
        Ok(program) => vm.run_main(program),
        Err(e) => report_load_error(path, &source, e),
    }
}

/// Elixir's report of a script that is not UTF-8: the bytes from the first
/// bad one, as `inspect` shows a binary (at most 50, then `...`).
fn invalid_encoding(bytes: &[u8], at: usize) -> String {
    let rest = bytes.get(at..).unwrap_or_default();
    let mut shown: Vec<String> = rest.iter().take(50).map(|b| b.to_string()).collect();
    if rest.len() > 50 {
        shown.push("...".into());
    }
    format!(
        "** (UnicodeConversionError) invalid encoding starting at <<{}>>",
        shown.join(", ")
    )
}

pub fn run_eval(exprs: &[String], argv: Vec<String>) -> i32 {
    let vm = match new_vm(argv) {
        Ok(vm) => vm,
        Err(code) => return code,
    };
    let source = exprs.join("\n");
    match vm.load("nofile", &source, &[], false) {
        Ok(program) => vm.run_main(program),
        Err(e) => report_load_error("nofile", &source, e),
    }
}
