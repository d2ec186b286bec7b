//! From phial's syntax tree to Elixir's quoted form: the tuples, lists and
//! literals `quote` returns and `Code.string_to_quoted` gives, with the
//! metadata Elixir puts there (`[line: n]` when parsing; `context:` and
//! `imports:` on imported calls, `alias: false` on aliases when quoting).
//!
//! `Quoter` serves both: in parse mode (`context: None`) variables carry
//! the `nil` context and every node its line; in quote mode they carry
//! the quoting module and `unquote`/`unquote_splicing` leave holes that
//! `Compiler::quote` fills with code.
//!
//! Not here: the way back, quoted form to syntax (`from_quoted`), and
//! running macros (`macros`).

use super::from_quoted::split_hygienic;
use super::kernel_imports::kernel_arities;
use crate::atom::Atom;
use crate::value::Value;
use phial_syntax::ast::*;

/// The atom a hole's marker tuple starts with: `{marker, index}` stands
/// where `unquote(expr)` was, until the quote's code puts the value there.
pub(crate) const HOLE: &str = "\u{0}unquote";
/// The same for `unquote_splicing(expr)`, which only stands in a list.
pub(crate) const SPLICE: &str = "\u{0}unquote_splicing";

/// Special forms that look like variables when quoted.
pub(crate) const VAR_FORMS: &[&str] = &[
    "__MODULE__",
    "__ENV__",
    "__DIR__",
    "__CALLER__",
    "__STACKTRACE__",
];

pub(crate) struct Quoter<'c> {
    /// The quoting module (`Elixir` outside one); `None` when parsing.
    pub context: Option<Atom>,
    pub lines: &'c [u32],
    pub source: &'c str,
    /// `alias`es in force, for the `alias:` metadata of a quoted alias.
    pub aliases: &'c [(String, Atom)],
    /// Whether `unquote` makes holes (`quote unquote: false` turns it off).
    pub unquote: bool,
    /// The expressions of the holes, in order, and whether each splices.
    pub holes: Vec<(Expr, bool)>,
}

fn kw(pairs: Vec<(&str, Value)>) -> Value {
    Value::list(
        pairs
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![Value::atom(k), v]))
            .collect(),
    )
}

fn node(name: &str, meta: Value, args: Value) -> Value {
    Value::tuple(vec![Value::atom(name), meta, args])
}

fn binary_op_name(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Default => "\\\\",
        op => op.symbol(),
    }
}

/// Special forms with an operator's shape: never imports.
fn special(name: &str) -> bool {
    matches!(
        name,
        "=" | "|" | "::" | "^" | "&" | "when" | "\\\\" | "<-" | "__block__" | "->" | "fn"
    )
}

impl<'c> Quoter<'c> {
    fn parsing(&self) -> bool {
        self.context.is_none()
    }

    fn line(&self, span: Span) -> i64 {
        match self.lines.binary_search(&(span.start as u32)) {
            Ok(i) => i as i64 + 1,
            Err(i) => i as i64,
        }
    }

    /// A node's metadata: `extra`, then the line when parsing.
    fn meta(&self, span: Span, mut extra: Vec<(&str, Value)>) -> Value {
        if self.parsing() {
            extra.push(("line", Value::Int(self.line(span))));
        }
        kw(extra)
    }

    /// The metadata of a call of `name/arity`: when quoting, the context and
    /// the arities Kernel exports the name at, if it is an import there.
    fn call_meta(&self, span: Span, name: &str, arity: usize) -> Value {
        if let Some(ctx) = self.context {
            if !special(name) {
                if let Some(arities) = kernel_arities(name) {
                    if arities.contains(&(arity as u32)) {
                        let imports = arities
                            .iter()
                            .map(|a| {
                                Value::tuple(vec![
                                    Value::Int(*a as i64),
                                    Value::Atom(Atom::alias("Kernel")),
                                ])
                            })
                            .collect();
                        return kw(vec![
                            ("context", Value::Atom(ctx)),
                            ("imports", Value::list(imports)),
                        ]);
                    }
                }
            }
        }
        self.meta(span, vec![])
    }

    fn var_context(&self) -> Value {
        self.context.map_or(Value::NIL_ATOM, Value::Atom)
    }

    fn all(&mut self, items: &[Expr]) -> Vec<Value> {
        items.iter().map(|e| self.quote(e)).collect()
    }

    /// `do` block sections as the keyword list Elixir passes as the last
    /// argument: `[do: body, else: other]`.
    pub(crate) fn block_keywords(&mut self, block: &DoBlock) -> Value {
        let items = block
            .sections
            .iter()
            .map(|s| {
                let body = match &s.body {
                    BlockBody::Exprs(es) => self.block(es),
                    BlockBody::Clauses(cs) => self.arrows(cs),
                };
                Value::tuple(vec![Value::atom(s.label.name()), body])
            })
            .collect();
        Value::list(items)
    }

    /// Several expressions as one: `{:__block__, [], exprs}` unless one.
    pub(crate) fn block(&mut self, es: &[Expr]) -> Value {
        match es {
            // Elixir's parser keeps a lone `not x` or `!x` in a block.
            [one]
                if !matches!(
                    one.kind,
                    ExprKind::Unary {
                        op: UnaryOp::Not | UnaryOp::Bang,
                        ..
                    }
                ) =>
            {
                self.quote(one)
            }
            _ => {
                let items = self.all(es);
                node("__block__", Value::Nil, self.list_of(items))
            }
        }
    }

    fn arrows(&mut self, clauses: &[StabClause]) -> Value {
        let items = clauses.iter().map(|c| self.arrow(c)).collect();
        Value::list(items)
    }

    fn arrow(&mut self, c: &StabClause) -> Value {
        let mut args = self.all(&c.args);
        if let Some(g) = &c.guard {
            args.push(self.quote(g));
            let meta = self.meta(c.span, vec![]);
            args = vec![node("when", meta, Value::list(args))];
        }
        let body = self.block(&c.body);
        let meta = self.meta(c.span, vec![]);
        node("->", meta, Value::list(vec![self.list_of(args), body]))
    }

    /// A list of quoted items; a splice hole among them stays a marker the
    /// quote's code expands.
    fn list_of(&self, items: Vec<Value>) -> Value {
        Value::list(items)
    }

    fn hole(&mut self, e: &Expr, splice: bool) -> Value {
        let i = self.holes.len() as i64;
        self.holes.push((e.clone(), splice));
        Value::tuple(vec![
            Value::atom(if splice { SPLICE } else { HOLE }),
            Value::Int(i),
        ])
    }

    fn text(&mut self, parts: &[StrPart], span: Span) -> Value {
        if let Some(s) = super::pattern::literal_string(parts) {
            return super::pattern::text_value(&s);
        }
        let mut pieces: Vec<Value> = parts
            .iter()
            .map(|p| match p {
                StrPart::Lit(t) => super::pattern::text_value(t),
                StrPart::Interp(e) => self.interpolation(e),
            })
            .collect();
        // A heredoc that opens on an interpolation keeps the empty text
        // before it, as Elixir's tokenizer leaves it.
        let heredoc = self
            .source
            .get(span.start..)
            .is_some_and(|t| t.starts_with("\"\"\""));
        if heredoc && matches!(parts.first(), Some(StrPart::Interp(_))) {
            pieces.insert(0, Value::str(""));
        }
        node("<<>>", self.meta(span, vec![]), Value::list(pieces))
    }

    /// `#{e}` in a string: `Kernel.to_string(e)::binary`, on `e`'s line.
    fn interpolation(&mut self, e: &Expr) -> Value {
        let span = e.span;
        let inner = self.kernel_to_string(e, span);
        let binary = node("binary", self.meta(span, vec![]), self.var_context());
        node(
            "::",
            self.meta(span, vec![]),
            Value::list(vec![inner, binary]),
        )
    }

    /// `Kernel.to_string(e)`, as interpolation quotes it.
    fn kernel_to_string(&mut self, e: &Expr, span: Span) -> Value {
        let q = self.quote(e);
        let dot = node(
            ".",
            self.meta(span, vec![]),
            Value::list(vec![
                Value::Atom(Atom::alias("Kernel")),
                Value::atom("to_string"),
            ]),
        );
        Value::tuple(vec![dot, self.meta(span, vec![]), Value::list(vec![q])])
    }

    /// The delimiter a sigil was written with, read from the source.
    fn sigil_delimiter(&self, span: Span) -> String {
        let rest = self.source.get(span.start..).unwrap_or("");
        let after = rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| !c.is_ascii_alphanumeric())
            .map_or("", |(i, _)| &rest[i..]);
        for heredoc in ["\"\"\"", "'''"] {
            if after.starts_with(heredoc) {
                return heredoc.to_string();
            }
        }
        after.chars().next().map(String::from).unwrap_or_default()
    }

    /// Where the operator between `lhs` and `rhs` stands in the source.
    fn operator_span(&self, op: BinaryOp, lhs: Span, rhs: Span) -> Option<Span> {
        if !self.parsing() {
            return None;
        }
        let between = self.source.get(lhs.end..rhs.start)?;
        let symbol = match op {
            BinaryOp::NotIn => "not",
            BinaryOp::Default => "\\\\",
            op => op.symbol(),
        };
        let at = between.find(symbol)?;
        Some(Span::new(lhs.end + at, lhs.end + at))
    }

    /// The `indentation:` of a heredoc sigil: the spaces before its
    /// closing delimiter.
    fn heredoc_indentation(&self, span: Span, delimiter: &str) -> Option<i64> {
        let text = self.source.get(span.start..span.end)?;
        let close = text.rfind(delimiter)?;
        let before = &text[..close];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let pad = &before[line_start..];
        pad.chars()
            .all(|c| c == ' ' || c == '\t')
            .then_some(pad.chars().count() as i64)
    }

    fn alias(&self, segs: &[String], span: Span) -> Value {
        let meta = if self.parsing() {
            self.meta(span, vec![])
        } else {
            let found = segs.first().and_then(|first| {
                self.aliases
                    .iter()
                    .rev()
                    .find(|(s, _)| s == first)
                    .map(|(_, full)| *full)
            });
            kw(vec![("alias", found.map_or(Value::FALSE, Value::Atom))])
        };
        let parts = segs.iter().map(|s| Value::atom(s)).collect();
        node("__aliases__", meta, Value::list(parts))
    }

    fn var(&self, name: &str, span: Span) -> Value {
        if let (n, Some((ctx, counter))) = split_hygienic(name) {
            let meta = kw(vec![("counter", Value::Int(counter))]);
            return node(n, meta, Value::Atom(Atom::new(ctx)));
        }
        let meta = if VAR_FORMS.contains(&name) {
            self.meta(span, vec![])
        } else {
            self.call_meta(span, name, 0)
        };
        node(name, meta, self.var_context())
    }

    fn call(
        &mut self,
        target: &CallTarget,
        args: &[Expr],
        parens: bool,
        block: Option<&DoBlock>,
        span: Span,
    ) -> Value {
        if let CallTarget::Local(name) = target {
            if self.unquote && !self.parsing() && args.len() == 1 && block.is_none() {
                match name.as_str() {
                    "unquote" => return self.hole(&args[0], false),
                    "unquote_splicing" => return self.hole(&args[0], true),
                    _ => {}
                }
            }
        }
        let mut qargs = Vec::with_capacity(args.len() + 1);
        for (i, a) in args.iter().enumerate() {
            // `when` heading a definition carries the context, as Elixir's.
            let head_of_def = i == 0
                && matches!(target, CallTarget::Local(n) if matches!(n.as_str(), "def" | "defp" | "defmacro" | "defmacrop" | "defguard" | "defguardp"));
            match (&a.kind, self.context) {
                (
                    ExprKind::Binary {
                        op: BinaryOp::When,
                        lhs,
                        rhs,
                    },
                    Some(ctx),
                ) if head_of_def => {
                    let l = self.quote(lhs);
                    let r = self.quote(rhs);
                    qargs.push(node(
                        "when",
                        kw(vec![("context", Value::Atom(ctx))]),
                        Value::list(vec![l, r]),
                    ));
                }
                _ => qargs.push(self.quote(a)),
            }
        }
        if let Some(b) = block {
            qargs.push(self.block_keywords(b));
        }
        let arity = qargs.len();
        match target {
            CallTarget::Local(name) => {
                let meta = self.call_meta(span, name, arity);
                node(name, meta, Value::list(qargs))
            }
            CallTarget::Remote { module, name } => {
                let no_parens = !parens && args.is_empty() && block.is_none();
                if no_parens && name.starts_with(|c: char| c.is_ascii_uppercase()) {
                    // `__MODULE__.Sub`
                    let m = self.quote(module);
                    return node(
                        "__aliases__",
                        self.meta(span, vec![]),
                        Value::list(vec![m, Value::atom(name)]),
                    );
                }
                let m = self.quote(module);
                let dot = node(
                    ".",
                    self.meta(span, vec![]),
                    Value::list(vec![m, Value::atom(name)]),
                );
                let meta = if no_parens {
                    self.meta(span, vec![("no_parens", Value::TRUE)])
                } else {
                    self.meta(span, vec![])
                };
                Value::tuple(vec![dot, meta, Value::list(qargs)])
            }
            CallTarget::Anonymous(f) => {
                let f = self.quote(f);
                let dot = node(".", self.meta(span, vec![]), Value::list(vec![f]));
                Value::tuple(vec![dot, self.meta(span, vec![]), Value::list(qargs)])
            }
            CallTarget::Nested(inner) => {
                let inner = self.quote(inner);
                Value::tuple(vec![inner, self.meta(span, vec![]), Value::list(qargs)])
            }
        }
    }

    /// The quoted form of `e`.
    pub(crate) fn quote(&mut self, e: &Expr) -> Value {
        let span = e.span;
        match &e.kind {
            ExprKind::Int(i) => Value::Int(*i),
            ExprKind::BigInt(s) => s
                .parse::<num_bigint::BigInt>()
                .map(Value::bigint)
                .unwrap_or(Value::NIL_ATOM),
            ExprKind::Float(f) => Value::Float(*f),
            ExprKind::Atom(a) => Value::atom(a),
            ExprKind::Str(parts) => self.text(parts, span),
            ExprKind::Charlist(parts) => match super::pattern::literal_string(parts) {
                Some(s) => super::pattern::charlist(&s),
                None => {
                    let pieces = parts
                        .iter()
                        .map(|p| match p {
                            StrPart::Lit(t) => super::pattern::text_value(t),
                            StrPart::Interp(e) => self.kernel_to_string(e, e.span),
                        })
                        .collect();
                    let dot = node(
                        ".",
                        self.meta(span, vec![]),
                        Value::list(vec![
                            Value::Atom(Atom::alias("List")),
                            Value::atom("to_charlist"),
                        ]),
                    );
                    Value::tuple(vec![
                        dot,
                        self.meta(span, vec![]),
                        Value::list(vec![Value::list(pieces)]),
                    ])
                }
            },
            ExprKind::Sigil {
                letter,
                parts,
                modifiers,
            } => {
                let name = format!("sigil_{letter}");
                let pieces: Vec<Value> = parts
                    .iter()
                    .map(|p| match p {
                        StrPart::Lit(t) => super::pattern::text_value(t),
                        StrPart::Interp(e) => self.interpolation(e),
                    })
                    .collect();
                let delim = self.sigil_delimiter(span);
                let indentation = if delim.len() == 3 && self.parsing() {
                    self.heredoc_indentation(span, &delim)
                } else {
                    None
                };
                let delimiter = Value::str(delim);
                let mut meta = vec![("delimiter", delimiter)];
                if let Some(ctx) = self.context {
                    if kernel_arities(&name).is_some_and(|a| a.contains(&2)) {
                        let imports = Value::list(vec![Value::tuple(vec![
                            Value::Int(2),
                            Value::Atom(Atom::alias("Kernel")),
                        ])]);
                        meta.push(("context", Value::Atom(ctx)));
                        meta.push(("imports", imports));
                    }
                }
                let text_meta = match indentation {
                    Some(n) => self.meta(span, vec![("indentation", Value::Int(n))]),
                    None => self.meta(span, vec![]),
                };
                let text = node("<<>>", text_meta, Value::list(pieces));
                let mods = super::pattern::charlist(modifiers);
                node(&name, self.meta(span, meta), Value::list(vec![text, mods]))
            }
            ExprKind::Var(name) => self.var(name, span),
            ExprKind::Alias(segs) => self.alias(segs, span),
            ExprKind::ModuleAttr { name, value } => {
                let inner_meta = match self.context {
                    Some(ctx) => kw(vec![("context", Value::Atom(ctx))]),
                    None => self.meta(span, vec![]),
                };
                let inner = match value {
                    None => node(name, inner_meta, self.var_context()),
                    Some(v) => {
                        let v = self.quote(v);
                        node(name, inner_meta, Value::list(vec![v]))
                    }
                };
                let meta = self.call_meta(span, "@", 1);
                node("@", meta, Value::list(vec![inner]))
            }
            ExprKind::List { items, tail } => {
                let mut qs = self.all(items);
                if let Some(t) = tail {
                    let t = self.quote(t);
                    if let Some(last) = qs.pop() {
                        qs.push(node(
                            "|",
                            self.meta(span, vec![]),
                            Value::list(vec![last, t]),
                        ));
                    }
                }
                Value::list(qs)
            }
            ExprKind::Tuple(items) => {
                let qs = self.all(items);
                if qs.len() == 2 {
                    Value::tuple(qs)
                } else {
                    node("{}", self.meta(span, vec![]), Value::list(qs))
                }
            }
            ExprKind::Bitstring(segs) => {
                let qs = self.all(segs);
                node("<<>>", self.meta(span, vec![]), Value::list(qs))
            }
            ExprKind::Map { update, entries } => self.map(update.as_deref(), entries, span),
            ExprKind::Struct {
                name,
                update,
                entries,
            } => {
                let n = self.quote(name);
                let m = self.map(update.as_deref(), entries, span);
                node("%", self.meta(span, vec![]), Value::list(vec![n, m]))
            }
            ExprKind::Unary { op, expr } => {
                let name = op.symbol();
                let q = self.quote(expr);
                let meta = self.call_meta(span, name, 1);
                node(name, meta, Value::list(vec![q]))
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let l = self.quote(lhs);
                let r = self.quote(rhs);
                // The operator's own line, as Elixir's parser records it.
                let span = self.operator_span(*op, lhs.span, rhs.span).unwrap_or(span);
                // `pattern when guard <- expr` (a `with`/`for` clause):
                // Elixir's tree has the arrow outside.
                if let (
                    BinaryOp::When,
                    ExprKind::Binary {
                        op: BinaryOp::Send,
                        lhs: g,
                        rhs: source,
                    },
                ) = (*op, &rhs.kind)
                {
                    let l = self.quote(lhs);
                    let g = self.quote(g);
                    let source = self.quote(source);
                    let when = node("when", self.meta(span, vec![]), Value::list(vec![l, g]));
                    return node(
                        "<-",
                        self.meta(span, vec![]),
                        Value::list(vec![when, source]),
                    );
                }
                if *op == BinaryOp::NotIn {
                    let inner = node("in", self.call_meta(span, "in", 2), Value::list(vec![l, r]));
                    return node(
                        "not",
                        self.call_meta(span, "not", 1),
                        Value::list(vec![inner]),
                    );
                }
                let name = binary_op_name(*op);
                node(name, self.call_meta(span, name, 2), Value::list(vec![l, r]))
            }
            ExprKind::RangeStep { first, last, step } => {
                let qs = vec![self.quote(first), self.quote(last), self.quote(step)];
                node("..//", self.call_meta(span, "..//", 3), Value::list(qs))
            }
            ExprKind::Call {
                target,
                args,
                parens,
                block,
            } => self.call(target, args, *parens, block.as_ref(), span),
            ExprKind::Access { expr, key } => {
                let e = self.quote(expr);
                let k = self.quote(key);
                let dot = node(
                    ".",
                    self.meta(span, vec![]),
                    Value::list(vec![Value::Atom(Atom::alias("Access")), Value::atom("get")]),
                );
                Value::tuple(vec![dot, self.meta(span, vec![]), Value::list(vec![e, k])])
            }
            ExprKind::Fn(clauses) => {
                let arrows = self.arrows(clauses);
                node("fn", self.meta(span, vec![]), arrows)
            }
            ExprKind::CaptureArg(n) => node(
                "&",
                self.meta(span, vec![]),
                Value::list(vec![Value::Int(*n as i64)]),
            ),
            ExprKind::Block(es) => {
                let items = self.all(es);
                node("__block__", Value::Nil, Value::list(items))
            }
            ExprKind::Stab(clauses) => self.arrows(clauses),
        }
    }

    fn map(&mut self, update: Option<&Expr>, entries: &[(Expr, Expr)], span: Span) -> Value {
        let pairs: Vec<Value> = entries
            .iter()
            .map(|(k, v)| {
                let k = self.quote(k);
                let v = self.quote(v);
                Value::tuple(vec![k, v])
            })
            .collect();
        let args = match update {
            Some(u) => {
                let u = self.quote(u);
                vec![node(
                    "|",
                    self.meta(span, vec![]),
                    Value::list(vec![u, Value::list(pairs)]),
                )]
            }
            None => pairs,
        };
        node("%{}", self.meta(span, vec![]), Value::list(args))
    }
}

/// Whether a quoted template holds a hole anywhere.
pub(crate) fn has_hole(v: &Value) -> bool {
    match v {
        Value::Tuple(t) => {
            if t.len() == 2 {
                if let Value::Atom(a) = &t[0] {
                    if a.as_str() == HOLE || a.as_str() == SPLICE {
                        return true;
                    }
                }
            }
            t.iter().any(has_hole)
        }
        Value::Cons(_) => v.iter_list().any(has_hole),
        _ => false,
    }
}

/// The hole a template node is, if it is one: (index, splices).
pub(crate) fn as_hole(v: &Value) -> Option<(usize, bool)> {
    let Value::Tuple(t) = v else { return None };
    if t.len() != 2 {
        return None;
    }
    let (Value::Atom(a), Value::Int(i)) = (&t[0], &t[1]) else {
        return None;
    };
    match a.as_str() {
        HOLE => Some((*i as usize, false)),
        SPLICE => Some((*i as usize, true)),
        _ => None,
    }
}

/// The quoted form of parsed source, as `Code.string_to_quoted` gives it:
/// one expression as itself, several as a `__block__`.
pub(crate) fn parse_quoted(exprs: &[Expr], source: &str) -> Value {
    let lines = super::line_starts(source);
    let mut q = Quoter {
        context: None,
        lines: &lines,
        source,
        aliases: &[],
        unquote: false,
        holes: Vec::new(),
    };
    q.block(exprs)
}
