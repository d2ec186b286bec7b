//! The code formatter behind `Code.format_string!`: source text to the
//! layout Elixir 1.14's formatter gives it, built as a document
//! (`algebra.rs`) from the parsed tree, the source's own spellings of
//! literals (read back through the spans) and its comments.
//!
//! Not here: parsing (the grammar), `Macro.to_string` of a quoted value
//! (phial-eval's `macro_text.rs`). The walk recurses over the tree, which
//! the parser keeps within `MAX_DEPTH`; callers run it on a deep stack.

use crate::algebra::{Docs, Id, Indent, NIL};
use crate::ast::*;

/// The options of `Code.format_string!/2` the formatter reads.
pub struct Options {
    pub line_length: usize,
    /// Extra `{name, arity}` calls written without parentheses
    /// (`None`: any arity).
    pub locals_without_parens: Vec<(String, Option<usize>)>,
    pub force_do_end_blocks: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            line_length: 98,
            locals_without_parens: Vec::new(),
            force_do_end_blocks: false,
        }
    }
}

/// Formats `source`; a syntax error is the parser's.
pub fn format_source(source: &str, opts: &Options) -> Result<String, Vec<crate::SyntaxError>> {
    let exprs = crate::parse(source).into_result()?;
    let comments = crate::comment_spans(source)
        .into_iter()
        .map(|(s, e)| (s, comment_text(&source[s..e])))
        .collect();
    let mut f = Fmt {
        src: source,
        d: Docs::new(),
        comments,
        next_comment: 0,
        opts,
    };
    let doc = f.block(&exprs, source.len());
    Ok(f.d.render(doc, opts.line_length))
}

/// A comment as the formatter writes it: one space after the `#`s.
fn comment_text(t: &str) -> String {
    let t = t.trim_end();
    if t == "#" || t.starts_with("#!") {
        return t.to_string();
    }
    let hashes = t.len() - t.trim_start_matches('#').len();
    let rest = &t[hashes..];
    if rest.is_empty() || rest.starts_with(' ') {
        t.to_string()
    } else {
        format!("{} {}", &t[..hashes], rest)
    }
}

/// Calls the formatter writes without parentheses: Elixir's list.
const WITHOUT_PARENS: &[(&str, Option<usize>)] = &[
    ("alias", Some(1)),
    ("alias", Some(2)),
    ("case", Some(2)),
    ("cond", Some(1)),
    ("for", None),
    ("import", Some(1)),
    ("import", Some(2)),
    ("quote", Some(1)),
    ("quote", Some(2)),
    ("receive", Some(1)),
    ("require", Some(1)),
    ("require", Some(2)),
    ("try", Some(1)),
    ("with", None),
    ("def", Some(1)),
    ("def", Some(2)),
    ("defp", Some(1)),
    ("defp", Some(2)),
    ("defguard", Some(1)),
    ("defguardp", Some(1)),
    ("defmacro", Some(1)),
    ("defmacro", Some(2)),
    ("defmacrop", Some(1)),
    ("defmacrop", Some(2)),
    ("defmodule", Some(2)),
    ("defdelegate", Some(2)),
    ("defexception", Some(1)),
    ("defoverridable", Some(1)),
    ("defstruct", Some(1)),
    ("destructure", Some(2)),
    ("raise", Some(1)),
    ("raise", Some(2)),
    ("reraise", Some(2)),
    ("reraise", Some(3)),
    ("if", Some(2)),
    ("unless", Some(2)),
    ("use", Some(1)),
    ("use", Some(2)),
    ("defrecord", Some(2)),
    ("defrecord", Some(3)),
    ("defrecordp", Some(2)),
    ("defrecordp", Some(3)),
    ("assert", Some(1)),
    ("assert", Some(2)),
    ("assert_in_delta", Some(3)),
    ("assert_in_delta", Some(4)),
    ("assert_raise", Some(2)),
    ("assert_raise", Some(3)),
    ("assert_receive", Some(1)),
    ("assert_receive", Some(2)),
    ("assert_receive", Some(3)),
    ("assert_received", Some(1)),
    ("assert_received", Some(2)),
    ("doctest", Some(1)),
    ("doctest", Some(2)),
    ("refute", Some(1)),
    ("refute", Some(2)),
    ("refute_in_delta", Some(3)),
    ("refute_in_delta", Some(4)),
    ("refute_receive", Some(1)),
    ("refute_receive", Some(2)),
    ("refute_receive", Some(3)),
    ("refute_received", Some(1)),
    ("refute_received", Some(2)),
    ("setup", Some(1)),
    ("setup", Some(2)),
    ("setup_all", Some(1)),
    ("setup_all", Some(2)),
    ("test", Some(1)),
    ("test", Some(2)),
    ("describe", Some(2)),
];

/// Where an expression stands, as the formatter's contexts say: it
/// decides parentheses of calls and operators.
#[derive(Clone, Copy, PartialEq)]
enum Cx {
    Block,
    Operand,
    ParensArg,
    ParensOneArg,
    NoParensArg,
    NoParensOneArg,
}

impl Cx {
    fn many(self, choice: Cx) -> Cx {
        match self {
            Cx::NoParensOneArg | Cx::NoParensArg => Cx::NoParensArg,
            Cx::ParensOneArg | Cx::ParensArg => Cx::ParensArg,
            Cx::Operand | Cx::Block => choice,
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Assoc {
    Left,
    Right,
}

/// Binary operators: associativity and precedence (Elixir's table).
fn binary_info(op: &str) -> Option<(Assoc, u32)> {
    use Assoc::*;
    Some(match op {
        "<-" | "\\\\" => (Left, 40),
        "when" => (Right, 50),
        "::" => (Right, 60),
        "|" => (Right, 70),
        "=>" => (Right, 80),
        "=" => (Right, 100),
        "||" | "|||" | "or" => (Left, 120),
        "&&" | "&&&" | "and" => (Left, 130),
        "==" | "!=" | "=~" | "===" | "!==" => (Left, 140),
        "<" | ">" | "<=" | ">=" => (Left, 150),
        "|>" | "<<<" | ">>>" | "<<~" | "~>>" | "<~" | "~>" | "<~>" | "<|>" => (Left, 160),
        "in" | "not in" => (Left, 170),
        "^^^" => (Left, 180),
        "++" | "--" | "+++" | "---" | ".." | "<>" => (Right, 200),
        "//" => (Right, 190),
        "+" | "-" => (Left, 210),
        "*" | "/" => (Left, 220),
        "**" => (Left, 230),
        _ => return None,
    })
}

const PIPELINE: &[&str] = &["|>", "~>>", "<<~", "~>", "<~", "<~>", "<|>"];
const REQUIRED_PARENS_OPERANDS: &[&str] = &[
    "|>", "<<<", ">>>", "<~", "~>", "<<~", "~>>", "<~>", "<|>", "^^^", "+++", "---", "in", "++",
    "--", "..", "<>",
];
const LOGICAL: &[&str] = &["||", "|||", "or", "&&", "&&&", "and"];
const NEXT_BREAK_FITS_OPS: &[&str] = &[
    "<-", "==", "!=", "=~", "===", "!==", "<", ">", "<=", ">=", "=", "::",
];

/// A binary operation as the formatter sees it, whatever node holds it.
struct Bin<'a> {
    op: &'a str,
    lhs: &'a Expr,
    rhs: &'a Expr,
}

fn as_binary(e: &Expr) -> Option<Bin<'_>> {
    match &e.kind {
        ExprKind::Binary { op, lhs, rhs } => Some(Bin {
            op: op.symbol(),
            lhs,
            rhs,
        }),
        ExprKind::Call {
            target: CallTarget::Local(name),
            args,
            parens: false,
            block: None,
        } if args.len() == 2 && binary_info(name).is_some() => Some(Bin {
            op: name,
            lhs: &args[0],
            rhs: &args[1],
        }),
        _ => None,
    }
}

fn is_unary(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Unary { .. })
}

struct Fmt<'s, 'o> {
    src: &'s str,
    d: Docs,
    /// Every comment: where it starts, its formatted text.
    comments: Vec<(usize, String)>,
    next_comment: usize,
    opts: &'o Options,
}

impl Fmt<'_, '_> {
    fn text(&mut self, s: &str) -> Id {
        self.d.text(s)
    }

    fn slice(&self, sp: Span) -> &str {
        self.src.get(sp.start..sp.end).unwrap_or("")
    }

    fn newlines_between(&self, a: usize, b: usize) -> usize {
        self.src.get(a..b).map_or(0, |s| s.matches('\n').count())
    }

    /// Whether the source has a line break right after `pos` (an opening
    /// bracket), before anything else.
    fn eol_after(&self, pos: usize) -> bool {
        let rest = self.src.get(pos..).unwrap_or("");
        for c in rest.chars() {
            match c {
                ' ' | '\t' | '\r' => {}
                '\n' | '#' => return true,
                _ => return false,
            }
        }
        false
    }

    /// The comments that start before `pos` and are not yet written.
    fn comments_before(&mut self, pos: usize) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        while let Some((start, text)) = self.comments.get(self.next_comment) {
            if *start >= pos {
                break;
            }
            out.push((*start, text.clone()));
            self.next_comment += 1;
        }
        out
    }

    fn line_of(&self, pos: usize) -> usize {
        self.src.get(..pos).map_or(0, |s| s.matches('\n').count())
    }

    /// Where the line holding `pos` ends.
    fn line_end(&self, pos: usize) -> usize {
        self.src
            .get(pos..)
            .and_then(|s| s.find('\n'))
            .map_or(self.src.len(), |i| pos + i)
    }

    /// The newlines from `pos` to the next thing that is not blank.
    fn newlines_after(&self, pos: usize) -> usize {
        let rest = self.src.get(pos..).unwrap_or("");
        let upto = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        rest[..upto].matches('\n').count()
    }

    /// The newlines between the last thing that is not blank before
    /// `pos` and `pos`.
    fn newlines_before(&self, pos: usize) -> usize {
        let before = self.src.get(..pos).unwrap_or("");
        let from = before
            .rfind(|c: char| !c.is_whitespace())
            .map_or(0, |i| i + 1);
        before[from..].matches('\n').count()
    }

    /// Lines of a block: each expression after the comments before it,
    /// as Elixir merges them: a blank line kept where the source has one
    /// (at most one), and around expressions that take several lines
    /// (module attributes aside).
    fn block(&mut self, exprs: &[Expr], end: usize) -> Id {
        // (doc, whether a break ends it, newlines after it)
        let mut items: Vec<(Id, bool, usize)> = Vec::new();
        for (n, e) in exprs.iter().enumerate() {
            for (start, text) in self.comments_before(e.span.start) {
                self.push_comment(&mut items, start, &text);
            }
            let doc = self.expr(e, Cx::Block);
            // Comments inside the expression's lines go before it.
            let last_line_end = self.line_end(e.span.end.saturating_sub(1).max(e.span.start));
            let inner = self.comments_before(last_line_end.min(end));
            for (_, text) in inner {
                let t = self.text(&text);
                items.push((t, false, 1));
            }
            let next_start = exprs.get(n + 1).map_or(end, |x| x.span.start);
            let mut newlines = self.newlines_between(e.span.end, next_start).max(1);
            if newlines > 1
                && self.comments.get(self.next_comment).is_some_and(|(c, _)| {
                    *c < next_start && self.line_of(*c) == self.line_of(e.span.end) + 1
                })
            {
                newlines = 1;
            }
            let attr = matches!(e.kind, ExprKind::ModuleAttr { value: Some(_), .. });
            items.push((doc, !attr, newlines));
        }
        for (start, text) in self.comments_before(end) {
            self.push_comment(&mut items, start, &text);
        }
        match items.len() {
            0 => NIL,
            1 => items[0].0,
            _ => {
                let mut docs = Vec::new();
                let mut left: Option<Id> = None;
                let count = items.len();
                for (k, (doc, brk, newlines)) in items.into_iter().enumerate() {
                    let right = if newlines >= 2 {
                        Some(self.d.line())
                    } else if brk {
                        Some(self.d.brk(""))
                    } else {
                        None
                    };
                    let mut d = doc;
                    if let Some(l) = left {
                        d = self.d.concat(l, d);
                    }
                    if k + 1 < count {
                        if let Some(r) = right {
                            let c = self.d.collapse(2);
                            let cr = self.d.concat(c, r);
                            d = self.d.concat(d, cr);
                        }
                    }
                    docs.push(self.d.group(d));
                    left = right;
                }
                let mut acc = docs[0];
                for &d in &docs[1..] {
                    acc = self.d.line_join(acc, d);
                }
                self.d.force(acc)
            }
        }
    }

    fn push_comment(&mut self, items: &mut Vec<(Id, bool, usize)>, start: usize, text: &str) {
        let mut previous = self.newlines_before(start);
        if previous == 0 {
            previous = 2;
        }
        if let Some(last) = items.last_mut() {
            if last.2 < previous {
                last.2 = previous;
            }
        }
        let next = self.newlines_after(start + text.len().min(self.line_end(start) - start));
        let next = self.newlines_after(self.line_end(start)).max(next.min(1));
        let t = self.text(text);
        items.push((t, false, next));
    }

    fn parens(&mut self, d: Id) -> Id {
        let o = self.text("(");
        let c = self.text(")");
        let n = self.d.nest(d, Indent::Cursor, true);
        self.d.concat_all(&[o, n, c])
    }

    fn expr(&mut self, e: &Expr, cx: Cx) -> Id {
        if let Some(b) = as_binary(e) {
            return self.binary(e, &b, cx, 2);
        }
        match &e.kind {
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::CaptureArg(_) => {
                let s = self.slice(e.span).to_string();
                self.text(&s)
            }
            ExprKind::Atom(_) | ExprKind::Var(_) | ExprKind::Alias(_) => {
                let s = self.slice(e.span).to_string();
                self.text(&s)
            }
            ExprKind::Str(_) | ExprKind::Charlist(_) | ExprKind::Sigil { .. } => {
                self.literal_text(e.span)
            }
            ExprKind::ModuleAttr { name, value } => {
                let at = self.text(&format!("@{name}"));
                match value {
                    None => at,
                    Some(v) => {
                        // `@name value` is a call of `name` without parentheses.
                        let no_parens = matches!(
                            cx,
                            Cx::Block | Cx::Operand | Cx::NoParensOneArg | Cx::ParensOneArg
                        );
                        let args = std::slice::from_ref(v.as_ref());
                        let a = self.call_args(args, no_parens, "", false, v.span.end, false);
                        self.d.concat(at, a)
                    }
                }
            }
            ExprKind::List { items, .. } if self.bare_keyword(e) => {
                let n = items.len();
                let docs: Vec<(usize, Id)> = items
                    .iter()
                    .enumerate()
                    .map(|(k, it)| {
                        let d = self.kw_or_expr(it, cx);
                        let d = if k + 1 < n {
                            self.d.concat_to_last_group(d, ",")
                        } else {
                            d
                        };
                        (it.span.start, d)
                    })
                    .collect();
                let all: Vec<&Expr> = items.iter().collect();
                let lines = self.force_args(&all);
                self.join_args_raw(docs, lines, e.span.end)
            }
            ExprKind::List { items, tail } => {
                let eol = self.eol_after(e.span.start + 1);
                let mut docs = Vec::new();
                let n = items.len();
                for (i, it) in items.iter().enumerate() {
                    if i + 1 == n && tail.is_some() {
                        let t = tail.as_deref().unwrap_or(it);
                        let bar = Bin {
                            op: "|",
                            lhs: it,
                            rhs: t,
                        };
                        docs.push((it.span.start, self.binary(it, &bar, Cx::ParensArg, 2)));
                    } else {
                        docs.push((it.span.start, self.kw_or_expr(it, Cx::ParensArg)));
                    }
                }
                let args = self.join_args(docs, eol, e.span.end);
                self.surround("[", args, "]")
            }
            ExprKind::Tuple(items) => {
                let eol = self.eol_after(e.span.start + 1);
                let n = items.len();
                let docs: Vec<(usize, Id)> = items
                    .iter()
                    .enumerate()
                    .map(|(k, it)| {
                        let d = self.kw_or_expr(it, Cx::ParensArg);
                        let d = if k + 1 < n {
                            self.d.concat_to_last_group(d, ",")
                        } else {
                            d
                        };
                        (it.span.start, d)
                    })
                    .collect();
                if eol {
                    let args = self.join_args_raw(docs, true, e.span.end);
                    return self.surround("{", args, "}");
                }
                let mut acc = NIL;
                let mut lines = false;
                let mut parts = Vec::new();
                for (start, d) in docs {
                    for (_, text) in self.comments_before(start) {
                        lines = true;
                        parts.push(self.text(&text));
                    }
                    parts.push(d);
                }
                for (_, text) in self.comments_before(e.span.end) {
                    lines = true;
                    parts.push(self.text(&text));
                }
                for (k, d) in parts.into_iter().enumerate() {
                    acc = if k == 0 {
                        d
                    } else if lines {
                        self.d.line_join(acc, d)
                    } else {
                        self.d.flex_glue(acc, d)
                    };
                }
                if lines {
                    let acc = self.d.force(acc);
                    return self.surround("{", acc, "}");
                }
                if self.d.is_nil(acc) {
                    return self.text("{}");
                }
                let o = self.text("{");
                let c = self.text("}");
                let inner = self.d.concat(o, acc);
                let inner = self.d.nest(inner, Indent::By(1), true);
                let all = self.d.concat(inner, c);
                self.d.group(all)
            }
            ExprKind::Bitstring(items) => {
                let eol = self.eol_after(e.span.start + 2);
                let docs = items
                    .iter()
                    .map(|it| (it.span.start, self.segment(it)))
                    .collect();
                let args = self.join_args(docs, eol, e.span.end);
                self.surround("<<", args, ">>")
            }
            ExprKind::Map { update, entries } => self.map(e, "%{", update.as_deref(), entries),
            ExprKind::Struct {
                name,
                update,
                entries,
            } => {
                let n = self.slice(name.span).to_string();
                self.map(e, &format!("%{n}{{"), update.as_deref(), entries)
            }
            ExprKind::Unary {
                op: UnaryOp::Capture,
                expr,
            } => self.capture(expr, cx),
            ExprKind::Unary { op, expr } => {
                let inner = self.expr(expr, cx.many(Cx::Operand));
                let inner = if as_binary(expr).is_some()
                    || (is_unary(expr) && !matches!(op, UnaryOp::Bang | UnaryOp::Not))
                {
                    self.parens(inner)
                } else {
                    inner
                };
                let s = match op {
                    UnaryOp::Not => "not ",
                    o => o.symbol(),
                };
                let t = self.text(s);
                self.d.concat(t, inner)
            }
            ExprKind::RangeStep { first, last, step } => {
                let a = self.expr(first, Cx::Operand);
                let b = self.expr(last, Cx::Operand);
                let c = self.expr(step, Cx::Operand);
                let dd = self.text("..");
                let ss = self.text("//");
                self.d.concat_all(&[a, dd, b, ss, c])
            }
            ExprKind::Call { .. } => self.call(e, cx),
            ExprKind::Binary { .. } => NIL,
            ExprKind::Access { expr, key } => {
                let t = self.expr(expr, Cx::Operand);
                let k = self.expr(key, Cx::ParensArg);
                let body = self.surround("[", k, "]");
                self.d.concat(t, body)
            }
            ExprKind::Fn(clauses) => self.anon_fn(e, clauses),
            ExprKind::Block(items) => {
                if items.is_empty() {
                    return self.text("()");
                }
                let b = self.block(items, e.span.end);
                self.surround_block(b)
            }
            ExprKind::Stab(clauses) if clauses.len() == 1 => {
                let c = &clauses[0];
                let body = self.block(&c.body, e.span.end);
                if c.args.is_empty() && c.guard.is_none() {
                    let o = self.text("(() -> ");
                    let b = self.d.nest(body, Indent::Cursor, true);
                    let cl = self.text(")");
                    let all = self.d.concat_all(&[o, b, cl]);
                    return self.d.group(all);
                }
                let multi = self.multi_line_clauses(clauses);
                let args = self.clause_args(c);
                let arrow = self.text(" ->");
                let head = self.d.concat(self.d.ungroup(args), arrow);
                let head = self.d.group(head);
                let br = if multi {
                    self.d.line()
                } else {
                    self.d.brk(" ")
                };
                let b = self.d.concat(br, body);
                let b = self.d.nest2(b);
                let all = self.d.concat(head, b);
                let all = self.parens(all);
                let all = if multi { self.d.force(all) } else { all };
                self.d.group(all)
            }
            ExprKind::Stab(clauses) => {
                let c = self.clauses(clauses, e.span.end);
                let o = self.text("(");
                let body = self.d.line_join(o, c);
                let body = self.d.nest2(body);
                let cl = self.text(")");
                let all = self.d.line_join(body, cl);
                self.d.force(all)
            }
        }
    }

    /// A bitstring segment: `value::type-size(8)` without spaces.
    fn segment(&mut self, e: &Expr) -> Id {
        match &e.kind {
            ExprKind::Binary {
                op: BinaryOp::Type,
                lhs,
                rhs,
            } => {
                let l = self.expr(lhs, Cx::ParensArg);
                let l = if as_binary(lhs).is_some() {
                    self.parens(l)
                } else {
                    l
                };
                let c = self.text("::");
                let r = self.spec(rhs);
                self.d.concat_all(&[l, c, r])
            }
            _ => self.expr(e, Cx::ParensArg),
        }
    }

    fn spec(&mut self, e: &Expr) -> Id {
        match as_binary(e) {
            Some(b) if b.op == "-" || b.op == "*" => {
                let l = self.spec(b.lhs);
                let o = self.text(b.op);
                let r = self.spec(b.rhs);
                self.d.concat_all(&[l, o, r])
            }
            _ => self.expr(e, Cx::ParensArg),
        }
    }

    /// `&fun/1`, `&Mod.fun/1`, `&(&1 + 1)`, `& &1`.
    fn capture(&mut self, arg: &Expr, cx: Cx) -> Id {
        if let Some(b) = as_binary(arg) {
            if b.op == "/" && matches!(b.rhs.kind, ExprKind::Int(_)) {
                let arity = self.slice(b.rhs.span).to_string();
                match &b.lhs.kind {
                    ExprKind::Var(n) => return self.text(&format!("&{n}/{arity}")),
                    ExprKind::Call {
                        target: CallTarget::Remote { module, name },
                        args,
                        parens: false,
                        block: None,
                    } if args.is_empty() => {
                        let m = self.expr(module, Cx::NoParensArg);
                        let m = if as_binary(module).is_some() || is_unary(module) {
                            self.parens(m)
                        } else {
                            m
                        };
                        let m = self.d.nest(m, Indent::By(1), true);
                        let amp = self.text("&");
                        let rest = self.text(&format!(".{}/{arity}", remote_name(name)));
                        return self.d.concat_all(&[amp, m, rest]);
                    }
                    _ => {}
                }
            }
        }
        let d = self.expr(arg, cx);
        let operator = (as_binary(arg).is_some() || is_unary(arg))
            && !matches!(&arg.kind, ExprKind::Unary { op: UnaryOp::Capture, expr } if matches!(expr.kind, ExprKind::Int(_)));
        let d = if operator { self.parens(d) } else { d };
        let starts_amp = matches!(arg.kind, ExprKind::CaptureArg(_))
            || (!operator
                && matches!(
                    arg.kind,
                    ExprKind::Unary {
                        op: UnaryOp::Capture,
                        ..
                    }
                ));
        let amp = self.text(if starts_amp { "& " } else { "&" });
        self.d.concat(amp, d)
    }

    fn surround_block(&mut self, b: Id) -> Id {
        let o = self.text("(");
        let c = self.text(")");
        let n = self.d.nest(b, Indent::Cursor, true);
        self.d.concat_all(&[o, n, c])
    }

    /// A literal written as its source says, heredoc lines re-indented
    /// to where it now stands.
    fn literal_text(&mut self, sp: Span) -> Id {
        let s = self.slice(sp).to_string();
        if !s.contains('\n') {
            return self.text(&s);
        }
        let is_heredoc = s.starts_with("\"\"\"")
            || s.starts_with("'''")
            || (s.starts_with('~') && (s[2..].starts_with("\"\"\"") || s[2..].starts_with("'''")));
        let lines: Vec<&str> = s.split('\n').collect();
        if !is_heredoc {
            // A multi-line string keeps its bytes: its lines are text.
            let mut doc = NIL;
            for (i, l) in lines.iter().enumerate() {
                let t = self.text(l);
                if i > 0 {
                    let ln = self.d.line();
                    let ln = self.d.nest(ln, Indent::Reset, true);
                    doc = self.d.concat(doc, ln);
                }
                doc = self.d.concat(doc, t);
            }
            return self.d.force(doc);
        }
        let last = lines.last().copied().unwrap_or("");
        let indent = last.len() - last.trim_start().len();
        let mut doc = NIL;
        for (i, l) in lines.iter().enumerate() {
            let body = if i == 0 {
                *l
            } else if l.len() >= indent && l[..indent].trim().is_empty() {
                &l[indent..]
            } else {
                l.trim_start()
            };
            if i > 0 {
                let ln = self.d.line();
                let ln = if body.is_empty() {
                    self.d.nest(ln, Indent::Reset, true)
                } else {
                    ln
                };
                doc = self.d.concat(doc, ln);
            }
            let t = self.text(body);
            doc = self.d.concat(doc, t);
        }
        self.d.force(doc)
    }

    fn surround(&mut self, left: &str, args: Id, right: &str) -> Id {
        if self.d.is_nil(args) {
            return self.text(&format!("{left}{right}"));
        }
        let l = self.text(left);
        let b = self.d.brk("");
        let lb = self.d.concat(l, b);
        let inner = self.d.concat(lb, args);
        let inner = self.d.nest(inner, Indent::By(2), false);
        let b2 = self.d.brk("");
        let r = self.text(right);
        let all = self.d.concat_all(&[inner, b2, r]);
        self.d.group(all)
    }

    /// Arguments joined by commas and breaks (lines when the source
    /// opened with a line break, or comments sit between them).
    fn join_args(&mut self, docs: Vec<(usize, Id)>, eol: bool, end: usize) -> Id {
        self.join_items(docs, eol, end, |f, last, doc| {
            if last {
                doc
            } else {
                f.d.concat_to_last_group(doc, ",")
            }
        })
    }

    /// What `join_args` and `join_args_raw` share: each item (`item` given
    /// whether it is the last) after the comments before it, then the
    /// comments before `end`, joined by breaks, or by forced lines when
    /// `lines` or any comment is among them.
    fn join_items(
        &mut self,
        docs: Vec<(usize, Id)>,
        lines: bool,
        end: usize,
        mut item: impl FnMut(&mut Self, bool, Id) -> Id,
    ) -> Id {
        let n = docs.len();
        let mut out: Vec<Id> = Vec::new();
        let mut comments = false;
        for (i, (start, doc)) in docs.into_iter().enumerate() {
            for (_, text) in self.comments_before(start) {
                comments = true;
                let t = self.text(&text);
                out.push(t);
            }
            let doc = item(self, i + 1 == n, doc);
            out.push(doc);
        }
        for (_, text) in self.comments_before(end) {
            comments = true;
            let t = self.text(&text);
            out.push(t);
        }
        let mut acc = NIL;
        for (i, d) in out.into_iter().enumerate() {
            acc = if i == 0 {
                d
            } else if lines || comments {
                self.d.line_join(acc, d)
            } else {
                self.d.glue(acc, " ", d)
            };
        }
        if lines || comments {
            self.d.force(acc)
        } else {
            acc
        }
    }

    fn is_keyword_pair(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Tuple(items) if items.len() == 2 => !self.slice(e.span).starts_with('{'),
            _ => false,
        }
    }

    fn kw_or_expr(&mut self, e: &Expr, cx: Cx) -> Id {
        if self.is_keyword_pair(e) {
            if let ExprKind::Tuple(items) = &e.kind {
                return self.keyword_pair(&items[0], &items[1], cx);
            }
        }
        self.expr(e, cx)
    }

    fn keyword_pair(&mut self, k: &Expr, v: &Expr, cx: Cx) -> Id {
        let key = self.slice(k.span).trim_end().to_string();
        let key = if key.ends_with(':') {
            key
        } else {
            format!("{key}:")
        };
        let kd = self.text(&key);
        let vd = self.expr(v, cx);
        let g = self.d.group(vd);
        let body = self.d.glue(NIL, " ", g);
        let body = self.d.nest(body, Indent::By(2), false);
        let body = self.d.group(body);
        self.d.concat(kd, body)
    }

    fn map(&mut self, e: &Expr, open: &str, update: Option<&Expr>, entries: &[(Expr, Expr)]) -> Id {
        let eol = self.eol_after(e.span.start + open.len());
        let docs: Vec<(usize, Id)> = entries
            .iter()
            .map(|(k, v)| {
                let d = if self.slice(k.span).ends_with(':')
                    || self
                        .src
                        .get(k.span.end..)
                        .is_some_and(|r| r.starts_with(':'))
                {
                    self.keyword_pair(k, v, Cx::ParensArg)
                } else {
                    let kd = self.expr(k, Cx::ParensArg);
                    let kd = if as_binary(k).is_some() {
                        self.parens(kd)
                    } else {
                        kd
                    };
                    let vd = self.expr(v, Cx::ParensArg);
                    let g = self.d.group(vd);
                    let body = self.d.glue(NIL, " =>", NIL);
                    let _ = body;
                    let arrow = self.text(" =>");
                    let br = self.d.brk(" ");
                    let rest = self.d.concat_all(&[arrow, br, g]);
                    let rest = self.d.nest(rest, Indent::By(2), false);
                    let rest = self.d.group(rest);
                    let kg = self.d.group(kd);
                    self.d.concat(kg, rest)
                };
                (k.span.start, d)
            })
            .collect();
        let args = self.join_args(docs, eol, e.span.end);
        match update {
            None => self.surround(open, args, "}"),
            Some(u) => {
                let ud = self.expr(u, Cx::ParensArg);
                let bar = self.text("| ");
                let a = self.d.nest2(args);
                let right = self.d.concat(bar, a);
                let all = self.d.glue(ud, " ", right);
                self.surround(open, all, "}")
            }
        }
    }

    fn binary(&mut self, _e: &Expr, b: &Bin<'_>, cx: Cx, nesting: i32) -> Id {
        let op = b.op;
        let info = binary_info(op).unwrap_or((Assoc::Left, 0));
        if PIPELINE.contains(&op) || op == "|" || op == "when" {
            // A chain: each operand on its own line when it breaks.
            let mut operands: Vec<(Option<&str>, &Expr)> = Vec::new();
            if op == "|" || op == "when" {
                operands.push((None, b.lhs));
                let mut r = b.rhs;
                loop {
                    match as_binary(r) {
                        Some(rb) if rb.op == op => {
                            operands.push((Some(op), rb.lhs));
                            r = rb.rhs;
                        }
                        _ => break,
                    }
                }
                operands.push((Some(op), r));
            } else {
                let mut stack = vec![(Some(op), b.rhs)];
                let mut l = b.lhs;
                loop {
                    match as_binary(l) {
                        Some(lb) if PIPELINE.contains(&lb.op) => {
                            stack.push((Some(lb.op), lb.rhs));
                            l = lb.lhs;
                        }
                        _ => break,
                    }
                }
                stack.push((None, l));
                stack.reverse();
                operands = stack;
            }
            let chain_eol = self
                .src
                .get(b.lhs.span.end..b.rhs.span.start)
                .is_some_and(|t| t.contains('\n'));
            let mut acc = NIL;
            let count = operands.len();
            for (i, (o, arg)) in operands.into_iter().enumerate() {
                let chain = op == "|" || op == "when";
                let side = if i == 0 || (chain && i + 1 < count) {
                    Assoc::Left
                } else {
                    Assoc::Right
                };
                let ctx = if i == 0 {
                    cx.many(Cx::ParensArg)
                } else {
                    cx.many(Cx::Operand)
                };
                let dd = self.operand(
                    arg,
                    ctx,
                    o.unwrap_or(op),
                    info,
                    side,
                    if i == 0 { 2 } else { 0 },
                );
                let piece = match o {
                    None => dd,
                    Some(o) => {
                        let s = format!("{o} ");
                        let t = self.text(&s);
                        let dd = if op == "|" || op == "when" {
                            self.d.nest(dd, Indent::By(s.len() as i32), true)
                        } else {
                            dd
                        };
                        self.d.concat(t, dd)
                    }
                };
                acc = if i == 0 {
                    piece
                } else if chain_eol {
                    self.d.line_join(acc, piece)
                } else {
                    self.d.glue(acc, " ", piece)
                };
            }
            return if chain_eol { self.d.force(acc) } else { acc };
        }
        let left = self.operand(b.lhs, cx.many(Cx::ParensArg), op, info, Assoc::Left, 2);
        let right = self.operand(b.rhs, cx.many(Cx::Operand), op, info, Assoc::Right, 0);
        if op == ".." || op == "//" {
            let gl = self.d.group(left);
            let t = self.text(op);
            let gr = self.d.group(right);
            return self.d.concat_all(&[gl, t, gr]);
        }
        if op == "\\\\" || op == "in" || op == "not in" {
            let gl = self.d.group(left);
            let t = self.text(&format!(" {op} "));
            let gr = self.d.group(right);
            return self.d.concat_all(&[gl, t, gr]);
        }
        let eol = self
            .src
            .get(b.lhs.span.end..b.rhs.span.start)
            .is_some_and(|between| {
                between.trim_start().strip_prefix(op).is_some_and(|r| {
                    r.trim_start_matches([' ', '\t', '\r'])
                        .starts_with(['\n', '#'])
                })
            });
        let nbf = NEXT_BREAK_FITS_OPS.contains(&op) && self.next_break_fits(b.rhs) && !eol;
        let right = if nbf {
            self.d.next_break_fits(right, true)
        } else {
            right
        };
        let t = self.text(&format!(" {op}"));
        let gr = self.d.group(right);
        let br = self.d.brk(" ");
        let r = self.d.concat_all(&[t, br, gr]);
        let r = self.d.nest(r, Indent::By(nesting), false);
        let r = if eol { self.d.force(r) } else { r };
        let gl = self.d.group(left);
        let gr = self.d.group(r);
        let doc = self.d.concat(gl, gr);
        if nbf {
            self.d.next_break_fits(doc, false)
        } else {
            doc
        }
    }

    fn operand(
        &mut self,
        arg: &Expr,
        cx: Cx,
        parent: &str,
        (passoc, pprec): (Assoc, u32),
        side: Assoc,
        nesting: i32,
    ) -> Id {
        if let Some(b) = as_binary(arg) {
            let (_, prec) = binary_info(b.op).unwrap_or((Assoc::Left, 0));
            if pprec == prec && passoc == side && (side == Assoc::Left || b.op == parent) {
                return self.binary(arg, &b, cx, nesting);
            }
            let needs =
                (REQUIRED_PARENS_OPERANDS.contains(&parent) && b.op != ".." && b.op != "//")
                    || (LOGICAL.contains(&b.op) && LOGICAL.contains(&parent))
                    || pprec > prec
                    || (pprec == prec && passoc != side);
            let d = self.binary(arg, &b, cx, 2);
            return if needs { self.parens(d) } else { d };
        }
        if let ExprKind::Unary {
            op: UnaryOp::Capture,
            expr,
        } = &arg.kind
        {
            if !matches!(expr.kind, ExprKind::Int(_))
                && (side == Assoc::Left || (passoc == Assoc::Left && pprec > 90))
            {
                let d = self.expr(arg, cx);
                return self.parens(d);
            }
        }
        self.expr(arg, cx)
    }

    fn next_break_fits(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Fn(_) => true,
            ExprKind::Map { entries, update } => !entries.is_empty() || update.is_some(),
            ExprKind::Struct { .. } => true,
            ExprKind::Str(_) => self.slice(e.span).starts_with("\"\"\""),
            ExprKind::Charlist(_) => self.slice(e.span).starts_with("'''"),
            ExprKind::List { .. } => true,
            ExprKind::Sigil { .. } => {
                let s = self.slice(e.span);
                s.len() > 2 && (s[2..].starts_with("\"\"\"") || s[2..].starts_with("'''"))
            }
            ExprKind::Tuple(_) => self.eol_after(e.span.start + 1),
            _ => false,
        }
    }

    fn without_parens(&self, name: &str, arity: usize) -> bool {
        arity > 0
            && WITHOUT_PARENS
                .iter()
                .map(|(n, a)| (*n, *a))
                .chain(
                    self.opts
                        .locals_without_parens
                        .iter()
                        .map(|(n, a)| (n.as_str(), *a)),
                )
                .any(|(n, a)| n == name && a.is_none_or(|a| a == arity))
    }

    fn call(&mut self, e: &Expr, cx: Cx) -> Id {
        let ExprKind::Call {
            target,
            args,
            parens,
            block,
        } = &e.kind
        else {
            return NIL;
        };
        // `:"a#{b}"` is a call of `:erlang.binary_to_atom` in the tree.
        let lit = self.slice(e.span);
        if lit.starts_with(":\"") || lit.starts_with(":'") {
            return self.literal_text(e.span);
        }
        let arity = args.len() + usize::from(block.is_some());
        let (head, name) = match target {
            CallTarget::Local(n) => (self.text(n), Some(n.as_str())),
            CallTarget::Remote { module, name } => {
                let m = self.expr(module, Cx::Operand);
                let m = if as_binary(module).is_some() || is_unary(module) {
                    self.parens(m)
                } else {
                    m
                };
                let t = self.text(&format!(".{}", remote_name(name)));
                (self.d.concat(m, t), None)
            }
            CallTarget::Anonymous(f) => {
                let m = self.expr(f, Cx::Operand);
                let t = self.text(".");
                (self.d.concat(m, t), None)
            }
            CallTarget::Nested(f) => (self.expr(f, Cx::Operand), None),
        };
        if !*parens && args.is_empty() && block.is_none() {
            return head;
        }
        // do: keywords as the last argument stay keywords.
        let skip = if *parens {
            Skip::IfOnlyDoEnd
        } else if name.is_some_and(|n| self.without_parens(n, arity)) {
            Skip::UnlessManyArgs
        } else {
            Skip::IfDoEnd
        };
        let open = if *parens {
            self.src
                .get(..args.first().map_or(e.span.end, |a| a.span.start))
                .and_then(|s| s.rfind('('))
        } else {
            None
        };
        let eol = open.is_some_and(|p| self.eol_after(p + 1));
        if let Some(b) = block {
            let call_doc = if args.is_empty() {
                self.text(" do")
            } else {
                let no_parens = skip != Skip::IfOnlyDoEnd;
                self.call_args(args, no_parens, " do", eol, b.span.start, true)
            };
            let blocks = self.do_blocks(b);
            let end = self.text("end");
            let doc = self.d.concat(head, call_doc);
            let doc = self.d.concat(doc, blocks);
            let doc = self.d.line_join(doc, end);
            let doc = self.d.force(doc);
            if matches!(cx, Cx::NoParensArg | Cx::NoParensOneArg) {
                return self.parens(doc);
            }
            return doc;
        }
        let no_parens = skip == Skip::UnlessManyArgs
            && matches!(
                cx,
                Cx::Block | Cx::Operand | Cx::NoParensOneArg | Cx::ParensOneArg
            );
        let close = if *parens {
            e.span.end
        } else {
            args.last().map_or(e.span.end, |a| a.span.end)
        };
        let a = self.call_args(args, no_parens, "", eol, close, true);
        self.d.concat(head, a)
    }

    /// Whether a list is keyword pairs written without brackets.
    fn bare_keyword(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::List { items, tail: None } => {
                !items.is_empty()
                    && items.iter().all(|i| self.is_keyword_pair(i))
                    && !self.slice(e.span).starts_with('[')
            }
            _ => false,
        }
    }

    /// Whether the arguments start on two lines or more.
    fn force_args(&self, args: &[&Expr]) -> bool {
        let mut lines = args.iter().map(|a| self.line_of(a.span.start));
        let Some(first) = lines.next() else {
            return false;
        };
        lines.any(|l| l != first)
    }

    fn call_args(
        &mut self,
        args: &[Expr],
        skip_parens: bool,
        extra: &str,
        eol: bool,
        end: usize,
        list_to_keyword: bool,
    ) -> Id {
        if args.is_empty() {
            return self.text(&format!("(){extra}"));
        }
        let (last, left) = args.split_last().unwrap_or((&args[0], &[]));
        let kw_items: Option<&Vec<Expr>> = match &last.kind {
            ExprKind::List { items, tail: None }
                if !items.is_empty()
                    && items.iter().all(|i| self.is_keyword_pair(i))
                    && (list_to_keyword || !self.slice(last.span).starts_with('[')) =>
            {
                Some(items)
            }
            _ => None,
        };
        let keyword = kw_items.is_some();
        let cx = if left.is_empty() && !keyword {
            if skip_parens {
                Cx::NoParensOneArg
            } else {
                Cx::ParensOneArg
            }
        } else if skip_parens {
            Cx::NoParensArg
        } else {
            Cx::ParensArg
        };
        let left_refs: Vec<&Expr> = left.iter().collect();
        let right_refs: Vec<&Expr> = match kw_items {
            Some(items) => items.iter().collect(),
            None => vec![last],
        };
        let mut all: Vec<&Expr> = left_refs.clone();
        all.extend(right_refs.iter().copied());
        let many_eol = all.len() >= 2 && eol;
        let generators = all.iter().any(|a| {
            matches!(
                a.kind,
                ExprKind::Binary {
                    op: BinaryOp::Send,
                    ..
                }
            )
        });
        if !left.is_empty() && keyword && !generators {
            let join_left = self.force_args(&left_refs) || many_eol;
            let docs: Vec<(usize, Id)> = left_refs
                .iter()
                .map(|a| {
                    let d = self.expr(a, cx);
                    (a.span.start, self.d.concat_to_last_group(d, ","))
                })
                .collect();
            let left_doc = self.join_args_raw(docs, join_left, right_refs[0].span.start);
            let join_right = self.force_args(&right_refs) || self.force_args(&all) || many_eol;
            let docs: Vec<(usize, Id)> = right_refs
                .iter()
                .enumerate()
                .map(|(k, a)| {
                    let d = self.kw_or_expr(a, cx);
                    let d = if k + 1 < right_refs.len() {
                        self.d.concat_to_last_group(d, ",")
                    } else {
                        d
                    };
                    (a.span.start, d)
                })
                .collect();
            let right_doc = self.join_args_raw(docs, join_right, end);
            let j = if join_right {
                self.d.line()
            } else {
                self.d.brk(" ")
            };
            let right_doc = self.d.concat(j, right_doc);
            let ex = self.text(extra);
            let doc = if skip_parens {
                let g = self.d.group_inherit(right_doc);
                let g = self.d.next_break_fits(g, true);
                let a = self.d.concat(left_doc, g);
                let a = self.d.nest(a, Indent::Cursor, false);
                let sp = self.text(" ");
                let d = self.d.concat(sp, a);
                let d = self.d.nest2(d);
                let d = self.d.concat(d, ex);
                self.d.group(d)
            } else {
                let r = self.d.nest(right_doc, Indent::By(2), false);
                let b = self.d.brk("");
                let r = self.d.concat(r, b);
                let r = self.d.group_inherit(r);
                let r = self.d.next_break_fits(r, true);
                let l = self.d.nest(left_doc, Indent::By(2), false);
                let args_doc = self.d.concat(l, r);
                let o = self.text("(");
                let b = self.d.brk("");
                let ob = self.d.concat(o, b);
                let ob = self.d.nest(ob, Indent::By(2), false);
                let c = self.text(")");
                let d = self.d.concat_all(&[ob, args_doc, c, ex]);
                self.d.group(d)
            };
            return self.d.next_break_fits(doc, false);
        }
        let join_line = self.force_args(&all) || many_eol;
        let nbf = !keyword && !join_line && self.next_break_fits(last);
        let n = all.len();
        let mut docs = Vec::new();
        for (i, a) in all.iter().enumerate() {
            let d = self.kw_or_expr(a, cx);
            let d = if i + 1 < n {
                self.d.concat_to_last_group(d, ",")
            } else if nbf {
                self.d.next_break_fits(d, true)
            } else {
                d
            };
            docs.push((a.span.start, d));
        }
        let args_doc = self.join_args_raw(docs, join_line, end);
        let args_doc = self.d.ungroup(args_doc);
        let ex = self.text(extra);
        let doc = if skip_parens {
            let sp = self.text(" ");
            let a = self.d.nest(args_doc, Indent::Cursor, false);
            let doc = self.d.concat_all(&[sp, a, ex]);
            self.d.group(doc)
        } else {
            let o = self.text("(");
            let b = self.d.brk("");
            let ob = self.d.concat(o, b);
            let ob = self.d.nest(ob, Indent::By(2), false);
            let a = self.d.nest(args_doc, Indent::By(2), false);
            let b2 = self.d.brk("");
            let c = self.text(")");
            let doc = self.d.concat_all(&[ob, a, b2, c, ex]);
            self.d.group(doc)
        };
        if nbf {
            self.d.next_break_fits(doc, false)
        } else {
            doc
        }
    }

    /// Documents (commas already in place) joined by breaks, or by lines
    /// when `lines` or a comment sits between them.
    fn join_args_raw(&mut self, docs: Vec<(usize, Id)>, lines: bool, end: usize) -> Id {
        // Each argument is a group of its own, as Elixir merges them.
        self.join_items(docs, lines, end, |f, _, doc| {
            if f.d.is_group(doc) {
                doc
            } else {
                f.d.group(doc)
            }
        })
    }

    fn do_blocks(&mut self, b: &DoBlock) -> Id {
        let mut acc = NIL;
        let n = b.sections.len();
        for (i, s) in b.sections.iter().enumerate() {
            let end = b.sections.get(i + 1).map_or(b.span.end, |n| n.span.start);
            let body = match &s.body {
                BlockBody::Exprs(es) => {
                    let d = self.block(es, end);
                    if self.d.is_nil(d) {
                        d
                    } else {
                        self.d.group(d)
                    }
                }
                BlockBody::Clauses(cs) => self.clauses(cs, end),
            };
            let key = if s.label == BlockLabel::Do {
                NIL
            } else {
                self.text(s.label.name())
            };
            let doc = if self.d.is_nil(body) {
                key
            } else {
                let l = self.d.line_join(key, body);
                self.d.nest2(l)
            };
            acc = if i == 0 {
                doc
            } else {
                self.d.line_join(acc, doc)
            };
        }
        let _ = n;
        acc
    }

    fn clause_args(&mut self, c: &StabClause) -> Id {
        let args = if c.args.is_empty() && c.guard.is_none() {
            self.text("()")
        } else {
            let mut acc = NIL;
            for (i, a) in c.args.iter().enumerate() {
                let d = self.kw_or_expr(a, Cx::NoParensArg);
                acc = if i == 0 {
                    d
                } else {
                    let comma = self.text(",");
                    let ac = self.d.concat(acc, comma);
                    self.d.glue(ac, " ", d)
                };
            }
            acc
        };
        match &c.guard {
            None => args,
            Some(g) => {
                let gd = self.expr(g, Cx::NoParensArg);
                let w = self.text("when ");
                let gd = self.d.nest(gd, Indent::By(5), true);
                let r = self.d.concat(w, gd);
                self.d.glue(args, " ", r)
            }
        }
    }

    fn multi_line_clauses(&self, cs: &[StabClause]) -> bool {
        cs.iter().any(|c| c.body.len() > 1 || self.clause_eol(c))
    }

    fn clause_eol(&self, c: &StabClause) -> bool {
        let arrow_from = c
            .guard
            .as_ref()
            .or(c.args.last())
            .map_or(c.span.start, |a| a.span.end);
        let Some(first) = c.body.first() else {
            return false;
        };
        self.src
            .get(arrow_from..first.span.start)
            .and_then(|s| s.find("->").map(|i| &s[i + 2..]))
            .is_some_and(|s| s.contains('\n'))
    }

    fn clauses(&mut self, cs: &[StabClause], end: usize) -> Id {
        let multi = self.multi_line_clauses(cs);
        let mut acc = NIL;
        for (i, c) in cs.iter().enumerate() {
            let comments = self.comments_before(c.span.start);
            let mut lead = NIL;
            for (_, t) in comments {
                let t = self.text(&t);
                lead = if self.d.is_nil(lead) {
                    t
                } else {
                    self.d.line_join(lead, t)
                };
            }
            let body_end = cs.get(i + 1).map_or(end, |n| n.span.start);
            let args = self.clause_args(c);
            let arrow = self.text(" ->");
            let head = self.d.concat(self.d.ungroup(args), arrow);
            let head = self.d.group(head);
            let body = self.block(&c.body, body_end);
            let br = self.d.brk(" ");
            let b = self.d.concat(br, body);
            let b = self.d.nest2(b);
            let mut doc = self.d.concat(head, b);
            if !self.d.is_nil(lead) {
                doc = self.d.line_join(lead, doc);
            }
            acc = if i == 0 {
                doc
            } else {
                let e = self.d.brk("");
                let e = self.d.nest(e, Indent::Reset, true);
                let a = self.d.concat(acc, e);
                self.d.line_join(a, doc)
            };
        }
        let acc = if multi { self.d.force(acc) } else { acc };
        self.d.group(acc)
    }

    fn anon_fn(&mut self, e: &Expr, cs: &[StabClause]) -> Id {
        if cs.len() == 1 {
            let c = &cs[0];
            let multi = self.multi_line_clauses(cs);
            let body = self.block(&c.body, e.span.end);
            let brk = if multi {
                self.d.line()
            } else {
                self.d.brk(" ")
            };
            let head = if c.args.is_empty() && c.guard.is_none() {
                self.text("fn ->")
            } else {
                let args = self.clause_args(c);
                let arrow = self.text(" ->");
                let h = self.d.concat(self.d.ungroup(args), arrow);
                let h = self.d.nest(h, Indent::Cursor, true);
                let h = self.d.group(h);
                let f = self.text("fn ");
                self.d.concat(f, h)
            };
            let inner = self.d.concat_all(&[head, brk, body]);
            let inner = self.d.nest2(inner);
            let brk2 = if multi {
                self.d.line()
            } else {
                self.d.brk(" ")
            };
            let end = self.text("end");
            let doc = self.d.concat_all(&[inner, brk2, end]);
            let doc = if multi { self.d.force(doc) } else { doc };
            return self.d.group(doc);
        }
        let c = self.clauses(cs, e.span.end);
        let f = self.text("fn");
        let d = self.d.line_join(f, c);
        let d = self.d.nest2(d);
        let end = self.text("end");
        let d = self.d.line_join(d, end);
        self.d.force(d)
    }
}

/// A remote function's name as a call spells it (quoted unless it is
/// an identifier or an operator).
fn remote_name(name: &str) -> String {
    let ident = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '?' || c == '!');
    if ident || binary_info(name).is_some() {
        name.to_string()
    } else {
        format!("{name:?}")
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Skip {
    IfOnlyDoEnd,
    UnlessManyArgs,
    IfDoEnd,
}
