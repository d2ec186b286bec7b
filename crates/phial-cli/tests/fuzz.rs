//! phial's mutation fuzzer, on stable Rust (proptest; cargo-fuzz needs
//! nightly). Two targets, each fed real programs (the suite's cases and
//! examples) mutated by edits that reach the hostile corners: a chunk
//! repeated thousands of times (deep nesting, very long lines), a span
//! wrapped in brackets, `case`s or interpolations many levels deep, huge
//! and negative numbers, deletions, truncations.
//!
//! - `parser_never_aborts`: parses in this process (on a thread with the
//!   main thread's 8 MB stack), renders every error and dumps the AST. A
//!   panic fails the test; a stack overflow aborts the test binary.
//! - `scripts_never_abort`: runs the `phial` binary on each mutated script
//!   (1 s timeout, 4 GB address-space limit) and fails on a death by
//!   signal, a panic message, a stack overflow or an allocation failure.
//!   A timeout or an ordinary Elixir error is fine.
//!
//! Each runs a bounded number of inputs in the normal `cargo test` (a few
//! seconds); `PHIAL_FUZZ_CASES` sets the number and `PHIAL_FUZZ_SEED` the
//! seed, for long runs (see tests/README.md). Every input that ever failed
//! is kept as a regression in `tests/fuzz_regressions/` and run first.
//!
//! Not here: the property tests of the parser alone over token soup
//! (`phial-syntax/tests/no_panic.rs`).

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed programs: every `.exs` of the suite and the examples.
fn corpus() -> Vec<String> {
    let mut files = Vec::new();
    let mut dirs = vec![root().join("tests/cases"), root().join("examples")];
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "exs") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        // The deep-nesting cases are already at the limit: mutating them
        // only makes slow inputs.
        .filter(|s| s.len() < 20_000)
        .collect()
}

/// The failing inputs found so far, each a file, run before any mutation.
fn regressions() -> Vec<(String, Vec<u8>)> {
    let dir = root().join("tests/fuzz_regressions");
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "exs") {
                if let Ok(b) = std::fs::read(&p) {
                    out.push((p.display().to_string(), b));
                }
            }
        }
    }
    out.sort();
    out
}

const VOCAB: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "%{",
    "<<",
    ">>",
    "\"#{",
    "}\"",
    "\"",
    "'",
    "~s(",
    "do",
    "end",
    "fn ->",
    "->",
    "case x do\n",
    "_ -> ",
    "\n",
    ",",
    "|>",
    "+",
    "-",
    "*",
    "/",
    "**",
    "..",
    "//",
    "=",
    "==",
    "<>",
    "++",
    "&",
    "&1",
    "^",
    "@",
    "a:",
    ":ok",
    "x",
    "Enum.",
    "String.",
    "IO.puts ",
    "0",
    "-1",
    "2 ** 62",
    "9_223_372_036_854_775_807",
    "-9_223_372_036_854_775_808",
    "1.0e308",
    "4_294_967_296",
    "1..9_223_372_036_854_775_807",
    "\"\\xff\"",
    "<<255>>",
    "\0",
    "\u{feff}",
    "spawn(fn -> ",
    "receive do\n",
    "after 0 -> ",
    "send(self(), ",
    "raise \"x\"",
    "throw :x",
];

/// How a mutation changes a program.
#[derive(Debug, Clone)]
enum Edit {
    Delete {
        at: usize,
        len: usize,
    },
    Insert {
        at: usize,
        word: usize,
    },
    /// The chunk at `at` repeated `times` more times.
    Repeat {
        at: usize,
        len: usize,
        times: usize,
    },
    /// The span wrapped in an opener and its closer, `levels` deep.
    Nest {
        at: usize,
        len: usize,
        kind: usize,
        levels: usize,
    },
    Truncate {
        at: usize,
    },
    /// A number in the program replaced by an extreme one.
    Number {
        at: usize,
        word: usize,
    },
}

const NESTS: &[(&str, &str)] = &[
    ("[", "]"),
    ("{", "}"),
    ("(", ")"),
    ("%{a: ", "}"),
    ("\"#{", "}\""),
    ("case 1 do _ -> ", " end"),
    ("fn -> ", " end"),
    ("-", ""),
    ("1 + ", ""),
    ("x = ", ""),
    ("f ", ""),
    ("[", ""),
    ("", ")"),
];

fn edit() -> impl Strategy<Value = Edit> {
    let levels = prop_oneof![1usize..10, 10usize..3000, 3000usize..60_000];
    prop_oneof![
        3 => (any::<usize>(), 1usize..30).prop_map(|(at, len)| Edit::Delete { at, len }),
        3 => (any::<usize>(), 0..VOCAB.len()).prop_map(|(at, word)| Edit::Insert { at, word }),
        2 => (any::<usize>(), 1usize..20, prop_oneof![1usize..4, 4usize..5000])
            .prop_map(|(at, len, times)| Edit::Repeat { at, len, times }),
        2 => (any::<usize>(), 0usize..40, 0..NESTS.len(), levels)
            .prop_map(|(at, len, kind, levels)| Edit::Nest { at, len, kind, levels }),
        1 => any::<usize>().prop_map(|at| Edit::Truncate { at }),
        2 => (any::<usize>(), 46usize..54).prop_map(|(at, word)| Edit::Number { at, word }),
    ]
}

fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Mutated inputs are capped at this size: bigger ones only slow the run.
const MAX_INPUT: usize = 4 << 20;

fn apply(mut s: String, e: &Edit) -> String {
    let n = s.len().max(1);
    match *e {
        Edit::Delete { at, len } => {
            let a = floor(&s, at % n);
            let b = floor(&s, a + len);
            s.replace_range(a..b, "");
        }
        Edit::Insert { at, word } => {
            let a = floor(&s, at % n);
            s.insert_str(a, VOCAB[word % VOCAB.len()]);
        }
        Edit::Repeat { at, len, times } => {
            let a = floor(&s, at % n);
            let b = floor(&s, a + len);
            let piece = s[a..b].repeat(times.min(MAX_INPUT / (b - a + 1)));
            s.insert_str(b, &piece);
        }
        Edit::Nest {
            at,
            len,
            kind,
            levels,
        } => {
            let (open, close) = NESTS[kind % NESTS.len()];
            let levels = levels.min(MAX_INPUT / (open.len() + close.len() + 1));
            let a = floor(&s, at % n);
            let b = floor(&s, a + len);
            let mut out = String::with_capacity(s.len() + levels * (open.len() + close.len()));
            out.push_str(&s[..a]);
            out.push_str(&open.repeat(levels));
            out.push_str(&s[a..b]);
            out.push_str(&close.repeat(levels));
            out.push_str(&s[b..]);
            s = out;
        }
        Edit::Truncate { at } => {
            let a = floor(&s, at % n);
            s.truncate(a);
        }
        Edit::Number { at, word } => {
            let a = floor(&s, at % n);
            if let Some(off) = s[a..].find(|c: char| c.is_ascii_digit()) {
                let start = a + off;
                let end = s[start..]
                    .find(|c: char| !c.is_ascii_digit() && c != '_')
                    .map_or(s.len(), |e| start + e);
                s.replace_range(start..end, VOCAB[word % VOCAB.len()]);
            }
        }
    }
    s
}

fn program() -> impl Strategy<Value = (usize, Vec<Edit>)> {
    (any::<usize>(), prop::collection::vec(edit(), 1..5))
}

fn cases(default: u32) -> u32 {
    std::env::var("PHIAL_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn runner(cases: u32) -> TestRunner {
    let seed: u64 = std::env::var("PHIAL_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(18);
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            // A failing script is kept as it is found: shrinking a 4 MB
            // input through subprocesses would take longer than the run.
            max_shrink_iters: 64,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
    )
}

/// Parses, renders and dumps on a thread with the main thread's stack.
fn parse_everything(src: String) -> Result<(), String> {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            use phial_syntax::{dump_ast, parse, ParseOutcome};
            match parse(&src) {
                ParseOutcome::Complete(e) => {
                    let _ = dump_ast(&e);
                }
                ParseOutcome::Incomplete(e) => {
                    let _ = e.render("f.exs", &src, false);
                }
                ParseOutcome::Error(es) => {
                    for e in es {
                        let _ = e.render("f.exs", &src, true);
                        let _ = e.headline("f.exs", &src);
                    }
                }
            }
        })
        .map_err(|e| e.to_string())?
        .join()
        .map_err(|_| "the parser panicked".to_string())
}

#[test]
fn parser_never_aborts() {
    for (name, bytes) in regressions() {
        let src = String::from_utf8_lossy(&bytes).into_owned();
        parse_everything(src).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let seeds = corpus();
    let n = cases(600);
    let ran = AtomicUsize::new(0);
    let started = Instant::now();
    let result = runner(n).run(&program(), |(idx, edits)| {
        let mut s = seeds[idx % seeds.len()].clone();
        for e in &edits {
            s = apply(s, e);
        }
        ran.fetch_add(1, Ordering::Relaxed);
        parse_everything(s).map_err(TestCaseError::fail)
    });
    let ran = ran.load(Ordering::Relaxed);
    eprintln!(
        "parser fuzz: {ran} inputs in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("parser fuzz found: {e}");
    }
}

/// What running one script showed, if it is a finding.
fn run_script(dir: &Path, src: &[u8]) -> Option<String> {
    let path = dir.join("fuzz.exs");
    std::fs::write(&path, src).ok()?;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_phial"));
    cmd.arg("fuzz.exs")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    // SAFETY: only async-signal-safe calls (setrlimit) between fork and
    // exec. The 4 GB limit turns a runaway allocation into a failed one,
    // which phial must report as an error, not die of.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: 4 << 30,
                rlim_max: 4 << 30,
            };
            libc::setrlimit(libc::RLIMIT_AS, &lim);
            Ok(())
        });
    }
    let mut child = cmd.spawn().ok()?;
    let mut stderr = child.stderr.take()?;
    // Read stderr on the side so a chatty script cannot block on the pipe.
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.by_ref().take(1 << 20).read_to_end(&mut buf);
        buf
    });
    let deadline = Instant::now() + Duration::from_secs(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(2)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let err = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
    let status = status?; // a timeout is not a finding
    use std::os::unix::process::ExitStatusExt;
    let bad = status.signal().is_some()
        || err.contains("panicked at")
        || err.contains("has overflowed its stack")
        || err.contains("memory allocation of");
    bad.then(|| format!("{status}: {}", err.chars().take(600).collect::<String>()))
}

#[test]
fn scripts_never_abort() {
    let dir = std::env::temp_dir().join(format!("phial-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, bytes) in regressions() {
        if let Some(f) = run_script(&dir, &bytes) {
            panic!("{name}: {f}");
        }
    }
    let seeds = corpus();
    let n = cases(60);
    let ran = AtomicUsize::new(0);
    let started = Instant::now();
    let result = runner(n).run(&program(), |(idx, edits)| {
        let mut s = seeds[idx % seeds.len()].clone();
        for e in &edits {
            s = apply(s, e);
        }
        ran.fetch_add(1, Ordering::Relaxed);
        match run_script(&dir, s.as_bytes()) {
            Some(f) => {
                // Keep the input where a long run's reader can find it.
                let keep = dir.join(format!("finding-{}.exs", ran.load(Ordering::Relaxed)));
                let _ = std::fs::write(&keep, &s);
                Err(TestCaseError::fail(format!(
                    "{f} (input: {})",
                    keep.display()
                )))
            }
            None => Ok(()),
        }
    });
    let ran = ran.load(Ordering::Relaxed);
    eprintln!(
        "script fuzz: {ran} inputs in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("script fuzz found: {e}");
    }
}
