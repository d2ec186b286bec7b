//! Every conformance case phial must pass (`tests/conformance-must-pass.txt`,
//! read from `shared/conformance/cases` when that folder sits beside the
//! repository) and every seed transcript input (copied, prompt-stripped,
//! into `tests/fixtures/seed`) must parse completely. The shared folder
//! also holds cases for syntax phial does not have yet; those are not
//! required here.

use std::path::{Path, PathBuf};

use phial_syntax::{dump_ast, parse, ParseOutcome};

fn exs_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .collect();
    v.sort();
    v
}

fn check_all(files: &[PathBuf]) {
    let mut bad = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(f).expect("read");
        match parse(&src) {
            ParseOutcome::Complete(exprs) => {
                assert!(!dump_ast(&exprs).is_empty() || src.trim().is_empty());
            }
            other => bad.push(format!("{}: {:?}", f.display(), other)),
        }
    }
    assert!(bad.is_empty(), "did not parse:\n{}", bad.join("\n"));
}

#[test]
fn seed_transcript_inputs_parse() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed");
    let files = exs_in(&dir);
    assert!(files.len() >= 8);
    check_all(&files);
}

#[test]
fn shared_conformance_cases_parse() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/cases");
    if !dir.is_dir() {
        eprintln!("shared/conformance/cases not found beside the repository; skipped");
        return;
    }
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance-must-pass.txt");
    let list = std::fs::read_to_string(list).expect("tests/conformance-must-pass.txt");
    let files: Vec<PathBuf> = list
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|name| dir.join(format!("{name}.exs")))
        .collect();
    assert!(!files.is_empty());
    check_all(&files);
}
