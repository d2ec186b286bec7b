//! Lowering of the special forms with clauses or blocks: `if`, `unless`,
//! `case`, `cond`, `receive`, `try`, `with`, `for`, `raise`, `apply`, and the
//! dispatch to `defmodule`.
//!
//! `do ... end` blocks and `do:`/`else:` keywords are unified here first
//! (`Blocks`), so every form handles both spellings the same way.
//!
//! Not here: plain expressions and calls (`expr`), patterns (`pattern`).

use super::Compiler;
use crate::atom::Atom;
use crate::code::{Handler, Op, Pat, Switch, SwitchClause, SwitchKind};
use crate::value::Value;
use phial_syntax::ast::*;

/// One section of a block: plain expressions or `->` clauses.
#[derive(Clone)]
pub(crate) enum Section {
    Exprs(Vec<Expr>),
    Clauses(Vec<StabClause>),
}

#[derive(Default, Clone)]
pub(crate) struct Blocks {
    pub do_: Option<Section>,
    pub else_: Option<Section>,
    pub after: Option<Section>,
    pub rescue: Option<Section>,
    pub catch: Option<Section>,
    /// Other keyword options (`into:`, `reduce:`, `uniq:`).
    pub options: Vec<(String, Expr)>,
}

fn section_of(body: &BlockBody) -> Section {
    match body {
        BlockBody::Exprs(e) => Section::Exprs(e.clone()),
        BlockBody::Clauses(c) => Section::Clauses(c.clone()),
    }
}

/// A trailing keyword list `[do: x, else: y]` as (key, value) pairs.
pub(crate) fn keyword_pairs(e: &Expr) -> Option<Vec<(String, Expr)>> {
    let ExprKind::List { items, tail: None } = &e.kind else {
        return None;
    };
    let mut out = Vec::new();
    for it in items {
        let ExprKind::Tuple(kv) = &it.kind else {
            return None;
        };
        if kv.len() != 2 {
            return None;
        }
        let ExprKind::Atom(k) = &kv[0].kind else {
            return None;
        };
        out.push((k.clone(), kv[1].clone()));
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// Splits a special form's arguments into positional ones and its blocks.
pub(crate) fn split_blocks(args: &[Expr], block: Option<&DoBlock>) -> (Vec<Expr>, Blocks) {
    let mut blocks = Blocks::default();
    let mut positional: Vec<Expr> = args.to_vec();
    if let Some(b) = block {
        for s in &b.sections {
            let sec = Some(section_of(&s.body));
            match s.label {
                BlockLabel::Do => blocks.do_ = sec,
                BlockLabel::Else => blocks.else_ = sec,
                BlockLabel::After => blocks.after = sec,
                BlockLabel::Rescue => blocks.rescue = sec,
                BlockLabel::Catch => blocks.catch = sec,
            }
        }
    }
    if let Some(last) = positional.last() {
        if let Some(pairs) = keyword_pairs(last) {
            let is_opts = pairs.iter().any(|(k, _)| k == "do") || block.is_some();
            if is_opts {
                positional.pop();
                for (k, v) in pairs {
                    // `do: (a -> b; c -> d)` carries clauses in a parenthesised stab.
                    let sec = Some(match &v.kind {
                        ExprKind::Stab(clauses) => Section::Clauses(clauses.clone()),
                        _ => Section::Exprs(vec![v.clone()]),
                    });
                    match k.as_str() {
                        "do" => blocks.do_ = sec,
                        "else" => blocks.else_ = sec,
                        "after" => blocks.after = sec,
                        "rescue" => blocks.rescue = sec,
                        "catch" => blocks.catch = sec,
                        _ => blocks.options.push((k, v)),
                    }
                }
            }
        }
    }
    (positional, blocks)
}

impl<'k> Compiler<'k> {
    /// Compiles `name(args)` if it is a special form; returns whether it was.
    pub(crate) fn special_form(
        &mut self,
        name: &str,
        args: &[Expr],
        block: Option<&DoBlock>,
        whole: &Expr,
        tail: bool,
    ) -> bool {
        let off = whole.span.start;
        // A module's own function with a special form's name would shadow
        // it; only the names below are special.
        match name {
            "if" | "unless" => {
                let (pos, b) = split_blocks(args, block);
                if pos.len() != 1 || b.do_.is_none() {
                    self.error(
                        off,
                        format!(
                            "invalid arguments for {name}: expected a condition and a do block"
                        ),
                    );
                    return true;
                }
                let (then, els) = if name == "if" {
                    (b.do_, b.else_)
                } else {
                    (b.else_, b.do_)
                };
                self.expr(&pos[0], false);
                let jf = self.emit(Op::JumpIfFalsy(0));
                self.section_body(then.as_ref(), tail);
                let end = self.emit(Op::Jump(0));
                self.patch(jf);
                self.section_body(els.as_ref(), tail);
                self.patch(end);
            }
            "case" => {
                let (pos, b) = split_blocks(args, block);
                let Some(Section::Clauses(clauses)) = b.do_ else {
                    self.error(off, "expected -> clauses for :do in \"case\"");
                    return true;
                };
                if pos.len() != 1 {
                    self.error(off, "invalid arguments for case");
                    return true;
                }
                self.expr(&pos[0], false);
                self.set_offset(whole.span);
                self.switch(&clauses, SwitchKind::Case, tail, None);
            }
            // `match?(pattern, expr)`: a `case` that says whether the
            // pattern (with its guard) matches; its variables stay inside.
            "match?" if args.len() == 2 => {
                let (pat, guard) = match &args[0].kind {
                    ExprKind::Binary {
                        op: BinaryOp::When,
                        lhs,
                        rhs,
                    } => ((**lhs).clone(), Some((**rhs).clone())),
                    _ => (args[0].clone(), None),
                };
                let span = whole.span;
                let atom = |a: &str| Expr::new(ExprKind::Atom(a.into()), span);
                let clauses = vec![
                    StabClause {
                        args: vec![pat],
                        guard,
                        body: vec![atom("true")],
                        span,
                    },
                    StabClause {
                        args: vec![Expr::new(ExprKind::Var("_".into()), span)],
                        guard: None,
                        body: vec![atom("false")],
                        span,
                    },
                ];
                self.expr(&args[1], false);
                self.set_offset(span);
                self.switch(&clauses, SwitchKind::Case, tail, None);
            }
            "cond" => {
                let (_, b) = split_blocks(args, block);
                let Some(Section::Clauses(clauses)) = b.do_ else {
                    self.error(off, "expected -> clauses for :do in \"cond\"");
                    return true;
                };
                let mut ends = Vec::new();
                for c in &clauses {
                    if c.args.len() != 1 {
                        self.error(c.span.start, "expected one condition per cond clause");
                        continue;
                    }
                    self.expr(&c.args[0], false);
                    let jf = self.emit(Op::JumpIfFalsy(0));
                    self.push_scope();
                    self.body(&c.body, tail);
                    self.pop_scope();
                    ends.push(self.emit(Op::Jump(0)));
                    self.patch(jf);
                }
                self.set_offset(whole.span);
                self.emit(Op::CondFail);
                for e in ends {
                    self.patch(e);
                }
            }
            "receive" => self.receive(args, block, whole, tail),
            "try" => self.try_form(args, block, whole, tail),
            "with" => self.with_form(args, block, whole, tail),
            "for" => self.for_form(args, block, whole, tail),
            "raise" | "reraise" => {
                let n = if name == "reraise" {
                    args.len().saturating_sub(1)
                } else {
                    args.len()
                };
                if n == 0 || n > 2 {
                    self.error(off, self.undefined_local(name, args.len()));
                    return true;
                }
                for a in &args[..n] {
                    self.expr(a, false);
                }
                self.set_offset(whole.span);
                self.emit_bif_named(":phial", "raise", n);
            }
            "apply" => {
                if args.len() != 2 && args.len() != 3 {
                    return false;
                }
                for a in args {
                    self.expr(a, false);
                }
                self.set_offset(whole.span);
                let tail = self.tail_ok(tail);
                self.emit(Op::Apply {
                    argc: args.len() as u8,
                    tail,
                });
            }
            "defmodule" => self.defmodule(args, block, whole),
            "defprotocol" => self.defprotocol(args, block, whole),
            "defimpl" => self.defimpl(args, block, whole),
            "def" | "defp" => {
                self.error(off, format!("cannot invoke {name}/2 outside module"));
            }
            "import" | "alias" | "require" => {
                // Each returns the module it names (resolved before an
                // `alias` takes effect).
                let named = args
                    .first()
                    .and_then(|a| self.module_literal(a))
                    .map_or(Value::OK, Value::Atom);
                match name {
                    "import" => self.import(args, off),
                    "alias" => self.alias_directive(args, off),
                    _ => {
                        if let Value::Atom(m) = named {
                            self.require(m);
                        }
                    }
                }
                self.emit_const(named);
            }
            "use" => match self.use_expansion(args, whole) {
                Some(e) => {
                    self.expansion_depth += 1;
                    self.expr(&e, tail);
                    self.expansion_depth -= 1;
                }
                None => self.emit_const(Value::NIL_ATOM),
            },
            "binding" if args.is_empty() && block.is_none() => self.binding(),
            "defmacro" | "defmacrop" => {
                self.error(off, format!("cannot invoke {name}/2 outside module"));
            }
            "__MODULE__" => {
                let m = self.module.as_ref().map(|m| m.name).unwrap_or(Atom::NIL);
                self.emit_const(Value::Atom(m));
            }
            _ => return false,
        }
        true
    }

    pub(crate) fn section_body(&mut self, s: Option<&Section>, tail: bool) {
        self.push_scope();
        match s {
            None => self.emit_const(Value::NIL_ATOM),
            Some(Section::Exprs(e)) => self.body(e, tail),
            Some(Section::Clauses(c)) => {
                let off = c.first().map(|c| c.span.start).unwrap_or(0);
                self.error(off, "unexpected -> clauses in this block");
            }
        }
        self.pop_scope();
    }

    /// Reserves a switch slot to be filled once its targets are known.
    fn reserve_switch(&mut self, kind: SwitchKind) -> u32 {
        let f = self.cur();
        f.switches.push(Switch::new(kind));
        (f.switches.len() - 1) as u32
    }

    /// Compiles `->` clauses over the value on the stack (already emitted).
    /// With `receive_after`, emits a `Receive` instead of a `Switch`.
    fn switch(
        &mut self,
        clauses: &[StabClause],
        kind: SwitchKind,
        tail: bool,
        receive_after: Option<&Section>,
    ) {
        let idx = self.reserve_switch(kind);
        let op_at = if kind == SwitchKind::Receive {
            self.emit(Op::Receive {
                switch: idx,
                after: 0,
            })
        } else {
            self.emit(Op::Switch(idx))
        };
        let mut ends = Vec::new();
        let mut compiled = Vec::new();
        for c in clauses {
            if c.args.len() != 1 {
                self.error(c.span.start, "expected one pattern per clause");
                continue;
            }
            self.push_scope();
            let pat = self.pattern(&c.args[0]);
            let guard = c.guard.as_ref().map(|g| self.guard(g));
            let target = self.here();
            self.body(&c.body, tail);
            ends.push(self.emit(Op::Jump(0)));
            self.pop_scope();
            compiled.push(SwitchClause { pat, guard, target });
        }
        if kind == SwitchKind::Receive {
            self.patch(op_at);
            self.section_body(receive_after, tail);
        }
        for e in ends {
            self.patch(e);
        }
        self.cur().switches[idx as usize].clauses = compiled;
    }

    fn receive(&mut self, args: &[Expr], block: Option<&DoBlock>, whole: &Expr, tail: bool) {
        let (_, b) = split_blocks(args, block);
        let clauses = match b.do_ {
            Some(Section::Clauses(c)) => c,
            None => Vec::new(),
            Some(Section::Exprs(e)) if e.is_empty() => Vec::new(),
            Some(Section::Exprs(_)) => {
                self.error(
                    whole.span.start,
                    "expected -> clauses for :do in \"receive\"",
                );
                return;
            }
        };
        let (timeout, after_body) = match b.after {
            None => (None, None),
            Some(Section::Clauses(c)) if c.len() == 1 && c[0].args.len() == 1 => (
                Some(c[0].args[0].clone()),
                Some(Section::Exprs(c[0].body.clone())),
            ),
            _ => {
                self.error(
                    whole.span.start,
                    "expected a single -> clause for :after in \"receive\"",
                );
                return;
            }
        };
        match &timeout {
            Some(t) => self.expr(t, false),
            None => self.emit_const(Value::Atom(Atom::INFINITY)),
        }
        self.set_offset(whole.span);
        self.switch(&clauses, SwitchKind::Receive, tail, after_body.as_ref());
    }

    fn try_form(&mut self, args: &[Expr], block: Option<&DoBlock>, whole: &Expr, _tail: bool) {
        let (_, b) = split_blocks(args, block);
        let h = self.cur().handlers.len() as u32;
        self.cur().handlers.push(Handler {
            clauses: Vec::new(),
            catch_from: 0,
            reraise_via: None,
        });
        self.emit(Op::TryEnter(h));
        self.cur().try_depth += 1;
        self.section_body(b.do_.as_ref(), false);
        self.cur().try_depth -= 1;
        self.emit(Op::TryExit);
        // `else` clauses apply to the body's value.
        if let Some(Section::Clauses(c)) = &b.else_ {
            self.switch(c, SwitchKind::TryElse, false, None);
        }
        let to_after = self.emit(Op::Jump(0));
        let mut handler_clauses = Vec::new();
        let mut ends = Vec::new();
        if let Some(Section::Clauses(rescues)) = &b.rescue {
            for c in rescues {
                self.push_scope();
                let pats = self.rescue_patterns(c);
                let guard = c.guard.as_ref().map(|g| self.guard(g));
                let target = self.here();
                self.bind_stacktrace(&c.body);
                self.body(&c.body, false);
                ends.push(self.emit(Op::Jump(0)));
                self.pop_scope();
                for pat in pats {
                    handler_clauses.push(SwitchClause {
                        pat,
                        guard: guard.clone(),
                        target,
                    });
                }
            }
        }
        let catch_from = handler_clauses.len();
        if let Some(Section::Clauses(catches)) = &b.catch {
            for c in catches {
                self.push_scope();
                let pat = match c.args.len() {
                    1 => {
                        let v = self.pattern(&c.args[0]);
                        Pat::Tuple(vec![Pat::Lit(Value::Atom(Atom::THROW)), v])
                    }
                    2 => {
                        let ps = self.patterns(&c.args);
                        Pat::Tuple(ps)
                    }
                    _ => {
                        self.error(c.span.start, "expected one or two patterns in catch");
                        Pat::Any
                    }
                };
                let guard = c.guard.as_ref().map(|g| self.guard(g));
                let target = self.here();
                self.bind_stacktrace(&c.body);
                self.body(&c.body, false);
                ends.push(self.emit(Op::Jump(0)));
                self.pop_scope();
                handler_clauses.push(SwitchClause { pat, guard, target });
            }
        }
        self.patch(to_after);
        for e in ends {
            self.patch(e);
        }
        // Normal path (and after a handled exception): run `after`, keep the value.
        if let Some(after) = &b.after {
            self.section_body(Some(after), false);
            self.emit(Op::Pop);
        }
        let skip = self.emit(Op::Jump(0));
        // Unhandled exception path: run `after`, then re-raise.
        let reraise_at = self.here();
        if let Some(after) = &b.after {
            self.section_body(Some(after), false);
            self.emit(Op::Pop);
        }
        self.set_offset(whole.span);
        self.emit(Op::Reraise);
        self.patch(skip);
        let handler = &mut self.cur().handlers[h as usize];
        handler.clauses = handler_clauses;
        handler.catch_from = catch_from;
        handler.reraise_via = Some(reraise_at);
    }

    /// At the start of a `rescue` or `catch` clause whose body reads
    /// `__STACKTRACE__`: binds it to the trace of the exception caught, read
    /// now, before anything in the body can raise (and record) another.
    fn bind_stacktrace(&mut self, body: &[Expr]) {
        if !body.iter().any(super::macros::mentions_stacktrace) {
            return;
        }
        self.emit_bif_named(":phial", "stacktrace", 0);
        let s = self.bind("__STACKTRACE__");
        let p = self.cur().pats.len() as u32;
        self.cur().pats.push(Pat::Bind(s));
        self.emit(Op::Match(p));
        self.emit(Op::Pop);
    }

    /// `e in RuntimeError`, `RuntimeError`, `e in [A, B]`, `e`, `_` over `{:error, value}`.
    fn rescue_patterns(&mut self, c: &StabClause) -> Vec<Pat> {
        let error = Pat::Lit(Value::Atom(Atom::ERROR));
        let wrap = |p: Pat| Pat::Tuple(vec![error.clone(), p]);
        let by_struct = |name: Atom| {
            Pat::Map(vec![(
                crate::code::MapKey::Lit(Value::Atom(Atom::STRUCT)),
                Pat::Lit(Value::Atom(name)),
            )])
        };
        if c.args.len() != 1 {
            self.error(c.span.start, "expected one pattern per rescue clause");
            return vec![];
        }
        let arg = &c.args[0];
        let aliases = |this: &Self, e: &Expr| -> Option<Vec<Atom>> {
            match &e.kind {
                ExprKind::Alias(s) => Some(vec![this.alias_of(s)]),
                ExprKind::List { items, tail: None } => items
                    .iter()
                    .map(|i| match &i.kind {
                        ExprKind::Alias(s) => Some(this.alias_of(s)),
                        _ => None,
                    })
                    .collect(),
                _ => None,
            }
        };
        match &arg.kind {
            ExprKind::Binary {
                op: BinaryOp::In,
                lhs,
                rhs,
            } => {
                let var = self.pattern(lhs);
                match aliases(self, rhs) {
                    Some(names) => names
                        .into_iter()
                        .map(|n| wrap(Pat::Both(Box::new(var.clone()), Box::new(by_struct(n)))))
                        .collect(),
                    None => {
                        self.error(arg.span.start, "invalid rescue clause");
                        vec![]
                    }
                }
            }
            _ => match aliases(self, arg) {
                Some(names) => names.into_iter().map(|n| wrap(by_struct(n))).collect(),
                None => {
                    let p = self.pattern(arg);
                    vec![wrap(p)]
                }
            },
        }
    }

    fn with_form(&mut self, args: &[Expr], block: Option<&DoBlock>, whole: &Expr, tail: bool) {
        let (steps, b) = split_blocks(args, block);
        self.push_scope();
        let fail_slot = {
            let f = self.cur();
            let s = f.nlocals;
            f.nlocals += 1;
            s
        };
        let mut to_fail = Vec::new();
        for step in &steps {
            match generator(step) {
                Some((p, g, rhs)) => {
                    self.expr(rhs, false);
                    let idx = self.reserve_switch(SwitchKind::Total);
                    self.emit(Op::Switch(idx));
                    let pat = self.pattern(p);
                    let guard = g.map(|g| self.guard(g));
                    // Fall through to the next step on a match; else to the failure code.
                    let next = self.here();
                    let fail_target = u32::MAX;
                    self.cur().switches[idx as usize].clauses = vec![
                        SwitchClause {
                            pat,
                            guard,
                            target: next,
                        },
                        SwitchClause {
                            pat: Pat::Bind(fail_slot),
                            guard: None,
                            target: fail_target,
                        },
                    ];
                    to_fail.push(idx);
                }
                None => {
                    self.expr(step, false);
                    self.emit(Op::Pop);
                }
            }
        }
        self.section_body(b.do_.as_ref(), tail);
        let end = self.emit(Op::Jump(0));
        let fail_at = self.here();
        for idx in to_fail {
            self.cur().switches[idx as usize].clauses[1].target = fail_at;
        }
        self.pop_scope();
        self.emit(Op::Local(fail_slot));
        match &b.else_ {
            Some(Section::Clauses(c)) => {
                self.set_offset(whole.span);
                self.switch(c, SwitchKind::WithElse, tail, None)
            }
            Some(Section::Exprs(_)) => self.error(
                whole.span.start,
                "expected -> clauses for :else in \"with\"",
            ),
            None => {}
        }
        self.patch(end);
    }

    /// `for` desugars into `Enum.flat_map`/`Enum.reduce` over closures.
    fn for_form(&mut self, args: &[Expr], block: Option<&DoBlock>, whole: &Expr, tail: bool) {
        let (quals, b) = split_blocks(args, block);
        let span = whole.span;
        let mk = |k: ExprKind| Expr::new(k, span);
        let remote = |m: &str, f: &str, args: Vec<Expr>| {
            mk(ExprKind::Call {
                target: CallTarget::Remote {
                    module: Box::new(mk(ExprKind::Alias(vec![m.to_string()]))),
                    name: f.to_string(),
                },
                args,
                parens: true,
                block: None,
            })
        };
        let option = |name: &str| {
            b.options
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let reduce = option("reduce");
        let into = option("into");
        let uniq = option("uniq");
        let body: Vec<Expr> = match &b.do_ {
            Some(Section::Exprs(e)) => e.clone(),
            Some(Section::Clauses(c)) if reduce.is_some() => {
                vec![mk(ExprKind::Call {
                    target: CallTarget::Local("case".into()),
                    args: vec![mk(ExprKind::Var("for acc".into()))],
                    parens: true,
                    block: Some(DoBlock {
                        sections: vec![BlockSection {
                            label: BlockLabel::Do,
                            body: BlockBody::Clauses(c.clone()),
                            span,
                        }],
                        span,
                    }),
                })]
            }
            _ => {
                self.error(span.start, "missing :do option in \"for\"");
                return;
            }
        };
        let acc = || mk(ExprKind::Var("for acc".into()));
        let mut inner = match &reduce {
            Some(_) => mk(ExprKind::Block(body)),
            None => mk(ExprKind::List {
                items: vec![mk(ExprKind::Block(body))],
                tail: None,
            }),
        };
        let empty = || {
            mk(ExprKind::List {
                items: vec![],
                tail: None,
            })
        };
        for q in quals.iter().rev() {
            let bits = bits_generator(q).map(|(segs, data, guard)| {
                let (pat, rhs) = bits_as_list_generator(segs, data, span);
                (pat, guard.cloned(), rhs)
            });
            let step = match bits {
                Some(b) => Some(b),
                None => generator(q).map(|(p, g, r)| (p.clone(), g.cloned(), r.clone())),
            };
            match step {
                Some((pat, guard, rhs)) => {
                    let (mut a1, mut a2) = (vec![pat], vec![mk(ExprKind::Var("_".into()))]);
                    if reduce.is_some() {
                        a1.push(acc());
                        a2.push(acc());
                    }
                    let miss = if reduce.is_some() { acc() } else { empty() };
                    let f = mk(ExprKind::Fn(vec![
                        StabClause {
                            args: a1,
                            guard,
                            body: vec![inner],
                            span,
                        },
                        StabClause {
                            args: a2,
                            guard: None,
                            body: vec![miss],
                            span,
                        },
                    ]));
                    inner = match &reduce {
                        Some(_) => remote("Enum", "reduce", vec![rhs, acc(), f]),
                        None => remote("Enum", "flat_map", vec![rhs, f]),
                    };
                }
                None => {
                    let miss = if reduce.is_some() { acc() } else { empty() };
                    inner = mk(ExprKind::Call {
                        target: CallTarget::Local("if".into()),
                        args: vec![
                            q.clone(),
                            mk(ExprKind::List {
                                items: vec![
                                    mk(ExprKind::Tuple(vec![
                                        mk(ExprKind::Atom("do".into())),
                                        inner,
                                    ])),
                                    mk(ExprKind::Tuple(vec![
                                        mk(ExprKind::Atom("else".into())),
                                        miss,
                                    ])),
                                ],
                                tail: None,
                            }),
                        ],
                        parens: true,
                        block: None,
                    });
                }
            }
        }
        // The accumulator of the outermost reduce is the initial value.
        if let Some(init) = reduce {
            self.push_scope();
            self.expr(&init, false);
            let s = self.bind("for acc");
            let p = self.cur().pats.len() as u32;
            self.cur().pats.push(Pat::Bind(s));
            self.emit(Op::Match(p));
            self.emit(Op::Pop);
            self.expr(&inner, tail);
            self.pop_scope();
            return;
        }
        if uniq.is_some() {
            inner = remote("Enum", "uniq", vec![inner]);
        }
        if let Some(into) = into {
            inner = remote("Enum", "into", vec![inner, into]);
        }
        self.expr(&inner, tail);
    }
}

/// A bitstring generator `<<segments <- data>>` (with its guard): the
/// segments, the data and the guard.
fn bits_generator(step: &Expr) -> Option<(&[Expr], &Expr, Option<&Expr>)> {
    let (bits, guard) = match &step.kind {
        ExprKind::Binary {
            op: BinaryOp::When,
            lhs,
            rhs,
        } => (&**lhs, Some(&**rhs)),
        _ => (step, None),
    };
    let ExprKind::Bitstring(items) = &bits.kind else {
        return None;
    };
    // The last segment carries the `<-` and the data.
    let ExprKind::Binary {
        op: BinaryOp::Send,
        rhs,
        ..
    } = &items.last()?.kind
    else {
        return None;
    };
    Some((items, rhs, guard))
}

/// `<<segs <- data>>` as a list generator: the tuple of the segments'
/// variables drawn from `:phial_enum.bits_unfold(data, fn)`, where the
/// function matches the segments off the front of what is left (and
/// gives `nil` when they no longer match, which ends the generator, as
/// in Elixir).
fn bits_as_list_generator(items: &[Expr], data: &Expr, span: Span) -> (Expr, Expr) {
    let mk = |k: ExprKind| Expr::new(k, span);
    let mut segs: Vec<Expr> = items.to_vec();
    if let Some(last) = segs.last_mut() {
        if let ExprKind::Binary {
            op: BinaryOp::Send,
            lhs,
            ..
        } = &last.kind
        {
            *last = (**lhs).clone();
        }
    }
    let mut names = Vec::new();
    for s in &segs {
        let value = match &s.kind {
            ExprKind::Binary {
                op: BinaryOp::Type,
                lhs,
                ..
            } => &**lhs,
            _ => s,
        };
        pattern_vars(value, &mut names);
    }
    let vars = || {
        mk(ExprKind::Tuple(
            names.iter().map(|n| mk(ExprKind::Var(n.clone()))).collect(),
        ))
    };
    let rest = || mk(ExprKind::Var("for rest".into()));
    let mut head = segs;
    head.push(mk(ExprKind::Binary {
        op: BinaryOp::Type,
        lhs: Box::new(rest()),
        rhs: Box::new(mk(ExprKind::Var("bitstring".into()))),
    }));
    let step = mk(ExprKind::Fn(vec![
        StabClause {
            args: vec![mk(ExprKind::Bitstring(head))],
            guard: None,
            body: vec![mk(ExprKind::Tuple(vec![vars(), rest()]))],
            span,
        },
        StabClause {
            args: vec![mk(ExprKind::Var("_".into()))],
            guard: None,
            body: vec![mk(ExprKind::Atom("nil".into()))],
            span,
        },
    ]));
    let rhs = mk(ExprKind::Call {
        target: CallTarget::Remote {
            module: Box::new(mk(ExprKind::Atom("phial_enum".into()))),
            name: "bits_unfold".into(),
        },
        args: vec![data.clone(), step],
        parens: true,
        block: None,
    });
    (vars(), rhs)
}

/// The variables a pattern binds, in order of first appearance.
fn pattern_vars(e: &Expr, out: &mut Vec<String>) {
    let mut work = vec![e];
    while let Some(e) = work.pop() {
        match &e.kind {
            ExprKind::Var(n) if !n.starts_with('_') && !out.contains(n) => out.push(n.clone()),
            ExprKind::Tuple(items) | ExprKind::Bitstring(items) => work.extend(items.iter().rev()),
            ExprKind::List { items, tail } => {
                work.extend(tail.as_deref());
                work.extend(items.iter().rev());
            }
            ExprKind::Binary {
                op: BinaryOp::Type,
                lhs,
                ..
            } => work.push(lhs),
            ExprKind::Binary {
                op: BinaryOp::Match | BinaryOp::StrConcat,
                lhs,
                rhs,
            } => {
                work.push(rhs);
                work.push(lhs);
            }
            _ => {}
        }
    }
}

/// A `pattern <- expr` step of `for`/`with`, with its guard. The parser
/// binds `when` looser than `<-`, so `p when g <- e` arrives as
/// `p when (g <- e)`; both shapes are accepted.
fn generator(step: &Expr) -> Option<(&Expr, Option<&Expr>, &Expr)> {
    match &step.kind {
        ExprKind::Binary {
            op: BinaryOp::Send,
            lhs,
            rhs,
        } => match &lhs.kind {
            ExprKind::Binary {
                op: BinaryOp::When,
                lhs: p,
                rhs: g,
            } => Some((p, Some(g), rhs)),
            _ => Some((lhs, None, rhs)),
        },
        ExprKind::Binary {
            op: BinaryOp::When,
            lhs: p,
            rhs,
        } => match &rhs.kind {
            ExprKind::Binary {
                op: BinaryOp::Send,
                lhs: g,
                rhs: e,
            } => Some((p, Some(g), e)),
            _ => None,
        },
        _ => None,
    }
}
