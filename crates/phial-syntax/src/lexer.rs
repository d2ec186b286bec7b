//! The logos lexer: source text to raw tokens with absolute byte spans.
//!
//! It recognises the fixed vocabulary (operators, numbers, names, atoms,
//! newlines) with logos and hands string-like literals (strings, charlists,
//! heredocs, sigils, quoted atoms, `?c` characters) to `strings.rs`, which
//! calls back into [`lex`] for each `#{...}` interpolation (Elixir does the same:
//! the tokenizer runs recursively on the interpolated code).
//!
//! It does not decide what a token means in context (`foo (` vs `foo(`,
//! unary or binary `-`, `key:`): that is `classify.rs`.

use logos::Logos;

use crate::ast::Span;
use crate::diagnostics::{SyntaxError, SyntaxErrorKind};
use crate::strings::{self, EscMode};
use crate::token::{OpClass, Spanned, StrKind, Tok};

#[derive(Logos, Debug, Clone, Copy, PartialEq)]
#[logos(skip r"[ \t\r\f]+")]
#[logos(skip(r"#[^\n]*", allow_greedy = true))]
#[logos(skip r"\\\r?\n")]
enum Raw {
    #[token("\n")]
    Newline,
    #[token(";")]
    Semi,
    #[token(",")]
    Comma,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("%{")]
    PercentBrace,
    #[token("%")]
    Percent,
    #[token(".")]
    Dot,
    #[token("..")]
    DotDot,
    #[token(":")]
    Colon,
    #[token("::")]
    ColonColon,
    #[token("->")]
    Arrow,
    #[token("=>")]
    FatArrow,
    #[token("<-")]
    LArrow,
    #[token("|>")]
    PipeOp,
    #[token("|")]
    Bar,
    #[token("||")]
    OrOr,
    #[token("&&")]
    AndAnd,
    #[token("!")]
    Bang,
    #[token("^")]
    Caret,
    #[token("&")]
    Amp,
    #[token("@")]
    At,
    #[token("=")]
    Match,
    #[token("==")]
    EqEq,
    #[token("===")]
    StrictEq,
    #[token("!=")]
    NotEq,
    #[token("!==")]
    StrictNotEq,
    #[token("=~")]
    RegexMatch,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("**")]
    StarStar,
    #[token("++")]
    PlusPlus,
    #[token("--")]
    MinusMinus,
    #[token("<>")]
    Concat,
    #[token("//")]
    SlashSlash,
    #[token("\\\\")]
    BackBack,
    #[token("<<")]
    LtLt,
    #[token(">>")]
    GtGt,
    // Elixir's operators with no meaning of their own (Bitwise's, and ones a
    // program may define), and the ellipsis of typespecs.
    #[token("|||")]
    OrOr3,
    #[token("&&&")]
    AndAnd3,
    #[token("<<<")]
    LtLtLt,
    #[token(">>>")]
    GtGtGt,
    #[token("<<~")]
    LtLtTilde,
    #[token("~>>")]
    TildeGtGt,
    #[token("<~")]
    LtTilde,
    #[token("~>")]
    TildeGt,
    #[token("<~>")]
    LtTildeGt,
    #[token("<|>")]
    LtBarGt,
    #[token("^^^")]
    Caret3,
    #[token("+++")]
    PlusPlus3,
    #[token("---")]
    MinusMinus3,
    #[token("~~~")]
    Tilde3,
    #[token("...")]
    Ellipsis,
    #[regex(r"[0-9]+(_[0-9]+)*")]
    Dec,
    #[regex(r"0x[0-9a-fA-F]+(_[0-9a-fA-F]+)*")]
    Hex,
    #[regex(r"0o[0-7]+(_[0-7]+)*")]
    Oct,
    #[regex(r"0b[01]+(_[01]+)*")]
    Bin,
    #[regex(r"[0-9]+(_[0-9]+)*\.[0-9]+(_[0-9]+)*([eE][+-]?[0-9]+)?")]
    Float,
    #[regex(r"\?(\\.|[^\\])")]
    Char,
    // Elixir's identifiers are Unicode (UAX #31): a lowercase or caseless
    // letter or `_` first; aliases stay ASCII, as in Elixir.
    #[regex(
        r"[a-z_\p{Ll}\p{Lo}\p{Lm}\p{Nl}][a-zA-Z0-9_\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*[?!]?"
    )]
    Ident,
    #[regex(r"[A-Z][a-zA-Z0-9_]*")]
    Alias,
    // A keyword key may hold `@` like an atom (`[ól@!: 0]`), a name may not,
    // so a name with `@` glued to `:` can only be a key.
    #[regex(r"[a-z_\p{Ll}\p{Lo}\p{Lm}\p{Nl}][a-zA-Z0-9_@\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*@[a-zA-Z0-9_@\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*[?!]?:")]
    KwAt,
    // A name starting with a non-ASCII capital is only valid as a keyword
    // key (`[Ólá: 0]`, which like an atom may hold `@`); the
    // classification pass rejects it elsewhere.
    #[regex(r"[\p{Lu}\p{Lt}&&[^A-Z]][a-zA-Z0-9_@\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*[?!]?")]
    UpperIdent,
    #[regex(r":[a-zA-Z_\p{L}\p{Nl}][a-zA-Z0-9_@\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*[?!]?")]
    AtomName,
    // Operator atoms (`:+`, `:<>`, ...). `::` is deliberately absent (it is the type operator).
    #[regex(r":(\+\+\+|---|\+\+|--|\+|-|\*\*|\*|/|===|==|=~|=|!==|!=|!|<=|>=|<>|<-|<<<|>>>|<<~|~>>|<~>|<~|~>|<\|>|<<>>|<<|>>|<|>|\|\|\||\|\||\|>|\||&&&|&&|&|\^\^\^|\^|~~~|\.\.\.|\.\.//|\.\.|\.|\\\\|@|->|\{\}|%\{\}|%)")]
    AtomOp,
    #[token(":\"")]
    AtomQuote,
    #[token("\"")]
    Quote,
    #[token("\"\"\"")]
    Heredoc,
    #[token("'")]
    SQuote,
    #[token("'''")]
    SHeredoc,
    #[regex(r"~[a-zA-Z]")]
    Sigil,
}

/// Result of lexing a region of the source.
pub(crate) struct Lexed {
    pub tokens: Vec<Spanned>,
    /// Byte offset just past what was consumed (past the closing `}` in interpolation mode).
    pub end: usize,
    /// In interpolation mode: whether the closing `}` was found.
    pub closed: bool,
}

/// Lex `src[from..]`. With `interp`, stop at the first unmatched `}` (the end of a
/// `#{...}`). Errors go to `errors`; lexing continues after them so that one run
/// reports every bad character.
pub(crate) fn lex(src: &str, from: usize, interp: bool, errors: &mut Vec<SyntaxError>) -> Lexed {
    // An interpolation is lexed (and later parsed) by a nested call, so
    // its nesting is recursion: bounded here, as the parser bounds the
    // depth of the tree it builds.
    let _nesting = if interp {
        match Nesting::enter() {
            Some(n) => Some(n),
            None => {
                errors.push(SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!(
                        "syntax error: interpolations nested too deeply (phial allows {MAX_INTERP_NESTING} levels)"
                    ),
                    Span::new(from, from),
                ));
                // Skip the rest of the source: the error is reported.
                return Lexed {
                    tokens: Vec::new(),
                    end: src.len(),
                    closed: true,
                };
            }
        }
    } else {
        None
    };
    lex_region(src, from, interp, errors)
}

/// How deep `#{...}` may nest inside one another: each level is a few
/// nested calls of the lexer and the parse driver, a few KB of stack.
const MAX_INTERP_NESTING: u32 = crate::ast::MAX_DEPTH / 2;

thread_local! {
    static INTERP_NESTING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// One level of interpolation being lexed; leaving it (by any return)
/// counts it off.
struct Nesting;

impl Nesting {
    fn enter() -> Option<Nesting> {
        let n = INTERP_NESTING.get();
        if n >= MAX_INTERP_NESTING {
            return None;
        }
        INTERP_NESTING.set(n + 1);
        Some(Nesting)
    }
}

impl Drop for Nesting {
    fn drop(&mut self) {
        INTERP_NESTING.set(INTERP_NESTING.get().saturating_sub(1));
    }
}

fn lex_region(src: &str, from: usize, interp: bool, errors: &mut Vec<SyntaxError>) -> Lexed {
    let mut out: Vec<Spanned> = Vec::new();
    let mut lx = Raw::lexer(&src[from..]);
    let mut depth = 0usize;
    while let Some(res) = lx.next() {
        let span = lx.span();
        let (s, e) = (span.start + from, span.end + from);
        let text = lx.slice();
        let raw = match res {
            Ok(r) => r,
            Err(()) => {
                let c = text.chars().next().unwrap_or(' ');
                // As Elixir shows it: the character itself, quoted, except
                // NUL, which it names.
                let shown = match c {
                    '\0' => "null byte".to_string(),
                    c => format!("\"{c}\""),
                };
                errors.push(SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!(
                        "unexpected token: {} (column {}, code point U+{:04X})",
                        shown,
                        crate::diagnostics::line_col(src, s).1,
                        c as u32
                    ),
                    Span::new(s, e),
                ));
                continue;
            }
        };
        let tok = match raw {
            Raw::Newline => Tok::Eol,
            Raw::Semi => Tok::Semi,
            Raw::Comma => Tok::Comma,
            Raw::LParen => Tok::LParen,
            Raw::RParen => Tok::RParen,
            Raw::LBracket => Tok::LBracket,
            Raw::RBracket => Tok::RBracket,
            Raw::LBrace => {
                depth += 1;
                Tok::LBrace
            }
            Raw::PercentBrace => {
                depth += 1;
                Tok::PercentBrace
            }
            Raw::RBrace => {
                if interp && depth == 0 {
                    return Lexed {
                        tokens: out,
                        end: e,
                        closed: true,
                    };
                }
                depth = depth.saturating_sub(1);
                Tok::RBrace
            }
            Raw::Percent => Tok::Percent,
            Raw::Dot => Tok::Dot,
            Raw::DotDot => Tok::DotDot,
            Raw::Colon => Tok::Colon,
            Raw::ColonColon => Tok::ColonColon,
            Raw::Arrow => Tok::Arrow,
            Raw::FatArrow => Tok::FatArrow,
            Raw::LArrow => Tok::LArrow,
            Raw::PipeOp => Tok::PipeOp,
            Raw::Bar => Tok::Bar,
            Raw::OrOr => Tok::OrOr,
            Raw::AndAnd => Tok::AndAnd,
            Raw::Bang => Tok::Bang,
            Raw::Caret => Tok::Caret,
            Raw::Amp => Tok::Amp,
            Raw::At => Tok::At,
            Raw::Match => Tok::Match,
            Raw::EqEq => Tok::EqEq,
            Raw::StrictEq => Tok::StrictEq,
            Raw::NotEq => Tok::NotEq,
            Raw::StrictNotEq => Tok::StrictNotEq,
            Raw::RegexMatch => Tok::RegexMatch,
            Raw::Lt => Tok::Lt,
            Raw::Gt => Tok::Gt,
            Raw::Le => Tok::Le,
            Raw::Ge => Tok::Ge,
            Raw::Plus => Tok::Plus,
            Raw::Minus => Tok::Minus,
            Raw::Star => Tok::Star,
            Raw::Slash => Tok::Slash,
            Raw::StarStar => Tok::StarStar,
            Raw::PlusPlus => Tok::PlusPlus,
            Raw::MinusMinus => Tok::MinusMinus,
            Raw::Concat => Tok::Concat,
            Raw::SlashSlash => Tok::SlashSlash,
            Raw::BackBack => Tok::BackBack,
            Raw::LtLt => Tok::LtLt,
            Raw::GtGt => Tok::GtGt,
            Raw::OrOr3 => Tok::ExtOp(OpClass::Or, "|||"),
            Raw::AndAnd3 => Tok::ExtOp(OpClass::And, "&&&"),
            Raw::LtLtLt => Tok::ExtOp(OpClass::Arrow, "<<<"),
            Raw::GtGtGt => Tok::ExtOp(OpClass::Arrow, ">>>"),
            Raw::LtLtTilde => Tok::ExtOp(OpClass::Arrow, "<<~"),
            Raw::TildeGtGt => Tok::ExtOp(OpClass::Arrow, "~>>"),
            Raw::LtTilde => Tok::ExtOp(OpClass::Arrow, "<~"),
            Raw::TildeGt => Tok::ExtOp(OpClass::Arrow, "~>"),
            Raw::LtTildeGt => Tok::ExtOp(OpClass::Arrow, "<~>"),
            Raw::LtBarGt => Tok::ExtOp(OpClass::Arrow, "<|>"),
            Raw::Caret3 => Tok::ExtOp(OpClass::Xor, "^^^"),
            Raw::PlusPlus3 => Tok::ExtOp(OpClass::Concat, "+++"),
            Raw::MinusMinus3 => Tok::ExtOp(OpClass::Concat, "---"),
            Raw::Tilde3 => Tok::ExtOp(OpClass::Unary, "~~~"),
            // `...` is a variable in Elixir's AST (`{:..., meta, nil}`).
            Raw::Ellipsis => Tok::Ident("...".to_string()),
            Raw::Dec => int_token(&text.replace('_', ""), 10),
            Raw::Hex => int_token(&text[2..].replace('_', ""), 16),
            Raw::Oct => int_token(&text[2..].replace('_', ""), 8),
            Raw::Bin => int_token(&text[2..].replace('_', ""), 2),
            Raw::Float => match text.replace('_', "").parse::<f64>() {
                Ok(f) if f.is_finite() => Tok::Float(f),
                _ => {
                    errors.push(SyntaxError::new(
                        SyntaxErrorKind::SyntaxError,
                        format!("invalid float number {text}"),
                        Span::new(s, e),
                    ));
                    Tok::Float(0.0)
                }
            },
            Raw::Char => Tok::Int(strings::char_value(&text[1..]) as i64),
            Raw::Ident => Tok::Ident(text.to_string()),
            Raw::Alias => Tok::Alias(text.to_string()),
            Raw::UpperIdent => Tok::Ident(text.to_string()),
            Raw::KwAt => Tok::Kw(text[..text.len() - 1].to_string()),
            Raw::AtomName | Raw::AtomOp => Tok::Atom(text[1..].to_string()),
            Raw::AtomQuote | Raw::Quote | Raw::SQuote => {
                let (close, kind, what) = match raw {
                    Raw::AtomQuote => ("\"", StrKind::Atom, "atom"),
                    Raw::Quote => ("\"", StrKind::Str, "string"),
                    _ => ("'", StrKind::Charlist, "string"),
                };
                match strings::scan_quoted(src, e, close, EscMode::Full, true, errors) {
                    Some((parts, end)) => {
                        lx.bump(end - e);
                        Tok::StrRaw(kind, parts)
                    }
                    None => {
                        errors.push(missing_terminator(src, close, what, s));
                        return Lexed {
                            tokens: out,
                            end: src.len(),
                            closed: false,
                        };
                    }
                }
            }
            Raw::Heredoc | Raw::SHeredoc => {
                let (q, kind) = if raw == Raw::Heredoc {
                    ('"', StrKind::Str)
                } else {
                    ('\'', StrKind::Charlist)
                };
                match strings::scan_heredoc(src, e, q, EscMode::Full, true, errors) {
                    Some((parts, end)) => {
                        lx.bump(end - e);
                        Tok::StrRaw(kind, parts)
                    }
                    None => {
                        let close = if q == '"' { "\"\"\"" } else { "'''" };
                        errors.push(missing_terminator(src, close, "heredoc", s));
                        return Lexed {
                            tokens: out,
                            end: src.len(),
                            closed: false,
                        };
                    }
                }
            }
            Raw::Sigil => {
                let letter = text.chars().nth(1).unwrap_or('s');
                let (mode, interp_ok) = if letter.is_ascii_uppercase() {
                    (EscMode::Raw, false)
                } else if matches!(letter, 's' | 'c' | 'w') {
                    (EscMode::Full, true)
                } else {
                    // `~r` and custom lowercase sigils get their text as
                    // written (their function unescapes, if it wants to),
                    // with interpolation.
                    (EscMode::Raw, true)
                };
                let rest = &src[e..];
                let scanned = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
                    let q = rest.chars().next().unwrap_or('"');
                    strings::scan_heredoc(src, e + 3, q, mode, interp_ok, errors)
                        .ok_or(if q == '"' { "\"\"\"" } else { "'''" })
                } else {
                    match rest.chars().next() {
                        Some(open) => match sigil_close(open) {
                            Some(close) => {
                                let mut buf = [0u8; 4];
                                let close_s: &str = close.encode_utf8(&mut buf);
                                strings::scan_quoted(
                                    src,
                                    e + open.len_utf8(),
                                    close_s,
                                    mode,
                                    interp_ok,
                                    errors,
                                )
                                .ok_or(match close {
                                    ')' => ")",
                                    ']' => "]",
                                    '}' => "}",
                                    '>' => ">",
                                    '/' => "/",
                                    '|' => "|",
                                    '"' => "\"",
                                    _ => "'",
                                })
                            }
                            None => {
                                errors.push(SyntaxError::new(
                                    SyntaxErrorKind::SyntaxError,
                                    format!("invalid sigil delimiter: \"{}\" (column {}, code point U+{:04X}). The available delimiters are: //, ||, \"\", '', (), [], {{}}, <>", open, crate::diagnostics::line_col(src, e).1, open as u32),
                                    Span::new(e, e + open.len_utf8()),
                                ));
                                continue;
                            }
                        },
                        None => Err(")"),
                    }
                };
                match scanned {
                    Ok((parts, end)) => {
                        // Modifiers: letters glued to the closing delimiter.
                        let mods: String = src[end..]
                            .chars()
                            .take_while(|c| c.is_ascii_alphabetic())
                            .collect();
                        let end = end + mods.len();
                        lx.bump(end - e);
                        Tok::StrRaw(
                            StrKind::Sigil {
                                letter,
                                modifiers: mods,
                            },
                            parts,
                        )
                    }
                    Err(close) => {
                        errors.push(missing_terminator(src, close, "sigil", s));
                        return Lexed {
                            tokens: out,
                            end: src.len(),
                            closed: false,
                        };
                    }
                }
            }
        };
        let end = from + lx.span().end;
        out.push((s, tok, end));
    }
    Lexed {
        tokens: out,
        end: src.len(),
        closed: !interp,
    }
}

fn sigil_close(open: char) -> Option<char> {
    Some(match open {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        '/' | '|' | '"' | '\'' => open,
        _ => return None,
    })
}

/// `missing terminator: " (for string starting at line 1)`, located at the end of input.
fn missing_terminator(src: &str, close: &str, what: &str, start: usize) -> SyntaxError {
    let line = crate::diagnostics::line_col(src, start).0;
    SyntaxError::new(
        SyntaxErrorKind::TokenMissingError,
        format!("missing terminator: {close} (for {what} starting at line {line})"),
        Span::new(src.len(), src.len()),
    )
}

/// An integer literal in `radix`: `Int` when it fits in i64, else `BigInt` (decimal digits).
fn int_token(digits: &str, radix: u32) -> Tok {
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Tok::Int(v);
    }
    Tok::BigInt(to_decimal(digits, radix))
}

/// Converts a digit string of any radix to decimal, with base-1e9 limbs, so
/// literals beyond i64 keep their exact value without a bignum dependency here.
fn to_decimal(digits: &str, radix: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![0]; // little-endian
    for c in digits.chars() {
        let d = c.to_digit(radix).unwrap_or(0) as u64;
        let mut carry = d;
        for limb in limbs.iter_mut() {
            let v = *limb * radix as u64 + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    let mut s = limbs.last().copied().unwrap_or(0).to_string();
    for limb in limbs.iter().rev().skip(1) {
        s.push_str(&format!("{limb:09}"));
    }
    s
}
