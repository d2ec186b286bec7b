//! Lowering of expressions: literals, containers, operators, variables and
//! calls (local, remote, anonymous, pipes, captures).
//!
//! Not here: special forms with clauses (`control`), patterns and guards
//! (`pattern`), `defmodule`/`def` (`module`).

use super::Compiler;
use crate::atom::Atom;
use crate::code::Op;
use crate::library;
use crate::library::support::calendar;
use crate::value::Value;
use phial_syntax::ast::*;

/// Names the compiler handles itself rather than calling.
const SPECIAL_FORMS: &[&str] = &[
    "if",
    "unless",
    "case",
    "cond",
    "match?",
    "receive",
    "try",
    "for",
    "with",
    "fn",
    "raise",
    "reraise",
    "defmodule",
    "defprotocol",
    "defimpl",
    "def",
    "defp",
    "__MODULE__",
    "apply",
    "import",
    "alias",
    "require",
    "use",
    "quote",
    "defmacro",
    "defmacrop",
];

impl<'k> Compiler<'k> {
    pub(crate) fn body(&mut self, exprs: &[Expr], tail: bool) {
        if exprs.is_empty() {
            self.emit_const(Value::NIL_ATOM);
            return;
        }
        for (i, e) in exprs.iter().enumerate() {
            let last = i + 1 == exprs.len();
            self.expr(e, tail && last);
            if !last {
                self.emit(Op::Pop);
            }
        }
    }

    /// Compiles `e`, leaving its value on the stack. In tail position a call
    /// replaces the current frame instead.
    pub(crate) fn expr(&mut self, e: &Expr, tail: bool) {
        self.set_offset(e.span);
        match &e.kind {
            ExprKind::Int(i) => self.emit_const(Value::Int(*i)),
            ExprKind::BigInt(s) => match s.parse::<num_bigint::BigInt>() {
                Ok(b) => self.emit_const(Value::bigint(b)),
                Err(_) => self.error(e.span.start, format!("invalid integer {s}")),
            },
            ExprKind::Float(f) => self.emit_const(Value::Float(*f)),
            ExprKind::Atom(a) => self.emit_const(Value::atom(a)),
            ExprKind::Str(parts) => self.string(parts),
            ExprKind::Charlist(parts) => match super::pattern::literal_string(parts) {
                Some(text) => self.emit_const(super::pattern::charlist(&text)),
                None => {
                    self.string(parts);
                    self.emit_bif_named(":phial", "to_charlist", 1);
                }
            },
            ExprKind::Sigil {
                letter,
                parts,
                modifiers,
            } => self.sigil(*letter, parts, modifiers, e.span.start),
            ExprKind::Var(name) => self.var(name, e.span.start, tail),
            ExprKind::Alias(segs) => self.emit_const(Value::Atom(self.alias_of(segs))),
            ExprKind::ModuleAttr { name, value } => {
                if value.is_some() {
                    self.error(
                        e.span.start,
                        "module attributes can only be set inside defmodule",
                    );
                    return;
                }
                let v = self
                    .module
                    .as_ref()
                    .and_then(|m| m.attributes.get(name).cloned());
                match v {
                    Some(v) => self.emit_const(v),
                    None => {
                        if self.module.is_none() {
                            self.error(
                                e.span.start,
                                format!("cannot read attribute @{name} outside of a module"),
                            );
                        } else {
                            self.emit_const(Value::NIL_ATOM)
                        }
                    }
                }
            }
            ExprKind::List { items, tail: t } => {
                for it in items {
                    self.expr(it, false);
                }
                match t {
                    Some(t) => self.expr(t, false),
                    None => self.emit_const(Value::Nil),
                }
                self.emit(Op::ListTail(items.len() as u32));
            }
            ExprKind::Tuple(items) => {
                for it in items {
                    self.expr(it, false);
                }
                self.emit(Op::Tuple(items.len() as u32));
            }
            ExprKind::Map { update, entries } => {
                if let Some(u) = update {
                    self.expr(u, false);
                }
                for (k, v) in entries {
                    self.expr(k, false);
                    self.expr(v, false);
                }
                if update.is_some() {
                    self.emit(Op::MapUpdate(entries.len() as u32));
                } else {
                    self.emit(Op::Map(entries.len() as u32));
                }
            }
            ExprKind::Struct {
                name,
                update,
                entries,
            } => self.struct_expr(name, update.as_deref(), entries, e.span.start),
            ExprKind::Unary { op, expr } => self.unary(*op, expr, e.span.start),
            ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, e, tail),
            ExprKind::RangeStep { first, last, step } => {
                self.expr(first, false);
                self.expr(last, false);
                self.expr(step, false);
                self.emit_bif_named(":phial", "range", 3);
            }
            ExprKind::Call {
                target,
                args,
                parens,
                block,
            } => self.call(target, args, *parens, block.as_ref(), e, tail),
            ExprKind::Access { expr, key } => {
                self.expr(expr, false);
                self.expr(key, false);
                self.emit_bif_named(":phial", "access", 2);
            }
            ExprKind::Fn(clauses) => self.lambda(clauses, e.span.start),
            ExprKind::CaptureArg(n) => match self.capture_arity {
                Some(_) => {
                    let name = format!("&{n}");
                    match self.lookup(&name) {
                        Some(s) => {
                            self.emit(Op::Local(s));
                        }
                        None => {
                            self.error(e.span.start, format!("capture argument &{n} out of range"))
                        }
                    }
                }
                None => self.error(
                    e.span.start,
                    format!("capture argument &{n} must be used within the capture operator &"),
                ),
            },
            ExprKind::Block(exprs) => self.body(exprs, tail),
            ExprKind::Stab(_) => self.error(e.span.start, "unexpected -> outside of a block"),
            ExprKind::Bitstring(items) => self.bitstring(items),
        }
    }

    pub(crate) fn emit_bif_named(&mut self, module: &str, name: &str, argc: usize) {
        let m = match module.strip_prefix(':') {
            Some(erl) => Atom::new(erl),
            None => Atom::alias(module),
        };
        match library::lookup(m, Atom::new(name), argc) {
            Some(id) => self.emit_bif(id, argc),
            None => {
                let off = self.cur().offset as usize;
                self.error(
                    off,
                    format!("internal: missing builtin {module}.{name}/{argc}"),
                );
            }
        }
    }

    fn string(&mut self, parts: &[StrPart]) {
        if parts.is_empty() {
            self.emit_const(Value::str(""));
            return;
        }
        if let [StrPart::Lit(s)] = parts {
            self.emit_const(super::pattern::text_value(s));
            return;
        }
        for p in parts {
            match p {
                StrPart::Lit(s) => self.emit_const(super::pattern::text_value(s)),
                StrPart::Interp(e) => {
                    self.expr(e, false);
                    self.emit_kernel("to_string", 1);
                }
            }
        }
        self.emit(Op::Concat(parts.len() as u32));
    }

    fn sigil(&mut self, letter: char, parts: &[StrPart], modifiers: &str, off: usize) {
        match letter {
            's' | 'S' => self.string(parts),
            'c' | 'C' => {
                self.string(parts);
                self.emit_bif_named(":phial", "to_charlist", 1);
            }
            'w' | 'W' => {
                self.string(parts);
                let m = modifiers.chars().next().unwrap_or('s');
                self.emit_const(Value::Atom(Atom::new(&m.to_string())));
                self.emit_bif_named(":phial", "sigil_w", 2);
            }
            'r' | 'R' if self.kernel_sigil(letter) => {
                self.regex_sigil(letter == 'r', parts, modifiers, off)
            }
            // A literal calendar sigil of Kernel's is its struct, as
            // Elixir's macro makes it at compile time; a literal that is
            // not a date (time, ...) fails to compile, as there.
            'D' | 'T' | 'N' | 'U' if self.kernel_sigil(letter) => {
                match super::pattern::literal_string(parts) {
                    // Kernel's macro has no clause for modifiers.
                    Some(_) if !modifiers.is_empty() => self.error(
                        off,
                        format!("no function clause matching in Kernel.sigil_{letter}/2"),
                    ),
                    Some(text) if calendar::sigil_is_literal(&text, modifiers) => {
                        match calendar::iso_sigil(letter, &text) {
                            Ok(v) => self.emit_const(v),
                            Err(message) => self.error(off, message),
                        }
                    }
                    _ => self.sigil_call(letter, parts, modifiers, off),
                }
            }
            _ => self.sigil_call(letter, parts, modifiers, off),
        }
    }

    /// Whether `sigil_<letter>/2` here is Kernel's: not imported from
    /// elsewhere, and not taken away from Kernel's import in favour of the
    /// module's own function.
    pub(super) fn kernel_sigil(&self, letter: char) -> bool {
        let name = Atom::new(&format!("sigil_{letter}"));
        if let Some(m) = self.imported(name, 2) {
            return m == Atom::KERNEL;
        }
        // Kernel is always imported; only `import Kernel, except: [...]`
        // (or `only:`) takes its sigil away, and then the module's own
        // function of that name is the sigil.
        let excluded = self.imports.iter().any(|i| {
            i.module == Atom::KERNEL
                && (i.except.contains(&(name, 2))
                    || i.only.as_ref().is_some_and(|o| !o.contains(&(name, 2))))
        });
        let own = self
            .module
            .as_ref()
            .is_some_and(|m| m.functions.contains(&(name, 2)));
        !(excluded && own)
    }

    /// Every other sigil is what Elixir makes of it: a call of
    /// `sigil_<letter>(string, modifiers)`, found like any local call (the
    /// library's `Kernel.sigil_r/2`, or a user's imported one).
    fn sigil_call(&mut self, letter: char, parts: &[StrPart], modifiers: &str, off: usize) {
        let span = Span::new(off, off);
        let args = [
            Expr::new(ExprKind::Str(parts.to_vec()), span),
            Expr::new(
                ExprKind::Charlist(vec![StrPart::Lit(modifiers.to_string())]),
                span,
            ),
        ];
        self.local_call(&format!("sigil_{letter}"), &args, off, false);
    }

    /// `~r/.../` and `~R/.../`, as Elixir's macros expand them: without
    /// interpolation the regex is compiled here, once, and becomes a
    /// constant (a bad one is an error now, as Elixir raises while
    /// compiling); with it, the literal parts are unescaped here and
    /// `Regex.compile!/2` runs on the built string.
    fn regex_sigil(&mut self, unescape: bool, parts: &[StrPart], modifiers: &str, off: usize) {
        use crate::library::elixir::regex;
        let fix = |s: &str| {
            if unescape {
                regex::unescape(s)
            } else {
                s.to_string()
            }
        };
        if parts.iter().all(|p| matches!(p, StrPart::Lit(_))) {
            let text: String = parts
                .iter()
                .map(|p| match p {
                    StrPart::Lit(s) => s.as_str(),
                    StrPart::Interp(_) => "",
                })
                .collect();
            let known = self.known;
            match regex::literal(&fix(&text), modifiers, &mut |t| known.warn(t)) {
                Ok(v) => self.emit_const(v),
                // At the top of a script nothing runs (Elixir expands the
                // whole file first); in a module body, what comes before
                // the module does.
                Err(message) if self.module.is_none() => self.errors.push(super::CompileError {
                    message: message.clone(),
                    offset: off,
                    raised: Some(format!("** (Regex.CompileError) {message}")),
                    exception: None,
                }),
                Err(message) => self.error(off, message),
            }
            return;
        }
        let fixed: Vec<StrPart> = parts
            .iter()
            .map(|p| match p {
                StrPart::Lit(s) => StrPart::Lit(fix(s)),
                other => other.clone(),
            })
            .collect();
        self.string(&fixed);
        self.emit_const(Value::str(modifiers));
        self.emit_bif_named("Regex", "compile!", 2);
    }

    fn var(&mut self, name: &str, off: usize, tail: bool) {
        if name == "__MODULE__" {
            let m = self.module.as_ref().map(|m| m.name).unwrap_or(Atom::NIL);
            self.emit_const(Value::Atom(m));
            return;
        }
        if name == "__ENV__" && self.lookup(name).is_none() {
            let span = Span::new(off, off);
            let env = self.env_value(span);
            self.emit_const(env);
            return;
        }
        if name == "__DIR__" && self.lookup(name).is_none() {
            let dir = crate::library::elixir::path::source_dir(&self.file);
            self.emit_const(Value::str(dir));
            return;
        }
        if let Some(s) = self.lookup(name) {
            self.emit(Op::Local(s));
            return;
        }
        if let (plain, Some(_)) = super::from_quoted::split_hygienic(name) {
            // A macro's variable never bound: a zero-arity call (`self`).
            if !plain.starts_with('_') {
                self.local_call(plain, &[], off, tail);
                return;
            }
        }
        if name == "__STACKTRACE__" {
            self.error(
                off,
                "__STACKTRACE__ is available only inside catch and rescue clauses of try expressions"
                    .to_string(),
            );
            return;
        }
        if name.starts_with('_') {
            self.error(
                off,
                "invalid use of _. \"_\" represents a value to be ignored in a pattern and cannot be used in expressions".to_string(),
            );
            return;
        }
        // A bare unbound name is a zero-arity call (the seed's `self`).
        self.local_call(name, &[], off, tail);
    }

    fn unary(&mut self, op: UnaryOp, e: &Expr, off: usize) {
        match op {
            UnaryOp::Neg => {
                if let ExprKind::Int(i) = e.kind {
                    self.emit_const(Value::Int(-i));
                    return;
                }
                if let ExprKind::Float(f) = e.kind {
                    self.emit_const(Value::Float(-f));
                    return;
                }
                self.expr(e, false);
                self.emit_kernel("-", 1);
            }
            UnaryOp::Plus => {
                self.expr(e, false);
                self.emit_kernel("+", 1);
            }
            UnaryOp::Bang => {
                self.expr(e, false);
                self.emit_kernel("!", 1);
            }
            UnaryOp::Not => {
                self.expr(e, false);
                self.emit_kernel("not", 1);
            }
            UnaryOp::Pin => self.error(off, "cannot use ^ outside of match clauses"),
            UnaryOp::Capture => self.capture(e, off),
        }
    }

    fn binary(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, whole: &Expr, tail: bool) {
        use BinaryOp::*;
        let off = whole.span.start;
        match op {
            Match => {
                self.expr(rhs, false);
                self.set_offset(whole.span);
                let pat = self.pattern(lhs);
                let f = self.cur();
                let i = f.pats.len() as u32;
                f.pats.push(pat);
                self.emit(Op::Match(i));
            }
            Pipe => self.pipe(lhs, rhs, tail),
            Send => {
                self.expr(lhs, false);
                self.expr(rhs, false);
                self.emit_kernel("send", 2);
            }
            And | Or => {
                self.expr(lhs, false);
                let at = self.emit(Op::BoolShort {
                    short: op == Or,
                    target: 0,
                });
                self.expr(rhs, tail);
                self.patch(at);
            }
            AndAnd | OrOr => {
                self.expr(lhs, false);
                let at = self.emit(Op::TruthyShort {
                    short: op == OrOr,
                    target: 0,
                });
                self.expr(rhs, tail);
                self.patch(at);
            }
            In | NotIn => {
                self.expr(lhs, false);
                self.expr(rhs, false);
                self.emit_bif_named(":phial", "in", 2);
                if op == NotIn {
                    self.emit_kernel("not", 1);
                }
            }
            Range => {
                self.expr(lhs, false);
                self.expr(rhs, false);
                self.emit_bif_named(":phial", "range", 2);
            }
            // Elixir's own explanations (its `misplaced operator` errors).
            Bar => self.error(
                off,
                "misplaced operator |/2\n\nThe | operator is typically used between brackets as the cons operator:\n\n    [head | tail]\n\nwhere head is a single element and the tail is the remaining of a list.\nIt is also used to update maps and structs, via the %{map | key: value} notation,\nand in typespecs, such as @type and @spec, to express the union of two types",
            ),
            Type => self.error(
                off,
                "misplaced operator ::/2\n\nThe :: operator is typically used in bitstrings to specify types and sizes of segments:\n\n    <<size::32-integer, letter::utf8, rest::binary>>\n\nIt is also used in typespecs, such as @type and @spec, to describe inputs and outputs",
            ),
            When | Default => {
                self.error(off, format!("unexpected operator {} here", op.symbol()))
            }
            Pow => {
                self.expr(lhs, false);
                self.expr(rhs, false);
                self.emit_kernel("**", 2);
            }
            _ => match crate::code::BinOp::from_symbol(op.symbol()) {
                Some(b) => self.binop(b, lhs, rhs, whole),
                None => {
                    self.expr(lhs, false);
                    self.expr(rhs, false);
                    self.set_offset(whole.span);
                    self.emit_kernel(op.symbol(), 2)
                }
            },
        }
    }

    /// An operator with an integer fast path. `local op small-int` and
    /// `local op local` become one op (most loop arithmetic and tests).
    fn binop(&mut self, op: crate::code::BinOp, lhs: &Expr, rhs: &Expr, whole: &Expr) {
        let slot_of = |c: &mut Self, e: &Expr| match &e.kind {
            ExprKind::Var(name) if name != "__MODULE__" => c.lookup(name),
            _ => None,
        };
        if let Some(a) = slot_of(self, lhs) {
            if let ExprKind::Int(i) = rhs.kind {
                if let Ok(imm) = i32::try_from(i) {
                    self.set_offset(whole.span);
                    use crate::code::BinOp::{Add, Sub};
                    self.emit(match (op, imm.checked_neg()) {
                        (Add, _) => Op::AddLocalInt { slot: a, imm },
                        (Sub, Some(neg)) => Op::AddLocalInt { slot: a, imm: neg },
                        _ => Op::BinOpLocalInt { op, slot: a, imm },
                    });
                    return;
                }
            }
            if let Some(b) = slot_of(self, rhs) {
                self.set_offset(whole.span);
                self.emit(Op::BinOpLocals { op, a, b });
                return;
            }
        }
        self.expr(lhs, false);
        self.expr(rhs, false);
        self.set_offset(whole.span);
        self.emit(Op::BinOp(op));
    }

    /// `a |> f(b)` is `f(a, b)`.
    fn pipe(&mut self, lhs: &Expr, rhs: &Expr, tail: bool) {
        match &rhs.kind {
            ExprKind::Call {
                target,
                args,
                block,
                ..
            } => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(lhs.clone());
                all.extend(args.iter().cloned());
                self.call(target, &all, true, block.as_ref(), rhs, tail);
            }
            ExprKind::Var(name) => {
                let target = CallTarget::Local(name.clone());
                self.call(&target, std::slice::from_ref(lhs), true, None, rhs, tail);
            }
            _ => self.error(
                rhs.span.start,
                "the right side of |> must be a call, e.g. x |> f() or x |> Mod.f()",
            ),
        }
    }

    pub(crate) fn call(
        &mut self,
        target: &CallTarget,
        args: &[Expr],
        parens: bool,
        block: Option<&DoBlock>,
        whole: &Expr,
        tail: bool,
    ) {
        let off = whole.span.start;
        if block.is_none() {
            if let Some(g) = self.guard_macro(target, args.len()) {
                let expanded = super::defguard::expand_in_body(&g, args, whole.span);
                self.expr(&expanded, tail);
                return;
            }
        }
        match target {
            CallTarget::Local(name) => {
                if name == "quote" {
                    self.quote_form(args, block, off);
                    return;
                }
                if self.special_form(name, args, block, whole, tail) {
                    return;
                }
                let arity = args.len() + usize::from(block.is_some());
                if let Some(m) = self.macro_target(target, arity) {
                    self.expand_call(m, name, args, block, whole, tail);
                    return;
                }
                // `@` of something other than a name and at most one value
                // (the parser keeps those as Elixir's `@` call).
                if name == "@" {
                    let msg = match args.first().map(|a| &a.kind) {
                        Some(ExprKind::Call {
                            target: CallTarget::Local(attr),
                            args,
                            block,
                            ..
                        }) => format!(
                            "expected 0 or 1 argument for @{attr}, got: {}",
                            args.len() + usize::from(block.is_some())
                        ),
                        _ => "invalid module attribute: expected @name or @name value".to_string(),
                    };
                    self.error(off, msg);
                    return;
                }
                if block.is_some() {
                    self.error(off, self.undefined_local(name, args.len() + 1));
                    return;
                }
                // A variable holding a function called without a dot is an error in
                // Elixir; a local with the name of a variable and no parens is the var.
                if !parens && args.is_empty() {
                    self.var(name, off, tail);
                    return;
                }
                if self.path_macro(name, args, whole, tail) {
                    return;
                }
                self.local_call(name, args, off, tail);
            }
            CallTarget::Remote { module, name } => {
                let arity = args.len() + usize::from(block.is_some());
                if let Some(m) = self.macro_target(target, arity) {
                    self.expand_call(m, name, args, block, whole, tail);
                    return;
                }
                self.remote_call(module, name, args, parens, off, tail)
            }
            CallTarget::Anonymous(f) => {
                self.expr(f, false);
                for a in args {
                    self.expr(a, false);
                }
                self.set_offset(whole.span);
                let tail = self.tail_ok(tail);
                self.emit(Op::CallFun {
                    argc: args.len() as u8,
                    tail,
                });
            }
            // Elixir rejects it too outside `quote` ("invalid call").
            CallTarget::Nested(inner) => {
                let name = match &inner.kind {
                    ExprKind::Call {
                        target: CallTarget::Local(n) | CallTarget::Remote { name: n, .. },
                        ..
                    } => n.as_str(),
                    _ => "f",
                };
                self.error(off, format!("invalid call {name}(...)(...)"))
            }
        }
    }

    pub(crate) fn local_call(&mut self, name: &str, args: &[Expr], off: usize, tail: bool) {
        let arity = args.len() as u32;
        let fname = Atom::new(name);
        // A function of the module being compiled?
        if let Some(m) = &self.module {
            if m.functions.contains(&(fname, arity)) {
                let mname = m.name;
                for a in args {
                    self.expr(a, false);
                }
                self.cur().offset = off as u32;
                self.emit_call(mname, fname, arity, tail);
                return;
            }
        }
        if name == "super" {
            // `super(...)` in an override calls the definition it replaced.
            let current = self
                .fns
                .iter()
                .rev()
                .find(|f| f.name.as_str() != "-fun-")
                .map(|f| (f.name, f.arity));
            let hidden = current.and_then(|k| self.module.as_ref()?.supers.get(&k).copied());
            if let (Some(hidden), Some(m)) = (hidden, self.module.as_ref().map(|m| m.name)) {
                for a in args {
                    self.expr(a, false);
                }
                self.cur().offset = off as u32;
                self.emit_call(m, hidden, arity, tail);
                return;
            }
            self.error(off, "no super defined for the current function");
            return;
        }
        if SPECIAL_FORMS.contains(&name) {
            self.error(off, format!("invalid use of special form {name}/{arity}"));
            return;
        }
        if let Some(m) = self.imported(fname, arity) {
            for a in args {
                self.expr(a, false);
            }
            self.cur().offset = off as u32;
            match library::lookup(m, fname, arity as usize) {
                Some(id) => self.emit_bif(id, arity as usize),
                None => self.emit_call(m, fname, arity, tail),
            }
            return;
        }
        if let Some(id) = library::kernel(name, args.len()) {
            for a in args {
                self.expr(a, false);
            }
            self.cur().offset = off as u32;
            self.emit_bif(id, args.len());
            return;
        }
        if self.known.has_function(Atom::KERNEL, fname, arity) {
            for a in args {
                self.expr(a, false);
            }
            self.cur().offset = off as u32;
            self.emit_call(Atom::KERNEL, fname, arity, tail);
            return;
        }
        self.error(off, self.undefined_local(name, arity as usize));
    }

    fn remote_call(
        &mut self,
        module: &Expr,
        name: &str,
        args: &[Expr],
        parens: bool,
        off: usize,
        tail: bool,
    ) {
        let arity = args.len();
        let fname = Atom::new(name);
        // `__MODULE__.Sub` is a module name, not a field of `__MODULE__`.
        if args.is_empty() && !parens && name.starts_with(|c: char| c.is_ascii_uppercase()) {
            if let Some(m) = self.module_literal(module) {
                let full = format!("{}.{name}", m.as_str().trim_start_matches("Elixir."));
                self.emit_const(Value::Atom(Atom::alias(&full)));
                return;
            }
        }
        let literal = self.module_literal(module);
        match literal {
            Some(m) => {
                if (m == Atom::KERNEL || m == Atom::ERLANG)
                    && self.remote_special(m, name, args, off, tail).is_some()
                {
                    return;
                }
                for a in args {
                    self.expr(a, false);
                }
                self.cur().offset = off as u32;
                // One resolution rule for every kind of call (see
                // `machine::resolve`): a function written in phial (this
                // program's, or a module already loaded) wins over a builtin
                // of the same name.
                let defined = self.program_functions.contains(&(m, fname, arity as u32))
                    || self.known.has_function(m, fname, arity as u32);
                match library::lookup(m, fname, arity) {
                    Some(id) if !defined => self.emit_bif(id, arity),
                    _ => self.emit_call(m, fname, arity as u32, tail),
                }
            }
            None => {
                self.expr(module, false);
                for a in args {
                    self.expr(a, false);
                }
                self.cur().offset = off as u32;
                let tail = self.tail_ok(tail);
                if !parens && args.is_empty() {
                    // `map.key`: field access, or a zero-arity call on a module value.
                    self.emit_const(Value::Atom(fname));
                    self.emit_bif_named(":phial", "dot", 2);
                } else {
                    self.emit(Op::CallDyn {
                        name: fname,
                        argc: arity as u8,
                        tail,
                    });
                }
            }
        }
    }

    /// `Kernel.apply/2,3` and friends written remotely.
    fn remote_special(
        &mut self,
        m: Atom,
        name: &str,
        args: &[Expr],
        off: usize,
        tail: bool,
    ) -> Option<()> {
        if m == Atom::KERNEL && name == "apply" {
            let dummy = Expr::new(ExprKind::Atom(String::new()), Span::new(off, off));
            self.special_form("apply", args, None, &dummy, tail)
                .then_some(())
        } else {
            None
        }
    }

    /// `fn clauses end`
    pub(crate) fn lambda(&mut self, clauses: &[StabClause], off: usize) {
        let arity = clauses.first().map(|c| c.args.len()).unwrap_or(0);
        if clauses.iter().any(|c| c.args.len() != arity) {
            self.error(
                off,
                "cannot mix clauses with different arities in anonymous functions",
            );
            return;
        }
        let module = self
            .module
            .as_ref()
            .map(|m| m.name)
            .unwrap_or(Atom::new("elixir_compiler_0"));
        self.push_fn(module, Atom::new("-fun-"), arity as u32);
        for c in clauses {
            self.push_scope();
            let pats: Vec<_> = self.head_patterns(&c.args);
            let guard = c.guard.as_ref().map(|g| self.guard(g));
            let entry = self.here();
            self.cur()
                .clauses
                .push(crate::code::Clause::new(pats, guard, entry));
            self.body(&c.body, true);
            self.emit_return();
            self.pop_scope();
        }
        self.finish_lambda();
    }

    /// Pops the lambda being built and emits `MakeFn` in the enclosing function.
    pub(crate) fn finish_lambda(&mut self) {
        let code = self.pop_fn();
        let f = self.cur();
        let i = f.lambdas.len() as u32;
        f.lambdas.push(code);
        self.emit(Op::MakeFn(i));
    }

    /// `&Mod.fun/2`, `&fun/1`, `&(&1 + 1)`.
    fn capture(&mut self, e: &Expr, off: usize) {
        if let ExprKind::Binary {
            op: BinaryOp::Div,
            lhs,
            rhs,
        } = &e.kind
        {
            if let ExprKind::Int(arity) = rhs.kind {
                // Elixir turns `&f/n` into a fn of `&1..&n`, so an arity past
                // the BEAM's 255 is refused in the capture argument's words.
                if !(0..=255).contains(&arity) {
                    self.error(off, capture_range_error(arity));
                    return;
                }
                match &lhs.kind {
                    ExprKind::Call {
                        target: CallTarget::Remote { module, name },
                        args,
                        ..
                    } if args.is_empty() => {
                        if let Some(m) = self.module_literal(module) {
                            self.emit_fun_ref(m, Atom::new(name), arity as u32);
                            return;
                        }
                    }
                    ExprKind::Var(name)
                    | ExprKind::Call {
                        target: CallTarget::Local(name),
                        ..
                    } => {
                        let fname = Atom::new(name);
                        let ar = arity as u32;
                        if let Some(m) = &self.module {
                            if m.functions.contains(&(fname, ar)) {
                                let mname = m.name;
                                self.emit_fun_ref(mname, fname, ar);
                                return;
                            }
                        }
                        if library::kernel(name, ar as usize).is_some()
                            || self.known.has_function(Atom::KERNEL, fname, ar)
                        {
                            self.emit_fun_ref(Atom::KERNEL, fname, ar);
                            return;
                        }
                        self.error(off, self.undefined_local(name, ar as usize));
                        return;
                    }
                    _ => {}
                }
            }
        }
        // `&(expr with &1..&n)`: an anonymous function of arity n.
        let used = capture_args(e);
        let n = used.last().copied().unwrap_or(0);
        if let Some(msg) = capture_args_error(&used) {
            self.error(off, msg);
            return;
        }
        if n == 0 {
            self.error(off, "invalid args for &, expected one of:\n\n  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n  * &fun/arity to capture a local or imported function, such as &is_atom/1\n  * &some_code(&1, ...) containing at least one argument as &1, such as &List.flatten(&1)\n");
            return;
        }
        let module = self
            .module
            .as_ref()
            .map(|m| m.name)
            .unwrap_or(Atom::new("elixir_compiler_0"));
        self.push_fn(module, Atom::new("-fun-"), n);
        let saved = self.capture_arity.replace(n);
        // `&i` is argument i, which is slot i - 1 (see `FnCode::nlocals`).
        let scope = self.cur().scopes.last_mut().expect("no scope");
        for i in 1..=n {
            scope.insert(format!("&{i}"), i - 1);
        }
        let entry = self.here();
        let any = vec![crate::code::Pat::Any; n as usize];
        self.cur()
            .clauses
            .push(crate::code::Clause::new(any, None, entry));
        self.expr(e, true);
        self.emit_return();
        self.capture_arity = saved;
        self.finish_lambda();
    }

    fn emit_fun_ref(&mut self, module: Atom, name: Atom, arity: u32) {
        let f = Value::Fun(std::sync::Arc::new(crate::value::Fun::External {
            module,
            name,
            arity,
        }));
        self.emit_const(f);
    }

    /// `import Mod` and its `only:`/`except:` lists.
    pub(crate) fn import(&mut self, args: &[Expr], off: usize) {
        let Some(module) = args.first() else {
            return;
        };
        let Some(module) = self.module_literal(module) else {
            self.error(off, "invalid argument for import, expected a module");
            return;
        };
        let opts = args
            .get(1)
            .and_then(super::control::keyword_pairs)
            .unwrap_or_default();
        let list = |this: &mut Self, key: &str| -> Option<Vec<(Atom, u32)>> {
            let (_, v) = opts.iter().find(|(k, _)| k == key)?;
            match this.constant(v) {
                Some(l) if l.is_list() => Some(
                    l.iter_list()
                        .filter_map(|p| match p {
                            Value::Tuple(t) if t.len() == 2 => match (&t[0], &t[1]) {
                                (Value::Atom(f), Value::Int(a)) => Some((*f, *a as u32)),
                                _ => None,
                            },
                            _ => None,
                        })
                        .collect(),
                ),
                // `only: :functions` / `:macros`: everything phial has.
                _ => None,
            }
        };
        self.known.ensure_loaded(module);
        let only = list(self, "only");
        let except = list(self, "except").unwrap_or_default();
        self.imports.push(super::Import {
            module,
            only,
            except,
        });
    }

    /// The module an unqualified `name/arity` is imported from, if any.
    pub(crate) fn imported(&self, name: Atom, arity: u32) -> Option<Atom> {
        self.imports.iter().rev().find_map(|i| {
            let allowed = i.only.as_ref().is_none_or(|o| o.contains(&(name, arity)))
                && !i.except.contains(&(name, arity));
            let exists = library::lookup(i.module, name, arity as usize).is_some()
                || self.known.has_function(i.module, name, arity)
                || self.program_functions.contains(&(i.module, name, arity));
            (allowed && exists).then_some(i.module)
        })
    }

    /// The module an expression names at compile time: an alias, an
    /// Erlang module, `__MODULE__` or `__MODULE__.Sub`.
    pub(crate) fn module_literal(&self, e: &Expr) -> Option<Atom> {
        match &e.kind {
            ExprKind::Alias(segs) => Some(self.alias_of(segs)),
            ExprKind::Atom(a) => Some(Atom::new(a)),
            ExprKind::Var(v) if v == "__MODULE__" => self.module.as_ref().map(|m| m.name),
            ExprKind::Call {
                target: CallTarget::Remote { module, name },
                args,
                parens: false,
                block: None,
            } if args.is_empty() && name.starts_with(|c: char| c.is_ascii_uppercase()) => {
                let m = self.module_literal(module)?;
                Some(Atom::alias(&format!(
                    "{}.{name}",
                    m.as_str().trim_start_matches("Elixir.")
                )))
            }
            _ => None,
        }
    }

    pub(crate) fn struct_name(&mut self, e: &Expr) -> Atom {
        match &e.kind {
            ExprKind::Alias(segs) => self.alias_of(segs),
            ExprKind::Var(v) if v == "__MODULE__" => {
                self.module.as_ref().map(|m| m.name).unwrap_or(Atom::NIL)
            }
            _ => {
                self.error(e.span.start, "expected a struct name");
                Atom::NIL
            }
        }
    }
}

/// The capture arguments (`&1`, `&2`, ...) `e` uses, outside nested captures
/// and fns.
fn capture_args(e: &Expr) -> std::collections::BTreeSet<u32> {
    type Seen = std::collections::BTreeSet<u32>;
    fn go(e: &Expr, m: &mut Seen) {
        match &e.kind {
            ExprKind::CaptureArg(n) => {
                m.insert(*n);
            }
            ExprKind::Unary {
                op: UnaryOp::Capture,
                ..
            }
            | ExprKind::Fn(_) => {}
            ExprKind::Unary { expr, .. } => go(expr, m),
            ExprKind::Binary { lhs, rhs, .. } => {
                go(lhs, m);
                go(rhs, m)
            }
            ExprKind::RangeStep { first, last, step } => {
                go(first, m);
                go(last, m);
                go(step, m)
            }
            ExprKind::List { items, tail } => {
                items.iter().for_each(|i| go(i, m));
                if let Some(t) = tail {
                    go(t, m)
                }
            }
            ExprKind::Tuple(items) | ExprKind::Block(items) => items.iter().for_each(|i| go(i, m)),
            ExprKind::Map { update, entries } => {
                if let Some(u) = update {
                    go(u, m)
                }
                for (k, v) in entries {
                    go(k, m);
                    go(v, m)
                }
            }
            ExprKind::Struct {
                update, entries, ..
            } => {
                if let Some(u) = update {
                    go(u, m)
                }
                for (k, v) in entries {
                    go(k, m);
                    go(v, m)
                }
            }
            ExprKind::Call { target, args, .. } => {
                match target {
                    CallTarget::Remote { module, .. } => go(module, m),
                    CallTarget::Anonymous(f) | CallTarget::Nested(f) => go(f, m),
                    CallTarget::Local(_) => {}
                }
                args.iter().for_each(|a| go(a, m))
            }
            ExprKind::Access { expr, key } => {
                go(expr, m);
                go(key, m)
            }
            ExprKind::Str(parts) | ExprKind::Charlist(parts) => {
                for p in parts {
                    if let StrPart::Interp(e) = p {
                        go(e, m)
                    }
                }
            }
            _ => {}
        }
    }
    let mut m = Seen::new();
    go(e, &mut m);
    m
}

/// Elixir's check of a capture's arguments: numbered from 1 with none
/// skipped, and at most 255 of them. The error for the first rule broken.
fn capture_args_error(used: &std::collections::BTreeSet<u32>) -> Option<String> {
    let mut next = 1;
    for &a in used {
        if a != next {
            return Some(format!(
                "capture argument &{a} cannot be defined without &{next} (you cannot skip arguments, all arguments must be numbered)"
            ));
        }
        next = a + 1;
    }
    (next > 256).then(|| capture_range_error(i64::from(next - 1)))
}

/// Elixir's CompileError for a capture of more arguments than a fun can take.
fn capture_range_error(n: i64) -> String {
    format!("capture argument &{n} must be numbered between 1 and 255")
}
