//! `defguard` and `defguardp`: guards a module defines for itself and for
//! the modules that import or `require` it.
//!
//! Elixir makes a `defguard` a macro. phial keeps its head and its guard
//! expression and expands a call to it where it is compiled: in a guard,
//! the arguments are put in place of the parameters (guards cannot bind,
//! and every guard argument is itself a guard expression); in a body, the
//! call becomes a call of a one-clause `fn`, so each argument is evaluated
//! once, as Elixir's expansion does.
//!
//! Guard macros are known at compile time only: one defined by an earlier
//! REPL input or an earlier module of the program reaches later ones
//! through `Known`. Not here: compiling the expansion (`pattern::guard`,
//! `expr`).

use super::Compiler;
use crate::atom::Atom;
use phial_syntax::ast::*;
use std::sync::Arc;

/// A `defguard` as written: its parameters and its guard expression.
#[derive(Debug)]
pub struct GuardMacro {
    pub params: Vec<String>,
    pub body: Expr,
    pub private: bool,
}

impl<'k> Compiler<'k> {
    /// `defguard name(params) when expr` in a module body.
    pub(crate) fn defguard(&mut self, private: bool, args: &[Expr], off: usize) {
        let kw = if private { "defguardp" } else { "defguard" };
        let Some(module) = self.module.as_ref().map(|m| m.name) else {
            self.error(off, format!("cannot invoke {kw}/1 outside module"));
            return;
        };
        let parsed = match args {
            [Expr {
                kind:
                    ExprKind::Binary {
                        op: BinaryOp::When,
                        lhs,
                        rhs,
                    },
                ..
            }] => match &lhs.kind {
                ExprKind::Call {
                    target: CallTarget::Local(name),
                    args: params,
                    block: None,
                    ..
                } => params
                    .iter()
                    .map(|p| match &p.kind {
                        ExprKind::Var(v) => Some(v.clone()),
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>()
                    .map(|ps| (name.clone(), ps, (**rhs).clone())),
                ExprKind::Var(name) => Some((name.clone(), vec![], (**rhs).clone())),
                _ => None,
            },
            _ => None,
        };
        let Some((name, params, body)) = parsed else {
            self.error(
                off,
                format!("{kw} expects a function head with a when clause, e.g. {kw} is_even(n) when rem(n, 2) == 0"),
            );
            return;
        };
        let key = (module, Atom::new(&name), params.len() as u32);
        let m = Arc::new(GuardMacro {
            params,
            body,
            private,
        });
        self.known.define_guard(key, m.clone());
        self.guard_macros.insert(key, m);
    }

    /// The guard macro a call names: a local call finds the module's own
    /// and those of imported modules; a remote one the named module's
    /// public ones.
    pub(crate) fn guard_macro(&self, target: &CallTarget, arity: usize) -> Option<Arc<GuardMacro>> {
        // Most programs define no guard: then no call looks further.
        if self.guard_macros.is_empty() && !self.guards_elsewhere {
            return None;
        }
        let arity = arity as u32;
        let find = |m: Atom, n: Atom| {
            self.guard_macros
                .get(&(m, n, arity))
                .cloned()
                .or_else(|| self.known.guard((m, n, arity)))
        };
        match target {
            CallTarget::Local(name) => {
                let n = Atom::new(name);
                if let Some(g) = self.module.as_ref().and_then(|m| find(m.name, n)) {
                    return Some(g);
                }
                self.imports.iter().rev().find_map(|i| {
                    let allowed = i.only.as_ref().is_none_or(|o| o.contains(&(n, arity)))
                        && !i.except.contains(&(n, arity));
                    find(i.module, n).filter(|g| allowed && !g.private)
                })
            }
            CallTarget::Remote { module, name } => {
                find(self.module_literal(module)?, Atom::new(name)).filter(|g| !g.private)
            }
            CallTarget::Anonymous(_) | CallTarget::Nested(_) => None,
        }
    }
}

/// The guard with `args` in place of its parameters (for a guard).
pub(crate) fn expand_in_guard(g: &GuardMacro, args: &[Expr]) -> Expr {
    let map: Vec<(&str, &Expr)> = g.params.iter().map(String::as_str).zip(args).collect();
    substitute(&g.body, &map)
}

/// `(fn params -> guard end).(args)` (for a body: each argument once).
pub(crate) fn expand_in_body(g: &GuardMacro, args: &[Expr], span: Span) -> Expr {
    let params = g
        .params
        .iter()
        .map(|p| Expr::new(ExprKind::Var(p.clone()), span))
        .collect();
    let f = Expr::new(
        ExprKind::Fn(vec![StabClause {
            args: params,
            guard: None,
            body: vec![g.body.clone()],
            span,
        }]),
        span,
    );
    Expr::new(
        ExprKind::Call {
            target: CallTarget::Anonymous(Box::new(f)),
            args: args.to_vec(),
            parens: true,
            block: None,
        },
        span,
    )
}

/// `e` with each variable of `map` replaced by its expression. Guards hold
/// no binding forms (`fn`, `case`), so no name can be shadowed inside.
/// Recursion is bounded by the parser's depth limit.
fn substitute(e: &Expr, map: &[(&str, &Expr)]) -> Expr {
    let go = |x: &Expr| substitute(x, map);
    let all = |xs: &[Expr]| xs.iter().map(go).collect::<Vec<_>>();
    let kind = match &e.kind {
        ExprKind::Var(v) => match map.iter().find(|(n, _)| n == v) {
            Some((_, r)) => return (*r).clone(),
            None => return e.clone(),
        },
        ExprKind::Binary { op, lhs, rhs } => ExprKind::Binary {
            op: *op,
            lhs: Box::new(go(lhs)),
            rhs: Box::new(go(rhs)),
        },
        ExprKind::Unary { op, expr } => ExprKind::Unary {
            op: *op,
            expr: Box::new(go(expr)),
        },
        ExprKind::Call {
            target,
            args,
            parens,
            block: None,
        } => {
            // `n` written as a no-parens local call is the parameter too.
            if let (CallTarget::Local(v), [], false) = (target, args.as_slice(), parens) {
                if let Some((_, r)) = map.iter().find(|(n, _)| n == v) {
                    return (*r).clone();
                }
            }
            let target = match target {
                CallTarget::Remote { module, name } => CallTarget::Remote {
                    module: Box::new(go(module)),
                    name: name.clone(),
                },
                CallTarget::Anonymous(f) => CallTarget::Anonymous(Box::new(go(f))),
                t => t.clone(),
            };
            ExprKind::Call {
                target,
                args: all(args),
                parens: *parens,
                block: None,
            }
        }
        ExprKind::Tuple(items) => ExprKind::Tuple(all(items)),
        ExprKind::Bitstring(items) => ExprKind::Bitstring(all(items)),
        ExprKind::Block(items) => ExprKind::Block(all(items)),
        ExprKind::List { items, tail } => ExprKind::List {
            items: all(items),
            tail: tail.as_ref().map(|t| Box::new(go(t))),
        },
        ExprKind::Map { update, entries } => ExprKind::Map {
            update: update.as_ref().map(|u| Box::new(go(u))),
            entries: entries.iter().map(|(k, v)| (go(k), go(v))).collect(),
        },
        ExprKind::RangeStep { first, last, step } => ExprKind::RangeStep {
            first: Box::new(go(first)),
            last: Box::new(go(last)),
            step: Box::new(go(step)),
        },
        ExprKind::Access { expr, key } => ExprKind::Access {
            expr: Box::new(go(expr)),
            key: Box::new(go(key)),
        },
        _ => return e.clone(),
    };
    Expr::new(kind, e.span)
}
