//! Macros at compile time: `quote`, `defmacro`, and expanding a call of a
//! macro by running it while the caller compiles, as Elixir does.
//!
//! A macro `name/n` is compiled as the function `:"MACRO-name"/(n + 1)`
//! whose first argument is the caller's `__CALLER__` (Elixir's own
//! convention, so `macro_exported?` and `Module.__info__` read it the same
//! way). A call of a macro that is imported, or of a required module's,
//! quotes its arguments, runs that function in a process of its own
//! (`Known::eval`, with the program's modules compiled so far in reach),
//! turns the returned quoted form back into syntax (`from_quoted`) and
//! compiles that in the call's place.
//!
//! Not here: the quoted form itself (`quote`, `from_quoted`), the module
//! body's own expansions (`use`, `@before_compile`: `module`).

use super::control::split_blocks;
use super::from_quoted::Unquoter;
use super::quote::{as_hole, has_hole, Quoter};
use super::{CompileError, Compiler};
use crate::atom::Atom;
use crate::code::{Clause, Op};
use crate::value::Value;
use phial_syntax::ast::*;
use std::sync::Arc;

/// How many expansions may nest inside one another before the compiler
/// gives up (a macro that expands to a call of itself).
const MAX_NESTED_EXPANSIONS: u32 = 500;

/// What the module body does with one of its expressions.
pub(crate) enum BodyItem {
    /// Compile it as it is.
    Keep,
    /// It did its work at compile time.
    Drop,
    /// It expanded to these, which take its place.
    Replace(Vec<Expr>),
}

/// An expansion's expressions: a block's, or the one.
pub(crate) fn flatten(e: Expr) -> Vec<Expr> {
    match e.kind {
        ExprKind::Block(items) => items,
        _ => vec![e],
    }
}

/// Whether `e` defines functions (a `def` inside a body-level `for`).
fn defines(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call {
            target: CallTarget::Local(n),
            ..
        } if matches!(n.as_str(), "def" | "defp" | "defmacro" | "defmacrop") => true,
        ExprKind::Block(items) => items.iter().any(defines),
        _ => false,
    }
}

/// Whether `e` holds an `unquote` outside any `quote` (an unquote
/// fragment of a `def`).
fn has_unquote(e: &Expr) -> bool {
    let mut found = false;
    walk(e, &mut |x| {
        if let ExprKind::Call {
            target: CallTarget::Local(n),
            ..
        } = &x.kind
        {
            if n == "quote" {
                return false;
            }
            if n == "unquote" || n == "unquote_splicing" {
                found = true;
            }
        }
        !found
    });
    found
}

/// Whether `e` reads `__STACKTRACE__` outside a `quote` (an `fn` in the
/// clause captures it like any variable, so `fn`s are searched too).
pub(super) fn mentions_stacktrace(e: &Expr) -> bool {
    let mut found = false;
    walk(e, &mut |x| {
        match &x.kind {
            ExprKind::Var(n) if n == "__STACKTRACE__" => found = true,
            ExprKind::Call {
                target: CallTarget::Local(n),
                ..
            } if n == "quote" => return false,
            _ => {}
        }
        !found
    });
    found
}

/// Visits `e` and its parts while `f` says to go on into a node.
fn walk(e: &Expr, f: &mut dyn FnMut(&Expr) -> bool) {
    if !f(e) {
        return;
    }
    let each = |items: &[Expr], f: &mut dyn FnMut(&Expr) -> bool| {
        for i in items {
            walk(i, f);
        }
    };
    match &e.kind {
        ExprKind::Call {
            target,
            args,
            block,
            ..
        } => {
            match target {
                CallTarget::Remote { module, .. } => walk(module, f),
                CallTarget::Anonymous(x) | CallTarget::Nested(x) => walk(x, f),
                CallTarget::Local(_) => {}
            }
            each(args, f);
            if let Some(b) = block {
                for s in &b.sections {
                    match &s.body {
                        BlockBody::Exprs(es) => each(es, f),
                        BlockBody::Clauses(cs) => {
                            for c in cs {
                                each(&c.args, f);
                                each(&c.body, f);
                            }
                        }
                    }
                }
            }
        }
        ExprKind::List { items, tail } => {
            each(items, f);
            if let Some(t) = tail {
                walk(t, f);
            }
        }
        ExprKind::Tuple(items) | ExprKind::Block(items) | ExprKind::Bitstring(items) => {
            each(items, f)
        }
        ExprKind::Map { update, entries }
        | ExprKind::Struct {
            update, entries, ..
        } => {
            if let Some(u) = update {
                walk(u, f);
            }
            for (k, v) in entries {
                walk(k, f);
                walk(v, f);
            }
        }
        ExprKind::Unary { expr, .. } => walk(expr, f),
        ExprKind::Binary { lhs, rhs, .. } => {
            walk(lhs, f);
            walk(rhs, f);
        }
        ExprKind::Access { expr, key } => {
            walk(expr, f);
            walk(key, f);
        }
        ExprKind::Fn(cs) | ExprKind::Stab(cs) => {
            for c in cs {
                each(&c.args, f);
                each(&c.body, f);
            }
        }
        ExprKind::Str(parts) | ExprKind::Charlist(parts) => {
            for p in parts {
                if let StrPart::Interp(x) = p {
                    walk(x, f);
                }
            }
        }
        ExprKind::ModuleAttr { value: Some(v), .. } => walk(v, f),
        _ => {}
    }
}

fn call(name: &str, args: Vec<Expr>, block: Option<DoBlock>, span: Span) -> Expr {
    Expr::new(
        ExprKind::Call {
            target: CallTarget::Local(name.into()),
            args,
            parens: true,
            block,
        },
        span,
    )
}

fn do_block(body: Vec<Expr>, span: Span) -> DoBlock {
    DoBlock {
        sections: vec![BlockSection {
            label: BlockLabel::Do,
            body: BlockBody::Exprs(body),
            span,
        }],
        span,
    }
}

/// The name of the function a macro compiles to.
pub fn macro_function(name: &str) -> Atom {
    Atom::new(&format!("MACRO-{name}"))
}

impl<'k> Compiler<'k> {
    /// `quote opts do body end`: code that builds the body's quoted form,
    /// with the values of its `unquote`s in their places.
    pub(crate) fn quote_form(&mut self, args: &[Expr], block: Option<&DoBlock>, off: usize) {
        let (_, b) = split_blocks(args, block);
        let body: Vec<Expr> = match b.do_ {
            Some(super::control::Section::Exprs(es)) => es,
            Some(super::control::Section::Clauses(cs)) => {
                vec![Expr::new(ExprKind::Stab(cs), Span::new(off, off))]
            }
            None => {
                self.error(off, "missing :do option in \"quote\"");
                return;
            }
        };
        let mut unquote = true;
        let mut bind: Vec<(String, Expr)> = Vec::new();
        let mut context = self.module.as_ref().map_or(Atom::new("Elixir"), |m| m.name);
        for (k, v) in &b.options {
            match (k.as_str(), &v.kind) {
                ("unquote", ExprKind::Atom(a)) => unquote = a == "true",
                ("bind_quoted", _) => match super::control::keyword_pairs(v) {
                    Some(pairs) => bind = pairs,
                    None => self.error(off, "invalid :bind_quoted for quote"),
                },
                ("context", _) => match self.module_literal(v) {
                    Some(m) => context = m,
                    None => self.error(off, "invalid :context for quote"),
                },
                _ => {}
            }
        }
        let (lines, source, aliases) = (
            self.lines.clone(),
            self.source.clone(),
            self.aliases.clone(),
        );
        let mut q = Quoter {
            context: Some(context),
            lines: &lines,
            source: &source,
            aliases: &aliases,
            unquote: unquote && bind.is_empty(),
            holes: Vec::new(),
        };
        let template = if bind.is_empty() {
            match (&body[..], block) {
                // `quote do: x` is `x` itself, a lone `not` included.
                ([one], None) => q.quote(one),
                _ => q.block(&body),
            }
        } else {
            // `bind_quoted: [a: expr]` is `a = unquote(expr)` before the
            // body, whose `unquote`s stay as written.
            let mut items = Vec::new();
            for (name, e) in &bind {
                let escape = e.clone();
                let i = q.holes.len() as i64;
                q.holes.push((escape, false));
                items.push(Value::tuple(vec![
                    Value::atom("="),
                    Value::Nil,
                    Value::list(vec![
                        Value::tuple(vec![Value::atom(name), Value::Nil, Value::Atom(context)]),
                        Value::tuple(vec![Value::atom(super::quote::HOLE), Value::Int(i)]),
                    ]),
                ]));
            }
            for e in &body {
                items.push(q.quote(e));
            }
            Value::tuple(vec![
                Value::atom("__block__"),
                Value::Nil,
                Value::list(items),
            ])
        };
        let holes = std::mem::take(&mut q.holes);
        self.emit_template(&template, &holes);
    }

    /// Code building `v`, a quoted form whose holes are `holes`' values.
    fn emit_template(&mut self, v: &Value, holes: &[(Expr, bool)]) {
        if !has_hole(v) {
            self.emit_const(v.clone());
            return;
        }
        if let Some((i, _)) = as_hole(v) {
            self.expr(&holes[i].0, false);
            return;
        }
        match v {
            Value::Tuple(t) => {
                for x in t.iter() {
                    self.emit_template(x, holes);
                }
                self.emit(Op::Tuple(t.len() as u32));
            }
            _ => {
                let items = v.list_to_vec().unwrap_or_default();
                // Runs of plain items become lists; a splice joins them
                // with `++`.
                let mut pieces = 0;
                let mut run: Vec<&Value> = Vec::new();
                let flush = |this: &mut Self, run: &mut Vec<&Value>, pieces: &mut u32| {
                    if run.is_empty() {
                        return;
                    }
                    for x in run.iter() {
                        this.emit_template(x, holes);
                    }
                    this.emit_const(Value::Nil);
                    this.emit(Op::ListTail(run.len() as u32));
                    run.clear();
                    *pieces += 1;
                    if *pieces > 1 {
                        this.emit_kernel("++", 2);
                    }
                };
                for item in &items {
                    match as_hole(item) {
                        Some((i, true)) => {
                            flush(self, &mut run, &mut pieces);
                            self.expr(&holes[i].0, false);
                            pieces += 1;
                            if pieces > 1 {
                                self.emit_kernel("++", 2);
                            }
                        }
                        _ => run.push(item),
                    }
                }
                flush(self, &mut run, &mut pieces);
                if pieces == 0 {
                    self.emit_const(Value::Nil);
                }
            }
        }
    }

    /// Whether `module` defines the macro `name/arity`, as far as this
    /// compilation can see.
    pub(crate) fn has_macro(&self, module: Atom, name: &str, arity: usize) -> bool {
        let f = macro_function(name);
        let n = arity as u32 + 1;
        self.program_functions.contains(&(module, f, n)) || self.known.has_function(module, f, n)
    }

    /// The module whose macro a call runs, if it is a macro call.
    pub(crate) fn macro_target(&self, target: &CallTarget, arity: usize) -> Option<Atom> {
        match target {
            CallTarget::Local(name) => {
                let key = (Atom::new(name), arity as u32);
                self.imports.iter().rev().find_map(|i| {
                    let allowed = i.only.as_ref().is_none_or(|o| o.contains(&key))
                        && !i.except.contains(&key);
                    (allowed && self.has_macro(i.module, name, arity)).then_some(i.module)
                })
            }
            CallTarget::Remote { module, name } => {
                let m = match &module.kind {
                    ExprKind::Alias(segs) => self.alias_of(segs),
                    ExprKind::Atom(a) => Atom::new(a),
                    _ => return None,
                };
                (self.requires.contains(&m) && self.has_macro(m, name, arity)).then_some(m)
            }
            _ => None,
        }
    }

    /// `require Mod`: its macros may be called as `Mod.name(...)`.
    pub(crate) fn require(&mut self, module: Atom) {
        self.known.ensure_loaded(module);
        if !self.requires.contains(&module) {
            self.requires.push(module);
        }
    }

    /// The `%Macro.Env{}` of the code being compiled at `span`.
    pub(crate) fn env_value(&self, span: Span) -> Value {
        let module = self
            .module
            .as_ref()
            .map_or(Value::NIL_ATOM, |m| Value::Atom(m.name));
        let function = self
            .fns
            .iter()
            .rev()
            .find(|f| {
                !matches!(
                    f.name.as_str(),
                    "-fun-" | "__attribute__" | "__expand__" | "__FILE__"
                )
            })
            .map_or(Value::NIL_ATOM, |f| {
                let name = f.name.as_str();
                let (name, arity) = match name.strip_prefix("MACRO-") {
                    Some(m) => (m, f.arity.saturating_sub(1)),
                    None => (name, f.arity),
                };
                Value::tuple(vec![Value::atom(name), Value::Int(arity as i64)])
            });
        let requires = Value::list(self.requires.iter().map(|m| Value::Atom(*m)).collect());
        let aliases = Value::list(
            self.aliases
                .iter()
                .map(|(short, full)| {
                    Value::tuple(vec![Value::Atom(Atom::alias(short)), Value::Atom(*full)])
                })
                .collect(),
        );
        Value::make_struct(
            Atom::alias("Macro.Env"),
            &[
                (Atom::new("aliases"), aliases),
                (Atom::new("context"), Value::NIL_ATOM),
                (Atom::new("context_modules"), Value::Nil),
                (Atom::new("file"), Value::str(self.file.to_string())),
                (Atom::new("function"), function),
                (Atom::new("functions"), Value::Nil),
                (Atom::new("lexical_tracker"), Value::NIL_ATOM),
                (
                    Atom::new("line"),
                    Value::Int(self.line_of(span.start) as i64),
                ),
                (Atom::new("macro_aliases"), Value::Nil),
                (Atom::new("macros"), Value::Nil),
                (Atom::new("module"), module),
                (Atom::new("requires"), requires),
                (Atom::new("tracers"), Value::Nil),
                (Atom::new("versioned_vars"), Value::map(Default::default())),
            ],
        )
    }

    /// Runs `module`'s macro `name` on the quoted `args` and returns the
    /// syntax it expands to; `None` after an error (recorded).
    pub(crate) fn run_macro(
        &mut self,
        module: Atom,
        name: &str,
        args: Vec<Value>,
        span: Span,
    ) -> Option<Expr> {
        let env = self.env_value(span);
        let n = args.len() as u32 + 1;
        let here = self
            .module
            .as_ref()
            .map_or(Atom::new("elixir_compiler_0"), |m| m.name);
        self.push_fn(here, Atom::new("__expand__"), 0);
        self.cur().offset = span.start as u32;
        let entry = self.here();
        self.cur().clauses.push(Clause::new(vec![], None, entry));
        self.emit_const(env);
        for a in args {
            self.emit_const(a);
        }
        self.emit_call(module, macro_function(name), n, false);
        self.emit_return();
        let code = self.pop_fn();
        let value = self.run_now(code, Vec::new(), span)?;
        self.expansions += 1;
        let mut u = Unquoter::new(span, self.expansions).with_lines(self.lines.clone());
        match u.expr(&value) {
            Ok(e) => Some(e),
            Err(msg) => {
                self.error(span.start, msg);
                None
            }
        }
    }

    /// Runs `code` now, with the program's modules compiled so far; its
    /// value, or `None` after recording what it raised.
    pub(crate) fn run_now(
        &mut self,
        code: Arc<crate::code::FnCode>,
        bindings: Vec<Value>,
        span: Span,
    ) -> Option<Value> {
        let modules: Vec<Arc<super::Module>> = self
            .fns
            .iter()
            .flat_map(|f| f.modules.iter().cloned())
            .collect();
        if let Some(m) = &self.module {
            self.known.compiling(
                m.name,
                super::CompilingModule {
                    attributes: m.attributes.clone(),
                    definitions: self.module_defs.clone(),
                },
            );
        }
        match self.known.eval(code, bindings, &modules) {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(CompileError {
                    message: String::new(),
                    offset: span.start,
                    raised: Some(e.report),
                    exception: e.raised,
                });
                None
            }
        }
    }

    /// The quoted forms of a call's arguments, a do block last.
    pub(crate) fn quote_args(&self, args: &[Expr], block: Option<&DoBlock>) -> Vec<Value> {
        let mut q = Quoter {
            context: None,
            lines: &self.lines,
            source: &self.source,
            aliases: &[],
            unquote: false,
            holes: Vec::new(),
        };
        let mut out: Vec<Value> = args.iter().map(|a| q.quote(a)).collect();
        if let Some(b) = block {
            out.push(q.block_keywords(b));
        }
        out
    }

    /// Expands a macro call and compiles what it gives in its place.
    pub(crate) fn expand_call(
        &mut self,
        module: Atom,
        name: &str,
        args: &[Expr],
        block: Option<&DoBlock>,
        whole: &Expr,
        tail: bool,
    ) {
        if self.expansion_depth >= MAX_NESTED_EXPANSIONS {
            self.error(
                whole.span.start,
                format!("expansion of {name} nests more than {MAX_NESTED_EXPANSIONS} macros deep"),
            );
            return;
        }
        let quoted = self.quote_args(args, block);
        match self.run_macro(module, name, quoted, whole.span) {
            Some(e) => {
                self.expansion_depth += 1;
                self.expr(&e, tail);
                self.expansion_depth -= 1;
            }
            None => self.emit_const(Value::NIL_ATOM),
        }
    }

    /// `defmacro name(args) when guard, do: body` as the function it
    /// compiles to: `def :"MACRO-name"(__CALLER__, args) when guard`.
    pub(crate) fn macro_as_def(&mut self, kw: &str, e: &Expr) -> Option<Expr> {
        let ExprKind::Call { args, block, .. } = &e.kind else {
            return None;
        };
        let span = e.span;
        let caller = Expr::new(ExprKind::Var("__CALLER__".into()), span);
        let rename = |head: &Expr| -> Option<Expr> {
            let (name, mut params) = match &head.kind {
                ExprKind::Var(n) => (n.clone(), vec![]),
                ExprKind::Call {
                    target: CallTarget::Local(n),
                    args,
                    block: None,
                    ..
                } => (n.clone(), args.clone()),
                _ => return None,
            };
            params.insert(0, caller.clone());
            Some(Expr::new(
                ExprKind::Call {
                    target: CallTarget::Local(format!("MACRO-{name}")),
                    args: params,
                    parens: true,
                    block: None,
                },
                head.span,
            ))
        };
        let head = args.first()?;
        let new_head = match &head.kind {
            ExprKind::Binary {
                op: BinaryOp::When,
                lhs,
                rhs,
            } => Expr::new(
                ExprKind::Binary {
                    op: BinaryOp::When,
                    lhs: Box::new(rename(lhs)?),
                    rhs: rhs.clone(),
                },
                head.span,
            ),
            _ => rename(head)?,
        };
        let mut new_args = args.clone();
        new_args[0] = new_head;
        Some(Expr::new(
            ExprKind::Call {
                target: CallTarget::Local(if kw == "defmacrop" { "defp" } else { "def" }.into()),
                args: new_args,
                parens: false,
                block: block.clone(),
            },
            span,
        ))
    }

    /// `use Mod, opts`: `require Mod`, then what `Mod.__using__(opts)`
    /// expands to. A library module without `__using__` gives nothing.
    pub(crate) fn use_expansion(&mut self, args: &[Expr], whole: &Expr) -> Option<Expr> {
        let off = whole.span.start;
        let Some(module) = args.first().and_then(|a| self.module_literal(a)) else {
            self.error(
                off,
                "invalid arguments for use, expected a compile time atom or alias",
            );
            return None;
        };
        self.require(module);
        if !self.has_macro(module, "__using__", 1) {
            if crate::library::module_exists(module)
                || crate::library::lazy_unit_for(module).is_some()
                || matches!(
                    module.as_str(),
                    "Elixir.GenServer"
                        | "Elixir.Supervisor"
                        | "Elixir.Agent"
                        | "Elixir.Task"
                        | "Elixir.ExUnit.Case"
                )
            {
                return None;
            }
            self.error(
                off,
                format!(
                    "module {} is not loaded and could not be found",
                    crate::error::module_name(module)
                ),
            );
            return None;
        }
        let opts = match args.get(1) {
            Some(o) => self.quote_args(std::slice::from_ref(o), None),
            None => vec![Value::Nil],
        };
        self.run_macro(module, "__using__", opts, whole.span)
    }

    /// What a module body does with `e` before its definitions are
    /// collected: macros expand, `use` and `@before_compile` run their
    /// hooks, a `for` of `def`s and a `def` with unquote fragments are
    /// evaluated as Elixir runs a module body, a variable the body binds
    /// is bound now.
    pub(crate) fn body_expansion(
        &mut self,
        e: &Expr,
        before_compile: &mut Vec<Atom>,
        overridable: &mut rustc_hash::FxHashSet<(String, usize)>,
    ) -> BodyItem {
        let span = e.span;
        match &e.kind {
            ExprKind::Call {
                target: CallTarget::Local(kw),
                args,
                block,
                ..
            } => match kw.as_str() {
                "defmacro" | "defmacrop" => match self.macro_as_def(kw, e) {
                    Some(d) => return BodyItem::Replace(vec![d]),
                    None => {
                        self.error(span.start, format!("invalid arguments for {kw}"));
                        return BodyItem::Drop;
                    }
                },
                "use" => {
                    return match self.use_expansion(args, e) {
                        Some(x) => BodyItem::Replace(flatten(x)),
                        None => BodyItem::Drop,
                    }
                }
                "require" => {
                    if let Some(m) = args.first().and_then(|a| self.module_literal(a)) {
                        self.require(m);
                    }
                    return BodyItem::Keep;
                }
                "defoverridable" => {
                    for a in args {
                        for (k, v) in super::control::keyword_pairs(a).unwrap_or_default() {
                            if let ExprKind::Int(n) = v.kind {
                                overridable.insert((k, n as usize));
                            }
                        }
                    }
                    return BodyItem::Drop;
                }
                "for"
                    if block.as_ref().is_some_and(|b| {
                        b.sections.iter().any(
                            |s| matches!(&s.body, BlockBody::Exprs(es) if es.iter().any(defines)),
                        )
                    }) || args.iter().any(|a| {
                        super::control::keyword_pairs(a)
                            .is_some_and(|kv| kv.iter().any(|(k, v)| k == "do" && defines(v)))
                    }) =>
                {
                    return self.definitions_by_running(e);
                }
                "def" | "defp" if has_unquote(e) => {
                    let q = call("quote", vec![], Some(do_block(vec![e.clone()], span)), span);
                    return self.expand_by_running(&q, span);
                }
                _ => {}
            },
            // `Enum.each(list, fn pattern -> def ... end)`: a `for`.
            ExprKind::Call {
                target: CallTarget::Remote { module, name },
                args,
                ..
            } if name == "each"
                && matches!(&module.kind, ExprKind::Alias(s) if s.len() == 1 && s[0] == "Enum") =>
            {
                if let [coll, f] = args.as_slice() {
                    if let ExprKind::Fn(clauses) = &f.kind {
                        if let [c] = clauses.as_slice() {
                            if c.args.len() == 1 && c.body.iter().any(defines) {
                                let generator = Expr::new(
                                    ExprKind::Binary {
                                        op: BinaryOp::Send,
                                        lhs: Box::new(c.args[0].clone()),
                                        rhs: Box::new(coll.clone()),
                                    },
                                    span,
                                );
                                let as_for = call(
                                    "for",
                                    vec![generator],
                                    Some(do_block(c.body.clone(), span)),
                                    span,
                                );
                                return self.definitions_by_running(&as_for);
                            }
                        }
                    }
                }
            }
            ExprKind::ModuleAttr {
                name,
                value: Some(v),
            } if name == "before_compile" => {
                match self.module_literal(v) {
                    Some(m) => {
                        self.require(m);
                        before_compile.push(m);
                    }
                    None => self.error(span.start, "invalid @before_compile"),
                }
                return BodyItem::Drop;
            }
            // `names = ...` in the body: bound now, for what runs later
            // while the module compiles.
            ExprKind::Binary {
                op: BinaryOp::Match,
                lhs,
                rhs,
            } => {
                if let ExprKind::Var(var) = &lhs.kind {
                    if !var.starts_with('_') {
                        if let Some(v) = self.eval_attribute(rhs) {
                            self.body_vars.retain(|(n, _)| n != var);
                            self.body_vars.push((var.clone(), v));
                        }
                        return BodyItem::Drop;
                    }
                }
            }
            _ => {}
        }
        if let ExprKind::Call {
            target,
            args,
            block,
            ..
        } = &e.kind
        {
            let arity = args.len() + usize::from(block.is_some());
            if let Some(m) = self.macro_target(target, arity) {
                let name = match target {
                    CallTarget::Local(n) | CallTarget::Remote { name: n, .. } => n.clone(),
                    _ => return BodyItem::Keep,
                };
                let quoted = self.quote_args(args, block.as_ref());
                return match self.run_macro(m, &name, quoted, span) {
                    Some(x) => BodyItem::Replace(flatten(x)),
                    None => BodyItem::Drop,
                };
            }
        }
        BodyItem::Keep
    }

    /// A body-level `for` whose body defines functions: run with its body
    /// quoted, each iteration's definitions join the module.
    fn definitions_by_running(&mut self, e: &Expr) -> BodyItem {
        let span = e.span;
        let ExprKind::Call { args, block, .. } = &e.kind else {
            return BodyItem::Keep;
        };
        let (mut gens, b) = split_blocks(args, block.as_ref());
        let body = match b.do_ {
            Some(super::control::Section::Exprs(es)) => es,
            _ => return BodyItem::Keep,
        };
        for (k, v) in b.options {
            gens.push(Expr::new(
                ExprKind::List {
                    items: vec![Expr::new(
                        ExprKind::Tuple(vec![Expr::new(ExprKind::Atom(k), span), v]),
                        span,
                    )],
                    tail: None,
                },
                span,
            ));
        }
        let q = call("quote", vec![], Some(do_block(body, span)), span);
        let as_for = call("for", gens, Some(do_block(vec![q], span)), span);
        let Some(list) = self.eval_attribute(&as_for) else {
            return BodyItem::Drop;
        };
        let mut out = Vec::new();
        for item in list.iter_list() {
            self.expansions += 1;
            match Unquoter::new(span, self.expansions)
                .with_lines(self.lines.clone())
                .expr(item)
            {
                Ok(x) => out.extend(flatten(x)),
                Err(msg) => self.error(span.start, msg),
            }
        }
        BodyItem::Replace(out)
    }

    /// Runs `e` (a quote) now and takes the code it gives.
    fn expand_by_running(&mut self, e: &Expr, span: Span) -> BodyItem {
        let Some(v) = self.eval_attribute(e) else {
            return BodyItem::Drop;
        };
        self.expansions += 1;
        match Unquoter::new(span, self.expansions)
            .with_lines(self.lines.clone())
            .expr(&v)
        {
            Ok(x) => BodyItem::Replace(flatten(x)),
            Err(msg) => {
                self.error(span.start, msg);
                BodyItem::Drop
            }
        }
    }

    /// `binding()`: the variables visible here, as a keyword list sorted
    /// by name (a macro's own variables are not the caller's, so not
    /// listed).
    pub(crate) fn binding(&mut self) {
        let mut names: Vec<String> = Vec::new();
        for f in self.fns.iter().rev() {
            for scope in &f.scopes {
                names.extend(scope.keys().cloned());
            }
            if f.name.as_str() != "-fun-" {
                break;
            }
        }
        names.retain(|n| {
            n != "_" && !n.starts_with('&') && super::from_quoted::split_hygienic(n).1.is_none()
        });
        names.sort();
        names.dedup();
        let n = names.len();
        for name in &names {
            self.emit_const(Value::atom(name));
            match self.lookup(name) {
                Some(slot) => {
                    self.emit(Op::Local(slot));
                }
                None => self.emit_const(Value::NIL_ATOM),
            }
            self.emit(Op::Tuple(2));
        }
        self.emit_const(Value::Nil);
        self.emit(Op::ListTail(n as u32));
    }
}
