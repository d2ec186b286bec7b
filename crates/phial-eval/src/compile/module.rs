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
    /// `@moduledoc` and `@doc`s, for the shell's `h`.
    pub docs: Option<Arc<super::ModuleDocs>>,
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
    /// How many of the module's imports and aliases come before it: those
    /// after it do not apply to it (they are lexical).
    lexical: (usize, usize),
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
        let body: Vec<Expr> = body.into_iter().map(|e| self.delegate(e)).collect();
        let (struct_regs, generated) = self.struct_decls(name, &body);
        // Pass 1: attributes in order, def clauses, other expressions.
        let mut attributes: FxHashMap<String, Value> = FxHashMap::default();
        let mut clauses: Vec<DefClause> = Vec::new();
        let mut nested: Vec<&Expr> = Vec::new();
        let saved_module = self.module.take();
        // A module's imports end with it.
        let saved_imports = self.imports.len();
        let saved_aliases = self.aliases.len();
        self.module = Some(ModuleCtx {
            name,
            functions: FxHashSet::default(),
            attributes: FxHashMap::default(),
            supers: FxHashMap::default(),
        });
        let mut struct_regs = struct_regs.iter();
        let mut meta = Metadata::default();
        // Attributes registered with `accumulate: true`.
        let mut accumulating: FxHashSet<String> = FxHashSet::default();
        // What macros expand to joins the body where they stood, so the
        // body is a queue; expansions live in `arena` as long as the clauses
        // that borrow from them.
        let arena: typed_arena::Arena<Expr> = typed_arena::Arena::new();
        let mut queue: std::collections::VecDeque<&Expr> =
            body.iter().chain(generated.iter()).collect();
        let saved_requires = self.requires.len();
        let saved_body_vars = std::mem::take(&mut self.body_vars);
        let saved_defs = std::mem::take(&mut self.module_defs);
        let mut before_compile: Vec<Atom> = Vec::new();
        let mut overridable: FxHashSet<(String, usize)> = FxHashSet::default();
        let mut supers: FxHashMap<(Atom, u32), Atom> = FxHashMap::default();
        loop {
            let e: &Expr = match queue.pop_front() {
                Some(e) => e,
                // The end of the body: `@before_compile` hooks add to it.
                None => match before_compile.pop() {
                    Some(hook) => {
                        self.module.as_mut().unwrap().attributes = attributes.clone();
                        let env = self.env_value(whole.span);
                        match self.run_macro(hook, "__before_compile__", vec![env], whole.span) {
                            Some(x) => {
                                for x in super::macros::flatten(x).into_iter().rev() {
                                    queue.push_front(arena.alloc(x));
                                }
                                continue;
                            }
                            None => continue,
                        }
                    }
                    None => break,
                },
            };
            self.module.as_mut().unwrap().attributes = attributes.clone();
            match self.body_expansion(e, &mut before_compile, &mut overridable) {
                super::macros::BodyItem::Keep => {}
                super::macros::BodyItem::Drop => continue,
                super::macros::BodyItem::Replace(items) => {
                    for x in items.into_iter().rev() {
                        queue.push_front(arena.alloc(x));
                    }
                    continue;
                }
            }
            if let Some(name) = registered_accumulating(e) {
                attributes.insert(name.clone(), Value::Nil);
                accumulating.insert(name);
                continue;
            }
            match &e.kind {
                ExprKind::ModuleAttr {
                    name: attr,
                    value: Some(v),
                } => {
                    if self.metadata_attribute(attr, v, &mut meta) {
                        continue;
                    }
                    self.module.as_mut().unwrap().attributes = attributes.clone();
                    let val = match self.constant(v) {
                        Some(val) => Some(val),
                        // The library's attributes are all literals: its
                        // modules load on scheduler threads, which must
                        // not wait for an evaluation.
                        None if self.prelude => {
                            self.error(v.span.start, format!("internal: @{attr} is not a literal"));
                            None
                        }
                        None => self.eval_attribute(v),
                    };
                    if let Some(val) = val {
                        let val = if accumulating.contains(attr.as_str()) {
                            let mut items = vec![val];
                            items.extend(
                                attributes
                                    .get(attr)
                                    .into_iter()
                                    .flat_map(Value::iter_list)
                                    .cloned(),
                            );
                            Value::list(items)
                        } else {
                            val
                        };
                        attributes.insert(attr.clone(), val);
                    }
                }
                ExprKind::Call {
                    target: CallTarget::Local(kw),
                    args,
                    block,
                    ..
                } if kw == "def" || kw == "defp" => {
                    if let Some((fname, arity)) = args.first().and_then(def_name) {
                        // A definition of an overridable function: the
                        // earlier one is what `super` calls.
                        if overridable.remove(&(fname.clone(), arity)) {
                            let hidden = format!("{fname} (overridable 1)");
                            let mut renamed = false;
                            for c in clauses.iter_mut() {
                                if c.name == fname && c.args.len() == arity {
                                    c.name = hidden.clone();
                                    c.private = true;
                                    renamed = true;
                                }
                            }
                            if renamed {
                                supers
                                    .insert((Atom::new(&fname), arity as u32), Atom::new(&hidden));
                            }
                        }
                    }
                    if let Some(c) = self.def_clause(
                        kw == "defp",
                        args,
                        block.as_ref(),
                        e.span.start,
                        &attributes,
                    ) {
                        let key = (Atom::new(&c.name), c.args.len() as u32);
                        let impl_mark = meta.pending_impl.take();
                        let doc = meta.pending_doc.take();
                        let first = !meta.defined_at.iter().any(|(k, _, _)| *k == key);
                        if first && !c.private {
                            meta.docs.functions.push(super::FunctionDoc {
                                name: key.0,
                                arity: key.1,
                                signature: super::docs::signature(&c.name, &c.args, &self.source),
                                hidden: matches!(doc, Some(None)),
                                doc: doc.flatten(),
                            });
                        }
                        if !meta.defined_at.iter().any(|(k, _, _)| *k == key) {
                            self.module_defs.push((key.0, key.1, c.private));
                            meta.defined_at.push((key, c.offset, impl_mark));
                        }
                        clauses.push(c);
                    }
                }
                ExprKind::Call {
                    target: CallTarget::Local(kw),
                    args: directive_args,
                    ..
                } if matches!(
                    kw.as_str(),
                    "use"
                        | "import"
                        | "alias"
                        | "require"
                        | "defstruct"
                        | "defexception"
                        | "defguard"
                        | "defguardp"
                ) =>
                {
                    if kw == "import" {
                        self.import(directive_args, e.span.start);
                    }
                    if kw == "alias" {
                        self.alias_directive(directive_args, e.span.start);
                    }
                    if kw == "defguard" || kw == "defguardp" {
                        self.defguard(kw == "defguardp", directive_args, e.span.start);
                    }
                    if kw == "defstruct" || kw == "defexception" {
                        if let Some(reg) = struct_regs.next() {
                            nested.push(reg);
                        }
                    }
                }
                _ => {
                    self.alias_nested(e);
                    nested.push(e)
                }
            }
        }
        self.module.as_mut().unwrap().supers = supers;
        let (all_imports, all_aliases) = (self.imports.clone(), self.aliases.clone());
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
        self.check_default_conflicts(&clauses);
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
            docs: None,
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
            // Default arguments: the shorter arities call this one. One that
            // also has clauses of its own gets the call as its last clause
            // (below), as Elixir adds it when the defaults are declared and
            // refuses clauses of that arity after them.
            if let Some(with_defaults) =
                group.iter().find(|c| c.args.iter().any(|a| is_default(&a)))
            {
                let ndef = with_defaults.args.iter().filter(is_default).count();
                for k in 1..=ndef {
                    let short = *arity - k as u32;
                    if with_defaults.private {
                        module.private.insert((fatom, short));
                    }
                    if order.contains(&(fname.clone(), short)) {
                        continue;
                    }
                    self.push_fn(name, fatom, short);
                    self.default_clause(name, fatom, with_defaults, short as usize);
                    let code = self.pop_fn();
                    module.functions.insert((fatom, short), code);
                }
            }
            let bodies: Vec<&&DefClause> = group.iter().filter(|c| c.body.is_some()).collect();
            // Defaults of a longer arity that end in this one.
            // (One per longer arity: its first clause declares the defaults.)
            let mut longer: Vec<&DefClause> = Vec::new();
            for c in clauses.iter().filter(|c| &c.name == fname) {
                let (len, d) = (c.args.len(), c.args.iter().filter(is_default).count());
                if len as u32 > *arity
                    && (len - d) as u32 <= *arity
                    && !longer.iter().any(|p| p.args.len() == len)
                {
                    longer.push(c);
                }
            }
            if bodies.is_empty() && longer.is_empty() {
                continue;
            }
            self.push_fn(name, fatom, *arity);
            for c in bodies {
                self.module.as_mut().unwrap().attributes = c.attributes.clone();
                self.imports = all_imports[..c.lexical.0].to_vec();
                self.aliases = all_aliases[..c.lexical.1].to_vec();
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
            for c in longer {
                self.default_clause(name, fatom, c, *arity as usize);
            }
            let code = self.pop_fn();
            module.functions.insert((fatom, *arity), code);
        }
        self.module.as_mut().unwrap().attributes = attributes;
        // The library's too: `h` shows them (a unit's docs cost a few
        // strings when it loads, and most units load lazily).
        module.docs = Some(Arc::new(std::mem::take(&mut meta.docs)));
        self.behaviour_parts(&mut module, meta, off);
        self.imports = all_imports;
        self.aliases = all_aliases;
        // Nested modules and other expressions run when the definition runs.
        // The last one's value is the body's (see `Op::DefModule`).
        if nested.is_empty() {
            self.emit_const(Value::NIL_ATOM);
        }
        for (k, e) in nested.iter().enumerate() {
            self.expr(e, false);
            if k + 1 < nested.len() {
                self.emit(Op::Pop);
            }
        }
        self.module = saved_module;
        self.requires.truncate(saved_requires);
        self.body_vars = saved_body_vars;
        self.module_defs = saved_defs;
        self.imports.truncate(saved_imports);
        self.aliases.truncate(saved_aliases);
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

    /// Attributes that describe the module rather than hold a value for
    /// its functions: kept in `meta`, or without effect (typespecs, docs).
    /// Returns whether `attr` was one.
    fn metadata_attribute(&mut self, attr: &str, v: &Expr, meta: &mut Metadata) -> bool {
        match attr {
            "callback" | "macrocallback" => {
                match spec_name_arity(v) {
                    Some(na) => meta.callbacks.push(na),
                    None => self.error(v.span.start, format!("invalid @{attr} specification")),
                }
                true
            }
            "optional_callbacks" => {
                if let Some(list) = self.constant(v) {
                    for item in list.iter_list() {
                        if let Value::Tuple(t) = item {
                            if let (Some(Value::Atom(n)), Some(Value::Int(a))) =
                                (t.first(), t.get(1))
                            {
                                meta.optional.push((*n, *a as u32));
                            }
                        }
                    }
                }
                true
            }
            "behaviour" => {
                match &v.kind {
                    ExprKind::Alias(segs) => meta.behaviours.push(self.alias_of(segs)),
                    ExprKind::Atom(a) => meta.behaviours.push(Atom::new(a)),
                    _ => {}
                }
                true
            }
            "impl" => {
                meta.pending_impl = Some(match &v.kind {
                    ExprKind::Atom(a) if a == "false" => None,
                    ExprKind::Atom(a) => Some(a.clone()),
                    ExprKind::Alias(segs) => Some(segs.join(".")),
                    _ => Some("true".into()),
                });
                true
            }
            "doc" => {
                meta.pending_doc = super::docs::doc_text(v);
                true
            }
            "moduledoc" => {
                meta.docs.moduledoc = super::docs::doc_text(v).flatten();
                true
            }
            "typedoc" | "spec" | "type" | "typep" | "opaque" | "dialyzer" | "compile"
            | "deprecated" | "since" => true,
            _ => false,
        }
    }

    /// A behaviour's `behaviour_info/1`, and Elixir's warning for each
    /// callback of an implemented behaviour that the module lacks.
    fn behaviour_parts(&mut self, module: &mut Module, meta: Metadata, off: usize) {
        if !meta.callbacks.is_empty() {
            let as_list = |items: &[(Atom, u32)]| {
                Value::list(
                    items
                        .iter()
                        .map(|(n, a)| Value::tuple(vec![Value::Atom(*n), Value::Int(*a as i64)]))
                        .collect(),
                )
            };
            let info = Atom::new("behaviour_info");
            self.push_fn(module.name, info, 1);
            for (key, value) in [
                ("callbacks", as_list(&meta.callbacks)),
                ("optional_callbacks", as_list(&meta.optional)),
            ] {
                let entry = self.here();
                self.cur().clauses.push(Clause::new(
                    vec![crate::code::Pat::Lit(Value::atom(key))],
                    None,
                    entry,
                ));
                self.emit_const(value);
                self.emit_return();
            }
            let code = self.pop_fn();
            module.functions.insert((info, 1), code);
            self.behaviours
                .insert(module.name, (meta.callbacks.clone(), meta.optional.clone()));
        }
        self.impl_warnings(module.name, &meta);
        for b in meta.behaviours {
            let Some((callbacks, optional)) = self.behaviours.get(&b).cloned() else {
                continue;
            };
            for cb in callbacks.iter().filter(|cb| !optional.contains(cb)) {
                if !module.functions.contains_key(cb) {
                    let line = self.line_of(off);
                    self.known.warn(&format!(
                        "warning: function {}/{} required by behaviour {} is not implemented (in module {})\n  {}:{line}: {} (module)\n\n",
                        cb.0.as_str(),
                        cb.1,
                        crate::error::module_name(b),
                        crate::error::module_name(module.name),
                        self.file,
                        crate::error::module_name(module.name),
                    ));
                }
            }
        }
    }

    /// Elixir's warnings about `@impl`: one on a function no behaviour
    /// of the module declares, one in a module without behaviours, and,
    /// once a module uses `@impl`, one for each callback defined without.
    fn impl_warnings(&mut self, module: Atom, meta: &Metadata) {
        let name = crate::error::module_name(module);
        let known: Vec<(Atom, Atom, u32)> = meta
            .behaviours
            .iter()
            .filter_map(|b| self.behaviours.get(b).map(|(cbs, _)| (b, cbs)))
            .flat_map(|(b, cbs)| cbs.iter().map(move |(n, a)| (*b, *n, *a)))
            .collect();
        let uses_impl = meta.defined_at.iter().any(|(_, _, m)| m.is_some());
        let mut texts = Vec::new();
        for ((f, a), off, mark) in &meta.defined_at {
            let line = self.line_of(*off);
            let at = format!("  {}:{line}: {name} (module)\n\n", self.file);
            let callback_of = known.iter().find(|(_, n, ar)| n == f && ar == a);
            match mark {
                Some(Some(text)) if meta.behaviours.is_empty() => texts.push(format!(
                    "warning: got \"@impl {text}\" for function {}/{a} but no behaviour was declared\n{at}",
                    f.as_str()
                )),
                Some(Some(text)) if callback_of.is_none() && !known.is_empty() => {
                    let mut list: Vec<String> = known
                        .iter()
                        .map(|(b, n, ar)| {
                            format!(
                                "  * {}.{}/{ar} (function)",
                                crate::error::module_name(*b),
                                n.as_str()
                            )
                        })
                        .collect();
                    list.sort();
                    texts.push(format!(
                        "warning: got \"@impl {text}\" for function {}/{a} but no behaviour specifies such callback. The known callbacks are:\n\n{}\n\n{at}",
                        f.as_str(),
                        list.join("\n")
                    ));
                }
                None if uses_impl => {
                    if let Some((b, _, _)) = callback_of {
                        texts.push(format!(
                            "warning: module attribute @impl was not set for function {}/{a} callback (specified in {}). This either means you forgot to add the \"@impl true\" annotation before the definition or that you are accidentally overriding this callback\n{at}",
                            f.as_str(),
                            crate::error::module_name(*b)
                        ));
                    }
                }
                _ => {}
            }
        }
        for t in texts {
            self.known.warn(&t);
        }
    }

    /// Runs an attribute's expression now, as Elixir runs a module body
    /// while compiling it: the library, the attributes above it and the
    /// program's modules defined before this one are in reach; the
    /// module's own functions are not (they do not exist yet).
    pub(crate) fn eval_attribute(&mut self, v: &Expr) -> Option<Value> {
        let module = self.module.as_ref()?.name;
        let errors = self.errors.len();
        self.push_fn(module, Atom::new("__attribute__"), 0);
        // The module body's variables arrive as captures.
        let vars = self.body_vars.clone();
        for (i, (name, _)) in vars.iter().enumerate() {
            let f = self.cur();
            let slot = f.nlocals;
            f.nlocals += 1;
            f.captures.push((i as u32, slot));
            f.scopes[0].insert(name.clone(), slot);
        }
        let entry = self.here();
        self.cur().clauses.push(Clause::new(vec![], None, entry));
        self.push_scope();
        self.expr(v, false);
        self.emit_return();
        self.pop_scope();
        let code = self.pop_fn();
        if self.errors.len() > errors {
            return None;
        }
        self.run_now(code, vars.into_iter().map(|(_, v)| v).collect(), v.span)
    }

    /// `defdelegate f(a, b), to: Mod, as: :g` becomes
    /// `def f(a, b), do: Mod.g(a, b)`; anything else is returned as it is.
    fn delegate(&mut self, e: Expr) -> Expr {
        let ExprKind::Call {
            target: CallTarget::Local(kw),
            args,
            ..
        } = &e.kind
        else {
            return e;
        };
        if kw != "defdelegate" {
            return e;
        }
        let span = e.span;
        let (head, opts) = match args.as_slice() {
            [head, opts] => (head, keyword_pairs(opts).unwrap_or_default()),
            _ => {
                self.error(span.start, "invalid arguments for defdelegate");
                return Expr::new(ExprKind::Block(vec![]), span);
            }
        };
        let Some(to) = opts.iter().find(|(k, _)| k == "to").map(|(_, v)| v.clone()) else {
            self.error(span.start, "missing :to option in defdelegate");
            return Expr::new(ExprKind::Block(vec![]), span);
        };
        let (name, params) = match &head.kind {
            ExprKind::Call {
                target: CallTarget::Local(n),
                args,
                ..
            } => (n.clone(), args.clone()),
            ExprKind::Var(n) => (super::from_quoted::display_name(n).to_string(), vec![]),
            _ => {
                self.error(span.start, "invalid function head in defdelegate");
                return Expr::new(ExprKind::Block(vec![]), span);
            }
        };
        let target_name = match opts.iter().find(|(k, _)| k == "as").map(|(_, v)| &v.kind) {
            Some(ExprKind::Atom(a)) => a.clone(),
            _ => name,
        };
        // The call passes every parameter, defaults included.
        let call_args = params
            .iter()
            .map(|p| match &p.kind {
                ExprKind::Binary {
                    op: BinaryOp::Default,
                    lhs,
                    ..
                } => (**lhs).clone(),
                _ => p.clone(),
            })
            .collect();
        let call = Expr::new(
            ExprKind::Call {
                target: CallTarget::Remote {
                    module: Box::new(to),
                    name: target_name,
                },
                args: call_args,
                parens: true,
                block: None,
            },
            span,
        );
        Expr::new(
            ExprKind::Call {
                target: CallTarget::Local("def".into()),
                args: vec![head.clone()],
                parens: false,
                block: Some(DoBlock {
                    sections: vec![BlockSection {
                        label: BlockLabel::Do,
                        body: BlockBody::Exprs(vec![call]),
                        span,
                    }],
                    span,
                }),
            },
            span,
        )
    }

    /// `alias Mod`, `alias Mod, as: Name`, `alias Mod.{A, B}`.
    pub(crate) fn alias_directive(&mut self, args: &[Expr], off: usize) {
        let Some(target) = args.first() else {
            self.error(off, "invalid arguments for alias");
            return;
        };
        let opts = args.get(1).and_then(keyword_pairs).unwrap_or_default();
        let as_name = opts.iter().find(|(k, _)| k == "as").map(|(_, v)| v);
        match &target.kind {
            ExprKind::Alias(segs) => {
                let full = self.alias_of(segs);
                self.push_alias(full.as_str().trim_start_matches("Elixir."), as_name, off);
            }
            ExprKind::Atom(a) => match as_name.map(|e| &e.kind) {
                Some(ExprKind::Alias(s)) if s.len() == 1 => {
                    self.aliases.push((s[0].clone(), Atom::new(a)));
                }
                // `alias :lists` alone is allowed and does nothing.
                _ => {}
            },
            // `alias __MODULE__` and `alias __MODULE__.Sub`.
            ExprKind::Var(v) if v == "__MODULE__" => {
                if let Some(m) = self.module.as_ref().map(|m| m.name) {
                    let full = m.as_str().trim_start_matches("Elixir.").to_string();
                    self.push_alias(&full, as_name, off);
                }
            }
            ExprKind::Call {
                target: CallTarget::Remote { module, name },
                args: none,
                parens: false,
                ..
            } if none.is_empty()
                && matches!(&module.kind, ExprKind::Var(v) if v == "__MODULE__")
                && name.starts_with(|c: char| c.is_ascii_uppercase()) =>
            {
                if let Some(m) = self.module.as_ref().map(|m| m.name) {
                    let full = format!("{}.{name}", m.as_str().trim_start_matches("Elixir."));
                    self.push_alias(&full, as_name, off);
                }
            }
            // `alias Base.{A, B.C}`.
            ExprKind::Call {
                target: CallTarget::Remote { module, name },
                args: items,
                ..
            } if name == "{}" => {
                let ExprKind::Alias(base) = &module.kind else {
                    self.error(off, "invalid argument for alias");
                    return;
                };
                for item in items {
                    match &item.kind {
                        ExprKind::Alias(rest) => {
                            let mut segs = base.clone();
                            segs.extend(rest.iter().cloned());
                            let full = self.alias_of(&segs);
                            let short = rest.last().cloned().unwrap_or_default();
                            self.aliases.push((short, full));
                        }
                        _ => self.error(item.span.start, "invalid argument for alias"),
                    }
                }
            }
            _ => self.error(off, "invalid argument for alias"),
        }
    }

    /// Aliases the dotted module `full` as `as:` or as its last part.
    fn push_alias(&mut self, full: &str, as_name: Option<&Expr>, off: usize) {
        let short = match as_name.map(|e| &e.kind) {
            Some(ExprKind::Alias(a)) if a.len() == 1 => a[0].clone(),
            Some(_) => {
                self.error(off, "invalid value for option :as, expected a simple alias");
                return;
            }
            None => full.rsplit('.').next().unwrap_or(full).to_string(),
        };
        self.aliases.push((short, Atom::alias(full)));
    }

    /// A `defmodule Inner` inside a module also aliases `Inner` to its
    /// full name for the rest of the outer module, as Elixir does.
    fn alias_nested(&mut self, e: &Expr) {
        let ExprKind::Call {
            target: CallTarget::Local(kw),
            args,
            ..
        } = &e.kind
        else {
            return;
        };
        if kw != "defmodule" {
            return;
        }
        let (Some(ExprKind::Alias(segs)), Some(outer)) =
            (args.first().map(|a| &a.kind), self.module.as_ref())
        else {
            return;
        };
        let Some(first) = segs.first() else {
            return;
        };
        let full = Atom::alias(&format!(
            "{}.{first}",
            outer.name.as_str().trim_start_matches("Elixir.")
        ));
        self.aliases.push((first.clone(), full));
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
            ExprKind::Var(n) => (super::from_quoted::display_name(n).to_string(), vec![]),
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
            lexical: (self.imports.len(), self.aliases.len()),
        })
    }

    /// The clause of `f/given` that a definition with defaults adds: it
    /// fills the missing arguments and calls the full arity. Required
    /// parameters take the given arguments first; leftover arguments go to
    /// defaults from the left. Added to the function being compiled.
    fn default_clause(
        &mut self,
        module: Atom,
        name: Atom,
        with_defaults: &DefClause,
        given: usize,
    ) {
        self.module.as_mut().unwrap().attributes = with_defaults.attributes.clone();
        let params = &with_defaults.args;
        let required = params.len() - params.iter().filter(is_default).count();
        let mut defaults_taken = given.saturating_sub(required);
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
    }

    /// Elixir's checks of defaults against other arities, in definition
    /// order: a definition whose defaults cover an arity declared before,
    /// or one of an arity that earlier defaults cover, does not compile
    /// (the defaults' clause is already in that arity).
    fn check_default_conflicts(&mut self, clauses: &[DefClause]) {
        // (name, arity, defaults) of each definition that declared defaults.
        let mut declared: Vec<(&str, usize, usize)> = Vec::new();
        for c in clauses {
            let arity = c.args.len();
            let defaults = c.args.iter().filter(is_default).count();
            let kind = if c.private { "defp" } else { "def" };
            let conflict = declared.iter().find(|&&(n, a, d)| {
                n == c.name
                    && a != arity
                    && ((arity + d >= a && arity < a) || (a + defaults >= arity && a < arity))
            });
            if let Some(&(_, a, _)) = conflict {
                let message = if arity > a {
                    format!(
                        "{kind} {}/{arity} defaults conflicts with {}/{a}",
                        c.name, c.name
                    )
                } else {
                    format!(
                        "{kind} {}/{arity} conflicts with defaults from {}/{a}",
                        c.name, c.name
                    )
                };
                self.error(c.offset, message);
                return;
            }
            if defaults > 0 && !declared.iter().any(|&(n, a, _)| n == c.name && a == arity) {
                declared.push((&c.name, arity, defaults));
            }
        }
    }
}

/// What a module body declares about itself rather than computes: its
/// callbacks (it is a behaviour) and the behaviours it implements.
#[derive(Default)]
struct Metadata {
    callbacks: Vec<(Atom, u32)>,
    optional: Vec<(Atom, u32)>,
    behaviours: Vec<Atom>,
    /// An `@impl` waiting for the next `def`: its text (`true`, `N`), or
    /// `None` for `@impl false`.
    pending_impl: Option<ImplMark>,
    /// A `@doc` waiting for the next `def` (see `docs::doc_text`).
    pending_doc: Option<Option<String>>,
    docs: super::ModuleDocs,
    /// Each function, where it is first defined and the `@impl` it had.
    defined_at: Vec<((Atom, u32), usize, Option<ImplMark>)>,
}

/// What an `@impl` said: `Some("true")`, `Some("N")`, or `None` for false.
type ImplMark = Option<String>;

/// The name and arity a typespec declares: `name(args) :: type`, with an
/// optional `when` clause.
fn spec_name_arity(e: &Expr) -> Option<(Atom, u32)> {
    let mut e = e;
    loop {
        match &e.kind {
            ExprKind::Binary {
                op: BinaryOp::When | BinaryOp::Type,
                lhs,
                ..
            } => e = lhs,
            ExprKind::Call {
                target: CallTarget::Local(n),
                args,
                ..
            } => return Some((Atom::new(n), args.len() as u32)),
            ExprKind::Var(n) => return Some((Atom::new(super::from_quoted::display_name(n)), 0)),
            _ => return None,
        }
    }
}

/// `Module.register_attribute(__MODULE__, :name, accumulate: true)`: the
/// attribute's name.
fn registered_accumulating(e: &Expr) -> Option<String> {
    let ExprKind::Call {
        target: CallTarget::Remote { module, name },
        args,
        ..
    } = &e.kind
    else {
        return None;
    };
    let (ExprKind::Alias(m), [_, attr, opts]) = (&module.kind, args.as_slice()) else {
        return None;
    };
    if m.len() != 1 || m[0] != "Module" || name != "register_attribute" {
        return None;
    }
    let ExprKind::Atom(attr) = &attr.kind else {
        return None;
    };
    keyword_pairs(opts)?
        .iter()
        .any(|(k, v)| k == "accumulate" && matches!(&v.kind, ExprKind::Atom(t) if t == "true"))
        .then(|| attr.clone())
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
        ExprKind::Var(n) => Some((super::from_quoted::display_name(n).to_string(), 0)),
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
