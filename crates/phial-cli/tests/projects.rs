//! `phial test` against the Mix-style projects in tests/projects/: each is
//! run with the arguments in its `args` file, in its own folder, and must
//! print the stdout and exit with the code real `mix test` did (recorded by
//! tests/projects/record.sh as expected.out / expected.exit).
//!
//! Only what varies between runs is normalised: the "Finished in ..." line
//! and `--trace`'s per-test times. Not here: ExUnit's scripts (tests/cases).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn normalise(out: &str) -> String {
    out.lines()
        .map(|line| {
            if line.starts_with("Finished in ") {
                "Finished in <time>".to_string()
            } else {
                trace_times(line)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `(12.3ms)` → `(<t>ms)`.
fn trace_times(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find('(') {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        let digits = rest
            .find("ms)")
            .filter(|&end| rest[..end].bytes().all(|b| b.is_ascii_digit() || b == b'.'));
        if let Some(end) = digits.filter(|&e| e > 0) {
            out.push_str("<t>");
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

fn run_project(bin: &Path, dir: &Path) -> Result<(), String> {
    let args = std::fs::read_to_string(dir.join("args")).unwrap_or_default();
    let expected = std::fs::read_to_string(dir.join("expected.out"))
        .map_err(|e| format!("no expected.out: {e}"))?;
    let exit: i32 = std::fs::read_to_string(dir.join("expected.exit"))
        .map_err(|e| format!("no expected.exit: {e}"))?
        .trim()
        .parse()
        .map_err(|e| format!("bad expected.exit: {e}"))?;
    let mut child = Command::new(bin)
        .arg("test")
        .args(args.split_whitespace())
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run phial: {e}"))?;
    let started = Instant::now();
    loop {
        if child.try_wait().map_err(|e| e.to_string())?.is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            return Err("timed out after 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let got = normalise(&stdout);
    let want = normalise(&expected);
    let code = out.status.code().unwrap_or(-1);
    if got != want || code != exit {
        return Err(format!(
            "exit {code} (want {exit})\n--- got\n{got}\n--- want\n{want}\n--- stderr\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}

#[test]
fn projects_match_mix_test() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_phial"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/projects");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/projects")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("mix.exs").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 5, "expected at least five projects");
    let failures: Vec<String> = dirs
        .iter()
        .filter_map(|d| {
            run_project(&bin, d)
                .err()
                .map(|e| format!("{}: {e}", d.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
