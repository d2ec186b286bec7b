//! Stdlib breadth: every public function of the core modules Elixir 1.14
//! exports (`tests/exported/elixir-1.14-functions.txt`, recorded from real
//! Elixir by `tests/exported/gen.exs`) must be reported by phial's
//! `function_exported?/3` after `Code.ensure_loaded/1`, except those on the
//! committed "not yet" list (`tests/exported/missing.txt`). The test fails
//! listing what is missing and not on that list, and also anything on the
//! list that now exists, so the list can only shrink and stays honest.
//!
//! Not here: whether the functions behave as Elixir's (the recorded cases in
//! `tests/cases/` check that).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn repo_file(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// `Mod.name/arity` lines, without blank lines and `#` comments.
fn entries(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Splits `Mod.name/arity` into its parts. Module names may have dots
/// (`Task.Supervisor`) and operator names may have a `/` (`Kernel.//2`), but
/// no listed name has a dot, so the arity is after the last `/` and the
/// module is everything before the last `.` ahead of it.
fn parse(entry: &str) -> (&str, &str, &str) {
    let (rest, arity) = entry.rsplit_once('/').expect("Mod.name/arity");
    let (module, name) = rest.rsplit_once('.').expect("Mod.name/arity");
    assert!(arity.parse::<u8>().is_ok(), "bad arity in {entry}");
    assert!(!module.is_empty() && !name.is_empty(), "bad entry {entry}");
    (module, name, arity)
}

#[test]
fn every_elixir_function_is_exported() {
    let expected = entries(&repo_file("tests/exported/elixir-1.14-functions.txt"));
    let missing_list = entries(&repo_file("tests/exported/missing.txt"));
    assert!(
        expected.len() > 400,
        "only {} functions listed?",
        expected.len()
    );

    let known: BTreeSet<&String> = expected.iter().collect();
    let stray: Vec<&String> = missing_list.iter().filter(|m| !known.contains(m)).collect();
    assert!(
        stray.is_empty(),
        "tests/exported/missing.txt names functions Elixir 1.14 does not export: {stray:?}"
    );

    // One script for all: each module is loaded (and must load as Elixir's
    // does), then every function is checked; the script prints the exported
    // ones, so a crash part-way shows up as everything after it missing.
    let mut modules: Vec<&str> = Vec::new();
    let mut checks = String::new();
    for e in &expected {
        let (module, name, arity) = parse(e);
        if !modules.contains(&module) {
            modules.push(module);
        }
        checks.push_str(&format!("  {{{module}, :\"{name}\", {arity}, \"{e}\"}},\n"));
    }
    // A module that does not load yet (Stream, before it is written) just
    // has all its functions missing; the script says which loaded.
    let loads: String = modules
        .iter()
        .map(|m| {
            format!(
                "case Code.ensure_loaded({m}) do\n  {{:module, {m}}} -> :ok\n  \
                 {{:error, :nofile}} -> IO.puts(\"not loaded: {m}\")\nend\n"
            )
        })
        .collect();
    let script = format!(
        "{loads}{{:error, :nofile}} = Code.ensure_loaded(NoSuchModuleAnywhere)\n\
         checks = [\n{checks}]\n\
         for {{m, f, a, label}} <- checks, function_exported?(m, f, a), do: IO.puts(label)\n\
         IO.puts(\"exported check done\")\n"
    );
    let dir = std::env::temp_dir().join(format!("phial_exported_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("exported.exs");
    std::fs::write(&path, &script).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_phial"))
        .arg(&path)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run phial");
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.ends_with("exported check done\n"),
        "the check script failed ({}):\n{stderr}",
        out.status
    );

    // Every module whose functions are reported must also have loaded:
    // `function_exported?` and `Code.ensure_loaded` have to agree.
    let not_loaded: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("not loaded: "))
        .collect();
    let exported: BTreeSet<&str> = stdout
        .lines()
        .filter(|l| !l.starts_with("not loaded: ") && *l != "exported check done")
        .collect();
    for e in &exported {
        let (module, _, _) = parse(e);
        assert!(
            !not_loaded.contains(&module),
            "{e} is exported but Code.ensure_loaded({module}) says :nofile"
        );
    }
    let allowed: BTreeSet<&str> = missing_list.iter().map(String::as_str).collect();
    let unlisted: Vec<&str> = expected
        .iter()
        .map(String::as_str)
        .filter(|e| !exported.contains(e) && !allowed.contains(e))
        .collect();
    let now_present: Vec<&str> = allowed
        .iter()
        .copied()
        .filter(|e| exported.contains(e))
        .collect();
    let mut report = String::new();
    if !unlisted.is_empty() {
        report.push_str(&format!(
            "{} functions Elixir 1.14 exports are missing in phial:\n  {}\n",
            unlisted.len(),
            unlisted.join("\n  ")
        ));
    }
    if !now_present.is_empty() {
        report.push_str(&format!(
            "{} functions on tests/exported/missing.txt now exist; remove them from it:\n  {}\n",
            now_present.len(),
            now_present.join("\n  ")
        ));
    }
    assert!(report.is_empty(), "{report}");
}
