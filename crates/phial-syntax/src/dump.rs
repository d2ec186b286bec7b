//! A stable, readable S-expression rendering of the AST, one top-level form
//! per line, for `--dump-ast` and the golden tests. Spans are not printed.
//!
//! Forms: literals print as Elixir would (`1`, `1.0`, `:ok`, `"a\n"`), variables
//! and aliases bare (`x`, `Foo.Bar`); `(call f a)` is a parenthesised call,
//! `(call-np f a)` one without parentheses, `(call-anon f a)` is `f.(a)`,
//! `(call (call f a) b)` is `f(a)(b)`; `<<a b>>` a binary; a
//! remote target prints as `Mod.fun` (or `(. expr fun)` for a complex
//! receiver); operators print as `(op lhs rhs)`; a do-block as
//! `(do-block (do ...) (else ...))`; clauses as `(-> (args) (when g) body...)`.
//! Not a pretty-printer back to Elixir.

use std::fmt::Write;

use crate::ast::*;

/// One line per top-level expression.
pub fn dump_ast(exprs: &[Expr]) -> String {
    let mut out = String::new();
    for e in exprs {
        out.push_str(&dump_expr(e));
        out.push('\n');
    }
    out
}

pub fn dump_expr(e: &Expr) -> String {
    let mut s = String::new();
    expr(&mut s, e);
    s
}

fn expr(o: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Int(v) => write!(o, "{v}").unwrap(),
        ExprKind::BigInt(v) => o.push_str(v),
        ExprKind::Float(v) => write!(o, "{v:?}").unwrap(),
        ExprKind::Atom(a) => atom(o, a),
        ExprKind::Str(parts) => string(o, "str", parts),
        ExprKind::Charlist(parts) => string(o, "charlist", parts),
        ExprKind::Sigil {
            letter,
            parts,
            modifiers,
        } => {
            write!(o, "(sigil ~{letter} ").unwrap();
            string(o, "str", parts);
            if !modifiers.is_empty() {
                write!(o, " {modifiers}").unwrap();
            }
            o.push(')');
        }
        ExprKind::Var(n) => o.push_str(n),
        ExprKind::Alias(segs) => o.push_str(&segs.join(".")),
        ExprKind::ModuleAttr { name, value } => match value {
            None => write!(o, "@{name}").unwrap(),
            Some(v) => {
                write!(o, "(@{name} ").unwrap();
                expr(o, v);
                o.push(')');
            }
        },
        ExprKind::List { items, tail } => {
            o.push('[');
            seq(o, items);
            if let Some(t) = tail {
                o.push_str(" | ");
                expr(o, t);
            }
            o.push(']');
        }
        ExprKind::Tuple(items) => {
            o.push('{');
            seq(o, items);
            o.push('}');
        }
        ExprKind::Bitstring(items) => {
            o.push_str("<<");
            seq(o, items);
            o.push_str(">>");
        }
        ExprKind::Map { update, entries } => {
            o.push_str("(map");
            if let Some(u) = update {
                o.push_str(" (update ");
                expr(o, u);
                o.push(')');
            }
            pairs(o, entries);
            o.push(')');
        }
        ExprKind::Struct {
            name,
            update,
            entries,
        } => {
            o.push_str("(struct ");
            expr(o, name);
            if let Some(u) = update {
                o.push_str(" (update ");
                expr(o, u);
                o.push(')');
            }
            pairs(o, entries);
            o.push(')');
        }
        ExprKind::Unary { op, expr: inner } => {
            write!(o, "({} ", op.symbol()).unwrap();
            expr(o, inner);
            o.push(')');
        }
        ExprKind::Binary { op, lhs, rhs } => {
            write!(o, "({} ", op.symbol()).unwrap();
            expr(o, lhs);
            o.push(' ');
            expr(o, rhs);
            o.push(')');
        }
        ExprKind::RangeStep { first, last, step } => {
            o.push_str("(..// ");
            seq(o, &[(**first).clone(), (**last).clone(), (**step).clone()]);
            o.push(')');
        }
        ExprKind::Call {
            target,
            args,
            parens,
            block,
        } => {
            let head = match (target, parens) {
                (CallTarget::Anonymous(_), _) => "call-anon",
                (_, true) => "call",
                (_, false) => "call-np",
            };
            write!(o, "({head} ").unwrap();
            match target {
                CallTarget::Local(n) => o.push_str(n),
                CallTarget::Remote { module, name } => match &module.kind {
                    ExprKind::Alias(_) | ExprKind::Atom(_) | ExprKind::Var(_) => {
                        expr(o, module);
                        write!(o, ".{name}").unwrap();
                    }
                    _ => {
                        o.push_str("(. ");
                        expr(o, module);
                        write!(o, " {name})").unwrap();
                    }
                },
                CallTarget::Anonymous(f) | CallTarget::Nested(f) => expr(o, f),
            }
            for a in args {
                o.push(' ');
                expr(o, a);
            }
            if let Some(b) = block {
                o.push_str(" (do-block");
                for sec in &b.sections {
                    write!(o, " ({}", sec.label.name()).unwrap();
                    body(o, &sec.body);
                    o.push(')');
                }
                o.push(')');
            }
            o.push(')');
        }
        ExprKind::Access { expr: inner, key } => {
            o.push_str("(access ");
            expr(o, inner);
            o.push(' ');
            expr(o, key);
            o.push(')');
        }
        ExprKind::Fn(clauses) => {
            o.push_str("(fn");
            for c in clauses {
                o.push(' ');
                clause(o, c);
            }
            o.push(')');
        }
        ExprKind::CaptureArg(n) => write!(o, "&{n}").unwrap(),
        ExprKind::Block(items) => {
            o.push_str("(block");
            for i in items {
                o.push(' ');
                expr(o, i);
            }
            o.push(')');
        }
        ExprKind::Stab(clauses) => {
            o.push_str("(stab");
            for c in clauses {
                o.push(' ');
                clause(o, c);
            }
            o.push(')');
        }
    }
}

fn body(o: &mut String, b: &BlockBody) {
    match b {
        BlockBody::Exprs(es) => {
            for e in es {
                o.push(' ');
                expr(o, e);
            }
        }
        BlockBody::Clauses(cs) => {
            for c in cs {
                o.push(' ');
                clause(o, c);
            }
        }
    }
}

fn clause(o: &mut String, c: &StabClause) {
    o.push_str("(-> (");
    seq(o, &c.args);
    o.push(')');
    if let Some(g) = &c.guard {
        o.push_str(" (when ");
        expr(o, g);
        o.push(')');
    }
    for e in &c.body {
        o.push(' ');
        expr(o, e);
    }
    o.push(')');
}

fn seq(o: &mut String, items: &[Expr]) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            o.push(' ');
        }
        expr(o, e);
    }
}

fn pairs(o: &mut String, entries: &[(Expr, Expr)]) {
    for (k, v) in entries {
        o.push_str(" (");
        expr(o, k);
        o.push_str(" => ");
        expr(o, v);
        o.push(')');
    }
}

fn atom(o: &mut String, a: &str) {
    let plain = a
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && a.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '@' | '?' | '!'));
    if plain || a.chars().all(|c| "+-*/=<>!&|^.\\@~".contains(c)) && !a.is_empty() {
        write!(o, ":{a}").unwrap();
    } else {
        write!(o, ":\"{}\"", a.escape_debug()).unwrap();
    }
}

fn string(o: &mut String, tag: &str, parts: &[StrPart]) {
    let quote = if tag == "charlist" { '\'' } else { '"' };
    if let [StrPart::Lit(s)] = parts {
        write!(o, "{quote}{}{quote}", s.escape_debug()).unwrap();
        return;
    }
    if parts.is_empty() {
        write!(o, "{quote}{quote}").unwrap();
        return;
    }
    write!(o, "({tag}").unwrap();
    for p in parts {
        o.push(' ');
        match p {
            StrPart::Lit(s) => write!(o, "{quote}{}{quote}", s.escape_debug()).unwrap(),
            StrPart::Interp(e) => {
                o.push_str("#{");
                expr(o, e);
                o.push('}');
            }
        }
    }
    o.push(')');
}
