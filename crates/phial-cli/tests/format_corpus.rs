//! `Code.format_string!` against Elixir's formatter: every `NAME.exs` in
//! `tests/format_corpus/` must format to `NAME.formatted`, which real
//! Elixir 1.14 produced for it (`IO.write Code.format_string!(...)`), and
//! formatting that output again must give it back unchanged.
//!
//! Not here: the functions' other behaviour (options, errors), which
//! `tests/cases/stdlib_misc/code_format_string.exs` checks.

use std::path::{Path, PathBuf};
use std::process::Command;

const SCRIPT: &str = "IO.write Code.format_string!(File.read!(hd(System.argv())))";

fn format_with_phial(file: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_phial"))
        .args(["-e", SCRIPT])
        .arg(file)
        .output()
        .expect("run phial");
    assert!(
        out.status.success(),
        "phial failed on {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn corpus_formats_as_elixir_does() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/format_corpus");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "exs"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no corpus inputs in {}", dir.display());
    let mut failures = Vec::new();
    for input in &inputs {
        let expected =
            std::fs::read_to_string(input.with_extension("formatted")).expect("recorded output");
        if format_with_phial(input) != expected {
            failures.push(input.display().to_string());
            continue;
        }
        // Formatted code is a fixed point.
        let tmp =
            std::env::temp_dir().join(format!("phial-format-corpus-{}.exs", std::process::id()));
        std::fs::write(&tmp, &expected).expect("write temp");
        let again = format_with_phial(&tmp);
        let _ = std::fs::remove_file(&tmp);
        if again != expected {
            failures.push(format!("{} (not a fixed point)", input.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "formatted differently from Elixir: {failures:#?}"
    );
}
