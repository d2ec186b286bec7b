//! Lowering of `defmodule`: collecting `def`/`defp` clauses (with guards and
//! default arguments) into one `FnCode` per name/arity, and evaluating module
//! attributes at compile time.
//!
//! Two passes, as Elixir effectively does: first every function's name and
//! arity (so a function may call one defined below it), then the bodies, in
//! order, each seeing the attributes set above it.
//!
//! Not here: running a module's definition (`Op::DefModule` in `machine`).

use super::control::{keyword_pairs, split_blocks, Section};
use super::{Compiler, ModuleCtx};
use crate::atom::Atom;
use crate::code::{Clause, FnCode, Op};
use crate::value::Value;
use phial_syntax::ast::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// A defined module: its functions by name and arity.
pub struct Module {
    pub name: Atom,
    pub functions: FxHashMap<(Atom, u32), Arc<FnCode>>,
    pub private: FxHashSet<(Atom, u32)>,
}

/// One `def` clause as written.
struct DefClause<'a> {
    name: String,
    args: Vec<Expr>,
    guard: Option<&'a Expr>,
    body: Option<Vec<Expr>>,
    private: bool,
    offset: usize,
    /// Attributes visible at this clause.
    attributes: FxHashMap<String, Value>,
}

impl<'k> Compiler<'k> {
    pub(crate) fn defmodule(&mut self, args: &[Expr], block: Option<&DoBlock>, whole: &Expr) {
        let off = whole.span.start;
        let (pos, b) = split_blocks(args, block);
        let name = match pos.first().map(|e| &e.kind) {
            Some(ExprKind::Alias(segs)) => {
                let base = segs.join(".");
                match &self.module {
                    Some(outer) => Atom::alias(&format!(
                        "{}.{base}",
                        outer.name.as_str().trim_start_matches("Elixir.")
                    )),
                    None => Atom::alias(&base),
                }
            }
            Some(ExprKind::Atom(a)) => Atom::new(a),
            _ => {
                self.error(off, "invalid module name in defmodule");
                return;
            }
        };
        let body = match b.do_ {
            Some(Section::Exprs(e)) => e,
            None => vec![],
            Some(Section::Clauses(_)) => {
                self.error(off, "unexpected -> in defmodule");
                return;
            }
        };
        // Structs first: what `defstruct`/`defexception` generate joins the
        // body (the generated functions must outlive the clause list).
        let (struct_regs, generated) = self.struct_decls(name, &body);
        // Pass 1: attributes in order, def clauses, other expressions.
        let mut attributes: FxHashMap<String, Value> = FxHashMap::default();
        let mut clauses: Vec<DefClause> = Vec::new();
        let mut nested: Vec<&Expr> = Vec::new();
        let saved_module = self.module.take();
        // A module's imports end with it.
        let saved_imports = self.imports.len();
        self.module = Some(ModuleCtx {
            name,
            functions: FxHashSet::default(),
            attributes: FxHashMap::default(),
        });
        let mut struct_regs = struct_regs.iter();
        for e in body.iter().chain(generated.iter()) {
            match &e.kind {
                ExprKind::ModuleAttr {
                    name: attr,
                    value: Some(v),
                } => {
                    // Documentation and typespecs have no run-time effect
                    // (phial checks no types), so their values, which are
                    // type expressions rather than terms, are not evaluated.
                    if matches!(
                        attr.as_str(),
                        "doc"
                            | "moduledoc"
                            | "impl"
                            | "typedoc"
                            | "spec"
                            | "type"
                            | "typep"
                            | "opaque"
                            | "callback"
                            | "macrocallback"
                            | "optional_callbacks"
                    ) {
                        continue;
                    }
                    self.module.as_mut().unwrap().attributes = attributes.clone();
                    match self.constant(v) {
                        Some(val) => {
                            attributes.insert(attr.clone(), val);
                        }
                        None => self.error(
                            v.span.start,
                            format!("phial evaluates @{attr} at compile time and supports only literal values there"),
                        ),
                    }
                }
                ExprKind::Call {
                    target: CallTarget::Local(kw),
                    args,
                    block,
                    ..
                } if kw == "def" || kw == "defp" => {
                    if let Some(c) = self.def_clause(
                        kw == "defp",
                        args,
                        block.as_ref(),
                        e.span.start,
                        &attributes,
                    ) {
                        clauses.push(c);
                    }
                }
                ExprKind::Call {
                    target: CallTarget::Local(kw),
                    args: directive_args,
                    ..
                } if matches!(
                    kw.as_str(),
                    "use" | "import" | "alias" | "require" | "defstruct" | "defexception"
                ) =>
                {
                    if kw == "import" {
                        self.import(directive_args, e.span.start);
                    }
                    if kw == "defstruct" || kw == "defexception" {
                        if let Some(reg) = struct_regs.next() {
                            nested.push(reg);
                        }
                    }
                }
                _ => nested.push(e),
            }
        }
        // Every name/arity, including those generated by default arguments.
        let mut functions = FxHashSet::default();
        for c in &clauses {
            let n = c.args.len() as u32;
            let defaults = c.args.iter().filter(is_default).count() as u32;
            for k in 0..=defaults {
                functions.insert((Atom::new(&c.name), n - k));
            }
        }
        self.module.as_mut().unwrap().functions = functions;
        // Pass 2: compile function groups in order of first appearance.
        let mut order: Vec<(String, u32)> = Vec::new();
        for c in &clauses {
            let key = (c.name.clone(), c.args.len() as u32);
            if !order.contains(&key) {
                order.push(key);
            }
        }
        let mut module = Module {
            name,
            functions: FxHashMap::default(),
            private: FxHashSet::default(),
        };
        for (fname, arity) in &order {
            let group: Vec<&DefClause> = clauses
                .iter()
                .filter(|c| &c.name == fname && c.args.len() as u32 == *arity)
                .collect();
            let fatom = Atom::new(fname);
            if group.iter().any(|c| c.private) {
                module.private.insert((fatom, *arity));
            }
            // Default arguments: generate the shorter arities.
            if let Some(with_defaults) =
                group.iter().find(|c| c.args.iter().any(|a| is_default(&a)))
            {
                let defaults: Vec<&Expr> = with_defaults.args.iter().collect();
                let ndef = defaults.iter().filter(|a| is_default(a)).count();
                for k in 1..=ndef {
                    let code = self.default_wrapper(
                        name,
                        fatom,
                        &defaults,
                        *arity as usize - k,
                        &with_defaults.attributes,
                    );
                    module.functions.insert((fatom, *arity - k as u32), code);
                    if with_defaults.private {
                        module.private.insert((fatom, *arity - k as u32));
                    }
                }
            }
            let bodies: Vec<&&DefClause> = group.iter().filter(|c| c.body.is_some()).collect();
            if bodies.is_empty() {
                continue;
            }
            self.push_fn(name, fatom, *arity);
            for c in bodies {
                self.module.as_mut().unwrap().attributes = c.attributes.clone();
                self.cur().offset = c.offset as u32;
                self.push_scope();
                let pats_src: Vec<Expr> = c
                    .args
                    .iter()
                    .map(|a| match &a.kind {
                        ExprKind::Binary {
                            op: BinaryOp::Default,
                            lhs,
                            ..
                        } => (**lhs).clone(),
                        _ => a.clone(),
                    })
                    .collect();
                let args = self.head_patterns(&pats_src);
                let guard = c.guard.map(|g| self.guard(g));
                let entry = self.here();
                self.cur().clauses.push(Clause::new(args, guard, entry));
                self.body(c.body.as_deref().unwrap_or(&[]), true);
                self.emit_return();
                self.pop_scope();
            }
            let code = self.pop_fn();
            module.functions.insert((fatom, *arity), code);
        }
        self.module.as_mut().unwrap().attributes = attributes;
        // Nested modules and other expressions run when the definition runs.
        for e in &nested {
            self.expr(e, false);
            self.emit(Op::Pop);
        }
        self.module = saved_module;
        self.imports.truncate(saved_imports);
        for (k, _) in module
            .functions
            .iter()
            .filter(|(k, _)| !module.private.contains(k))
        {
            self.program_functions.insert((name, k.0, k.1));
        }
        let f = self.cur();
        let i = f.modules.len() as u32;
        f.modules.push(Arc::new(module));
        self.set_offset(whole.span);
        self.emit(Op::DefModule(i));
    }

    /// Every `defstruct`/`defexception` of a module body, lowered
    /// (`Compiler::struct_decl`): the registration to run for each, in
    /// order, and all the functions they generate.
    fn struct_decls(&mut self, module: Atom, body: &[Expr]) -> (Vec<Expr>, Vec<Expr>) {
        let defined: FxHashSet<(String, usize)> = body
            .iter()
            .filter_map(|e| match &e.kind {
                ExprKind::Call {
                    target: CallTarget::Local(kw),
                    args,
                    ..
                } if kw == "def" || kw == "defp" => def_name(args.first()?),
                _ => None,
            })
            .collect();
        let mut enforce = Vec::new();
        let mut derive: Option<&Expr> = None;
        let mut regs = Vec::new();
        let mut generated = Vec::new();
        for e in body {
            match &e.kind {
                ExprKind::ModuleAttr {
                    name: attr,
                    value: Some(v),
                } if attr == "enforce_keys" => {
                    enforce = self
                        .constant(v)
                        .map(|v| v.iter_list().filter_map(Value::as_atom).collect())
                        .unwrap_or_default();
                }
                ExprKind::ModuleAttr {
                    name: attr,
                    value: Some(v),
                } if attr == "derive" => derive = Some(v),
                ExprKind::Call {
                    target: CallTarget::Local(kw),
                    args,
                    ..
                } if kw == "defstruct" || kw == "defexception" => {
                    let known = |n: &str, a: usize| defined.contains(&(n.to_string(), a));
                    let exception = kw == "defexception";
                    let site = super::structs::StructSite {
                        exception,
                        args,
                        whole: e,
                        enforce: enforce.clone(),
                        derive,
                    };
                    let decl = self.struct_decl(module, site, &known);
                    derive = None;
                    if let Some(d) = decl {
                        regs.push(d.register);
                        generated.extend(d.defs);
                    }
                }
                _ => {}
            }
        }
        (regs, generated)
    }

    fn def_clause<'a>(
        &mut self,
        private: bool,
        args: &'a [Expr],
        block: Option<&'a DoBlock>,
        off: usize,
        attributes: &FxHashMap<String, Value>,
    ) -> Option<DefClause<'a>> {
        let kw = if private { "defp" } else { "def" };
        let (head, body) = match (args, block) {
            // `def f do ... rescue ... end`: the body is an implicit `try`.
            ([head], Some(b))
                if b.sections.iter().any(|s| {
                    matches!(
                        s.label,
                        BlockLabel::Rescue | BlockLabel::Catch | BlockLabel::After
                    )
                }) =>
            {
                let try_expr = Expr::new(
                    ExprKind::Call {
                        target: CallTarget::Local("try".into()),
                        args: vec![],
                        parens: false,
                        block: Some(b.clone()),
                    },
                    b.span,
                );
                (head, Some(vec![try_expr]))
            }
            ([head], Some(b)) => {
                let (_, blocks) = split_blocks(&[], Some(b));
                match blocks.do_ {
                    Some(Section::Exprs(e)) => (head, Some(e)),
                    None => (head, Some(vec![])),
                    Some(Section::Clauses(_)) => {
                        self.error(off, format!("unexpected -> in {kw}"));
                        return None;
                    }
                }
            }
            ([head, kw_list], None) => match keyword_pairs(kw_list) {
                Some(pairs) => match pairs.into_iter().find(|(k, _)| k == "do") {
                    Some((_, v)) => (head, Some(vec![v])),
                    None => {
                        self.error(off, format!("missing :do option in \"{kw}\""));
                        return None;
                    }
                },
                None => {
                    self.error(off, format!("invalid arguments for {kw}"));
                    return None;
                }
            },
            ([head], None) => (head, None),
            _ => {
                self.error(off, format!("invalid arguments for {kw}"));
                return None;
            }
        };
        let (call, guard) = match &head.kind {
            ExprKind::Binary {
                op: BinaryOp::When,
                lhs,
                rhs,
            } => (lhs.as_ref(), Some(rhs.as_ref())),
            _ => (head, None),
        };
        let (name, fargs) = match &call.kind {
            ExprKind::Call {
                target: CallTarget::Local(n),
                args,
                block: None,
                ..
            } => (n.clone(), args.clone()),
            ExprKind::Var(n) => (n.clone(), vec![]),
            _ => {
                self.error(off, format!("invalid function head in {kw}"));
                return None;
            }
        };
        Some(DefClause {
            name,
            args: fargs,
            guard,
            body,
            private,
            offset: off,
            attributes: attributes.clone(),
        })
    }

    /// `f/k` for a function declared with defaults: fills the missing
    /// arguments and calls the full arity. Required parameters take the given
    /// arguments first; leftover arguments go to defaults from the left.
    fn default_wrapper(
        &mut self,
        module: Atom,
        name: Atom,
        params: &[&Expr],
        given: usize,
        attributes: &FxHashMap<String, Value>,
    ) -> Arc<FnCode> {
        self.module.as_mut().unwrap().attributes = attributes.clone();
        let required = params.iter().filter(|p| !is_default(p)).count();
        let mut defaults_taken = given.saturating_sub(required);
        self.push_fn(module, name, given as u32);
        // The arguments are slots 0..given already (see `FnCode::nlocals`).
        let slots: Vec<u32> = (0..given as u32).collect();
        let entry = self.here();
        self.cur()
            .clauses
            .push(Clause::new(vec![crate::code::Pat::Any; given], None, entry));
        let mut next = 0;
        for p in params {
            match &p.kind {
                ExprKind::Binary {
                    op: BinaryOp::Default,
                    rhs,
                    ..
                } => {
                    if defaults_taken > 0 {
                        defaults_taken -= 1;
                        self.emit(Op::Local(slots[next]));
                        next += 1;
                    } else {
                        self.expr(rhs, false);
                    }
                }
                _ => {
                    self.emit(Op::Local(slots[next]));
                    next += 1;
                }
            }
        }
        self.emit_call(module, name, params.len() as u32, true);
        self.emit_return();
        self.pop_fn()
    }
}

/// The name and arity a `def` head declares (`f(a, b) when ...`).
fn def_name(head: &Expr) -> Option<(String, usize)> {
    let call = match &head.kind {
        ExprKind::Binary {
            op: BinaryOp::When,
            lhs,
            ..
        } => lhs,
        _ => head,
    };
    match &call.kind {
        ExprKind::Call {
            target: CallTarget::Local(n),
            args,
            ..
        } => Some((n.clone(), args.len())),
        ExprKind::Var(n) => Some((n.clone(), 0)),
        _ => None,
    }
}

fn is_default(e: &&Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Binary {
            op: BinaryOp::Default,
            ..
        }
    )
}
