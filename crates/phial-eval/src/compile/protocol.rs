//! Lowering of `defprotocol` and `defimpl` to ordinary modules, as Elixir
//! does.
//!
//! `defprotocol P do def f(x, y) end` is the module `P` whose `f/2` asks
//! `:phial.impl_for!/3` for the implementation of `x`'s type and calls it
//! there, plus `impl_for/1`, `impl_for!/1` and `__protocol__/1`.
//! `defimpl P, for: T do ... end` is the module `P.T` (one per type when
//! `for:` is a list), with `__impl__/1`; inside a `defmodule` without
//! `for:` the type is the enclosing module. Dispatch itself is
//! `crate::protocols`.
//!
//! Not here: `@derive` (registered with the struct, `compile::structs`).

use super::control::{keyword_pairs, split_blocks, Section};
use super::Compiler;
use crate::atom::Atom;
use crate::error::module_name;
use phial_syntax::ast::*;
use phial_syntax::{parse, ParseOutcome};

impl<'k> Compiler<'k> {
    pub(crate) fn defprotocol(&mut self, args: &[Expr], block: Option<&DoBlock>, whole: &Expr) {
        let off = whole.span.start;
        let (pos, b) = split_blocks(args, block);
        let Some(name) = pos.first() else {
            self.error(off, "invalid arguments for defprotocol");
            return;
        };
        let body = match b.do_ {
            Some(Section::Exprs(e)) => e,
            _ => vec![],
        };
        let mut fallback = false;
        let mut kept = Vec::new();
        let mut funs: Vec<(String, usize)> = Vec::new();
        for e in body {
            match &e.kind {
                ExprKind::ModuleAttr {
                    name: attr,
                    value: Some(v),
                } if attr == "fallback_to_any" => {
                    fallback = matches!(&v.kind, ExprKind::Atom(a) if a == "true");
                }
                ExprKind::Call {
                    target: CallTarget::Local(kw),
                    args,
                    block: None,
                    ..
                } if kw == "def" && args.len() == 1 => match &args[0].kind {
                    ExprKind::Call {
                        target: CallTarget::Local(f),
                        args: params,
                        ..
                    } if !params.is_empty() => funs.push((f.clone(), params.len())),
                    _ => self.error(
                        e.span.start,
                        "protocol functions expect at least one argument",
                    ),
                },
                _ => kept.push(e),
            }
        }
        let mut src = String::new();
        let fb = if fallback { "true" } else { "false" };
        src.push_str(&format!(
            "def impl_for(data), do: :phial.impl_for(__MODULE__, data, {fb})\n\
             def impl_for!(data), do: :phial.impl_for!(__MODULE__, data, {fb})\n\
             def __protocol__(:module), do: __MODULE__\n\
             def __protocol__(:consolidated?), do: false\n"
        ));
        let mut sorted = funs.clone();
        sorted.sort();
        let listed: Vec<String> = sorted.iter().map(|(f, n)| format!("{f}: {n}")).collect();
        src.push_str(&format!(
            "def __protocol__(:functions), do: [{}]\n",
            listed.join(", ")
        ));
        for (f, n) in &funs {
            let params: Vec<String> = (0..*n).map(|i| format!("p{i}")).collect();
            let params = params.join(", ");
            src.push_str(&format!(
                "def {f}({params}), do: :phial.impl_for!(__MODULE__, p0, {fb}).{f}({params})\n"
            ));
        }
        let Some(generated) = parse_generated(&src, whole.span) else {
            self.error(off, "internal: a generated protocol does not parse");
            return;
        };
        kept.extend(generated);
        let module = module_expr(vec![name.clone()], kept, whole.span);
        self.expr(&module, false);
    }

    pub(crate) fn defimpl(&mut self, args: &[Expr], block: Option<&DoBlock>, whole: &Expr) {
        let off = whole.span.start;
        let (pos, b) = split_blocks(args, block);
        let Some(proto) = pos.first() else {
            self.error(off, "invalid arguments for defimpl");
            return;
        };
        let proto = self.alias_name(proto);
        let body = match b.do_ {
            Some(Section::Exprs(e)) => e,
            _ => vec![],
        };
        // `for:` sits in the keyword list after the protocol.
        let for_expr = args
            .get(1)
            .and_then(keyword_pairs)
            .and_then(|kv| kv.into_iter().find(|(k, _)| k == "for").map(|(_, v)| v));
        let types: Vec<Atom> = match &for_expr {
            Some(Expr {
                kind: ExprKind::List { items, .. },
                ..
            }) => items.iter().map(|t| self.alias_name(t)).collect(),
            Some(t) => vec![self.alias_name(t)],
            None => match &self.module {
                Some(m) => vec![m.name],
                None => {
                    self.error(
                        off,
                        "defimpl/3 expects a :for option when declared outside a module",
                    );
                    return;
                }
            },
        };
        let n = types.len();
        for (i, ty) in types.into_iter().enumerate() {
            let name = format!("{}.{}", module_name(proto), module_name(ty));
            let src = format!(
                "@protocol {p}\n@for {t}\ndef __impl__(:for), do: {t}\ndef __impl__(:protocol), do: {p}\n",
                p = module_name(proto),
                t = module_name(ty)
            );
            let mut exprs = parse_generated(&src, whole.span).unwrap_or_default();
            exprs.extend(body.iter().cloned());
            // An absolute name: `defimpl` inside a module is not nested in it.
            let abs = Expr::new(ExprKind::Atom(format!("Elixir.{name}")), whole.span);
            let module = module_expr(vec![abs], exprs, whole.span);
            self.expr(&module, false);
            if i + 1 < n {
                self.emit(crate::code::Op::Pop);
            }
        }
    }

    /// The module an alias expression names (`Foo.Bar`, `__MODULE__`).
    fn alias_name(&mut self, e: &Expr) -> Atom {
        match &e.kind {
            ExprKind::Atom(a) => Atom::new(a),
            _ => self.struct_name(e),
        }
    }
}

/// `defmodule NAME do BODY end` as the parser would give it.
fn module_expr(args: Vec<Expr>, body: Vec<Expr>, span: Span) -> Expr {
    Expr::new(
        ExprKind::Call {
            target: CallTarget::Local("defmodule".into()),
            args,
            parens: false,
            block: Some(DoBlock {
                sections: vec![BlockSection {
                    label: BlockLabel::Do,
                    body: BlockBody::Exprs(body),
                    span,
                }],
                span,
            }),
        },
        span,
    )
}

/// Parses generated source; its spans are set to `span`, where the code
/// it stands for was written.
pub(crate) fn parse_generated(src: &str, span: Span) -> Option<Vec<Expr>> {
    match parse(src) {
        ParseOutcome::Complete(exprs) => Some(
            exprs
                .into_iter()
                .map(|mut e| {
                    respan(&mut e, span);
                    e
                })
                .collect(),
        ),
        _ => None,
    }
}

/// Sets every span in `e` to `span`.
fn respan(e: &mut Expr, span: Span) {
    // An explicit work list: generated code is small, but nothing here
    // recurses on the Rust stack over syntax.
    let mut work: Vec<&mut Expr> = vec![e];
    while let Some(e) = work.pop() {
        e.span = span;
        match &mut e.kind {
            ExprKind::Str(parts) | ExprKind::Charlist(parts) | ExprKind::Sigil { parts, .. } => {
                for p in parts {
                    if let StrPart::Interp(x) = p {
                        work.push(x);
                    }
                }
            }
            ExprKind::ModuleAttr { value: Some(v), .. } => work.push(v),
            ExprKind::List { items, tail } => {
                work.extend(items.iter_mut());
                if let Some(t) = tail {
                    work.push(t);
                }
            }
            ExprKind::Tuple(items) | ExprKind::Block(items) | ExprKind::Bitstring(items) => {
                work.extend(items.iter_mut())
            }
            ExprKind::Map { update, entries }
            | ExprKind::Struct {
                update, entries, ..
            } => {
                if let Some(u) = update {
                    work.push(u);
                }
                for (k, v) in entries {
                    work.push(k);
                    work.push(v);
                }
            }
            ExprKind::Unary { expr, .. } => work.push(expr),
            ExprKind::Binary { lhs, rhs, .. } => {
                work.push(lhs);
                work.push(rhs);
            }
            ExprKind::RangeStep { first, last, step } => {
                work.push(first);
                work.push(last);
                work.push(step);
            }
            ExprKind::Call {
                target,
                args,
                block,
                ..
            } => {
                match target {
                    CallTarget::Remote { module, .. } => work.push(module),
                    CallTarget::Anonymous(f) | CallTarget::Nested(f) => work.push(f),
                    CallTarget::Local(_) => {}
                }
                work.extend(args.iter_mut());
                if let Some(b) = block {
                    for s in &mut b.sections {
                        match &mut s.body {
                            BlockBody::Exprs(es) => work.extend(es.iter_mut()),
                            BlockBody::Clauses(cs) => {
                                for c in cs {
                                    work.extend(c.args.iter_mut());
                                    if let Some(g) = &mut c.guard {
                                        work.push(g);
                                    }
                                    work.extend(c.body.iter_mut());
                                }
                            }
                        }
                    }
                }
            }
            ExprKind::Access { expr, key } => {
                work.push(expr);
                work.push(key);
            }
            ExprKind::Fn(cs) | ExprKind::Stab(cs) => {
                for c in cs {
                    work.extend(c.args.iter_mut());
                    if let Some(g) = &mut c.guard {
                        work.push(g);
                    }
                    work.extend(c.body.iter_mut());
                }
            }
            _ => {}
        }
    }
}
