//! The classification pass between the lexer and the grammar, in the spirit
//! of Elixir's tokenizer: every whitespace-sensitive decision is made here, so
//! the grammar never sees spaces.
//!
//! - identifiers are retagged by what follows them: `foo(` (the paren becomes
//!   `CallOpen`), `x[` (the bracket becomes `AccessOpen`), `foo do`
//!   (`DoIdent`), `foo -1` (`OpIdent`, the sign becomes unary), `key: `
//!   (`Kw`); reserved words become their own tokens, `not in` one token;
//! - an operator right after `.` is a function name (`Kernel.+(1, 2)`);
//! - `+`/`-` become unary or binary by what precedes them;
//! - newlines and `;` are folded, dropped after tokens that expect more input
//!   (operators, `,`, openers, `do`, `->`) and before binary operators and
//!   closers, so a line starting with `|>` continues the previous one;
//! - a terminator stack checks `do`/`fn`/brackets against `end`/closers and
//!   reports what is still open at the end of input (the REPL's "incomplete").
//!
//! It does not build any tree.

use crate::ast::{BlockLabel, Span};
use crate::diagnostics::{line_col, SyntaxError, SyntaxErrorKind};
use crate::token::{OpClass, RawPart, Spanned, StrKind, Tok};

pub(crate) struct Classified {
    pub tokens: Vec<Spanned>,
    /// The innermost construct still open at end of input, as Elixir's
    /// `missing terminator` error.
    pub unclosed: Option<SyntaxError>,
}

struct Open {
    /// How Elixir names the opener: `do`, `fn`, `(`, `[`, `{`, `<<`.
    opener: &'static str,
    closer: &'static str,
    /// Byte offset of the opener (its line is computed only for an error,
    /// keeping the pass linear).
    at: usize,
    /// Whether the opener is a call's `(`: a `(` glued to its `)` calls the
    /// result again (`unquote(name)(args)`, Elixir's nested parens).
    call: bool,
}

pub(crate) fn classify(src: &str, raw: Vec<Spanned>, errors: &mut Vec<SyntaxError>) -> Classified {
    let mut raw: Vec<Option<Spanned>> = raw.into_iter().map(Some).collect();
    let n = raw.len();
    let mut out: Vec<Spanned> = Vec::with_capacity(n);
    let mut stack: Vec<Open> = Vec::new();
    // Where the last `)` that closed a call's `(` ended.
    let mut call_close_end = None;
    let mut i = 0;
    while i < n {
        let (s, tok, e) = raw[i].take().expect("each raw token is taken once");
        let peek = |k: usize| raw.get(k).and_then(|t| t.as_ref());
        let next_glued = peek(i + 1).is_some_and(|t| t.0 == e);
        let prev = out.last().map(|t| &t.1);
        let prev_end = out.last().map(|t| t.2);
        let after_dot = matches!(prev, Some(Tok::Dot));
        // `key: value` — a name (or quoted string) glued to `:` followed by whitespace.
        let kw_colon = next_glued
            && matches!(peek(i + 1), Some((_, Tok::Colon, _)))
            && match peek(i + 2) {
                None => true,
                Some((ns, t, _)) => {
                    matches!(t, Tok::Eol) || *ns > peek(i + 1).map(|t| t.2).unwrap_or(0)
                }
            };
        let colon_end = peek(i + 1).map(|t| t.2).unwrap_or(e);
        let tok = match tok {
            Tok::Ident(name) if kw_colon => {
                i += 1;
                push(&mut out, (s, Tok::Kw(name), colon_end));
                i += 1;
                continue;
            }
            Tok::Alias(name) if kw_colon => {
                i += 2;
                push(&mut out, (s, Tok::Kw(name), colon_end));
                continue;
            }
            // `||: 2`, `+: 1`, `&&&: 2`: an operator as a keyword key.
            t if kw_colon
                && (is_operator(&t) || is_prefix_operator(&t) || matches!(t, Tok::Percent)) =>
            {
                i += 2;
                push(&mut out, (s, Tok::Kw(src[s..e].to_string()), colon_end));
                continue;
            }
            // `%{}: 1`
            Tok::PercentBrace
                if matches!(peek(i + 1), Some((rs, Tok::RBrace, _)) if *rs == e)
                    && matches!(peek(i + 2), Some((cs, Tok::Colon, _)) if Some(*cs) == peek(i + 1).map(|t| t.2))
                    && peek(i + 3).is_none_or(|t| {
                        matches!(t.1, Tok::Eol) || Some(t.0) > peek(i + 2).map(|t| t.2)
                    }) =>
            {
                let end = peek(i + 2).map_or(e, |t| t.2);
                i += 3;
                push(&mut out, (s, Tok::Kw("%{}".into()), end));
                continue;
            }
            // `:erlang."=:="(a, b)`, `Foo."42"()`: a quoted function name.
            Tok::StrRaw(StrKind::Str, parts) if after_dot && literal(&parts).is_some() => {
                Tok::Ident(literal(&parts).expect("checked"))
            }
            // `h(== / 2)`, `&&&/2`: an operator right before `/`, where an
            // operand is expected, names the function.
            t if (is_operator(&t) || is_prefix_operator(&t))
                && matches!(peek(i + 1), Some((_, Tok::Slash, _)))
                && !prev.is_some_and(|p| p.ends_value()) =>
            {
                Tok::Ident(src[s..e].to_string())
            }
            Tok::Ident(name) if name.starts_with(|c: char| c.is_uppercase()) => {
                // Only a keyword key may start with a non-ASCII capital
                // (`[Ólá: 0]`); ASCII capitals are aliases.
                let c = name.chars().next().unwrap_or(' ');
                errors.push(SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!(
                        "unexpected token: \"{c}\" (column {}, code point U+{:04X})",
                        line_col(src, s).1,
                        c as u32
                    ),
                    Span::new(s, s + c.len_utf8()),
                ));
                i += 1;
                continue;
            }
            Tok::StrRaw(StrKind::Str, parts) if kw_colon => {
                i += 2;
                match literal(&parts) {
                    Some(text) => push(&mut out, (s, Tok::Kw(text), colon_end)),
                    None => errors.push(SyntaxError::new(
                        SyntaxErrorKind::SyntaxError,
                        "interpolation in keyword list keys is not supported",
                        Span::new(s, colon_end),
                    )),
                }
                continue;
            }
            // `&and/2`, `&when/2`: a reserved operator word named as a function.
            Tok::Ident(name)
                if matches!(prev, Some(Tok::Amp))
                    && matches!(peek(i + 1), Some((_, Tok::Slash, _)))
                    && matches!(
                        reserved(&name),
                        Some(Tok::And | Tok::Or | Tok::Not | Tok::When | Tok::In)
                    ) =>
            {
                Tok::Ident(name)
            }
            Tok::Ident(name) if !after_dot && reserved(&name).is_some() => {
                let t = reserved(&name).expect("checked");
                match t {
                    Tok::Not if matches!(peek(i + 1), Some((_, Tok::Ident(w), _)) if w == "in") => {
                        let e2 = peek(i + 1).map(|t| t.2).unwrap_or(e);
                        i += 2;
                        push(&mut out, (s, Tok::NotIn, e2));
                        continue;
                    }
                    Tok::Do | Tok::Fn => {
                        stack.push(Open {
                            opener: if matches!(t, Tok::Do) { "do" } else { "fn" },
                            closer: "end",
                            at: s,
                            call: false,
                        });
                        t
                    }
                    Tok::End => {
                        if let Err(err) = close(src, &mut stack, "end", s, e).map(|_| ()) {
                            errors.push(err);
                            return Classified {
                                tokens: out,
                                unclosed: None,
                            };
                        }
                        t
                    }
                    other => other,
                }
            }
            Tok::Ident(name) => {
                let next = peek(i + 1);
                // After `.` too (`Mod.fun do ... end`, Elixir's dot_do_identifier);
                // the grammar still reads `if map.key do` as a block for `if`.
                // Not after `@`: `if x > @max do` reads the attribute.
                if is_do(&raw, i + 1) && !matches!(prev, Some(Tok::At)) {
                    Tok::DoIdent(name)
                } else if let Some((ns, Tok::Plus | Tok::Minus, ne)) = next {
                    // `foo -1`: space before the sign, none after it.
                    let glued_after =
                        peek(i + 2).is_some_and(|t| t.0 == *ne && !matches!(t.1, Tok::Eol));
                    if *ns > e && glued_after {
                        Tok::OpIdent(name)
                    } else {
                        Tok::Ident(name)
                    }
                } else {
                    Tok::Ident(name)
                }
            }
            Tok::Plus | Tok::Minus => {
                let unary = match prev {
                    Some(Tok::OpIdent(_)) => true,
                    Some(p) => !p.ends_value(),
                    None => true,
                };
                if after_dot
                    || (matches!(prev, Some(Tok::Amp))
                        && matches!(peek(i + 1), Some((_, Tok::Slash, _))))
                {
                    Tok::Ident(src[s..e].to_string())
                } else {
                    match (unary, matches!(tok, Tok::Plus)) {
                        (true, true) => Tok::UPlus,
                        (true, false) => Tok::UMinus,
                        (false, _) => tok,
                    }
                }
            }
            Tok::LParen => {
                let glued = prev_end == Some(s);
                let call = glued
                    && (matches!(prev, Some(Tok::Ident(_) | Tok::Dot))
                        || (matches!(prev, Some(Tok::RParen)) && call_close_end == Some(s)));
                stack.push(Open {
                    opener: "(",
                    closer: ")",
                    at: s,
                    call,
                });
                if call {
                    Tok::CallOpen
                } else {
                    Tok::LParen
                }
            }
            Tok::LBracket => {
                stack.push(Open {
                    opener: "[",
                    closer: "]",
                    at: s,
                    call: false,
                });
                if prev_end == Some(s) && prev.is_some_and(|p| p.ends_value()) {
                    Tok::AccessOpen
                } else {
                    Tok::LBracket
                }
            }
            Tok::LBrace | Tok::PercentBrace => {
                stack.push(Open {
                    opener: "{",
                    closer: "}",
                    at: s,
                    call: false,
                });
                tok
            }
            Tok::LtLt => {
                stack.push(Open {
                    opener: "<<",
                    closer: ">>",
                    at: s,
                    call: false,
                });
                tok
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::GtGt => {
                let closer = match tok {
                    Tok::RParen => ")",
                    Tok::RBracket => "]",
                    Tok::RBrace => "}",
                    _ => ">>",
                };
                match close(src, &mut stack, closer, s, e) {
                    Ok(true) => call_close_end = Some(e),
                    Ok(false) => {}
                    Err(err) => {
                        errors.push(err);
                        return Classified {
                            tokens: out,
                            unclosed: None,
                        };
                    }
                }
                tok
            }
            Tok::Amp => {
                if let Some((ns, Tok::Int(v), ne)) = peek(i + 1) {
                    if *ns == e && *v >= 0 && *v <= u32::MAX as i64 {
                        let (v, ne) = (*v as u32, *ne);
                        i += 2;
                        push(&mut out, (s, Tok::CaptureInt(v), ne));
                        continue;
                    }
                }
                tok
            }
            Tok::Semi => Tok::Eol,
            // `&+/2`: an operator named before `/` is a function name.
            // `Kernel.+(1, 2)`, `:erlang.*(3, 4)`, `&Kernel.<>/2`: as in Elixir's
            // `tokenize_dot`, an operator right after `.` is always a function
            // name (`.` never precedes a binary operator otherwise), so it
            // becomes an identifier and a glued `(` makes it a parens call.
            t if (is_operator(&t) || is_prefix_operator(&t))
                && (after_dot
                    || (matches!(prev, Some(Tok::Amp))
                        && matches!(peek(i + 1), Some((_, Tok::Slash, _))))) =>
            {
                Tok::Ident(src[s..e].to_string())
            }
            other => other,
        };
        push(&mut out, (s, tok, e));
        i += 1;
    }
    while matches!(out.last(), Some((_, Tok::Eol, _))) {
        out.pop();
    }
    let unclosed = stack.last().map(|open| {
        SyntaxError::new(
            SyntaxErrorKind::TokenMissingError,
            format!(
                "missing terminator: {} (for \"{}\" starting at line {})",
                open.closer,
                open.opener,
                line_col(src, open.at).0
            ),
            Span::new(src.len(), src.len()),
        )
    });
    Classified {
        tokens: out,
        unclosed,
    }
}

/// Appends a token, applying the newline rules.
fn push(out: &mut Vec<Spanned>, t: Spanned) {
    if matches!(t.1, Tok::Eol) {
        match out.last() {
            None => return,
            Some((_, last, _)) if absorbs_eol_after(last) => return,
            _ => {}
        }
    } else if drops_eol_before(&t.1) {
        while matches!(out.last(), Some((_, Tok::Eol, _))) {
            out.pop();
        }
    }
    out.push(t);
}

fn is_do(raw: &[Option<Spanned>], k: usize) -> bool {
    let is_do_word = matches!(raw.get(k), Some(Some((_, Tok::Ident(w), _))) if w == "do");
    if !is_do_word {
        return false;
    }
    // `do:` is a keyword, not a block.
    let e = raw[k].as_ref().map(|t| t.2).unwrap_or(0);
    !matches!(raw.get(k + 1), Some(Some((s, Tok::Colon, _))) if *s == e)
}

/// Pops the innermost opener, which must match `closer`; says whether it was
/// a call's `(`.
fn close(
    src: &str,
    stack: &mut Vec<Open>,
    closer: &str,
    s: usize,
    e: usize,
) -> Result<bool, SyntaxError> {
    let what = if closer == "end" {
        "unexpected reserved word: end".to_string()
    } else {
        format!("unexpected token: {closer}")
    };
    match stack.pop() {
        Some(open) if open.closer == closer => Ok(open.call),
        Some(open) => Err(SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            format!(
                "{what}. The \"{}\" at line {} is missing terminator \"{}\"",
                open.opener,
                line_col(src, open.at).0,
                open.closer
            ),
            Span::new(s, e),
        )),
        None => Err(SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            what,
            Span::new(s, e),
        )),
    }
}

fn reserved(name: &str) -> Option<Tok> {
    Some(match name {
        "fn" => Tok::Fn,
        "do" => Tok::Do,
        "end" => Tok::End,
        "true" | "false" | "nil" => Tok::Atom(name.to_string()),
        "not" => Tok::Not,
        "and" => Tok::And,
        "or" => Tok::Or,
        "when" => Tok::When,
        "in" => Tok::In,
        "else" => Tok::Block(BlockLabel::Else),
        "after" => Tok::Block(BlockLabel::After),
        "rescue" => Tok::Block(BlockLabel::Rescue),
        "catch" => Tok::Block(BlockLabel::Catch),
        _ => return None,
    })
}

fn literal(parts: &[RawPart]) -> Option<String> {
    let mut s = String::new();
    for p in parts {
        match p {
            RawPart::Lit(t) => s.push_str(t),
            RawPart::Interp(..) => return None,
        }
    }
    Some(s)
}

/// Binary-only operators (and the other tokens a line may start with to
/// continue the previous one).
fn is_operator(t: &Tok) -> bool {
    matches!(
        t,
        Tok::PipeOp
            | Tok::LArrow
            | Tok::Match
            | Tok::EqEq
            | Tok::StrictEq
            | Tok::NotEq
            | Tok::StrictNotEq
            | Tok::RegexMatch
            | Tok::Lt
            | Tok::Gt
            | Tok::Le
            | Tok::Ge
            | Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Slash
            | Tok::StarStar
            | Tok::PlusPlus
            | Tok::MinusMinus
            | Tok::Concat
            | Tok::SlashSlash
            | Tok::BackBack
            | Tok::OrOr
            | Tok::AndAnd
            | Tok::DotDot
            | Tok::ColonColon
            | Tok::Bar
            | Tok::FatArrow
            | Tok::And
            | Tok::Or
            | Tok::When
            | Tok::In
            | Tok::NotIn
    ) || matches!(t, Tok::ExtOp(c, _) if *c != OpClass::Unary)
}

/// Tokens that are only prefix operators (`!x`, `^x`, `&f/1`, `@a`, `~~~x`).
fn is_prefix_operator(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Bang | Tok::Caret | Tok::Amp | Tok::At | Tok::ExtOp(OpClass::Unary, _)
    )
}

fn drops_eol_before(t: &Tok) -> bool {
    is_operator(t)
        || matches!(
            t,
            Tok::Dot
                | Tok::RParen
                | Tok::RBracket
                | Tok::RBrace
                | Tok::GtGt
                | Tok::End
                | Tok::Block(_)
                | Tok::Do
        )
}

fn absorbs_eol_after(t: &Tok) -> bool {
    is_operator(t)
        || matches!(
            t,
            Tok::Eol
                | Tok::Comma
                | Tok::LParen
                | Tok::CallOpen
                | Tok::LBracket
                | Tok::AccessOpen
                | Tok::LBrace
                | Tok::PercentBrace
                | Tok::LtLt
                | Tok::Do
                | Tok::Fn
                | Tok::Arrow
                | Tok::Kw(_)
                | Tok::Dot
                | Tok::Block(_)
                | Tok::Not
                | Tok::Bang
                | Tok::Caret
                | Tok::Amp
                | Tok::At
                | Tok::UMinus
                | Tok::UPlus
                | Tok::ExtOp(OpClass::Unary, _)
        )
}
