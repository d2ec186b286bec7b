//! No input may make the parser panic: property tests over mutated real
//! programs (the golden cases, the seed fixtures and, when present, the shared
//! conformance cases) and over random token soup. Each test prints how many
//! inputs it ran.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use phial_syntax::{dump_ast, parse, ParseOutcome};
use proptest::prelude::*;

const VOCAB: &[&str] = &[
    "x",
    "foo",
    "Foo",
    "Foo.Bar",
    ":ok",
    ":\"a b\"",
    "1",
    "1.5",
    "0x1F",
    "?a",
    "\"s\"",
    "\"a#{x}b\"",
    "\"#{",
    "'c'",
    "~w(a b)",
    "~s(",
    "\"\"\"\n",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "%{",
    "%",
    "<<",
    ">>",
    ",",
    ";",
    "\n",
    ".",
    "..",
    "//",
    "::",
    "->",
    "=>",
    "<-",
    "|>",
    "|",
    "||",
    "&&",
    "!",
    "^",
    "&",
    "&1",
    "@",
    "=",
    "==",
    "===",
    "!=",
    "=~",
    "<",
    ">",
    "<=",
    "+",
    "-",
    "*",
    "/",
    "**",
    "++",
    "--",
    "<>",
    "\\\\",
    "fn",
    "do",
    "end",
    "else",
    "after",
    "rescue",
    "catch",
    "not",
    "and",
    "or",
    "when",
    "in",
    "not in",
    "true",
    "nil",
    "a:",
    "do:",
    "if",
    "case",
    "receive",
    "def",
    " ",
    "#c\n",
];

fn sources() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs = [
        root.join("tests/cases/ast"),
        root.join("tests/cases/errors"),
        root.join("tests/fixtures/seed"),
        root.join("../../../shared/conformance/cases"),
    ];
    let mut out = Vec::new();
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut files: Vec<_> = rd
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "exs"))
            .collect();
        files.sort();
        for f in files {
            out.push(std::fs::read_to_string(f).unwrap());
        }
    }
    out
}

fn check(src: &str) {
    match parse(src) {
        ParseOutcome::Complete(e) => {
            let _ = dump_ast(&e);
        }
        ParseOutcome::Incomplete(e) => {
            let _ = e.render("f.exs", src, true);
        }
        ParseOutcome::Error(es) => {
            for e in es {
                let _ = e.render("f.exs", src, false);
                let _ = e.headline("f.exs", src);
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, usize),
    Duplicate(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..12).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 0..VOCAB.len()).prop_map(|(a, v)| Edit::Insert(a, v)),
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(mut s: String, e: &Edit) -> String {
    if s.is_empty() {
        return s;
    }
    match *e {
        Edit::Delete(a, n) => {
            let a = floor(&s, a % s.len());
            let b = floor(&s, a + n);
            s.replace_range(a..b, "");
        }
        Edit::Insert(a, v) => {
            let a = floor(&s, a % s.len());
            s.insert_str(a, VOCAB[v]);
        }
        Edit::Duplicate(a, n) => {
            let a = floor(&s, a % s.len());
            let b = floor(&s, a + n);
            let piece = s[a..b].to_string();
            s.insert_str(b, &piece);
        }
        Edit::Truncate(a) => {
            let a = floor(&s, a % s.len());
            s.truncate(a);
        }
    }
    s
}

const CASES: u32 = 4000;

static MUTATED: AtomicUsize = AtomicUsize::new(0);
static SOUP: AtomicUsize = AtomicUsize::new(0);

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_programs_never_panic(idx in any::<usize>(), edits in prop::collection::vec(edit(), 1..6)) {
        let srcs = sources();
        let mut s = srcs[idx % srcs.len()].clone();
        for e in &edits {
            s = apply(s, e);
        }
        check(&s);
        let n = MUTATED.fetch_add(1, Ordering::Relaxed) + 1;
        if n == CASES as usize { eprintln!("mutated inputs run: {n}"); }
    }

    #[test]
    fn token_soup_never_panics(toks in prop::collection::vec(0..VOCAB.len(), 0..60)) {
        let s: String = toks.iter().map(|&i| VOCAB[i]).collect::<Vec<_>>().join(" ");
        check(&s);
        let n = SOUP.fetch_add(1, Ordering::Relaxed) + 1;
        if n == CASES as usize { eprintln!("token-soup inputs run: {n}"); }
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,80}") {
        check(&s);
    }
}
