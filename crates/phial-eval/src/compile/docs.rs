//! `@moduledoc` and `@doc`: kept with the module so the shell's `h` can
//! show them, with each function's signature as IEx prints it
//! (`def add(inv, sku, qty \\ 1)`).
//!
//! Not here: printing (the shell's helpers).

use crate::atom::Atom;
use phial_syntax::ast::*;

/// A module's documentation.
#[derive(Debug, Default, Clone)]
pub struct ModuleDocs {
    /// `@moduledoc "..."`; `None` when absent or `@moduledoc false`.
    pub moduledoc: Option<String>,
    /// Public functions in order of definition.
    pub functions: Vec<FunctionDoc>,
}

#[derive(Debug, Clone)]
pub struct FunctionDoc {
    pub name: Atom,
    pub arity: u32,
    /// `add(inv, sku, qty \\ 1)`.
    pub signature: String,
    /// The `@doc` text; `None` when there was none.
    pub doc: Option<String>,
    /// `@doc false`: not shown.
    pub hidden: bool,
}

impl FunctionDoc {
    /// How many trailing parameters have defaults (`qty \\ 1`): the doc
    /// also serves those lower arities, as IEx shows it for them.
    pub fn defaults(&self) -> u32 {
        self.signature.matches(" \\\\ ").count() as u32
    }

    /// Whether `h Mod.fun/arity` shows this doc.
    pub fn covers(&self, arity: u32) -> bool {
        arity <= self.arity && arity + self.defaults() >= self.arity
    }
}

/// What a `@doc`/`@moduledoc` value says: its text, `Some(None)` for
/// `false`, `None` when it is not a literal string (then it is ignored).
pub(crate) fn doc_text(v: &Expr) -> Option<Option<String>> {
    match &v.kind {
        ExprKind::Str(parts) => super::pattern::literal_string(parts).map(Some),
        ExprKind::Atom(a) if a == "false" => Some(None),
        _ => None,
    }
}

/// The signature IEx shows for a clause head: parameter names where the
/// head has variables, else a name for the kind of pattern (`list`,
/// `map`, `int`, ...), numbered when one repeats; defaults as written.
pub(crate) fn signature(name: &str, params: &[Expr], source: &str) -> String {
    let mut names: Vec<String> = params.iter().map(|p| param_name(p, source)).collect();
    // `f(1, 2)` reads `f(int1, int2)`.
    let bases: Vec<String> = names.clone();
    for (i, n) in names.iter_mut().enumerate() {
        let generic = !params[i].kind_is_var() && !n.contains(" \\\\ ");
        if generic && bases.iter().filter(|b| *b == n).count() > 1 {
            let k = bases[..=i].iter().filter(|b| **b == bases[i]).count();
            n.push_str(&k.to_string());
        }
    }
    format!("{name}({})", names.join(", "))
}

trait VarKind {
    fn kind_is_var(&self) -> bool;
}

impl VarKind for Expr {
    fn kind_is_var(&self) -> bool {
        var_of(self).is_some()
    }
}

fn var_of(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Var(v) if !v.starts_with('_') => Some(v),
        ExprKind::Binary {
            op: BinaryOp::Match,
            lhs,
            rhs,
        } => var_of(rhs).or_else(|| var_of(lhs)),
        _ => None,
    }
}

fn param_name(p: &Expr, source: &str) -> String {
    if let ExprKind::Binary {
        op: BinaryOp::Default,
        lhs,
        rhs,
    } = &p.kind
    {
        let default = source
            .get(rhs.span.start..rhs.span.end)
            .unwrap_or("...")
            .trim();
        return format!("{} \\\\ {default}", param_name(lhs, source));
    }
    if let Some(v) = var_of(p) {
        return v.to_string();
    }
    let e = match &p.kind {
        ExprKind::Binary {
            op: BinaryOp::Match,
            lhs,
            ..
        } => lhs,
        _ => p,
    };
    match &e.kind {
        ExprKind::Int(_) | ExprKind::BigInt(_) => "int".into(),
        ExprKind::Float(_) => "float".into(),
        ExprKind::Str(_) => "binary".into(),
        ExprKind::Atom(a) if a == "true" || a == "false" => "bool".into(),
        ExprKind::Atom(_) => "atom".into(),
        ExprKind::List { .. } | ExprKind::Charlist(_) => "list".into(),
        ExprKind::Map { .. } => "map".into(),
        ExprKind::Tuple(_) => "tuple".into(),
        ExprKind::Struct { name, .. } => match &name.kind {
            ExprKind::Alias(segs) => segs
                .last()
                .map(|s| snake(s))
                .unwrap_or_else(|| "struct".into()),
            _ => "struct".into(),
        },
        _ => "arg".into(),
    }
}

/// `MapSet` -> `map_set`.
fn snake(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
