//! Syntax errors and their rendering in Elixir's words and layout.
//!
//! `headline` is Elixir's one-line form (`** (SyntaxError) f.exs:2:9: ...`);
//! `render` adds the caret snippet that Elixir 1.14 prints under most syntax
//! errors. `SyntaxError` also implements `miette::Diagnostic` (labelled span,
//! code), so other front ends can hand it to any miette report handler.
//! This module does not decide *what* is an error; the lexer, classifier and
//! parse driver do.

use std::fmt;

use crate::ast::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// Malformed input.
    SyntaxError,
    /// The input ended early (an open `do`, bracket, string, a trailing operator).
    TokenMissingError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::TokenMissingError => "TokenMissingError",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// The text after `file:line:col: ` in Elixir's headline.
    pub message: String,
    /// Where the error points (an empty span at end of input for missing terminators).
    pub span: Span,
    /// Whether Elixir prints the source snippet with a caret under this error.
    pub snippet: bool,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, message: impl Into<String>, span: Span) -> Self {
        let message = message.into();
        // Elixir 1.14 prints no snippet for missing terminators, stray `end`s and
        // mismatched closers (those come from the tokenizer's terminator check).
        let snippet = !(message.starts_with("missing terminator")
            || message.starts_with("unexpected reserved word")
            || message.contains("is missing terminator"));
        SyntaxError {
            kind,
            message,
            span,
            snippet,
        }
    }

    /// 1-based line and column (in characters) of the error's start.
    pub fn line_col(&self, source: &str) -> (usize, usize) {
        line_col(source, self.span.start)
    }

    /// `** (SyntaxError) f.exs:2:9: unexpected token: )`
    pub fn headline(&self, file: &str, source: &str) -> String {
        let (line, col) = self.line_col(source);
        format!(
            "** ({}) {}:{}:{}: {}",
            self.kind.name(),
            file,
            line,
            col,
            self.message
        )
    }

    /// The headline plus, where Elixir shows one, the snippet:
    ///
    /// ```text
    /// ** (SyntaxError) f.exs:2:9: unexpected token: )
    ///     |
    ///   2 | x = 1 + )
    ///     |         ^
    /// ```
    /// With `color`, the headline and caret are red (ANSI), as iex prints them.
    pub fn render(&self, file: &str, source: &str, color: bool) -> String {
        let (red, reset) = if color {
            ("\u{1b}[31m", "\u{1b}[0m")
        } else {
            ("", "")
        };
        let mut out = format!("{red}{}{reset}", self.headline(file, source));
        if self.snippet {
            let (line, col) = self.line_col(source);
            let text = source.lines().nth(line - 1).unwrap_or("");
            let num = line.to_string();
            let width = num.len().max(2) + 1;
            let pad = " ".repeat(width + 1);
            out.push_str(&format!(
                "\n{pad}|\n{num:>width$} | {text}\n{pad}| {}{red}^{reset}",
                " ".repeat(col - 1)
            ));
        }
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for SyntaxError {}

impl miette::Diagnostic for SyntaxError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.kind.name()))
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let len = self.span.end.saturating_sub(self.span.start).max(1);
        Some(Box::new(std::iter::once(miette::LabeledSpan::at(
            self.span.start..self.span.start + len,
            "here",
        ))))
    }
}

/// 1-based line and column (in characters) of byte offset `pos`.
pub fn line_col(source: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(source.len());
    let mut p = pos;
    while !source.is_char_boundary(p) {
        p -= 1;
    }
    let before = &source[..p];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = source[line_start..p].chars().count() + 1;
    (line, col)
}
