//! The token vocabulary shared by the lexer, the classification pass and the grammar.
//!
//! The lexer produces "raw" tokens (plain `Ident`, `LParen`, `Minus`, strings with
//! unparsed interpolations); the classification pass retags them into the forms the
//! grammar needs (`CallOpen`, `DoIdent`, `UMinus`, `Kw`, ...), so the grammar never
//! looks at whitespace. This module only defines the data; it makes no decisions.

use crate::ast::{BlockLabel, Expr, Span};

/// A token with its byte range, in the triple form LALRPOP consumes.
pub type Spanned = (usize, Tok, usize);

/// A piece of a string-like literal before its interpolations are parsed.
#[derive(Debug, Clone)]
pub enum RawPart {
    Lit(String),
    /// The tokens of a `#{...}` interpolation (absolute spans) and the span of the
    /// whole `#{...}`.
    Interp(Vec<Spanned>, Span),
}

/// Which literal a raw string token becomes once its parts are parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum StrKind {
    Str,
    Charlist,
    /// `:"..."`
    Atom,
    Sigil {
        letter: char,
        modifiers: String,
    },
}

/// The precedence class of an `ExtOp`, as Elixir's tokenizer sorts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpClass {
    /// `|||` (with `||`)
    Or,
    /// `&&&` (with `&&`)
    And,
    /// `<<<` `>>>` `<<~` `~>>` `<~` `~>` `<~>` `<|>` (with `|>`)
    Arrow,
    /// `^^^`
    Xor,
    /// `+++` `---` (with `++`)
    Concat,
    /// `~~~` (prefix)
    Unary,
}

#[derive(Debug, Clone)]
pub enum Tok {
    // ---- produced by the lexer ----
    Eol,
    Semi,
    Comma,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    PercentBrace,
    Percent,
    Dot,
    DotDot,
    Colon,
    ColonColon,
    Arrow,
    FatArrow,
    LArrow,
    PipeOp,
    Bar,
    OrOr,
    AndAnd,
    Bang,
    Caret,
    Amp,
    At,
    Match,
    EqEq,
    StrictEq,
    NotEq,
    StrictNotEq,
    RegexMatch,
    Lt,
    Gt,
    Le,
    Ge,
    Plus,
    Minus,
    Star,
    Slash,
    StarStar,
    PlusPlus,
    MinusMinus,
    Concat,
    SlashSlash,
    BackBack,
    LtLt,
    GtGt,
    /// An operator Elixir parses but gives no meaning of its own
    /// (`|||`, `<<<`, `~>`, `+++`, `~~~`, ...): its precedence class and
    /// its symbol. It becomes a call of the function of that name.
    ExtOp(OpClass, &'static str),
    Int(i64),
    BigInt(String),
    Float(f64),
    Atom(String),
    Ident(String),
    Alias(String),
    /// A string-like literal whose interpolations are still token lists.
    StrRaw(StrKind, Vec<RawPart>),

    // ---- produced by the classification pass ----
    /// `(` glued to an identifier or a `.`: a parenthesised call.
    CallOpen,
    /// `[` glued to an expression: an access `x[k]`.
    AccessOpen,
    /// Unary `-` / `+` (the lexer cannot tell them from the binary ones).
    UMinus,
    UPlus,
    /// An identifier directly before `do` (`if x do`, `receive do`).
    DoIdent(String),
    /// `foo -1`: an identifier that must be a call with a signed argument.
    OpIdent(String),
    /// `key:` in a keyword list (also `"quoted key":`).
    Kw(String),
    /// `&1`
    CaptureInt(u32),
    Fn,
    Do,
    End,
    Block(BlockLabel),
    Not,
    And,
    Or,
    When,
    In,
    NotIn,

    // ---- produced by the parse driver ----
    /// A string, charlist, sigil or dynamic atom with its interpolations parsed.
    Lit(Box<Expr>),
}

impl Tok {
    /// How Elixir names this token in "syntax error before: X" messages.
    pub fn describe(&self, text: &str) -> String {
        match self {
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) => format!("\"{text}\""),
            Tok::Ident(n) | Tok::DoIdent(n) | Tok::OpIdent(n) => n.clone(),
            Tok::Alias(n) => format!("'{n}'"),
            Tok::Atom(a) => a.clone(),
            Tok::Kw(k) => format!("{k}:"),
            Tok::Eol => "end of line".into(),
            Tok::Semi => "';'".into(),
            Tok::StrRaw(..) | Tok::Lit(_) => text.to_string(),
            Tok::CaptureInt(n) => format!("&{n}"),
            Tok::Do
            | Tok::End
            | Tok::Fn
            | Tok::Block(_)
            | Tok::When
            | Tok::And
            | Tok::Or
            | Tok::In
            | Tok::Not => text.to_string(),
            _ => format!("'{text}'"),
        }
    }

    /// Whether the token ends an operand, so a following `-` is binary and a
    /// glued `[` is an access.
    pub fn ends_value(&self) -> bool {
        matches!(
            self,
            Tok::Ident(_)
                | Tok::DoIdent(_)
                | Tok::Alias(_)
                | Tok::Int(_)
                | Tok::BigInt(_)
                | Tok::Float(_)
                | Tok::Atom(_)
                | Tok::StrRaw(..)
                | Tok::Lit(_)
                | Tok::RParen
                | Tok::RBracket
                | Tok::RBrace
                | Tok::End
                | Tok::CaptureInt(_)
        )
    }
}
