//! Compile-time warnings, which Elixir prints on stderr and the recorded
//! cases (stdout only) cannot check: each `tests/fixtures/warnings/X.exs`
//! runs with its folder as the working directory, as `elixir X.exs` did
//! when `X.stderr` was recorded from Elixir 1.14 (`elixir X.exs 2> X.stderr`).
//!
//! Not here: runtime error reports (the cases' exit codes cover them).

use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn warnings_match_elixir() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/warnings");
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .collect();
    entries.sort();
    for script in entries {
        let name = script.file_name().unwrap().to_string_lossy().into_owned();
        let want = std::fs::read_to_string(script.with_extension("stderr"))
            .unwrap_or_else(|_| panic!("{name} has no recorded .stderr"));
        let out = Command::new(env!("CARGO_BIN_EXE_phial"))
            .arg(&name)
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .expect("phial runs");
        let got = String::from_utf8_lossy(&out.stderr);
        assert_eq!(got, want, "stderr of {name}");
        checked += 1;
    }
    assert!(checked > 0, "no warning fixtures found");
}
