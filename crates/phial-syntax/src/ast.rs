//! The abstract syntax tree the parser produces: every node carries a byte span.
//!
//! The shape follows Elixir's own AST in spirit: special forms (`if`, `case`,
//! `receive`, `def`, `defmodule`, `try`, `for`, `with`, `cond`, ...) are *not*
//! keywords here, they are ordinary calls, optionally carrying a `do ... end`
//! block. The evaluator's lowering pass recognises them by name, exactly as the
//! Elixir compiler does. This keeps the grammar small and lets `if x, do: 1`
//! and `if x do 1 end` reach the evaluator in forms it can unify.
//!
//! What this module is not: it knows nothing of values, scopes or processes.
//! Literals are kept as source-level data (an integer too big for `i64` stays a
//! decimal string).

/// A half-open byte range `start..end` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// An expression with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// How many expressions deep this one is (1 for a leaf), as built by
    /// `Expr::new`: what keeps every recursive walk over syntax bounded.
    depth: u32,
}

/// The deepest expression the parser builds. Everything that walks syntax
/// (the compiler's lowering, `--dump-ast`, dropping the tree, matching a
/// compiled pattern) recurses once or a few times per level; 2,000 levels
/// need well under 2 MB at any of them, and no hand-written program comes
/// near (Elixir's own compiler takes minutes on far shallower inputs).
/// Deeper source is a `SyntaxError` (`parser::parse`).
pub const MAX_DEPTH: u32 = 2_000;

thread_local! {
    /// Where the parser first built an expression deeper than `MAX_DEPTH`
    /// in the current `parse` (which clears and reads it).
    static TOO_DEEP: std::cell::Cell<Option<Span>> = const { std::cell::Cell::new(None) };
}

impl Expr {
    /// An expression node. One deeper than `MAX_DEPTH` is not built: its
    /// span is recorded for `parse` to report, and an empty block stands in
    /// for it, so no tree the parser holds is ever deeper than the limit
    /// (and dropping the parts here recurses at most `MAX_DEPTH` deep).
    pub fn new(kind: ExprKind, span: Span) -> Self {
        let depth = child_depth(&kind).saturating_add(1);
        if depth > MAX_DEPTH {
            TOO_DEEP.with(|t| {
                if t.get().is_none() {
                    t.set(Some(span));
                }
            });
            return Expr {
                kind: ExprKind::Block(Vec::new()),
                span,
                depth: 1,
            };
        }
        Expr { kind, span, depth }
    }

    /// How many expressions deep this one is (1 for a leaf).
    pub fn depth(&self) -> u32 {
        self.depth
    }
}

/// Clears the too-deep mark before a parse; returns the previous one.
pub(crate) fn take_too_deep() -> Option<Span> {
    TOO_DEEP.with(|t| t.take())
}

/// The depth of the deepest expression directly inside `kind`.
fn child_depth(kind: &ExprKind) -> u32 {
    fn d(e: &Expr) -> u32 {
        e.depth
    }
    fn many<'a>(es: impl IntoIterator<Item = &'a Expr>) -> u32 {
        es.into_iter().map(d).max().unwrap_or(0)
    }
    fn parts(ps: &[StrPart]) -> u32 {
        many(ps.iter().filter_map(|p| match p {
            StrPart::Interp(e) => Some(e),
            StrPart::Lit(_) => None,
        }))
    }
    fn clauses(cs: &[StabClause]) -> u32 {
        cs.iter()
            .map(|c| many(c.args.iter().chain(c.guard.iter()).chain(c.body.iter())))
            .max()
            .unwrap_or(0)
    }
    fn pairs(ps: &[(Expr, Expr)]) -> u32 {
        many(ps.iter().flat_map(|(k, v)| [k, v]))
    }
    match kind {
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Atom(_)
        | ExprKind::Var(_)
        | ExprKind::Alias(_)
        | ExprKind::CaptureArg(_) => 0,
        ExprKind::Str(p) | ExprKind::Charlist(p) | ExprKind::Sigil { parts: p, .. } => parts(p),
        ExprKind::ModuleAttr { value, .. } => many(value.as_deref()),
        ExprKind::List { items, tail } => many(items.iter().chain(tail.as_deref())),
        ExprKind::Tuple(items) | ExprKind::Block(items) | ExprKind::Bitstring(items) => many(items),
        ExprKind::Map { update, entries } => many(update.as_deref()).max(pairs(entries)),
        ExprKind::Struct {
            name,
            update,
            entries,
        } => d(name).max(many(update.as_deref())).max(pairs(entries)),
        ExprKind::Unary { expr, .. } => d(expr),
        ExprKind::Binary { lhs, rhs, .. } => d(lhs).max(d(rhs)),
        ExprKind::RangeStep { first, last, step } => d(first).max(d(last)).max(d(step)),
        ExprKind::Call {
            target,
            args,
            block,
            ..
        } => {
            let t = match target {
                CallTarget::Local(_) => 0,
                CallTarget::Remote { module, .. } => d(module),
                CallTarget::Anonymous(f) | CallTarget::Nested(f) => d(f),
            };
            let b = block.as_ref().map_or(0, |b| {
                b.sections
                    .iter()
                    .map(|s| match &s.body {
                        BlockBody::Exprs(es) => many(es),
                        BlockBody::Clauses(cs) => clauses(cs),
                    })
                    .max()
                    .unwrap_or(0)
            });
            t.max(many(args)).max(b)
        }
        ExprKind::Access { expr, key } => d(expr).max(d(key)),
        ExprKind::Fn(cs) | ExprKind::Stab(cs) => clauses(cs),
    }
}

/// Where the stand-ins for raw bytes in `StrPart::Lit` start (see there).
pub const RAW_BYTE_BASE: u32 = 0x10FF00;

/// The byte a raw-byte stand-in holds, if `c` is one.
pub fn raw_byte(c: char) -> Option<u8> {
    let n = (c as u32).checked_sub(RAW_BYTE_BASE)?;
    u8::try_from(n).ok()
}

/// The bytes of literal text, stand-ins turned back into their bytes.
pub fn literal_bytes(s: &str) -> std::borrow::Cow<'_, [u8]> {
    if !s.chars().any(|c| raw_byte(c).is_some()) {
        return std::borrow::Cow::Borrowed(s.as_bytes());
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match raw_byte(c) {
            Some(b) => out.push(b),
            None => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A piece of a string, charlist or sigil body.
#[derive(Debug, Clone, PartialEq)]
pub enum StrPart {
    /// Literal text, escapes already processed. A `\xHH` escape of a byte
    /// that is not ASCII is a byte, not a character, in Elixir (`"\xFF"`
    /// is `<<255>>`): it is held as the private-use code point
    /// `RAW_BYTE_BASE + byte`, which the evaluator turns back into the byte.
    Lit(String),
    /// `#{expr}`; an empty interpolation `#{}` holds an empty block.
    Interp(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// An integer that fits in `i64` (`1_000`, `0x1F`, `?a`).
    Int(i64),
    /// An integer literal beyond `i64`, as a decimal digit string (may start with `-`? no: always non-negative).
    BigInt(String),
    Float(f64),
    /// `:ok`, `:"a b"`, `true`, `false`, `nil` (the three literals are atoms, as in Elixir).
    Atom(String),
    /// `"..."` and heredocs `"""`.
    Str(Vec<StrPart>),
    /// `'abc'` and `'''` heredocs.
    Charlist(Vec<StrPart>),
    /// `~w(a b)c`, `~s(...)`: the letter, the body, the modifier letters.
    Sigil {
        letter: char,
        parts: Vec<StrPart>,
        modifiers: String,
    },
    /// A bare identifier: a variable, or (if unbound at lowering) a zero-arity call
    /// such as the seed's `self`. `_` and `_name` are variables too.
    Var(String),
    /// `Foo.Bar` as its segments `["Foo", "Bar"]`.
    Alias(Vec<String>),
    /// `__MODULE__` and friends are plain `Var`s; this is `@name` (read).
    /// `@name value` (definition) is a `ModuleAttr` with `value: Some`.
    ModuleAttr {
        name: String,
        value: Option<Box<Expr>>,
    },
    /// `[a, b | tail]`; keyword sugar `[a: 1]` is expanded to 2-tuples `{:a, 1}`.
    List {
        items: Vec<Expr>,
        tail: Option<Box<Expr>>,
    },
    /// `{a, b}`
    Tuple(Vec<Expr>),
    /// `<<a, b::size(8), rest::binary>>`: the segments as written; a typed
    /// segment is a `::` operator whose right side is the type
    /// (`binary-size(4)` is a `-` of `binary` and a call of `size`), as in
    /// Elixir's `{:<<>>, _, segments}`.
    Bitstring(Vec<Expr>),
    /// `%{k => v, a: 1}` and the update form `%{m | a: 2}`.
    Map {
        update: Option<Box<Expr>>,
        entries: Vec<(Expr, Expr)>,
    },
    /// `%Name{a: 1}` and `%Name{s | a: 1}`: `name` is an `Alias` (or `__MODULE__`).
    Struct {
        name: Box<Expr>,
        update: Option<Box<Expr>>,
        entries: Vec<(Expr, Expr)>,
    },
    /// Unary operators: `-x`, `+x`, `!x`, `not x`, `^x` (pin), `&x` (capture).
    Unary {
        op: UnaryOp,
        expr: Box<Expr>,
    },
    /// Binary operators, including `=` (match), `when`, `|>`, `<-` (send),
    /// `\\` (default argument), `in`, `not in`, `..`, `::` and `|`.
    /// Elixir's operators with no built-in meaning (`<<<`, `|||`, `~>`,
    /// `+++`, `~~~`, ...) are not here: they are calls of the function of
    /// that name (`Call` with a `Local` target, no parens), as in Elixir's
    /// AST, so `import Bitwise` or a program's own `def a ~> b` gives them
    /// their meaning.
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `first..last//step`: the parser folds `..` followed by `//` into one node.
    RangeStep {
        first: Box<Expr>,
        last: Box<Expr>,
        step: Box<Expr>,
    },
    /// Any call: `foo(1)`, `foo 1`, `Mod.fun(x)`, `:erlang.self()`, `f.(x)`,
    /// `map.key` (a remote call with no parens and no args on a non-alias
    /// target; the evaluator decides between field access and a call), and every
    /// special form (`if`, `case`, `def`, ...), with an optional `do` block.
    Call {
        target: CallTarget,
        args: Vec<Expr>,
        /// Whether the call was written with parentheses (`foo()` vs `foo`).
        parens: bool,
        /// The `do ... end` block attached to this call, if any.
        block: Option<DoBlock>,
    },
    /// `expr[key]`
    Access {
        expr: Box<Expr>,
        key: Box<Expr>,
    },
    /// `fn clauses end`
    Fn(Vec<StabClause>),
    /// `&1`, `&2` inside a capture.
    CaptureArg(u32),
    /// `(a; b)` or a do-body: several expressions evaluated in order.
    Block(Vec<Expr>),
    /// A parenthesised stab `(x -> y)` outside a block: only valid in a few places,
    /// kept so the evaluator can report it.
    Stab(Vec<StabClause>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum CallTarget {
    /// `foo(...)`: a local, imported or Kernel function, or a special form.
    Local(String),
    /// `Mod.fun(...)`, `:erlang.fun(...)`, `expr.field`: `module` is any expression.
    Remote { module: Box<Expr>, name: String },
    /// `f.(...)`: calling an anonymous function.
    Anonymous(Box<Expr>),
    /// `unquote(name)(args)`, `f(a)(b)`: calling what a parenthesised call
    /// returns (Elixir's nested parens; its AST puts the inner call where
    /// the name goes).
    Nested(Box<Expr>),
}

/// One `args -> body` clause of a `fn`, `case`, `receive`, `cond`, ... .
#[derive(Debug, Clone, PartialEq)]
pub struct StabClause {
    /// The patterns left of `->` (empty for `fn -> ... end` and `() -> ...`).
    pub args: Vec<Expr>,
    /// `when guard`, if any.
    pub guard: Option<Expr>,
    /// The expressions right of `->`, in order.
    pub body: Vec<Expr>,
    pub span: Span,
}

/// A `do ... end` block: the `do` section and any `else`/`after`/`rescue`/`catch`.
#[derive(Debug, Clone, PartialEq)]
pub struct DoBlock {
    pub sections: Vec<BlockSection>,
    pub span: Span,
}

impl DoBlock {
    /// The section with this label, if present.
    pub fn section(&self, label: BlockLabel) -> Option<&BlockSection> {
        self.sections.iter().find(|s| s.label == label)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockLabel {
    Do,
    Else,
    After,
    Rescue,
    Catch,
}

impl BlockLabel {
    pub fn name(self) -> &'static str {
        match self {
            BlockLabel::Do => "do",
            BlockLabel::Else => "else",
            BlockLabel::After => "after",
            BlockLabel::Rescue => "rescue",
            BlockLabel::Catch => "catch",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BlockSection {
    pub label: BlockLabel,
    pub body: BlockBody,
    pub span: Span,
}

/// A block section holds either plain expressions or `->` clauses.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockBody {
    Exprs(Vec<Expr>),
    Clauses(Vec<StabClause>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Plus,
    /// `!`
    Bang,
    Not,
    /// `^` in patterns.
    Pin,
    /// `&` capture.
    Capture,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `=`
    Match,
    Add,
    Sub,
    Mul,
    Div,
    /// `**`
    Pow,
    /// `++`
    Concat,
    /// `--`
    Subtract,
    /// `<>`
    StrConcat,
    /// `..`
    Range,
    Eq,
    NotEq,
    StrictEq,
    StrictNotEq,
    Lt,
    Gt,
    Le,
    Ge,
    /// `=~`
    RegexMatch,
    /// `&&`
    AndAnd,
    /// `||`
    OrOr,
    And,
    Or,
    In,
    NotIn,
    /// `|>`
    Pipe,
    /// The seed's `pid <- msg` (send). Inside `for`/`with` it is the generator
    /// arrow; the evaluator reads it by context.
    Send,
    /// `when`
    When,
    /// `\\` (default argument)
    Default,
    /// `|` inside a list or map update
    Bar,
    /// `::`
    Type,
}

impl BinaryOp {
    /// The operator as written in source.
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Match => "=",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Pow => "**",
            Concat => "++",
            Subtract => "--",
            StrConcat => "<>",
            Range => "..",
            Eq => "==",
            NotEq => "!=",
            StrictEq => "===",
            StrictNotEq => "!==",
            Lt => "<",
            Gt => ">",
            Le => "<=",
            Ge => ">=",
            RegexMatch => "=~",
            AndAnd => "&&",
            OrOr => "||",
            And => "and",
            Or => "or",
            In => "in",
            NotIn => "not in",
            Pipe => "|>",
            Send => "<-",
            When => "when",
            Default => "\\\\",
            Bar => "|",
            Type => "::",
        }
    }
}

impl UnaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Neg => "-",
            UnaryOp::Plus => "+",
            UnaryOp::Bang => "!",
            UnaryOp::Not => "not",
            UnaryOp::Pin => "^",
            UnaryOp::Capture => "&",
        }
    }
}
