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

fn new_vm(argv: Vec<String>) -> Arc<Vm> {
    let vm = Vm::with_threads(Arc::new(StdStreams), crate::threads_from_env());
    *vm.argv.write() = argv;
    vm
}

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
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(_) => {
            eprintln!("No file named {path}");
            return 1;
        }
    };
    let vm = new_vm(argv);
    match vm.load(path, &source, &[], false) {
        Ok(program) => vm.run_main(program),
        Err(e) => report_load_error(path, &source, e),
    }
}

pub fn run_eval(exprs: &[String], argv: Vec<String>) -> i32 {
    let vm = new_vm(argv);
    let source = exprs.join("\n");
    match vm.load("nofile", &source, &[], false) {
        Ok(program) => vm.run_main(program),
        Err(e) => report_load_error("nofile", &source, e),
    }
}
