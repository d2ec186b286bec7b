//! `phial test`: runs a Mix-style project's tests as `mix test` does, in the
//! current folder. This side only reads the command line and the folder
//! (which files are in `lib/` and `test/`, the app's name in `mix.exs`) and
//! hands them to `Phial.ProjectTest`, phial code that compiles, loads and
//! runs everything in one VM with the usual host APIs.
//!
//! Not here: compiling or running anything (`Phial.ProjectTest`, ExUnit),
//! Mix itself: `mix.exs` is not evaluated, only searched for `app: :name`.

use crate::output::StdStreams;
use phial_eval::Vm;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const USAGE: &str = "Usage: phial test [--include TAG] [--exclude TAG] [--only TAG] [--seed N] [--trace] [FILE[:LINE] ...]\n";

/// What the command line asked for.
#[derive(Default)]
struct Options {
    include: Vec<String>,
    exclude: Vec<String>,
    only: Vec<String>,
    seed: Option<u64>,
    trace: bool,
    /// Test files (or `file:line`) to run instead of all of them.
    files: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("** (Mix) Missing argument for {flag}"))
        };
        match a.as_str() {
            "--include" => o.include.push(value("--include")?),
            "--exclude" => o.exclude.push(value("--exclude")?),
            "--only" => o.only.push(value("--only")?),
            "--seed" => {
                let v = value("--seed")?;
                o.seed =
                    Some(v.parse().map_err(|_| {
                        format!("** (Mix) --seed : Expected type integer, got {v:?}")
                    })?);
            }
            "--trace" => o.trace = true,
            "--help" | "-h" => return Err(USAGE.trim_end().into()),
            flag if flag.starts_with("--") => {
                return Err(format!("** (Mix) {flag} : Unknown option"));
            }
            file => o.files.push(file.to_string()),
        }
    }
    if !o.only.is_empty() {
        // As mix: the given tags are included first, and every test
        // (`:test`) is excluded otherwise.
        o.include = o.only.iter().chain(&o.include).cloned().collect();
        o.exclude.insert(0, "test".into());
    }
    Ok(o)
}

/// Every file under `dir` whose name ends with `suffix`, sorted, as
/// relative paths with `/` (no recursion over user data: an explicit stack).
fn find(dir: &str, suffix: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Some(p) = path.to_str() {
                if p.ends_with(suffix) {
                    found.push(p.to_string());
                }
            }
        }
    }
    found.sort();
    found
}

/// The app's name from `mix.exs`' `app: :name` (the folder's name without).
fn app_name(mix_exs: &str) -> String {
    if let Some(at) = mix_exs.find("app:") {
        let rest = mix_exs[at + 4..].trim_start();
        if let Some(rest) = rest.strip_prefix(':') {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                return name;
            }
        }
    }
    std::env::current_dir()
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "app".into())
}

/// `s` as an Elixir string literal.
fn lit(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '#' => out.push_str("\\#"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| lit(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// A test file argument: `path` or `path:line`.
fn split_line(arg: &str) -> (&str, Option<&str>) {
    match arg.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            (file, Some(line))
        }
        _ => (arg, None),
    }
}

pub fn run(args: &[String]) -> i32 {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}");
            return 1;
        }
    };
    let Ok(mix_exs) = std::fs::read_to_string("mix.exs") else {
        eprintln!(
            "** (Mix) Could not find a Mix.Project, please ensure you are running Mix in a directory with a mix.exs file"
        );
        return 1;
    };
    let app = app_name(&mix_exs);
    let lib = find("lib", ".ex");
    let helper = Path::new("test/test_helper.exs").is_file();
    let mut lines = Vec::new();
    let tests = if opts.files.is_empty() {
        find("test", "_test.exs")
    } else {
        let mut tests = Vec::new();
        for arg in &opts.files {
            let (file, line) = split_line(arg);
            if !Path::new(file).exists() {
                eprintln!("Paths given to \"mix test\" did not match any directory/file: {arg}");
                continue;
            }
            if Path::new(file).is_dir() {
                tests.extend(find(file, "_test.exs"));
            } else {
                tests.push(file.to_string());
            }
            if let Some(l) = line {
                lines.push(format!("line:{l}"));
            }
        }
        if !lines.is_empty() && opts.files.len() > 1 {
            eprintln!("** (Mix) Line numbers can only be used when running a single test file");
            return 1;
        }
        tests
    };
    if !helper {
        eprintln!("** (Mix) Cannot run tests because test helper file \"test/test_helper.exs\" does not exist");
        return 1;
    }
    let seed = opts.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_micros() as u64)
            .unwrap_or(0)
    });
    let driver = format!(
        "Phial.ProjectTest.run({}, {}, \"test/test_helper.exs\", {}, {}, {}, {}, {seed}, {})\n",
        lit(&app),
        list(&lib),
        list(&tests),
        list(&opts.include),
        list(&opts.exclude),
        list(&lines),
        opts.trace
    );
    let vm = match Vm::with_threads(Arc::new(StdStreams::default()), crate::threads_from_env()) {
        Ok(vm) => vm,
        Err(e) => {
            eprint!("{e}");
            return crate::script::INTERNAL_ERROR;
        }
    };
    match vm.load("nofile", &driver, &[], false) {
        Ok(program) => vm.run_main(program),
        Err(_) => {
            eprintln!("phial test: could not start the runner");
            crate::script::INTERNAL_ERROR
        }
    }
}
