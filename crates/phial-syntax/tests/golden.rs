//! Data-driven golden tests: every `cases/<suite>/NAME.exs` has a
//! `NAME.expected` beside it.
//! - `ast`: the `dump_ast` output (the input must parse completely);
//! - `errors`: the rendered diagnostics (the input must be an error);
//! - `incomplete`: the rendered `TokenMissingError` (the input must be incomplete).
//!
//! Run with `UPDATE_GOLDEN=1` to (re)write the expected files, then review the diff.

use std::path::{Path, PathBuf};

use phial_syntax::{dump_ast, parse, ParseOutcome};

fn cases(suite: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(suite);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("cases dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .collect();
    v.sort();
    v
}

fn actual(suite: &str, path: &Path) -> String {
    let source = std::fs::read_to_string(path).expect("read case");
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    match (suite, parse(&source)) {
        ("ast", ParseOutcome::Complete(exprs)) => dump_ast(&exprs),
        ("errors", ParseOutcome::Error(errs)) => errs
            .iter()
            .map(|e| e.render(&file, &source, false) + "\n")
            .collect(),
        ("incomplete", ParseOutcome::Incomplete(e)) => e.render(&file, &source, false) + "\n",
        (_, other) => format!("UNEXPECTED OUTCOME: {other:?}\n"),
    }
}

fn run(suite: &str, min: usize) {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let files = cases(suite);
    assert!(files.len() >= min, "{suite}: only {} cases", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let got = actual(suite, path);
        let expected_path = path.with_extension("expected");
        if update {
            std::fs::write(&expected_path, &got).expect("write expected");
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != want || got.starts_with("UNEXPECTED") {
            failures.push(format!(
                "--- {}\nexpected:\n{want}\ngot:\n{got}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn ast_dumps() {
    run("ast", 20);
}

#[test]
fn error_diagnostics() {
    run("errors", 40);
}

#[test]
fn incomplete_inputs() {
    run("incomplete", 15);
}
