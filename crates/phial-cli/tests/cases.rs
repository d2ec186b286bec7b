//! Data-driven conformance suite: runs every `tests/cases/**/*.exs`,
//! `tests/inspect_terms/*.exs` and `examples/*.exs` through the `phial` binary and compares stdout and the
//! exit code with the files recorded from real Elixir 1.14 (`NAME.out`, and
//! `NAME.exit` when the exit code is not 0). See `tests/README.md`.
//!
//! Environment knobs (all optional):
//! - `PHIAL_CASES=substr`  run only cases whose relative path contains `substr`
//! - `PHIAL_CASE_TIMEOUT=secs`  per-case timeout (default 10)

mod support;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};
use support::normalise_times;

const THREADS: usize = 2;
const DEFAULT_TIMEOUT_SECS: u64 = 10;
const DIFF_LINES: usize = 6;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn collect_exs(dir: &Path, recursive: bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            if recursive {
                collect_exs(&p, true, out);
            }
        } else if p.extension().is_some_and(|e| e == "exs") {
            out.push(p);
        }
    }
}

/// ExUnit's summary lines differ from run to run: its timing and its seed
/// become `<time>` and `<seed>`, as the recorder writes them.
fn normalise_exunit(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let end = &line[body.len()..];
        if body.starts_with("Finished in ")
            && body.contains(" seconds (")
            && body.ends_with("s sync)")
        {
            out.push_str("Finished in <time>");
        } else if let Some(seed) = body.strip_prefix("Randomized with seed ") {
            if !seed.is_empty() && seed.bytes().all(|b| b.is_ascii_digit()) {
                out.push_str("Randomized with seed <seed>");
            } else {
                out.push_str(body);
            }
        } else {
            out.push_str(body);
        }
        out.push_str(end);
    }
    out
}

/// Replace `#PID<a.b.c>` with `#PID<>` and `#Reference<a.b.c.d>` with `#Reference<>`,
/// exactly as the recorder does (digits and dots only between the brackets).
fn normalise(s: &str) -> String {
    let owned = normalise_times(&normalise_exunit(s));
    let s: &str = &owned;
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let next = ["#PID<", "#Reference<"]
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, *p)))
            .min_by_key(|(i, _)| *i);
        let Some((i, prefix)) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..i + prefix.len()]);
        let after = &rest[i + prefix.len()..];
        let body_len = after
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(after.len());
        let body = &after[..body_len];
        let closes = after[body_len..].starts_with('>');
        let valid = closes
            && !body.is_empty()
            && if prefix == "#PID<" {
                let parts: Vec<&str> = body.split('.').collect();
                parts.len() == 3 && parts.iter().all(|p| !p.is_empty())
            } else {
                true
            };
        if valid {
            out.push('>');
            rest = &after[body_len + 1..];
        } else {
            rest = after;
        }
    }
}

struct Outcome {
    name: String,
    failure: Option<String>,
}

fn read_expected(exs: &Path) -> Result<(String, i32), String> {
    let out_path = exs.with_extension("out");
    let exit_path = exs.with_extension("exit");
    let out = fs::read_to_string(&out_path)
        .map_err(|e| format!("cannot read expected output {}: {e}", out_path.display()))?;
    let code = match fs::read_to_string(&exit_path) {
        Ok(s) => s
            .trim()
            .parse::<i32>()
            .map_err(|e| format!("bad {}: {e}", exit_path.display()))?,
        Err(_) => 0,
    };
    Ok((out, code))
}

fn run_case(
    bin: &Path,
    exs: &Path,
    timeout: Duration,
) -> Result<(String, Option<i32>, bool), String> {
    let dir = exs.parent().unwrap();
    let file = exs.file_name().unwrap();
    let mut child = Command::new(bin)
        .arg(file)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let mut stdout = child.stdout.take().unwrap();
    let reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) => {
                if start.elapsed() >= timeout {
                    let _ = child.kill();
                    let _ = child.wait();
                    timed_out = true;
                    break None;
                }
                thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    };
    // A grandchild could keep the pipe open; don't wait forever for it.
    let buf = if timed_out {
        let deadline = Instant::now() + Duration::from_secs(1);
        while !reader.is_finished() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(10));
        }
        if reader.is_finished() {
            reader.join().unwrap_or_default()
        } else {
            Vec::new()
        }
    } else {
        reader.join().unwrap_or_default()
    };
    let code = status.and_then(|s| s.code());
    Ok((String::from_utf8_lossy(&buf).into_owned(), code, timed_out))
}

fn short_diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let first = w
        .iter()
        .zip(g.iter())
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    let mut s = format!(
        "    @@ first difference at line {} (expected {} lines, got {}) @@\n",
        first + 1,
        w.len(),
        g.len()
    );
    let from = first.saturating_sub(1);
    for l in w.iter().skip(from).take(DIFF_LINES) {
        s.push_str(&format!("    -{l}\n"));
    }
    for l in g.iter().skip(from).take(DIFF_LINES) {
        s.push_str(&format!("    +{l}\n"));
    }
    if w.len() == g.len() && first == w.len() {
        s.push_str("    (lines equal; difference in trailing newline)\n");
    }
    s
}

fn check(bin: &Path, root: &Path, exs: &Path, timeout: Duration) -> Outcome {
    let name = exs.strip_prefix(root).unwrap_or(exs).display().to_string();
    let failure = (|| {
        let (want_out, want_code) = read_expected(exs)?;
        let (got, code, timed_out) = run_case(bin, exs, timeout)?;
        if timed_out {
            return Err(format!("timed out after {}s", timeout.as_secs()));
        }
        let got = normalise(&got);
        let want_out = normalise(&want_out);
        let mut msg = String::new();
        if code != Some(want_code) {
            let got_code = code.map_or("killed by a signal".to_string(), |c| c.to_string());
            msg.push_str(&format!(
                "exit code: expected {want_code}, got {got_code}\n"
            ));
        }
        if got != want_out {
            msg.push_str("stdout differs:\n");
            msg.push_str(&short_diff(&want_out, &got));
        }
        if msg.is_empty() {
            Ok(())
        } else {
            Err(msg)
        }
    })()
    .err();
    Outcome { name, failure }
}

#[test]
fn conformance_cases() {
    let root = workspace_root();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_phial"));
    let timeout = Duration::from_secs(
        std::env::var("PHIAL_CASE_TIMEOUT")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(DEFAULT_TIMEOUT_SECS),
    );
    let filter = std::env::var("PHIAL_CASES").ok();

    let mut cases = Vec::new();
    collect_exs(&root.join("tests/cases"), true, &mut cases);
    collect_exs(&root.join("tests/inspect_terms"), false, &mut cases);
    collect_exs(&root.join("examples"), false, &mut cases);
    if let Some(f) = &filter {
        cases.retain(|p| {
            p.strip_prefix(&root)
                .unwrap_or(p)
                .to_string_lossy()
                .contains(f.as_str())
        });
    }
    assert!(
        filter.is_some() || !cases.is_empty(),
        "no .exs cases found under {}",
        root.display()
    );

    let total = cases.len();
    let queue = Arc::new(Mutex::new(cases.into_iter().rev().collect::<Vec<_>>()));
    let results = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let (queue, results, bin, root) =
                (queue.clone(), results.clone(), bin.clone(), root.clone());
            thread::spawn(move || loop {
                let next = queue.lock().unwrap().pop();
                let Some(exs) = next else { break };
                let outcome = check(&bin, &root, &exs, timeout);
                results.lock().unwrap().push(outcome);
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker panicked");
    }

    let mut results = std::mem::take(&mut *results.lock().unwrap());
    results.sort_by(|a, b| a.name.cmp(&b.name));
    let failed: Vec<&Outcome> = results.iter().filter(|o| o.failure.is_some()).collect();
    let passed = total - failed.len();
    if !failed.is_empty() {
        let mut report = String::new();
        for o in &failed {
            report.push_str(&format!(
                "FAIL {}\n{}\n",
                o.name,
                o.failure.as_deref().unwrap_or("").trim_end()
            ));
        }
        report.push_str(&format!(
            "\nconformance: {passed} passed, {} failed\n",
            failed.len()
        ));
        report.push_str("failing cases:\n");
        for o in &failed {
            report.push_str(&format!("  {}\n", o.name));
        }
        panic!("\n{report}");
    }
    println!("conformance: {passed} passed, 0 failed");
}

#[cfg(test)]
mod unit {
    use super::normalise;

    #[test]
    fn normalises_logger_times() {
        assert_eq!(
            normalise("\n18:35:47.797 [error] x"),
            "\nHH:MM:SS.mmm [error] x"
        );
        assert_eq!(normalise("1:2:3.4 12:34:56.78"), "1:2:3.4 12:34:56.78");
        assert_eq!(normalise("é01:02:03.004é"), "éHH:MM:SS.mmmé");
    }

    #[test]
    fn normalises_pids_and_refs() {
        assert_eq!(normalise("a #PID<0.12.0> b"), "a #PID<> b");
        assert_eq!(normalise("#Reference<0.1.2.3>!"), "#Reference<>!");
        assert_eq!(normalise("#PID<x> #PID<1.2>"), "#PID<x> #PID<1.2>");
        assert_eq!(normalise("{#PID<0.1.0>, #PID<0.2.0>}"), "{#PID<>, #PID<>}");
    }
}
