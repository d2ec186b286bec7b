//! `Macro.to_string/1`: a quoted expression as the Elixir source the
//! formatter prints for it (operators with only the parentheses their
//! precedence needs, `do` blocks on their own lines indented by two, the
//! formatter's calls without parentheses such as `raise` and `use`).
//!
//! Not here: breaking long lines at 98 columns (a line is never broken
//! here), comments.

use crate::format::inspect;
use crate::value::Value;

/// How deep a quoted expression may nest before printing gives up on
/// its structure (the caller's stack is a scheduler thread's).
const MAX_DEPTH: u32 = 1_000;

/// Calls the formatter prints without parentheses (Elixir's
/// `Code.Formatter` list), by name and arity (`None`: any arity).
const WITHOUT_PARENS: &[(&str, Option<usize>)] = &[
    ("alias", None),
    ("case", Some(2)),
    ("cond", Some(1)),
    ("for", None),
    ("import", None),
    ("quote", None),
    ("receive", Some(1)),
    ("require", None),
    ("try", Some(1)),
    ("with", None),
    ("def", None),
    ("defp", None),
    ("defguard", Some(1)),
    ("defguardp", Some(1)),
    ("defmacro", None),
    ("defmacrop", None),
    ("defmodule", Some(2)),
    ("defdelegate", Some(2)),
    ("defexception", Some(1)),
    ("defoverridable", Some(1)),
    ("defstruct", Some(1)),
    ("destructure", Some(2)),
    ("raise", None),
    ("reraise", None),
    ("if", Some(2)),
    ("unless", Some(2)),
    ("use", None),
    ("assert", None),
    ("assert_in_delta", None),
    ("assert_raise", None),
    ("assert_receive", None),
    ("assert_received", None),
    ("doctest", None),
    ("refute", None),
    ("refute_in_delta", None),
    ("refute_receive", None),
    ("refute_received", None),
    ("setup", None),
    ("setup_all", None),
    ("test", None),
    ("describe", None),
];

const BLOCK_KEYS: &[&str] = &["do", "else", "after", "rescue", "catch"];

#[derive(Clone, Copy, PartialEq)]
enum Assoc {
    Left,
    Right,
}

/// Binary operators: precedence (higher binds tighter) and associativity.
fn binary(op: &str) -> Option<(u8, Assoc)> {
    use Assoc::*;
    Some(match op {
        "<-" | "\\\\" => (1, Left),
        "when" => (2, Right),
        "::" => (3, Right),
        "|" => (4, Right),
        "=>" => (5, Right),
        "=" => (7, Right),
        "||" | "|||" | "or" => (8, Left),
        "&&" | "&&&" | "and" => (9, Left),
        "==" | "!=" | "=~" | "===" | "!==" => (10, Left),
        "<" | ">" | "<=" | ">=" => (11, Left),
        "|>" | "<<<" | ">>>" | "<<~" | "~>>" | "<~" | "~>" | "<~>" => (12, Left),
        "in" | "not in" => (13, Left),
        "^^^" => (14, Left),
        "++" | "--" | "+++" | "---" | ".." | "<>" => (15, Right),
        "+" | "-" => (16, Left),
        "*" | "/" => (17, Left),
        "**" => (18, Left),
        _ => return None,
    })
}

fn unary(op: &str) -> bool {
    matches!(op, "-" | "+" | "!" | "^" | "not" | "~~~")
}

fn atom_name(v: &Value) -> Option<&str> {
    match v {
        Value::Atom(a) => Some(a.as_str()),
        _ => None,
    }
}

fn parts(v: &Value) -> Option<(&Value, &Value, &Value)> {
    match v {
        Value::Tuple(t) if t.len() == 3 => Some((&t[0], &t[1], &t[2])),
        _ => None,
    }
}

fn meta_true(meta: &Value, key: &str) -> bool {
    meta.iter_list().any(|m| match m {
        Value::Tuple(t) if t.len() == 2 => atom_name(&t[0]) == Some(key) && t[1] == Value::TRUE,
        _ => false,
    })
}

fn meta_str(meta: &Value, key: &str) -> Option<String> {
    meta.iter_list().find_map(|m| match m {
        Value::Tuple(t) if t.len() == 2 && atom_name(&t[0]) == Some(key) => {
            t[1].as_str().map(str::to_string)
        }
        _ => None,
    })
}

/// A keyword list's pairs, if `v` is a non-empty one.
fn keywords(v: &Value) -> Option<Vec<(&str, &Value)>> {
    if !matches!(v, Value::Cons(_)) {
        return None;
    }
    let mut out = Vec::new();
    for item in v.iter_list() {
        match item {
            Value::Tuple(t) if t.len() == 2 => out.push((atom_name(&t[0])?, &t[1])),
            _ => return None,
        }
    }
    Some(out)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("  {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An atom as a keyword key: `a:`, `"a b":`.
fn key_text(k: &str) -> String {
    let quoted = inspect(&Value::atom(k));
    match quoted.strip_prefix(':') {
        Some(plain) if !plain.starts_with('"') => format!("{plain}:"),
        Some(q) => format!("{q}:"),
        None => format!("{quoted}:"),
    }
}

pub(crate) fn to_string(v: &Value) -> String {
    Printer { depth: 0 }.expr(v)
}

struct Printer {
    depth: u32,
}

impl Printer {
    fn expr(&mut self, v: &Value) -> String {
        self.depth += 1;
        let s = if self.depth > MAX_DEPTH {
            inspect(v)
        } else {
            self.expr_inner(v)
        };
        self.depth -= 1;
        s
    }

    fn expr_inner(&mut self, v: &Value) -> String {
        match v {
            Value::Atom(a) => {
                let s = a.as_str();
                match s.strip_prefix("Elixir.") {
                    Some(m) => m.to_string(),
                    None => inspect(v),
                }
            }
            Value::Cons(_) | Value::Nil => self.list(v),
            Value::Tuple(t) if t.len() == 2 => {
                format!("{{{}, {}}}", self.expr(&t[0]), self.expr(&t[1]))
            }
            Value::Tuple(t) if t.len() == 3 => self.form(&t[0], &t[1], &t[2], v),
            _ => inspect(v),
        }
    }

    fn list(&mut self, v: &Value) -> String {
        if let Some(kw) = keywords(v) {
            return format!("[{}]", self.keyword_items(&kw));
        }
        let Some(items) = v.list_to_vec() else {
            return inspect(v);
        };
        let n = items.len();
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if i + 1 == n {
                if let Some((op, _, args)) = parts(item) {
                    if atom_name(op) == Some("|") {
                        if let Some([h, t]) = args.list_to_vec().as_deref() {
                            out.push(format!("{} | {}", self.expr(h), self.expr(t)));
                            continue;
                        }
                    }
                }
            }
            out.push(self.expr(item));
        }
        format!("[{}]", out.join(", "))
    }

    fn keyword_items(&mut self, kw: &[(&str, &Value)]) -> String {
        kw.iter()
            .map(|(k, v)| format!("{} {}", key_text(k), self.expr(v)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Call arguments: a trailing keyword list without its brackets.
    fn args(&mut self, args: &[Value]) -> String {
        let mut out = Vec::new();
        for (i, a) in args.iter().enumerate() {
            if i + 1 == args.len() {
                if let Some(kw) = keywords(a) {
                    out.push(self.keyword_items(&kw));
                    continue;
                }
            }
            out.push(self.expr(a));
        }
        out.join(", ")
    }

    /// An operand of an operator of precedence `prec`, in parentheses
    /// when it binds more loosely (or as tightly, on the wrong side).
    fn operand(&mut self, v: &Value, prec: u8, assoc: Assoc, left: bool) -> String {
        let text = self.expr(v);
        if let Some((op, _, args)) = parts(v) {
            if let (Some(name), Some(n)) = (atom_name(op), args.list_to_vec().map(|a| a.len())) {
                let name = if name == "not" && n == 1 && self.is_not_in(args) {
                    "not in"
                } else {
                    name
                };
                if n == 2 || name == "not in" {
                    if let Some((p, _)) = binary(name) {
                        let needs = p < prec
                            || (p == prec
                                && ((left && assoc == Assoc::Right)
                                    || (!left && assoc == Assoc::Left)));
                        if needs {
                            return format!("({text})");
                        }
                    }
                }
            }
        }
        text
    }

    fn is_not_in(&self, args: &Value) -> bool {
        match args.list_to_vec().as_deref() {
            Some([inner]) => parts(inner).is_some_and(|(op, _, a)| {
                atom_name(op) == Some("in") && a.list_to_vec().is_some_and(|a| a.len() == 2)
            }),
            _ => false,
        }
    }

    fn form(&mut self, head: &Value, meta: &Value, args: &Value, whole: &Value) -> String {
        let Some(name) = atom_name(head) else {
            return self.remote(head, meta, args, whole);
        };
        if let Value::Atom(_) = args {
            return name.to_string();
        }
        let Some(items) = args.list_to_vec() else {
            return inspect(whole);
        };
        match (name, items.as_slice()) {
            ("__block__", es) => {
                return es
                    .iter()
                    .map(|e| self.expr(e))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            ("__aliases__", segs) => {
                return segs
                    .iter()
                    .map(|s| match s {
                        Value::Atom(a) => a.as_str().to_string(),
                        other => self.expr(other),
                    })
                    .collect::<Vec<_>>()
                    .join(".")
            }
            ("{}", es) => {
                let inner = es.iter().map(|e| self.expr(e)).collect::<Vec<_>>();
                return format!("{{{}}}", inner.join(", "));
            }
            ("%{}", es) => return format!("%{{{}}}", self.map_items(es)),
            ("%", [name, map]) => {
                let n = self.expr(name);
                let inner = parts(map)
                    .and_then(|(_, _, a)| a.list_to_vec())
                    .map(|es| self.map_items(&es))
                    .unwrap_or_default();
                return format!("%{n}{{{inner}}}");
            }
            ("<<>>", segs) => return self.bitstring(segs),
            ("fn", clauses) => return self.fn_(clauses),
            ("&", [Value::Int(i)]) => return format!("&{i}"),
            ("&", [inner]) => {
                if let Some((op, _, a)) = parts(inner) {
                    if atom_name(op) == Some("/") {
                        if let Some([f, n]) = a.list_to_vec().as_deref() {
                            return format!("&{}/{}", self.expr(f), self.expr(n));
                        }
                    }
                }
                let text = self.expr(inner);
                let bare = match parts(inner) {
                    Some((op, _, a)) => match (atom_name(op), a.list_to_vec()) {
                        (Some("/"), Some(v)) if v.len() == 2 => true,
                        (Some(n), Some(v)) => binary(n).is_none() && !(unary(n) && v.len() == 1),
                        (None, _) => true,
                        _ => false,
                    },
                    None => false,
                };
                return if bare {
                    format!("&{text}")
                } else {
                    format!("&({text})")
                };
            }
            ("@", [inner]) => {
                if let Some((Value::Atom(attr), _, value)) = parts(inner) {
                    return match value.list_to_vec().as_deref() {
                        Some([v]) => format!("@{} {}", attr.as_str(), self.expr(v)),
                        _ => format!("@{}", attr.as_str()),
                    };
                }
            }
            ("not", [inner]) if self.is_not_in(args) => {
                if let Some((_, _, a)) = parts(inner) {
                    if let Some([l, r]) = a.list_to_vec().as_deref() {
                        let (p, assoc) = binary("not in").expect("an operator");
                        return format!(
                            "{} not in {}",
                            self.operand(l, p, assoc, true),
                            self.operand(r, p, assoc, false)
                        );
                    }
                }
            }
            ("..//", [a, b, c]) => {
                return format!("{}..{}//{}", self.expr(a), self.expr(b), self.expr(c))
            }
            (op, [x]) if unary(op) => {
                let inner = self.expr(x);
                let wrap = match parts(x) {
                    Some((o, _, a)) => {
                        let n = a.list_to_vec().map_or(0, |v| v.len());
                        let on = atom_name(o).unwrap_or("");
                        (n == 2 && binary(on).is_some())
                            || (n == 1 && unary(on) && (on == op || op != "not" && on == "not"))
                    }
                    None => false,
                };
                let sep = if op == "not" { " " } else { "" };
                return if wrap {
                    format!("{op}{sep}({inner})")
                } else {
                    format!("{op}{sep}{inner}")
                };
            }
            (op, [l, r]) if binary(op).is_some() => {
                let (p, assoc) = binary(op).expect("checked");
                let lt = self.operand(l, p, assoc, true);
                let rt = self.operand(r, p, assoc, false);
                return match op {
                    ".." => format!("{lt}..{rt}"),
                    _ => format!("{lt} {op} {rt}"),
                };
            }
            _ => {}
        }
        if let Some(sigil) = name.strip_prefix("sigil_") {
            if let [text, Value::Cons(_) | Value::Nil] = items.as_slice() {
                if let Some((_, _, pieces)) = parts(text) {
                    let delim = meta_str(meta, "delimiter").unwrap_or_else(|| "\"".into());
                    let close = match delim.as_str() {
                        "(" => ")",
                        "[" => "]",
                        "{" => "}",
                        "<" => ">",
                        d => d,
                    }
                    .to_string();
                    let body: String = pieces
                        .iter_list()
                        .map(|p| match p.as_str() {
                            Some(s) => s.to_string(),
                            None => format!("#{{{}}}", self.interp(p)),
                        })
                        .collect();
                    let mods: String = items[1]
                        .iter_list()
                        .filter_map(|c| match c {
                            Value::Int(i) => char::from_u32(*i as u32),
                            _ => None,
                        })
                        .collect();
                    return format!("~{sigil}{delim}{body}{close}{mods}");
                }
            }
        }
        self.call(name, &items)
    }

    /// The `e` of `Kernel.to_string(e)::binary` in an interpolation.
    fn interp(&mut self, seg: &Value) -> String {
        if let Some((_, _, a)) = parts(seg) {
            if let Some([call, _]) = a.list_to_vec().as_deref() {
                if let Some((_, _, cargs)) = parts(call) {
                    if let Some([e]) = cargs.list_to_vec().as_deref() {
                        return self.expr(e);
                    }
                }
            }
        }
        self.expr(seg)
    }

    fn is_interpolation(seg: &Value) -> bool {
        let Some((op, _, a)) = parts(seg) else {
            return false;
        };
        if atom_name(op) != Some("::") {
            return false;
        }
        match a.list_to_vec().as_deref() {
            Some([call, ty]) => {
                parts(ty).is_some_and(|(t, _, _)| atom_name(t) == Some("binary"))
                    && parts(call).is_some_and(|(d, _, _)| {
                        parts(d).is_some_and(|(dot, _, dargs)| {
                            atom_name(dot) == Some(".")
                                && dargs.list_to_vec().is_some_and(|p| {
                                    p.len() == 2 && atom_name(&p[1]) == Some("to_string")
                                })
                        })
                    })
            }
            _ => false,
        }
    }

    fn bitstring(&mut self, segs: &[Value]) -> String {
        if segs
            .iter()
            .all(|s| s.as_str().is_some() || Self::is_interpolation(s))
            && segs.iter().any(|s| s.as_str().is_none())
        {
            let mut out = String::from("\"");
            for s in segs {
                match s.as_str() {
                    Some(t) => {
                        let q = inspect(&Value::str(t));
                        out.push_str(&q[1..q.len() - 1]);
                    }
                    None => {
                        out.push_str("#{");
                        out.push_str(&self.interp(s));
                        out.push('}');
                    }
                }
            }
            out.push('"');
            return out;
        }
        let inner = segs
            .iter()
            .map(|s| {
                if let Some((op, _, a)) = parts(s) {
                    if atom_name(op) == Some("::") {
                        if let Some([l, r]) = a.list_to_vec().as_deref() {
                            return format!("{}::{}", self.expr(l), self.expr(r));
                        }
                    }
                }
                self.expr(s)
            })
            .collect::<Vec<_>>();
        format!("<<{}>>", inner.join(", "))
    }

    fn map_items(&mut self, es: &[Value]) -> String {
        if let [one] = es {
            if let Some((op, _, a)) = parts(one) {
                if atom_name(op) == Some("|") {
                    if let Some([m, pairs]) = a.list_to_vec().as_deref() {
                        let inner = pairs.list_to_vec().unwrap_or_default();
                        return format!("{} | {}", self.expr(m), self.pairs(&inner));
                    }
                }
            }
        }
        self.pairs(es)
    }

    fn pairs(&mut self, es: &[Value]) -> String {
        let all_atoms = es.iter().all(|p| match p {
            Value::Tuple(t) if t.len() == 2 => matches!(t[0], Value::Atom(_)),
            _ => false,
        });
        es.iter()
            .map(|p| match p {
                Value::Tuple(t) if t.len() == 2 => {
                    if all_atoms {
                        format!(
                            "{} {}",
                            key_text(atom_name(&t[0]).unwrap_or("")),
                            self.expr(&t[1])
                        )
                    } else {
                        format!("{} => {}", self.expr(&t[0]), self.expr(&t[1]))
                    }
                }
                other => self.expr(other),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `args -> body` clauses; `inline` for a one-clause `fn`.
    fn arrow(&mut self, clause: &Value) -> (String, String) {
        let Some((_, _, a)) = parts(clause) else {
            return (String::new(), self.expr(clause));
        };
        let items = a.list_to_vec().unwrap_or_default();
        let (head, body) = match items.as_slice() {
            [h, b] => (h.clone(), b.clone()),
            _ => return (String::new(), self.expr(clause)),
        };
        let heads = head.list_to_vec().unwrap_or_default();
        let head_text = match heads.as_slice() {
            [one]
                if parts(one).is_some_and(|(w, _, wa)| {
                    atom_name(w) == Some("when") && wa.list_to_vec().is_some_and(|x| x.len() > 2)
                }) =>
            {
                let wa = parts(one)
                    .and_then(|(_, _, wa)| wa.list_to_vec())
                    .unwrap_or_default();
                let (guard, params) = wa.split_last().expect("more than two");
                format!("{} when {}", self.args(params), self.expr(guard))
            }
            hs => self.args(hs),
        };
        (head_text, self.expr(&body))
    }

    fn clauses(&mut self, list: &Value) -> String {
        let items = list.list_to_vec().unwrap_or_default();
        items
            .iter()
            .map(|c| {
                let (h, b) = self.arrow(c);
                if b.contains('\n') {
                    format!("{h} ->\n{}", indent(&b))
                } else {
                    format!("{h} -> {b}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn fn_(&mut self, clauses: &[Value]) -> String {
        if let [one] = clauses {
            let (h, b) = self.arrow(one);
            if !b.contains('\n') {
                return if h.is_empty() {
                    format!("fn -> {b} end")
                } else {
                    format!("fn {h} -> {b} end")
                };
            }
        }
        let list = Value::list(clauses.to_vec());
        format!("fn\n{}\nend", indent(&self.clauses(&list)))
    }

    fn is_arrows(v: &Value) -> bool {
        matches!(v, Value::Cons(_))
            && v.iter_list()
                .all(|c| parts(c).is_some_and(|(a, _, _)| atom_name(a) == Some("->")))
    }

    /// A `do` block after a call's head: `head do ... end`.
    fn do_end(&mut self, head: String, kw: &[(&str, &Value)]) -> String {
        let mut out = format!("{head} do");
        for (k, body) in kw {
            if *k != "do" {
                out.push('\n');
                out.push_str(k);
            }
            let text = if Self::is_arrows(body) {
                self.clauses(body)
            } else {
                self.expr(body)
            };
            out.push('\n');
            out.push_str(&indent(&text));
        }
        out.push_str("\nend");
        out
    }

    fn block_keywords(args: &[Value]) -> Option<Vec<(&str, &Value)>> {
        let kw = keywords(args.last()?)?;
        (kw[0].0 == "do" && kw.iter().all(|(k, _)| BLOCK_KEYS.contains(k))).then_some(kw)
    }

    fn call(&mut self, name: &str, args: &[Value]) -> String {
        let no_parens = WITHOUT_PARENS
            .iter()
            .any(|(n, a)| *n == name && a.is_none_or(|a| a == args.len()))
            && !args.is_empty();
        if let Some(kw) = Self::block_keywords(args) {
            let rest = &args[..args.len() - 1];
            let head = if rest.is_empty() {
                name.to_string()
            } else if no_parens {
                format!("{name} {}", self.args(rest))
            } else {
                format!("{name}({})", self.args(rest))
            };
            return self.do_end(head, &kw);
        }
        if no_parens {
            format!("{name} {}", self.args(args))
        } else {
            format!("{name}({})", self.args(args))
        }
    }

    fn remote(&mut self, head: &Value, meta: &Value, args: &Value, whole: &Value) -> String {
        let Some(items) = args.list_to_vec() else {
            return inspect(whole);
        };
        if let Some((dot, _, dargs)) = parts(head) {
            if atom_name(dot) == Some(".") {
                let d = dargs.list_to_vec().unwrap_or_default();
                match d.as_slice() {
                    [m, Value::Atom(f)] => {
                        if *m == Value::Atom(crate::atom::Atom::alias("Access"))
                            && f.as_str() == "get"
                            && items.len() == 2
                        {
                            return format!("{}[{}]", self.expr(&items[0]), self.expr(&items[1]));
                        }
                        let receiver = match m {
                            Value::Atom(a) if !a.as_str().starts_with("Elixir.") => inspect(m),
                            _ => self.expr(m),
                        };
                        let is_alias = matches!(m, Value::Atom(_))
                            || parts(m)
                                .is_some_and(|(a, _, _)| atom_name(a) == Some("__aliases__"));
                        let fname = f.as_str();
                        if items.is_empty() && meta_true(meta, "no_parens") && !is_alias {
                            return format!("{receiver}.{fname}");
                        }
                        let head = format!("{receiver}.{fname}");
                        if let Some(kw) = Self::block_keywords(&items) {
                            let rest = &items[..items.len() - 1];
                            let h = format!("{head}({})", self.args(rest));
                            return self.do_end(h, &kw);
                        }
                        return format!("{head}({})", self.args(&items));
                    }
                    [f] => return format!("{}.({})", self.expr(f), self.args(&items)),
                    _ => {}
                }
            }
        }
        format!("{}({})", self.expr(head), self.args(&items))
    }
}
