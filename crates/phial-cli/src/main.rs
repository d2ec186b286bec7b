//! The `phial` binary: reads argv and dispatches to the script runner, `-e`
//! evaluation, `phial test` (the project runner), `--dump-ast`, or the REPL.
//! Also chooses the process-wide allocator (mimalloc, counted per thread
//! for the runtime's memory limits) and tells the runtime how to return
//! memory to it.
//!
//! Not here: the REPL itself (`repl`), evaluation (`phial-eval`).

mod dump_ast;
mod node;
mod output;
mod project_test;
mod repl;
mod script;
mod signals;

use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: a message is allocated by its sender's
/// thread and freed by its receiver's, and glibc handles such a free by
/// locking the sender's arena (contended when four producers flood one
/// consumer); mimalloc pushes it onto the owning page's lock-free list, and
/// its thread-local fast paths are a few dozen instructions. Wrapped in the
/// runtime's counter, which charges each process what its slices allocate
/// so that `max_heap_size` and the default memory limit can stop one process
/// before it takes the VM down (`phial_runtime::Counting`).
#[global_allocator]
static GLOBAL: phial_runtime::Counting<mimalloc::MiMalloc> =
    phial_runtime::Counting(mimalloc::MiMalloc);

const USAGE: &str = "Usage: phial [options] [file.exs [args]]

  phial                     start the interactive shell (iex)
  phial file.exs [args]     run a script; System.argv() returns args
  phial -e EXPR [args]      evaluate EXPR (may be given several times)
  phial -i FILE             run FILE, then start the shell (as iex FILE)
  phial --dot-iex PATH      start the shell with PATH instead of .iex.exs
  phial test [options]      run a Mix-style project's tests (as mix test)
  phial --dump-ast FILE     print the parsed AST of FILE (- for stdin)

  --sname NAME, --name NAME[@HOST], --cookie COOKIE (before the rest)
                            start a distributed node (docs/distribution.md)
  phial --help              show this help
  phial --version           show the version
";

/// Return free memory to the OS after many processes ended (the runtime
/// calls this on an idle worker; see `phial_runtime::set_memory_release`).
fn release_free_memory() {
    // SAFETY: mi_collect has no preconditions; it may run on any thread.
    // `force` purges freed pages now instead of after mimalloc's delay, which
    // would otherwise wait for the (now idle) worker's next allocation.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

/// `PHIAL_THREADS`: how many scheduler threads the runtime runs (unset or
/// 0: one per core).
pub(crate) fn threads_from_env() -> usize {
    std::env::var("PHIAL_THREADS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn main() -> ExitCode {
    phial_runtime::set_memory_release(release_free_memory);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = run(args);
    ExitCode::from(code.clamp(0, 255) as u8)
}

fn run(mut args: Vec<String>) -> i32 {
    if let Err(e) = node::take_flags(&mut args) {
        eprintln!("phial: {e}\n\n{USAGE}");
        return 2;
    }
    let Some(first) = args.first() else {
        return repl::run(repl::Options::default());
    };
    match first.as_str() {
        "--help" | "-h" => {
            print!("{USAGE}");
            0
        }
        "--version" | "-v" => {
            println!("phial {}", env!("CARGO_PKG_VERSION"));
            0
        }
        "test" if !std::path::Path::new("test").is_file() => {
            signals::install_for_scripts();
            project_test::run(&args[1..])
        }
        "--dump-ast" => match args.get(1) {
            Some(path) => dump_ast::dump_ast_cli(path),
            None => {
                eprintln!("phial: --dump-ast needs a file (or - for stdin)");
                2
            }
        },
        "-i" | "--dot-iex" => match shell_options(&args) {
            Ok(opts) => repl::run(opts),
            Err(msg) => {
                eprintln!("phial: {msg}");
                2
            }
        },
        "-e" | "--eval" => {
            signals::install_for_scripts();
            let mut exprs = Vec::new();
            let mut rest = args.iter();
            let mut argv = Vec::new();
            while let Some(a) = rest.next() {
                if a == "-e" || a == "--eval" {
                    match rest.next() {
                        Some(e) => exprs.push(e.clone()),
                        None => {
                            eprintln!("phial: -e needs an expression");
                            return 2;
                        }
                    }
                } else {
                    argv.push(a.clone());
                    argv.extend(rest.by_ref().cloned());
                }
            }
            script::run_eval(&exprs, argv)
        }
        flag if flag.starts_with('-') && flag != "-" => {
            eprintln!("phial: unknown option {flag}\n\n{USAGE}");
            2
        }
        path => {
            signals::install_for_scripts();
            script::run_file(path, args[1..].to_vec())
        }
    }
}

/// `-i FILE` and `--dot-iex PATH`, each any number of times, in any order.
fn shell_options(args: &[String]) -> Result<repl::Options, String> {
    let mut opts = repl::Options::default();
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "-i" => match rest.next() {
                Some(f) => opts.require.push(f.clone()),
                None => return Err("-i needs a file".into()),
            },
            "--dot-iex" => match rest.next() {
                Some(p) => opts.dot_iex = Some(p.clone()),
                None => return Err("--dot-iex needs a path".into()),
            },
            other => return Err(format!("unknown shell option {other}")),
        }
    }
    Ok(opts)
}
