//! Small constructors called by the grammar's actions, so the actions stay
//! one-liners (thin actions keep LALRPOP's generated code and build time small).
//!
//! Also the post-parse checks Elixir does in its parser's Erlang helpers:
//! collecting `->` clauses (plain expressions continue the previous clause's
//! body), splitting a `when` guard off the last clause argument, `//` only
//! after `..`, a list's last `h | t` as its tail. And the shapes Elixir's AST
//! gives syntax phial has no node for: operators without a built-in meaning,
//! `@` of a non-name, a map with an entry that is not a pair, all as calls.
//! Nothing here looks at tokens.

use crate::ast::*;
use crate::diagnostics::{SyntaxError, SyntaxErrorKind};
use lalrpop_util::ParseError;

pub type PErr = ParseError<usize, crate::token::Tok, SyntaxError>;

fn user(msg: impl Into<String>, span: Span) -> PErr {
    ParseError::User {
        error: SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, span),
    }
}

pub fn sp(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

/// A binary operator as the grammar read it: one of the AST's, or one of
/// Elixir's operators without a meaning of its own, which becomes a call.
pub enum Op {
    Bin(BinaryOp),
    Ext(&'static str),
}

impl From<BinaryOp> for Op {
    fn from(op: BinaryOp) -> Op {
        Op::Bin(op)
    }
}

/// A prefix operator, likewise (`~~~` is the only `Ext` one).
pub enum Un {
    Op(UnaryOp),
    Ext(&'static str),
}

impl From<UnaryOp> for Un {
    fn from(op: UnaryOp) -> Un {
        Un::Op(op)
    }
}

pub fn op(op: Op, lhs: Expr, rhs: Expr) -> Expr {
    match op {
        Op::Bin(op) => bin(op, lhs, rhs),
        Op::Ext(name) => {
            let span = lhs.span.to(rhs.span);
            call(CallTarget::Local(name.into()), vec![lhs, rhs], false, span)
        }
    }
}

pub fn bin(op: BinaryOp, lhs: Expr, rhs: Expr) -> Expr {
    // `<-` binds looser than `=` and `::` in Elixir: `{:k, _} = x <- list`
    // in a `for` is `({:k, _} = x) <- list`, and `<<c::8 <- bin>>` is
    // `<<(c::8) <- bin>>`. The grammar's tiers put `=` and `::` lower, so
    // the tree is turned here.
    if matches!(op, BinaryOp::Match | BinaryOp::Type) {
        if let ExprKind::Binary {
            op: BinaryOp::Send,
            lhs: k,
            rhs: list,
        } = &rhs.kind
        {
            return bin(
                BinaryOp::Send,
                bin(op, lhs, (**k).clone()),
                (**list).clone(),
            );
        }
    }
    let span = lhs.span.to(rhs.span);
    Expr::new(
        ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        span,
    )
}

pub fn un(op: Un, l: usize, e: Expr) -> Expr {
    let span = Span::new(l, e.span.end);
    let op = match op {
        Un::Op(op) => op,
        Un::Ext(name) => return call(CallTarget::Local(name.into()), vec![e], false, span),
    };
    Expr::new(
        ExprKind::Unary {
            op,
            expr: Box::new(e),
        },
        span,
    )
}

/// `a..b//c`: only valid right after a range.
pub fn step(lhs: Expr, rhs: Expr) -> Result<Expr, PErr> {
    let span = lhs.span.to(rhs.span);
    match lhs.kind {
        ExprKind::Binary {
            op: BinaryOp::Range,
            lhs: first,
            rhs: last,
        } => Ok(Expr::new(
            ExprKind::RangeStep {
                first,
                last,
                step: Box::new(rhs),
            },
            span,
        )),
        _ => Err(user(
            "the right-hand side of // must be a range (a..b//c)",
            span,
        )),
    }
}

/// The callee of a no-parens call.
pub enum Head {
    Local(String, usize),
    Remote(Expr, String),
}

impl Head {
    fn start(&self) -> usize {
        match self {
            Head::Local(_, l) => *l,
            Head::Remote(m, _) => m.span.start,
        }
    }
    fn target(self) -> CallTarget {
        match self {
            Head::Local(n, _) => CallTarget::Local(n),
            Head::Remote(m, n) => CallTarget::Remote {
                module: Box::new(m),
                name: n,
            },
        }
    }
}

pub fn call(target: CallTarget, args: Vec<Expr>, parens: bool, span: Span) -> Expr {
    Expr::new(
        ExprKind::Call {
            target,
            args,
            parens,
            block: None,
        },
        span,
    )
}

pub fn np_call(h: Head, args: Vec<Expr>, r: usize) -> Expr {
    let span = Span::new(h.start(), r);
    call(h.target(), args, false, span)
}

pub fn block_call(h: Head, args: Vec<Expr>, block: DoBlock, r: usize) -> Expr {
    let span = Span::new(h.start(), r);
    Expr::new(
        ExprKind::Call {
            target: h.target(),
            args,
            parens: false,
            block: Some(block),
        },
        span,
    )
}

/// `foo(x) do ... end`: the block joins the parenthesised call.
pub fn attach(c: Expr, block: DoBlock, r: usize) -> Expr {
    let span = Span::new(c.span.start, r);
    let mut kind = c.kind;
    if let ExprKind::Call { block: b, .. } = &mut kind {
        *b = Some(block);
    }
    // Built anew so that its depth counts the block.
    Expr::new(kind, span)
}

pub fn local(name: String, args: Vec<Expr>, l: usize, r: usize) -> Expr {
    call(CallTarget::Local(name), args, true, sp(l, r))
}

pub fn remote(m: Expr, name: String, args: Vec<Expr>, parens: bool, r: usize) -> Expr {
    let span = Span::new(m.span.start, r);
    call(
        CallTarget::Remote {
            module: Box::new(m),
            name,
        },
        args,
        parens,
        span,
    )
}

/// `f(a)(b)`: the call `f(a)` is the callee.
pub fn nested(f: Expr, args: Vec<Expr>, r: usize) -> Expr {
    let span = Span::new(f.span.start, r);
    call(CallTarget::Nested(Box::new(f)), args, true, span)
}

pub fn anon(f: Expr, args: Vec<Expr>, r: usize) -> Expr {
    let span = Span::new(f.span.start, r);
    call(CallTarget::Anonymous(Box::new(f)), args, true, span)
}

/// `Foo.Bar`: extends an alias; on any other expression it is a remote name.
pub fn dot_alias(m: Expr, name: String, r: usize) -> Expr {
    let span = Span::new(m.span.start, r);
    match m.kind {
        ExprKind::Alias(mut segs) => {
            segs.push(name);
            Expr::new(ExprKind::Alias(segs), span)
        }
        kind => remote(Expr::new(kind, m.span), name, vec![], false, r),
    }
}

pub fn attr_def(name: String, value: Expr, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::ModuleAttr {
            name,
            value: Some(Box::new(value)),
        },
        sp(l, r),
    )
}

/// `@name value` defines an attribute; `@name a, b` (an error when
/// compiled, in Elixir too) stays Elixir's `@` call of `name(a, b)`.
pub fn attr_np(name: String, mut args: Vec<Expr>, l: usize, n: usize, r: usize) -> Expr {
    if args.len() == 1 {
        let value = args.pop().expect("one");
        return attr_def(name, value, l, r);
    }
    at(np_call(Head::Local(name, n), args, r), l)
}

/// `@expr` where `expr` is not an attribute name: Elixir's `{:@, _, [expr]}`.
pub fn at(e: Expr, l: usize) -> Expr {
    let span = Span::new(l, e.span.end);
    call(CallTarget::Local("@".into()), vec![e], false, span)
}

/// A keyword pair's key with its span.
pub type KwKey = (String, Span);

pub fn kw_list(pairs: Vec<(KwKey, Expr)>, l: usize, r: usize) -> Expr {
    let items = pairs
        .into_iter()
        .map(|((k, ks), v)| {
            let span = ks.to(v.span);
            Expr::new(
                ExprKind::Tuple(vec![Expr::new(ExprKind::Atom(k), ks), v]),
                span,
            )
        })
        .collect();
    Expr::new(ExprKind::List { items, tail: None }, sp(l, r))
}

/// Keyword pairs as `{:key, value}` tuples (list items).
pub fn kw_items(pairs: Vec<(KwKey, Expr)>) -> Vec<Expr> {
    match kw_list(pairs, 0, 0).kind {
        ExprKind::List { items, .. } => items,
        _ => unreachable!("kw_list builds a list"),
    }
}

/// Keyword pairs as map entries (`%{a: 1}`).
pub fn kw_entries(pairs: Vec<(KwKey, Expr)>) -> Vec<MapEntry> {
    pairs
        .into_iter()
        .map(|((k, ks), v)| MapEntry::Pair(Expr::new(ExprKind::Atom(k), ks), v))
        .collect()
}

/// `@name(value)`: a definition, like `@name value`; with another number of
/// arguments, Elixir's `@` call of `name(...)` (which the compiler rejects,
/// as Elixir's `@` macro does).
pub fn attr_call(name: String, mut args: Vec<Expr>, l: usize, r: usize) -> Expr {
    if args.len() == 1 {
        let value = args.pop().expect("one");
        return attr_def(name, value, l, r);
    }
    at(local(name, args, l + 1, r), l)
}

/// `(e)` is `e`; `(a; b)` is a block; `(x -> y; z -> w)` is a paren stab
/// (Elixir's `build_paren_stab`), with the same clause rules as a `fn` body.
pub fn paren(items: Vec<StabItem>, l: usize, r: usize) -> Result<Expr, PErr> {
    let mut v = match stab_body(items)? {
        BlockBody::Clauses(c) => return Ok(Expr::new(ExprKind::Stab(c), sp(l, r))),
        BlockBody::Exprs(v) => v,
    };
    if v.len() == 1 {
        let mut e = v.pop().expect("one");
        // Keep the inner node but cover the parentheses, so diagnostics point at them.
        e.span = sp(l, r);
        Ok(e)
    } else {
        Ok(Expr::new(ExprKind::Block(v), sp(l, r)))
    }
}

/// One item of a stab body, before clauses are collected.
pub enum StabItem {
    Expr(Expr),
    Clause {
        head: Vec<Expr>,
        /// The guard of a parenthesised head (`(a, b) when g ->`,
        /// `() when g ->`); otherwise it is still inside the last argument.
        guard: Option<Box<Expr>>,
        body: Option<Expr>,
        span: Span,
    },
}

/// A clause head: its arguments and the guard written after parentheses.
/// (Boxed: it is rare, and every value on the parser's stack is as large as
/// the largest.)
pub type StabHead = (Vec<Expr>, Option<Box<Expr>>);

fn clause(
    mut head: Vec<Expr>,
    guard: Option<Box<Expr>>,
    body: Option<Expr>,
    span: Span,
) -> StabClause {
    // `x, y when g -> ...`: the guard was parsed as part of the last argument.
    let mut guard = guard.map(|g| *g);
    if let Some(last) = head.pop_if(|_| guard.is_none()) {
        match last.kind {
            ExprKind::Binary {
                op: BinaryOp::When,
                lhs,
                rhs,
            } => {
                // A head of the form `when g` alone (`fn when x -> ...`) is not split.
                head.push(*lhs);
                guard = Some(*rhs);
            }
            kind => head.push(Expr::new(kind, last.span)),
        }
    }
    StabClause {
        args: head,
        guard,
        body: body.into_iter().collect(),
        span,
    }
}

/// Folds plain expressions into the preceding clause's body (Elixir's `collect_stab`).
pub fn stab_body(items: Vec<StabItem>) -> Result<BlockBody, PErr> {
    if !items.iter().any(|i| matches!(i, StabItem::Clause { .. })) {
        let exprs = items
            .into_iter()
            .map(|i| match i {
                StabItem::Expr(e) => e,
                StabItem::Clause { .. } => unreachable!("no clauses"),
            })
            .collect();
        return Ok(BlockBody::Exprs(exprs));
    }
    let mut clauses: Vec<StabClause> = Vec::new();
    let first_clause = items.iter().find_map(|i| match i {
        StabItem::Clause { span, .. } => Some(*span),
        StabItem::Expr(_) => None,
    });
    for item in items {
        match item {
            StabItem::Clause {
                head,
                guard,
                body,
                span,
            } => clauses.push(clause(head, guard, body, span)),
            StabItem::Expr(e) => match clauses.last_mut() {
                Some(c) => {
                    c.span.end = e.span.end;
                    c.body.push(e);
                }
                None => {
                    return Err(user(
                        "unexpected operator ->. If you want to define multiple clauses, the first expression must use ->. Syntax error before: '->'",
                        first_clause.unwrap_or(e.span),
                    ))
                }
            },
        }
    }
    Ok(BlockBody::Clauses(clauses))
}

pub fn fn_expr(items: Vec<StabItem>, l: usize, r: usize) -> Result<Expr, PErr> {
    match stab_body(items)? {
        BlockBody::Clauses(c) => Ok(Expr::new(ExprKind::Fn(c), sp(l, r))),
        BlockBody::Exprs(_) => Err(user(
            "expected anonymous functions to be defined with -> inside: 'fn'",
            sp(l, l + 2),
        )),
    }
}

pub type Section = (BlockLabel, Option<Vec<StabItem>>, Span);

pub fn do_block(
    l: usize,
    body: Option<Vec<StabItem>>,
    rest: Vec<Section>,
    r: usize,
) -> Result<DoBlock, PErr> {
    let mut sections = Vec::with_capacity(rest.len() + 1);
    let first_end = rest.first().map(|s| s.2.start).unwrap_or(r);
    sections.push(BlockSection {
        label: BlockLabel::Do,
        body: stab_body(body.unwrap_or_default())?,
        span: sp(l, first_end),
    });
    for (label, body, span) in rest {
        sections.push(BlockSection {
            label,
            body: stab_body(body.unwrap_or_default())?,
            span,
        });
    }
    Ok(DoBlock {
        sections,
        span: sp(l, r),
    })
}

/// `[a, b]`, and `[a, b | t]`, whose last item the grammar read as the
/// operator `b | t` (as Elixir's parser does; its list builder splits it too).
pub fn list_items(mut items: Vec<Expr>, l: usize, r: usize) -> Expr {
    let tail = match items.pop() {
        Some(Expr {
            kind:
                ExprKind::Binary {
                    op: BinaryOp::Bar,
                    lhs,
                    rhs,
                },
            ..
        }) => {
            items.push(*lhs);
            Some(*rhs)
        }
        Some(last) => {
            items.push(last);
            None
        }
        None => None,
    };
    list(items, tail, l, r)
}

pub fn list(items: Vec<Expr>, tail: Option<Expr>, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::List {
            items,
            tail: tail.map(Box::new),
        },
        sp(l, r),
    )
}

/// One entry of a map or struct literal.
pub enum MapEntry {
    Pair(Expr, Expr),
    /// `%{unquote_splicing(kv)}`: an expression standing for entries.
    Lone(Expr),
}

pub type MapBody = (Option<Expr>, Vec<MapEntry>);

/// The entries as pairs, or, if one is not a pair, Elixir's AST of the
/// map: a call of `%{}` whose arguments are the entries (pairs as 2-tuples,
/// an update as `update | [entries]`). The compiler rejects that call
/// (`undefined function %{}/N`), as Elixir does outside `quote`.
enum Entries {
    Pairs(Option<Expr>, Vec<(Expr, Expr)>),
    Call(Expr),
}

fn entries(body: MapBody, span: Span) -> Entries {
    let (update, items) = body;
    if items.iter().all(|e| matches!(e, MapEntry::Pair(..))) {
        let pairs = items
            .into_iter()
            .map(|e| match e {
                MapEntry::Pair(k, v) => (k, v),
                MapEntry::Lone(_) => unreachable!("all pairs"),
            })
            .collect();
        return Entries::Pairs(update, pairs);
    }
    let mut args: Vec<Expr> = items
        .into_iter()
        .map(|e| match e {
            MapEntry::Pair(k, v) => {
                let s = k.span.to(v.span);
                Expr::new(ExprKind::Tuple(vec![k, v]), s)
            }
            MapEntry::Lone(e) => e,
        })
        .collect();
    if let Some(u) = update {
        let list = list(std::mem::take(&mut args), None, span.start, span.end);
        args = vec![bin(BinaryOp::Bar, u, list)];
    }
    Entries::Call(call(CallTarget::Local("%{}".into()), args, true, span))
}

pub fn map(body: MapBody, l: usize, r: usize) -> Expr {
    match entries(body, sp(l, r)) {
        Entries::Pairs(update, entries) => Expr::new(
            ExprKind::Map {
                update: update.map(Box::new),
                entries,
            },
            sp(l, r),
        ),
        Entries::Call(call) => call,
    }
}

pub fn strukt(name: Expr, body: MapBody, l: usize, r: usize) -> Expr {
    match entries(body, sp(l, r)) {
        Entries::Pairs(update, entries) => Expr::new(
            ExprKind::Struct {
                name: Box::new(name),
                update: update.map(Box::new),
                entries,
            },
            sp(l, r),
        ),
        // Elixir's `{:%, _, [name, {:%{}, _, entries}]}`.
        Entries::Call(map) => call(
            CallTarget::Local("%".into()),
            vec![name, map],
            true,
            sp(l, r),
        ),
    }
}
