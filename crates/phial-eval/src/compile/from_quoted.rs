//! From Elixir's quoted form back to phial's syntax tree: what a macro
//! returns, and what `Code.eval_quoted` is given, becomes code the
//! compiler lowers like any source.
//!
//! Hygiene lives here. A variable quoted inside a macro carries the
//! macro's module as its context (`{:x, [], Hygiene}`); it becomes a
//! variable whose name holds that context and the expansion's counter, so
//! it never meets the caller's `x`. `var!(x)` and the `nil` context of
//! code the caller wrote give the plain name.
//!
//! Not here: quoting (`quote`), running macros (`macros`).

use crate::atom::Atom;
use crate::value::Value;
use phial_syntax::ast::*;

/// Separates a hygienic variable's name from its context and counter; no
/// identifier holds it.
const HYGIENE: char = '\u{1}';

/// The variable name of `name` quoted in `context` during expansion
/// `counter`.
pub(crate) fn hygienic_name(name: &str, context: &str, counter: i64) -> String {
    format!("{name}{HYGIENE}{context}{HYGIENE}{counter}")
}

/// A variable name split into the name as written and, for a hygienic
/// one, its context and counter.
pub(crate) fn split_hygienic(name: &str) -> (&str, Option<(&str, i64)>) {
    let mut parts = name.split(HYGIENE);
    let base = parts.next().unwrap_or(name);
    match (parts.next(), parts.next().and_then(|c| c.parse().ok())) {
        (Some(ctx), Some(counter)) => (base, Some((ctx, counter))),
        _ => (name, None),
    }
}

/// The name a user sees for a variable (messages, `binding/0`).
pub(crate) fn display_name(name: &str) -> &str {
    split_hygienic(name).0
}

pub(crate) struct Unquoter {
    /// Where the code came from (the macro call): every node's span.
    pub span: Span,
    /// The expansion's counter, for variables that have none yet.
    pub counter: i64,
    depth: u32,
    /// The caller's line starts: a node whose metadata has a `line:` gets a
    /// span on that line, so code a macro passes through (a test's body, an
    /// assertion) reports its own line rather than the macro call's.
    lines: Option<std::sync::Arc<Vec<u32>>>,
}

type R<T> = Result<T, String>;

fn mk(span: Span, kind: ExprKind) -> Expr {
    Expr::new(kind, span)
}

fn invalid(v: &Value) -> String {
    format!(
        "invalid quoted expression: {}\n\nPlease make sure your quoted expressions are made of valid AST nodes. If you would like to introduce a value into the AST, such as a four-element tuple or a map, make sure to call Macro.escape/1 before",
        crate::format::inspect(v)
    )
}

fn unary_op(name: &str) -> Option<UnaryOp> {
    Some(match name {
        "-" => UnaryOp::Neg,
        "+" => UnaryOp::Plus,
        "!" => UnaryOp::Bang,
        "not" => UnaryOp::Not,
        "^" => UnaryOp::Pin,
        "&" => UnaryOp::Capture,
        _ => return None,
    })
}

fn binary_op(name: &str) -> Option<BinaryOp> {
    use BinaryOp::*;
    Some(match name {
        "=" => Match,
        "+" => Add,
        "-" => Sub,
        "*" => Mul,
        "/" => Div,
        "**" => Pow,
        "++" => Concat,
        "--" => Subtract,
        "<>" => StrConcat,
        ".." => Range,
        "==" => Eq,
        "!=" => NotEq,
        "===" => StrictEq,
        "!==" => StrictNotEq,
        "<" => Lt,
        ">" => Gt,
        "<=" => Le,
        ">=" => Ge,
        "=~" => RegexMatch,
        "&&" => AndAnd,
        "||" => OrOr,
        "and" => And,
        "or" => Or,
        "in" => In,
        "|>" => Pipe,
        "<-" => Send,
        "when" => When,
        "\\\\" => Default,
        "|" => Bar,
        "::" => Type,
        _ => return None,
    })
}

fn label(name: &str) -> Option<BlockLabel> {
    Some(match name {
        "do" => BlockLabel::Do,
        "else" => BlockLabel::Else,
        "after" => BlockLabel::After,
        "rescue" => BlockLabel::Rescue,
        "catch" => BlockLabel::Catch,
        _ => return None,
    })
}

/// A keyword list's pairs, if `v` is one with atom keys.
fn keyword(v: &Value) -> Option<Vec<(Atom, Value)>> {
    let mut out = Vec::new();
    for item in v.iter_list() {
        match item {
            Value::Tuple(t) if t.len() == 2 => match &t[0] {
                Value::Atom(k) => out.push((*k, t[1].clone())),
                _ => return None,
            },
            _ => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A 3-tuple's parts.
fn triple(v: &Value) -> Option<(&Value, &Value, &Value)> {
    match v {
        Value::Tuple(t) if t.len() == 3 => Some((&t[0], &t[1], &t[2])),
        _ => None,
    }
}

fn meta_int(meta: &Value, key: &str) -> Option<i64> {
    meta.iter_list().find_map(|item| match item {
        Value::Tuple(t) if t.len() == 2 && t[0] == Value::atom(key) => match &t[1] {
            Value::Int(i) => Some(*i),
            _ => None,
        },
        _ => None,
    })
}

fn meta_true(meta: &Value, key: &str) -> bool {
    meta.iter_list().any(|item| match item {
        Value::Tuple(t) if t.len() == 2 => t[0] == Value::atom(key) && t[1] == Value::TRUE,
        _ => false,
    })
}

impl Unquoter {
    pub(crate) fn new(span: Span, counter: i64) -> Self {
        Unquoter {
            span,
            counter,
            depth: 0,
            lines: None,
        }
    }

    /// With the caller's line starts (see `lines`).
    pub(crate) fn with_lines(mut self, lines: std::sync::Arc<Vec<u32>>) -> Self {
        self.lines = Some(lines);
        self
    }

    /// The span of a node with `meta`: its line's start, when the metadata
    /// names a line of the caller's source; else the current span.
    fn span_of(&self, meta: &Value) -> Span {
        let line = meta.iter_list().find_map(|item| match item {
            Value::Tuple(t) if t.len() == 2 && t[0] == Value::atom("line") => match t[1] {
                Value::Int(l) => Some(l),
                _ => None,
            },
            _ => None,
        });
        match (line, &self.lines) {
            (Some(l), Some(lines)) if l >= 1 && (l as usize) <= lines.len() => {
                let start = lines[l as usize - 1] as usize;
                Span { start, end: start }
            }
            _ => self.span,
        }
    }

    fn all(&mut self, v: &Value) -> R<Vec<Expr>> {
        let items = v.list_to_vec().ok_or_else(|| invalid(v))?;
        items.iter().map(|i| self.expr(i)).collect()
    }

    /// The expressions of a body: a `__block__`'s, or the one.
    fn body(&mut self, v: &Value) -> R<Vec<Expr>> {
        if let Some((Value::Atom(a), _, args)) = triple(v) {
            if a.as_str() == "__block__" && args.is_list() {
                return self.all(args);
            }
        }
        Ok(vec![self.expr(v)?])
    }

    fn is_arrow(v: &Value) -> bool {
        matches!(triple(v), Some((Value::Atom(a), _, _)) if a.as_str() == "->")
    }

    fn arrows(&mut self, v: &Value) -> R<Vec<StabClause>> {
        let items = v.list_to_vec().ok_or_else(|| invalid(v))?;
        items.iter().map(|a| self.arrow(a)).collect()
    }

    fn arrow(&mut self, v: &Value) -> R<StabClause> {
        let Some((_, _, args)) = triple(v) else {
            return Err(invalid(v));
        };
        let parts = args.list_to_vec().ok_or_else(|| invalid(v))?;
        let [head, body] = parts.as_slice() else {
            return Err(invalid(v));
        };
        let heads = head.list_to_vec().ok_or_else(|| invalid(head))?;
        let (args, guard) = match heads.as_slice() {
            [one] => match triple(one) {
                Some((Value::Atom(w), _, wargs)) if w.as_str() == "when" && wargs.is_list() => {
                    let mut all = self.all(wargs)?;
                    let guard = all.pop();
                    (all, guard)
                }
                _ => (vec![self.expr(one)?], None),
            },
            _ => (
                heads.iter().map(|h| self.expr(h)).collect::<R<Vec<_>>>()?,
                None,
            ),
        };
        Ok(StabClause {
            args,
            guard,
            body: self.body(body)?,
            span: self.span,
        })
    }

    /// A trailing `[do: ..., else: ...]` as a do block.
    fn do_block(&mut self, v: &Value) -> R<Option<DoBlock>> {
        let Some(pairs) = keyword(v) else {
            return Ok(None);
        };
        if pairs[0].0.as_str() != "do" || pairs.iter().any(|(k, _)| label(k.as_str()).is_none()) {
            return Ok(None);
        }
        let mut sections = Vec::new();
        for (k, body) in pairs {
            let body = if body.is_list()
                && body.iter_list().next().is_some()
                && body.iter_list().all(Self::is_arrow)
            {
                BlockBody::Clauses(self.arrows(&body)?)
            } else {
                BlockBody::Exprs(self.body(&body)?)
            };
            sections.push(BlockSection {
                label: label(k.as_str()).expect("checked above"),
                body,
                span: self.span,
            });
        }
        Ok(Some(DoBlock {
            sections,
            span: self.span,
        }))
    }

    fn var(&self, name: Atom, meta: &Value, context: Atom) -> Expr {
        let n = name.as_str();
        if context == Atom::NIL || super::quote::VAR_FORMS.contains(&n) || n == "_" {
            return match meta_int(meta, "counter") {
                Some(c) if context != Atom::NIL => mk(
                    self.span,
                    ExprKind::Var(hygienic_name(n, context.as_str(), c)),
                ),
                _ => mk(self.span, ExprKind::Var(n.to_string())),
            };
        }
        let counter = meta_int(meta, "counter").unwrap_or(self.counter);
        mk(
            self.span,
            ExprKind::Var(hygienic_name(n, context.as_str(), counter)),
        )
    }

    /// The syntax of a quoted expression.
    pub(crate) fn expr(&mut self, v: &Value) -> R<Expr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err("the quoted expression is nested too deeply".into());
        }
        let r = self.expr_inner(v);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, v: &Value) -> R<Expr> {
        match v {
            Value::Int(i) => Ok(mk(self.span, ExprKind::Int(*i))),
            Value::BigInt(b) => {
                let s = b.to_string();
                Ok(match s.strip_prefix('-') {
                    Some(pos) => mk(
                        self.span,
                        ExprKind::Unary {
                            op: UnaryOp::Neg,
                            expr: Box::new(mk(self.span, ExprKind::BigInt(pos.to_string()))),
                        },
                    ),
                    None => mk(self.span, ExprKind::BigInt(s)),
                })
            }
            Value::Float(f) => Ok(mk(self.span, ExprKind::Float(*f))),
            Value::Atom(a) => Ok(mk(self.span, ExprKind::Atom(a.as_str().to_string()))),
            Value::Bin(_) => match v.as_str() {
                Some(s) => Ok(mk(
                    self.span,
                    ExprKind::Str(vec![StrPart::Lit(s.to_string())]),
                )),
                None => {
                    let bytes = v.as_bytes().ok_or_else(|| invalid(v))?;
                    if bytes.len() * 8 != bit_size(v) {
                        return Err(invalid(v));
                    }
                    let text: String = bytes
                        .iter()
                        .map(|b| {
                            if b.is_ascii() {
                                *b as char
                            } else {
                                char::from_u32(RAW_BYTE_BASE + *b as u32).unwrap_or('?')
                            }
                        })
                        .collect();
                    Ok(mk(self.span, ExprKind::Str(vec![StrPart::Lit(text)])))
                }
            },
            Value::Nil => Ok(mk(
                self.span,
                ExprKind::List {
                    items: vec![],
                    tail: None,
                },
            )),
            Value::Cons(_) => {
                let items = v.list_to_vec().ok_or_else(|| invalid(v))?;
                let mut out = Vec::with_capacity(items.len());
                let mut tail = None;
                let n = items.len();
                for (i, item) in items.iter().enumerate() {
                    if i + 1 == n {
                        if let Some((Value::Atom(bar), _, args)) = triple(item) {
                            if bar.as_str() == "|" {
                                let parts = args.list_to_vec().unwrap_or_default();
                                if let [h, t] = parts.as_slice() {
                                    out.push(self.expr(h)?);
                                    tail = Some(Box::new(self.expr(t)?));
                                    continue;
                                }
                            }
                        }
                    }
                    out.push(self.expr(item)?);
                }
                Ok(mk(self.span, ExprKind::List { items: out, tail }))
            }
            Value::Tuple(t) if t.len() == 2 => {
                let a = self.expr(&t[0])?;
                let b = self.expr(&t[1])?;
                Ok(mk(self.span, ExprKind::Tuple(vec![a, b])))
            }
            Value::Tuple(t) if t.len() == 3 => {
                let outer = self.span;
                self.span = self.span_of(&t[1]);
                let r = self.form(&t[0], &t[1], &t[2], v);
                self.span = outer;
                r
            }
            _ => Err(invalid(v)),
        }
    }

    fn form(&mut self, head: &Value, meta: &Value, args: &Value, whole: &Value) -> R<Expr> {
        match head {
            Value::Atom(name) => {
                if let Value::Atom(ctx) = args {
                    return Ok(self.var(*name, meta, *ctx));
                }
                if !args.is_list() {
                    return Err(invalid(whole));
                }
                self.named(*name, meta, args, whole)
            }
            _ => {
                if !args.is_list() {
                    return Err(invalid(whole));
                }
                let (mut call_args, block) = self.call_parts(args)?;
                if let Some((Value::Atom(dot), _, dargs)) = triple(head) {
                    if dot.as_str() == "." {
                        let parts = dargs.list_to_vec().ok_or_else(|| invalid(head))?;
                        match parts.as_slice() {
                            [left, Value::Atom(fun)] => {
                                if *left == Value::Atom(Atom::alias("Access"))
                                    && fun.as_str() == "get"
                                    && call_args.len() == 2
                                {
                                    let key = call_args.pop().expect("two arguments");
                                    let expr = call_args.pop().expect("two arguments");
                                    return Ok(mk(
                                        self.span,
                                        ExprKind::Access {
                                            expr: Box::new(expr),
                                            key: Box::new(key),
                                        },
                                    ));
                                }
                                let module = self.expr(left)?;
                                let parens =
                                    !(meta_true(meta, "no_parens") && call_args.is_empty());
                                return Ok(mk(
                                    self.span,
                                    ExprKind::Call {
                                        target: CallTarget::Remote {
                                            module: Box::new(module),
                                            name: fun.as_str().to_string(),
                                        },
                                        args: call_args,
                                        parens,
                                        block,
                                    },
                                ));
                            }
                            [f] => {
                                let f = self.expr(f)?;
                                return Ok(mk(
                                    self.span,
                                    ExprKind::Call {
                                        target: CallTarget::Anonymous(Box::new(f)),
                                        args: call_args,
                                        parens: true,
                                        block: None,
                                    },
                                ));
                            }
                            _ => return Err(invalid(whole)),
                        }
                    }
                }
                let inner = self.expr(head)?;
                Ok(mk(
                    self.span,
                    ExprKind::Call {
                        target: CallTarget::Nested(Box::new(inner)),
                        args: call_args,
                        parens: true,
                        block: None,
                    },
                ))
            }
        }
    }

    /// A call's arguments, a trailing do-block keyword list as its block.
    fn call_parts(&mut self, args: &Value) -> R<(Vec<Expr>, Option<DoBlock>)> {
        let mut items = args.list_to_vec().unwrap_or_default();
        let block = match items.last() {
            Some(last) => self.do_block(last)?,
            None => None,
        };
        if block.is_some() {
            items.pop();
        }
        let exprs = items.iter().map(|i| self.expr(i)).collect::<R<Vec<_>>>()?;
        Ok((exprs, block))
    }

    fn named(&mut self, name: Atom, meta: &Value, args: &Value, whole: &Value) -> R<Expr> {
        let items = args.list_to_vec().ok_or_else(|| invalid(whole))?;
        let n = name.as_str();
        match (n, items.as_slice()) {
            ("__block__", _) => return Ok(mk(self.span, ExprKind::Block(self.all(args)?))),
            ("__aliases__", parts) => {
                let mut segs = Vec::new();
                for (i, p) in parts.iter().enumerate() {
                    match p {
                        Value::Atom(a) => segs.push(a.as_str().to_string()),
                        other if i == 0 => {
                            // `__MODULE__.Sub`: a remote "call" on the module.
                            let mut e = self.expr(other)?;
                            for rest in &parts[1..] {
                                let Value::Atom(a) = rest else {
                                    return Err(invalid(whole));
                                };
                                e = mk(
                                    self.span,
                                    ExprKind::Call {
                                        target: CallTarget::Remote {
                                            module: Box::new(e),
                                            name: a.as_str().to_string(),
                                        },
                                        args: vec![],
                                        parens: false,
                                        block: None,
                                    },
                                );
                            }
                            return Ok(e);
                        }
                        _ => return Err(invalid(whole)),
                    }
                }
                return Ok(mk(self.span, ExprKind::Alias(segs)));
            }
            ("{}", _) => return Ok(mk(self.span, ExprKind::Tuple(self.all(args)?))),
            ("%{}", _) => {
                return self.map(args, whole).map(|(u, e)| {
                    mk(
                        self.span,
                        ExprKind::Map {
                            update: u.map(Box::new),
                            entries: e,
                        },
                    )
                })
            }
            ("%", [name, map]) => {
                let name = self.expr(name)?;
                let Some((_, _, margs)) = triple(map) else {
                    return Err(invalid(whole));
                };
                let (update, entries) = self.map(margs, whole)?;
                return Ok(mk(
                    self.span,
                    ExprKind::Struct {
                        name: Box::new(name),
                        update: update.map(Box::new),
                        entries,
                    },
                ));
            }
            ("<<>>", _) => return self.bitstring(&items),
            ("fn", _) => return Ok(mk(self.span, ExprKind::Fn(self.arrows(args)?))),
            ("&", [Value::Int(i)]) if *i >= 0 => {
                return Ok(mk(self.span, ExprKind::CaptureArg(*i as u32)))
            }
            ("@", [inner]) => {
                if let Some((Value::Atom(attr), _, value)) = triple(inner) {
                    let value = match value {
                        Value::Atom(_) => None,
                        list => match list.list_to_vec().as_deref() {
                            Some([v]) => Some(Box::new(self.expr(v)?)),
                            _ => return Err(invalid(whole)),
                        },
                    };
                    return Ok(mk(
                        self.span,
                        ExprKind::ModuleAttr {
                            name: attr.as_str().to_string(),
                            value,
                        },
                    ));
                }
            }
            ("var!", [var]) | ("var!", [var, _]) => {
                if let Some((Value::Atom(v), _, Value::Atom(_))) = triple(var) {
                    let context = match items.get(1) {
                        Some(Value::Atom(c)) => *c,
                        _ => Atom::NIL,
                    };
                    if context == Atom::NIL {
                        return Ok(mk(self.span, ExprKind::Var(v.as_str().to_string())));
                    }
                    return Ok(mk(
                        self.span,
                        ExprKind::Var(hygienic_name(v.as_str(), context.as_str(), 0)),
                    ));
                }
                return Err(format!(
                    "expected the variable given to var! to be a variable, got: {}",
                    crate::format::inspect(var)
                ));
            }
            ("..//", [a, b, c]) => {
                return Ok(mk(
                    self.span,
                    ExprKind::RangeStep {
                        first: Box::new(self.expr(a)?),
                        last: Box::new(self.expr(b)?),
                        step: Box::new(self.expr(c)?),
                    },
                ))
            }
            ("->", _) => return Err(invalid(whole)),
            (op, [x]) if unary_op(op).is_some() => {
                return Ok(mk(
                    self.span,
                    ExprKind::Unary {
                        op: unary_op(op).expect("checked"),
                        expr: Box::new(self.expr(x)?),
                    },
                ))
            }
            // `pattern when guard <- expr`, as phial's parser nests it.
            ("<-", [l, r]) if matches!(triple(l), Some((Value::Atom(w), _, a)) if w.as_str() == "when" && a.list_to_vec().is_some_and(|a| a.len() == 2)) =>
            {
                let parts = triple(l)
                    .and_then(|(_, _, a)| a.list_to_vec())
                    .unwrap_or_default();
                let pattern = self.expr(&parts[0])?;
                let guard = self.expr(&parts[1])?;
                let source = self.expr(r)?;
                let arrow = mk(
                    self.span,
                    ExprKind::Binary {
                        op: BinaryOp::Send,
                        lhs: Box::new(guard),
                        rhs: Box::new(source),
                    },
                );
                return Ok(mk(
                    self.span,
                    ExprKind::Binary {
                        op: BinaryOp::When,
                        lhs: Box::new(pattern),
                        rhs: Box::new(arrow),
                    },
                ));
            }
            (op, [l, r]) if binary_op(op).is_some() => {
                return Ok(mk(
                    self.span,
                    ExprKind::Binary {
                        op: binary_op(op).expect("checked"),
                        lhs: Box::new(self.expr(l)?),
                        rhs: Box::new(self.expr(r)?),
                    },
                ))
            }
            _ => {}
        }
        let (call_args, block) = self.call_parts(args)?;
        let _ = meta;
        Ok(mk(
            self.span,
            ExprKind::Call {
                target: CallTarget::Local(n.to_string()),
                args: call_args,
                parens: true,
                block,
            },
        ))
    }

    #[allow(clippy::type_complexity)]
    fn map(&mut self, args: &Value, whole: &Value) -> R<(Option<Expr>, Vec<(Expr, Expr)>)> {
        let items = args.list_to_vec().ok_or_else(|| invalid(whole))?;
        if let [one] = items.as_slice() {
            if let Some((Value::Atom(bar), _, bargs)) = triple(one) {
                if bar.as_str() == "|" {
                    let parts = bargs.list_to_vec().unwrap_or_default();
                    if let [m, pairs] = parts.as_slice() {
                        let m = self.expr(m)?;
                        return Ok((Some(m), self.pairs(pairs, whole)?));
                    }
                }
            }
        }
        Ok((None, self.pairs(args, whole)?))
    }

    fn pairs(&mut self, v: &Value, whole: &Value) -> R<Vec<(Expr, Expr)>> {
        let mut out = Vec::new();
        for item in v.iter_list() {
            match item {
                Value::Tuple(t) if t.len() == 2 => out.push((self.expr(&t[0])?, self.expr(&t[1])?)),
                _ => return Err(invalid(whole)),
            }
        }
        Ok(out)
    }

    /// `<<...>>`: a string with interpolations when that is all it holds
    /// (so it compiles as one), else a bitstring.
    fn bitstring(&mut self, items: &[Value]) -> R<Expr> {
        let mut parts = Vec::new();
        let mut plain = true;
        for item in items {
            if let Some(s) = item.as_str() {
                parts.push(StrPart::Lit(s.to_string()));
                continue;
            }
            if let Some(inner) = interpolated(item) {
                parts.push(StrPart::Interp(self.expr(inner)?));
                continue;
            }
            plain = false;
            break;
        }
        if plain && !parts.is_empty() {
            return Ok(mk(self.span, ExprKind::Str(parts)));
        }
        let segs = items.iter().map(|i| self.expr(i)).collect::<R<Vec<_>>>()?;
        Ok(mk(self.span, ExprKind::Bitstring(segs)))
    }
}

fn bit_size(v: &Value) -> usize {
    match v {
        Value::Bin(b) => b.bit_len(),
        _ => 0,
    }
}

/// The `e` of an interpolation segment,
/// `{:"::", _, [{{:., _, [Kernel, :to_string]}, _, [e]}, {:binary, _, _}]}`.
fn interpolated(v: &Value) -> Option<&Value> {
    let (Value::Atom(op), _, args) = triple(v)? else {
        return None;
    };
    if op.as_str() != "::" {
        return None;
    }
    let Value::Cons(_) = args else { return None };
    let mut it = args.iter_list();
    let call = it.next()?;
    let ty = it.next()?;
    if !matches!(triple(ty), Some((Value::Atom(b), _, _)) if b.as_str() == "binary") {
        return None;
    }
    let (dot, _, cargs) = triple(call)?;
    let (Value::Atom(d), _, dargs) = triple(dot)? else {
        return None;
    };
    if d.as_str() != "." {
        return None;
    }
    let dparts: Vec<&Value> = dargs.iter_list().collect();
    if dparts.len() != 2
        || *dparts[0] != Value::Atom(Atom::alias("Kernel"))
        || *dparts[1] != Value::atom("to_string")
    {
        return None;
    }
    let mut cit = cargs.iter_list();
    let e = cit.next()?;
    cit.next().is_none().then_some(e)
}
