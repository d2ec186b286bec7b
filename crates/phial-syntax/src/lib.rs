//! phial's front end: source text to AST, or syntax diagnostics.
//!
//! Pipeline: `lexer` (logos; `strings` for literal bodies) → `classify`
//! (Elixir-tokenizer-style retagging and newline rules) → the LALRPOP grammar
//! in `grammar/elixir.lalrpop` (actions in `builders`) driven by `parser`,
//! which also tells complete, incomplete and erroneous input apart.
//! `dump` prints the AST as S-expressions (the `--dump-ast` command itself is
//! the binary's, in phial-cli).
//!
//! Not here: evaluation, values, processes — this crate knows nothing of them.

pub mod algebra;
pub mod ast;
mod builders;
mod classify;
mod diagnostics;
mod dump;
pub mod format;
mod lexer;
mod parser;
mod strings;
mod token;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused)]
    grammar,
    "/elixir.rs"
);

pub use ast::*;
pub use diagnostics::{line_col, SyntaxError, SyntaxErrorKind};
pub use dump::{dump_ast, dump_expr};
pub use parser::{comment_spans, parse, ParseOutcome};
