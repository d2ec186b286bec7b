//! The library's own docs, checked: every `iex>` example in a doc that
//! `h` shows for phial's library is run through the shell (`phial` with
//! piped input, as a user would type it) and must print the result the doc
//! claims; and the modules listed in `COMPLETE` must keep a doc for every
//! public function. The test prints how many functions, per module, still
//! lack one.
//!
//! Not here: how `h` lays a doc out (`repl_piped.rs`).

mod support;
use phial_eval::library::docs::{coverage, module_docs};
use phial_eval::{Output, Vm};
use std::sync::Arc;

/// Modules with a doc for every public function and a `@moduledoc`.
const COMPLETE: &[&str] = &[
    "Kernel",
    "Enum",
    "List",
    "Map",
    "String",
    "Keyword",
    "Tuple",
    "Integer",
    "Float",
    "Process",
    "MapSet",
    "Atom",
    "Range",
    "Function",
    "Bitwise",
    "Stream",
    "IO",
    "Path",
    "File",
    "System",
    "Regex",
    "Base",
    "Exception",
];

struct Quiet;
impl Output for Quiet {
    fn stdout(&self, _: &str) {}
    fn stderr(&self, _: &str) {}
    fn halt(&self, _code: i32) {}
}

/// One `iex>` input of a doc: its lines (prompts removed) and the lines
/// the doc says it prints (empty: not checked, as in a doctest).
struct Example {
    origin: String,
    code: Vec<String>,
    expected: Vec<String>,
}

fn examples(origin: &str, text: &str, out: &mut Vec<Example>) {
    let mut current: Option<Example> = None;
    for line in text.lines() {
        let t = line.trim_start();
        if let Some(code) = t.strip_prefix("iex> ") {
            out.extend(current.take());
            current = Some(Example {
                origin: origin.to_string(),
                code: vec![code.to_string()],
                expected: Vec::new(),
            });
        } else if let (Some(code), Some(ex)) = (t.strip_prefix("...> "), current.as_mut()) {
            ex.code.push(code.to_string());
        } else if t.is_empty() {
            out.extend(current.take());
        } else if let Some(ex) = current.as_mut() {
            ex.expected.push(t.to_string());
        }
    }
    out.extend(current);
}

/// The text the shell printed after each of its prompts, in order: the
/// k-th piece is what the k-th input line printed.
fn after_prompts(out: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = out;
    let prompt_at = |s: &str| -> Option<(usize, usize)> {
        let mut from = 0;
        while from < s.len() {
            let i = from + s[from..].find(['i', '.'])?;
            for p in ["iex(", "...("] {
                if let Some(tail) = s[i..].strip_prefix(p) {
                    let digits = tail.chars().take_while(char::is_ascii_digit).count();
                    if digits > 0 && tail[digits..].starts_with(")> ") {
                        return Some((i, i + p.len() + digits + 3));
                    }
                }
            }
            from = i + 1;
        }
        None
    };
    // Text before the first prompt is not an input's.
    if let Some((_, end)) = prompt_at(rest) {
        rest = &rest[end..];
        while let Some((start, end)) = prompt_at(rest) {
            pieces.push(rest[..start].to_string());
            rest = &rest[end..];
        }
        pieces.push(rest.to_string());
    }
    pieces
}

fn shell(input: &str) -> String {
    let here = std::env::current_dir().expect("a working directory");
    support::piped_shell(&here, input).0
}

#[test]
fn every_library_example_prints_what_its_doc_says() {
    let vm = Vm::new(Arc::new(Quiet)).expect("a VM");
    let mut failures = Vec::new();
    let mut checked = 0;
    for c in coverage(&vm) {
        let Some(docs) = module_docs(&vm, c.atom) else {
            continue;
        };
        let mut all = Vec::new();
        if let Some(m) = &docs.moduledoc {
            examples(&c.module, m, &mut all);
        }
        for f in &docs.functions {
            if let Some(d) = &f.doc {
                let origin = format!("{}.{}/{}", c.module, f.name.as_str(), f.arity);
                examples(&origin, d, &mut all);
            }
        }
        if all.is_empty() {
            continue;
        }
        let mut input = String::new();
        for ex in &all {
            for l in &ex.code {
                input.push_str(l);
                input.push('\n');
            }
        }
        let pieces = after_prompts(&shell(&input));
        let mut k = 0;
        for ex in &all {
            k += ex.code.len();
            let got = pieces.get(k - 1).map(String::as_str).unwrap_or("");
            if ex.expected.is_empty() {
                continue;
            }
            checked += 1;
            let want = format!("{}\n", ex.expected.join("\n"));
            if got != want {
                failures.push(format!(
                    "{}: {}\n  doc says: {want:?}\n  phial prints: {got:?}",
                    ex.origin,
                    ex.code.join(" / ")
                ));
            }
        }
    }
    assert!(checked > 0, "no examples found");
    assert!(
        failures.is_empty(),
        "{} of {checked} examples differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn complete_modules_stay_complete_and_the_rest_is_counted() {
    let vm = Vm::new(Arc::new(Quiet)).expect("a VM");
    let mut report = String::new();
    let (mut documented, mut missing) = (0, 0);
    for c in coverage(&vm) {
        documented += c.documented;
        missing += c.missing.len();
        report.push_str(&format!(
            "{:<24} {:>4} documented {:>4} without a doc{}\n",
            c.module,
            c.documented,
            c.missing.len(),
            if c.moduledoc { "" } else { ", no @moduledoc" }
        ));
        if c.documented > 0 && !c.missing.is_empty() {
            report.push_str(&format!("    missing: {}\n", c.missing.join(" ")));
        }
        if COMPLETE.contains(&c.module.as_str()) {
            assert!(
                c.missing.is_empty() && c.moduledoc,
                "{} lacks docs for {:?} (moduledoc: {})",
                c.module,
                c.missing,
                c.moduledoc
            );
        }
    }
    eprintln!("{report}total: {documented} documented, {missing} without a doc");
}
