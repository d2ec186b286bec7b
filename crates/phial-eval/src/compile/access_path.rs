//! The macro forms of Kernel's nested-data functions: `put_in(m.a[:b], v)`,
//! `update_in(m[:a].b, f)`, `get_and_update_in(path, f)`, `pop_in(path)`.
//!
//! Elixir expands these at compile time by taking the path apart into its
//! root and its steps (`unnest` in Kernel). phial does the same and calls
//! the function forms with a literal path: `[:key]` steps stay keys (any
//! `Access` container), `.field` steps become `Access.key!(:field)`, which
//! requires the field as `map.field` does.
//!
//! Not here: the function forms themselves (the library's Kernel).

use super::Compiler;
use phial_syntax::ast::*;

/// One step of a path.
enum PathStep<'a> {
    /// `[key]`
    Access(&'a Expr),
    /// `.field`
    Field(&'a str),
}

impl<'k> Compiler<'k> {
    /// Compiles `name(args)` if it is one of the macro forms over a path;
    /// false if it is an ordinary call (the function forms).
    pub(crate) fn path_macro(
        &mut self,
        name: &str,
        args: &[Expr],
        whole: &Expr,
        tail: bool,
    ) -> bool {
        let arity_ok = matches!(
            (name, args.len()),
            ("put_in" | "update_in" | "get_and_update_in", 2) | ("pop_in", 1)
        );
        if !arity_ok {
            return false;
        }
        let Some((root, steps)) = unnest(&args[0]) else {
            return false;
        };
        let span = whole.span;
        if name == "pop_in" {
            if let Some(PathStep::Field(f)) = steps.last() {
                self.error(
                    span.start,
                    format!("cannot use pop_in when the last segment is a map/struct field. This would effectively remove the field :{f} from the map/struct"),
                );
                return true;
            }
        }
        let items = steps
            .iter()
            .map(|s| match s {
                PathStep::Access(k) => (*k).clone(),
                PathStep::Field(f) => Expr::new(
                    ExprKind::Call {
                        target: CallTarget::Remote {
                            module: Box::new(Expr::new(
                                ExprKind::Alias(vec!["Access".into()]),
                                span,
                            )),
                            name: "key!".into(),
                        },
                        args: vec![Expr::new(ExprKind::Atom(f.to_string()), span)],
                        parens: true,
                        block: None,
                    },
                    span,
                ),
            })
            .collect();
        let path = Expr::new(ExprKind::List { items, tail: None }, span);
        let mut call_args = vec![root.clone(), path];
        call_args.extend(args[1..].iter().cloned());
        self.local_call(name, &call_args, span.start, tail);
        true
    }
}

/// `m.a[:b]` as its root `m` and steps `[.a, [:b]]`; `None` when the
/// expression has no step (then it is the function form's first argument).
fn unnest(e: &Expr) -> Option<(&Expr, Vec<PathStep<'_>>)> {
    let mut steps = Vec::new();
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::Access { expr, key } => {
                steps.push(PathStep::Access(key));
                cur = expr;
            }
            ExprKind::Call {
                target: CallTarget::Remote { module, name },
                args,
                parens: false,
                block: None,
            } if args.is_empty()
                && !matches!(&module.kind, ExprKind::Alias(_) | ExprKind::Atom(_))
                && !matches!(&module.kind, ExprKind::Var(v) if v == "__MODULE__") =>
            {
                steps.push(PathStep::Field(name));
                cur = module;
            }
            _ => break,
        }
    }
    if steps.is_empty() {
        return None;
    }
    steps.reverse();
    Some((cur, steps))
}
