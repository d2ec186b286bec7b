//! Small constructors called by the grammar's actions, so the actions stay
//! one-liners (thin actions keep LALRPOP's generated code and build time small).
//!
//! Also the post-parse checks Elixir does in its parser's Erlang helpers:
//! collecting `->` clauses (plain expressions continue the previous clause's
//! body), splitting a `when` guard off the last clause argument, and `//` only
//! after `..`. Nothing here looks at tokens.

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

pub fn bin(op: BinaryOp, lhs: Expr, rhs: Expr) -> Expr {
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

pub fn un(op: UnaryOp, l: usize, e: Expr) -> Expr {
    let span = Span::new(l, e.span.end);
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
pub fn kw_entries(pairs: Vec<(KwKey, Expr)>) -> Vec<(Expr, Expr)> {
    pairs
        .into_iter()
        .map(|((k, ks), v)| (Expr::new(ExprKind::Atom(k), ks), v))
        .collect()
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
        body: Option<Expr>,
        span: Span,
    },
}

fn clause(mut head: Vec<Expr>, body: Option<Expr>, span: Span) -> StabClause {
    // `x, y when g -> ...`: the guard was parsed as part of the last argument.
    let mut guard = None;
    if let Some(last) = head.pop() {
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
            StabItem::Clause { head, body, span } => clauses.push(clause(head, body, span)),
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

pub fn list(items: Vec<Expr>, tail: Option<Expr>, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::List {
            items,
            tail: tail.map(Box::new),
        },
        sp(l, r),
    )
}

pub type MapBody = (Option<Expr>, Vec<(Expr, Expr)>);

pub fn map(body: MapBody, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::Map {
            update: body.0.map(Box::new),
            entries: body.1,
        },
        sp(l, r),
    )
}

pub fn strukt(name: Expr, body: MapBody, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::Struct {
            name: Box::new(name),
            update: body.0.map(Box::new),
            entries: body.1,
        },
        sp(l, r),
    )
}
