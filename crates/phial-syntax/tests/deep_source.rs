//! Deeply nested source: every construct that nests parses right up to
//! `MAX_DEPTH` and beyond it is one clean `SyntaxError` (line, column,
//! message), never a stack overflow. Each input is parsed, dumped and
//! dropped on a thread with the main thread's 8 MB stack, as the
//! `--dump-ast` path runs it.
//!
//! Not here: compiling and running such source (`tests/cases/robust/
//! deep_source.exs`, and the CLI test `deep_source_is_a_syntax_error`).

use phial_syntax::{dump_ast, parse, ParseOutcome, MAX_DEPTH};

/// Each construct at nesting `n`, as a whole program.
fn nest(kind: &str, n: usize) -> String {
    match kind {
        "list" => format!("x = {}{}", "[".repeat(n), "]".repeat(n)),
        "tuple" => format!("x = {}1{}", "{".repeat(n), "}".repeat(n)),
        "map" => format!("x = {}1{}", "%{a: ".repeat(n), "}".repeat(n)),
        "paren_neg" => format!("x = {}1{}", "-(".repeat(n), ")".repeat(n)),
        "unary" => format!("x = {}1", "!".repeat(n)),
        "plus" => format!("x = {}", vec!["1"; n].join(" + ")),
        "pipe" => format!("x = 1{}", " |> f()".repeat(n)),
        "match" => format!("{}1", "x = ".repeat(n)),
        "case" => format!("{}1{}", "case x do _ -> ".repeat(n), " end".repeat(n)),
        "fn" => format!("{}1{}", "fn -> ".repeat(n), " end".repeat(n)),
        "call" => format!("{}1{}", "f(".repeat(n), ")".repeat(n)),
        "no_parens" => format!("{}1", "f ".repeat(n)),
        "interp" => format!("x = {}1{}", "\"#{".repeat(n / 2), "}\"".repeat(n / 2)),
        // Heredocs nested through interpolations: each level is scanned
        // once (finding a closing line first would lex each level twice).
        "heredoc" => format!(
            "x = \"\"\"\n{}1\n{}\"\"\"",
            "#{\"\"\"\n".repeat(n / 2),
            "\"\"\"}\n".repeat(n / 2)
        ),
        "bitstring" => format!("x = {}1{}", "<< ".repeat(n), " >>".repeat(n)),
        // A do-block call as a list item: two levels each.
        "block_in_list" => format!(
            "x = {}1{}",
            "[if a do ".repeat(n / 2),
            " end, 2]".repeat(n / 2)
        ),
        other => panic!("no construct {other}"),
    }
}

const KINDS: &[&str] = &[
    "list",
    "tuple",
    "map",
    "paren_neg",
    "unary",
    "plus",
    "pipe",
    "match",
    "case",
    "fn",
    "call",
    "no_parens",
    "interp",
    "heredoc",
    "bitstring",
    "block_in_list",
];

fn on_main_sized_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic")
}

#[test]
fn nesting_just_under_the_limit_parses() {
    for kind in KINDS {
        // A margin for the levels the program's own wrapping adds.
        let src = nest(kind, MAX_DEPTH as usize - 10);
        let outcome = on_main_sized_stack(move || match parse(&src) {
            ParseOutcome::Complete(e) => {
                let dumped = dump_ast(&e);
                Ok(dumped.len())
            }
            other => Err(format!("{other:?}").chars().take(300).collect::<String>()),
        });
        assert!(outcome.is_ok(), "{kind}: {outcome:?}");
    }
}

#[test]
fn nesting_past_the_limit_is_one_syntax_error() {
    for kind in KINDS {
        for n in [MAX_DEPTH as usize + 10, 100_000] {
            let src = nest(kind, n);
            let (headline, rendered) = on_main_sized_stack(move || match parse(&src) {
                ParseOutcome::Error(es) if es.len() == 1 => (
                    es[0].headline("f.exs", &src),
                    es[0].render("f.exs", &src, false),
                ),
                other => panic!("{kind} {n}: {:.300}", format!("{other:?}")),
            });
            // Only the heredocs span several lines.
            let at = if *kind == "heredoc" {
                "** (SyntaxError) f.exs:"
            } else {
                "** (SyntaxError) f.exs:1:"
            };
            assert!(
                headline.starts_with(at) && headline.contains("nested too deeply"),
                "{kind} {n}: {headline}"
            );
            // The snippet points at the column with a caret.
            assert!(rendered.contains('^'), "{kind} {n}: {rendered:.300}");
        }
    }
}
