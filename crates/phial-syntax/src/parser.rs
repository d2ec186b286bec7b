//! The parse driver: runs lexer → classifier → grammar, parses string
//! interpolations recursively, and sorts the result into complete /
//! incomplete / error, mapping LALRPOP's errors to Elixir's wording.
//!
//! It does not define syntax (the grammar does) nor render errors (diagnostics.rs).

use lalrpop_util::ParseError;

use crate::ast::{CallTarget, Expr, ExprKind, Span, StrPart};
use crate::classify::classify;
use crate::diagnostics::{SyntaxError, SyntaxErrorKind};
use crate::grammar::ProgramParser;
use crate::lexer::lex;
use crate::token::{RawPart, Spanned, StrKind, Tok};

/// The answer for a file or a REPL input.
#[derive(Debug, Clone, PartialEq)]
pub enum ParseOutcome {
    /// The top-level expressions.
    Complete(Vec<Expr>),
    /// The input ended early (open `do`/bracket/string, trailing operator or
    /// comma): a REPL should read more lines. A script reports it as the
    /// contained `TokenMissingError`.
    Incomplete(SyntaxError),
    /// Malformed input: every error found, in source order.
    Error(Vec<SyntaxError>),
}

impl ParseOutcome {
    /// The expressions, or the errors (an incomplete input counts as one error).
    pub fn into_result(self) -> Result<Vec<Expr>, Vec<SyntaxError>> {
        match self {
            ParseOutcome::Complete(e) => Ok(e),
            ParseOutcome::Incomplete(e) => Err(vec![e]),
            ParseOutcome::Error(e) => Err(e),
        }
    }
}

/// The comments of `source`, as byte ranges (`#` up to the end of its
/// line, a trailing `\r` left out), in order. Only the gaps between the
/// tokens are looked at, so a `#` inside a string, a sigil, a heredoc or a
/// character literal is never taken for one. Comments inside an
/// interpolation are not reported.
pub fn comment_spans(source: &str) -> Vec<(usize, usize)> {
    let mut errors = Vec::new();
    let lexed = lex(source, 0, false, &mut errors);
    let mut gaps: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for (start, _, end) in &lexed.tokens {
        if *start > at {
            gaps.push((at, *start));
        }
        at = at.max(*end);
    }
    if at < source.len() {
        gaps.push((at, source.len()));
    }
    let mut out = Vec::new();
    for (from, to) in gaps {
        let bytes = &source.as_bytes()[from..to];
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'#' {
                let len = bytes[i..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .unwrap_or(bytes.len() - i);
                let mut end = i + len;
                if end > i && bytes[end - 1] == b'\r' {
                    end -= 1;
                }
                out.push((from + i, from + end));
                i += len;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// At most this many errors are reported for one input.
const MAX_ERRORS: usize = 20;

/// Parses a whole file or REPL input.
pub fn parse(source: &str) -> ParseOutcome {
    crate::ast::take_too_deep();
    let outcome = parse_unchecked(source);
    match crate::ast::take_too_deep() {
        // Too deep wins over anything else: the tree the grammar saw had a
        // stand-in where the deep part was, so its other errors may be
        // artefacts of that.
        Some(span) => ParseOutcome::Error(vec![SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            format!(
                "syntax error: expression nested too deeply (phial allows {} levels)",
                crate::ast::MAX_DEPTH
            ),
            Span::new(span.start, span.start),
        )]),
        None => outcome,
    }
}

fn parse_unchecked(source: &str) -> ParseOutcome {
    let mut errors = Vec::new();
    let lexed = lex(source, 0, false, &mut errors);
    let cls = classify(source, lexed.tokens, &mut errors);
    let tokens = finish_literals(source, cls.tokens, &mut errors);
    let (hard, missing): (Vec<_>, Vec<_>) = errors
        .into_iter()
        .partition(|e| e.kind == SyntaxErrorKind::SyntaxError);
    if !hard.is_empty() {
        return ParseOutcome::Error(hard);
    }
    if let Some(m) = missing.into_iter().next() {
        // An unterminated string/heredoc/sigil: the lexer stopped there.
        return ParseOutcome::Incomplete(m);
    }
    match run(source, tokens) {
        Ok(exprs) => ParseOutcome::Complete(exprs),
        Err(RunError::Eof(last_end)) => {
            ParseOutcome::Incomplete(cls.unclosed.unwrap_or_else(|| {
                SyntaxError::new(
                    SyntaxErrorKind::TokenMissingError,
                    "syntax error: expression is incomplete",
                    Span::new(last_end, last_end),
                )
            }))
        }
        // As Elixir, whose tokenizer runs over the whole input before the
        // parser: a terminator still open is the error (TokenMissingError),
        // and a REPL reads on, so a mistake inside an unfinished `fn` or
        // `do` is reported once, when the input is complete.
        Err(RunError::Errors(errs)) => match cls.unclosed {
            Some(open) => ParseOutcome::Incomplete(open),
            None => ParseOutcome::Error(errs),
        },
    }
}

enum RunError {
    /// The grammar wanted more input; the offset is the end of the last token.
    Eof(usize),
    Errors(Vec<SyntaxError>),
}

/// Runs the grammar; after an error, resumes at the next top-level newline to
/// find further errors (results of the resumed runs are discarded).
fn run(source: &str, tokens: Vec<Spanned>) -> Result<Vec<Expr>, RunError> {
    let parser = ProgramParser::new();
    let last_end = tokens.last().map(|t| t.2).unwrap_or(0);
    let starts: Vec<usize> = tokens.iter().map(|t| t.0).collect();
    let depth_eols = top_level_eols(&tokens);
    let first = parser.parse(tokens.iter().cloned());
    let err = match first {
        Ok(v) => return Ok(v),
        Err(ParseError::UnrecognizedEof { .. }) => return Err(RunError::Eof(last_end)),
        Err(e) => e,
    };
    let mut errors = vec![convert(source, &tokens, err)];
    let mut from = errors[0].span.start;
    while errors.len() < MAX_ERRORS {
        // Resume after the first top-level newline past the error.
        let Some(&k) = depth_eols.iter().find(|&&k| starts[k] >= from) else {
            break;
        };
        let rest = &tokens[k + 1..];
        if rest.is_empty() {
            break;
        }
        match parser.parse(rest.iter().cloned()) {
            Ok(_) => break,
            Err(ParseError::UnrecognizedEof { .. }) => break,
            Err(e) => {
                let e = convert(source, rest, e);
                from = e.span.start.max(starts[k] + 1);
                errors.push(e);
            }
        }
    }
    Err(RunError::Errors(errors))
}

/// Indices of newline tokens outside any bracket or block.
fn top_level_eols(tokens: &[Spanned]) -> Vec<usize> {
    let mut depth: i64 = 0;
    let mut out = Vec::new();
    for (i, (_, t, _)) in tokens.iter().enumerate() {
        match t {
            Tok::LParen
            | Tok::CallOpen
            | Tok::LBracket
            | Tok::AccessOpen
            | Tok::LBrace
            | Tok::PercentBrace
            | Tok::Do
            | Tok::Fn
            | Tok::LtLt => depth += 1,
            Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::End | Tok::GtGt => depth -= 1,
            Tok::Eol if depth <= 0 => out.push(i),
            _ => {}
        }
    }
    out
}

fn convert(
    source: &str,
    tokens: &[Spanned],
    e: ParseError<usize, Tok, SyntaxError>,
) -> SyntaxError {
    match e {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            "syntax error",
            Span::new(location, location),
        ),
        ParseError::UnrecognizedEof { location, .. } => SyntaxError::new(
            SyntaxErrorKind::TokenMissingError,
            "syntax error: expression is incomplete",
            Span::new(location, location),
        ),
        ParseError::UnrecognizedToken {
            token: (s, t, e), ..
        }
        | ParseError::ExtraToken { token: (s, t, e) } => {
            // Elixir folds a newline into the previous token, so it complains
            // about the token after the newline.
            let (s, t, e) = match t {
                Tok::Eol => tokens
                    .iter()
                    .find(|x| x.0 > s)
                    .cloned()
                    .unwrap_or((s, t, e)),
                _ => (s, t, e),
            };
            let text = &source[s..e];
            let mut message = format!("syntax error before: {}", t.describe(text));
            let reserved_word = matches!(t, Tok::When | Tok::And | Tok::Or | Tok::In | Tok::Not);
            if reserved_word {
                message.push_str(&format!(
                    ". \"{text}\" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function"
                ));
            }
            let mut err = SyntaxError::new(SyntaxErrorKind::SyntaxError, message, Span::new(s, e));
            // Elixir 1.14 shows no snippet for these two.
            err.snippet = !reserved_word && !matches!(t, Tok::Lit(_));
            err
        }
    }
}

/// Turns every `StrRaw` token into a finished literal, parsing its
/// interpolations (each `#{...}` is a small program of its own).
fn finish_literals(
    source: &str,
    tokens: Vec<Spanned>,
    errors: &mut Vec<SyntaxError>,
) -> Vec<Spanned> {
    tokens
        .into_iter()
        .map(|(s, t, e)| match t {
            Tok::StrRaw(kind, parts) => {
                (s, literal(source, kind, parts, Span::new(s, e), errors), e)
            }
            other => (s, other, e),
        })
        .collect()
}

fn literal(
    source: &str,
    kind: StrKind,
    parts: Vec<RawPart>,
    span: Span,
    errors: &mut Vec<SyntaxError>,
) -> Tok {
    let parts: Vec<StrPart> = parts
        .into_iter()
        .map(|p| match p {
            RawPart::Lit(s) => StrPart::Lit(s),
            RawPart::Interp(toks, ispan) => {
                StrPart::Interp(interpolation(source, toks, ispan, errors))
            }
        })
        .collect();
    let kind = match kind {
        StrKind::Str => ExprKind::Str(parts),
        StrKind::Charlist => ExprKind::Charlist(parts),
        StrKind::Sigil { letter, modifiers } => ExprKind::Sigil {
            letter,
            parts,
            modifiers,
        },
        StrKind::Atom => {
            if parts.iter().all(|p| matches!(p, StrPart::Lit(_))) {
                let text: String = parts
                    .iter()
                    .map(|p| match p {
                        StrPart::Lit(s) => s.as_str(),
                        StrPart::Interp(_) => "",
                    })
                    .collect();
                return Tok::Atom(text);
            }
            // `:"a#{x}"` is `:erlang.binary_to_atom("a#{x}", :utf8)`, as in Elixir.
            let string = Expr::new(ExprKind::Str(parts), span);
            ExprKind::Call {
                target: CallTarget::Remote {
                    module: Box::new(Expr::new(ExprKind::Atom("erlang".into()), span)),
                    name: "binary_to_atom".into(),
                },
                args: vec![string, Expr::new(ExprKind::Atom("utf8".into()), span)],
                parens: true,
                block: None,
            }
        }
    };
    Tok::Lit(Box::new(Expr::new(kind, span)))
}

fn interpolation(
    source: &str,
    toks: Vec<Spanned>,
    span: Span,
    errors: &mut Vec<SyntaxError>,
) -> Expr {
    let cls = classify(source, toks, errors);
    let tokens = finish_literals(source, cls.tokens, errors);
    match run(source, tokens) {
        Ok(mut exprs) if exprs.len() == 1 => exprs.pop().expect("one"),
        Ok(exprs) => Expr::new(ExprKind::Block(exprs), span),
        Err(RunError::Eof(at)) => {
            errors.push(SyntaxError::new(
                SyntaxErrorKind::SyntaxError,
                "syntax error: expression is incomplete",
                Span::new(at, at),
            ));
            Expr::new(ExprKind::Block(vec![]), span)
        }
        Err(RunError::Errors(errs)) => {
            errors.extend(errs);
            Expr::new(ExprKind::Block(vec![]), span)
        }
    }
}
