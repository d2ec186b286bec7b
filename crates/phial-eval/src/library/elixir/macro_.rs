//! `Macro` natives: `to_string/1`, `escape/1,2`, `expand_once/2`, `var/2`,
//! the predicates on names and quoted forms, and how an atom may be
//! written in source (`classify_atom/1`, `inspect_atom/2`).
//!
//! Not here: the walks (`prewalk`, `postwalk`, `traverse`), `expand/2` and
//! `pipe`/`unpipe`, written in phial in `macro.ex`; the printer itself
//! (`support::macro_text`).

use crate::atom::Atom;
use crate::compile::Known;
use crate::error::{self, Result};
use crate::library::{def, step, Native, Step, Target};
use crate::value::Value;

/// How deep a term `escape` walks (the caller's stack is a scheduler
/// thread's).
const MAX_ESCAPE_DEPTH: u32 = 10_000;

pub const NATIVES: &[Native] = &[
    def("to_string", 1, |_, a| {
        Ok(Value::str(crate::library::support::macro_text::to_string(
            &a[0],
        )))
    }),
    def("escape", 1, |_, a| escape(&a[0], 0)),
    def("escape", 2, |_, a| escape(&a[0], 0)),
    def("var", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Atom(_), Value::Atom(_)) => {
            Ok(Value::tuple(vec![a[0].clone(), Value::Nil, a[1].clone()]))
        }
        _ => Err(error::function_clause_error(
            Atom::alias("Macro"),
            Atom::new("var"),
            2,
            a.to_vec(),
        )),
    }),
    def("unique_var", 2, |_, a| {
        static NEXT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Value::tuple(vec![
            a[0].clone(),
            Value::list(vec![Value::tuple(vec![
                Value::atom("counter"),
                Value::Int(-576460752303423000 + n),
            ])]),
            a[1].clone(),
        ]))
    }),
    step("expand_once", 2, |ctx, a| {
        if let Some(expanded) = alias_expansion(&a[0], &a[1]) {
            return Ok(Step::Done(expanded));
        }
        if let Some(expanded) = kernel_expansion(&a[0]) {
            return Ok(Step::Done(expanded));
        }
        let Some((module, name, args)) = remote_macro_call(&a[0]) else {
            return Ok(Step::Done(a[0].clone()));
        };
        ctx.vm.ensure_lazy(module);
        let f = Atom::new(&format!("MACRO-{}", name.as_str()));
        if !ctx.vm.has_function(module, f, args.len() as u32 + 1) {
            return Ok(Step::Done(a[0].clone()));
        }
        let mut call_args = vec![a[1].clone()];
        call_args.extend(args);
        Ok(Step::Then(Target::Mfa(module, f), call_args))
    }),
    def("operator?", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Atom(n), Value::Int(arity)) => Ok(Value::bool(operator(n.as_str(), *arity))),
        _ => Err(error::badarg()),
    }),
    def("special_form?", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Atom(n), Value::Int(arity)) => Ok(Value::bool(special_form(n.as_str(), *arity))),
        _ => Err(error::badarg()),
    }),
    def("classify_atom", 1, |_, a| match &a[0] {
        Value::Atom(x) => Ok(Value::atom(match classify(x.as_str()) {
            Class::Alias => "alias",
            Class::Identifier => "identifier",
            Class::Operator | Class::NotCallable => "unquoted",
            Class::QuotedOperator | Class::Other => "quoted",
        })),
        _ => Err(error::function_clause_error(
            Atom::alias("Macro"),
            Atom::new("classify_atom"),
            1,
            a.to_vec(),
        )),
    }),
    def("inspect_atom", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Atom(format), Value::Atom(x)) if inspect_format(format.as_str()) => {
            Ok(Value::str(inspect_atom(format.as_str(), *x)))
        }
        _ => Err(error::function_clause_error(
            Atom::alias("Macro"),
            Atom::new("inspect_atom"),
            2,
            a.to_vec(),
        )),
    }),
    def("quoted_literal?", 1, |_, a| {
        Ok(Value::bool(quoted_literal(&a[0], 0)))
    }),
    def("underscore", 1, |_, a| {
        let text = match &a[0] {
            Value::Atom(m) => crate::error::module_name(*m),
            v => v.as_str().ok_or_else(error::badarg)?.to_string(),
        };
        Ok(Value::str(underscore(&text)))
    }),
    def("camelize", 1, |_, a| {
        let text = a[0].as_str().ok_or_else(error::badarg)?;
        Ok(Value::str(camelize(text)))
    }),
    def("decompose_call", 1, |_, a| Ok(decompose_call(&a[0]))),
    def("generate_arguments", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Int(n), Value::Atom(_)) if *n >= 0 => Ok(Value::list(
            (1..=*n)
                .map(|i| {
                    Value::tuple(vec![
                        Value::atom(&format!("arg{i}")),
                        Value::Nil,
                        a[1].clone(),
                    ])
                })
                .collect(),
        )),
        _ => Err(error::badarg()),
    }),
];

fn triple(v: &Value) -> Option<(&Value, &Value, &Value)> {
    match v {
        Value::Tuple(t) if t.len() == 3 => Some((&t[0], &t[1], &t[2])),
        _ => None,
    }
}

/// What Kernel's macros that phial compiles itself expand to, for
/// `expand_once`: `unless` is an `if`, a pipe a call.
fn kernel_expansion(v: &Value) -> Option<Value> {
    let (head, meta, args) = triple(v)?;
    let args = args.list_to_vec()?;
    match (head.as_atom()?.as_str(), args.as_slice()) {
        ("unless", [cond, kw]) => {
            let get = |k: &str| {
                kw.iter_list().find_map(|p| match p {
                    Value::Tuple(t) if t.len() == 2 && t[0] == Value::atom(k) => Some(t[1].clone()),
                    _ => None,
                })
            };
            let body = get("do")?;
            let other = get("else").unwrap_or(Value::NIL_ATOM);
            let kw = Value::list(vec![
                Value::tuple(vec![Value::atom("do"), other]),
                Value::tuple(vec![Value::atom("else"), body]),
            ]);
            Some(Value::tuple(vec![
                Value::atom("if"),
                meta.clone(),
                Value::list(vec![cond.clone(), kw]),
            ]))
        }
        ("|>", [left, right]) => {
            let (call, cmeta, cargs) = triple(right)?;
            let mut items = vec![left.clone()];
            items.extend(cargs.list_to_vec().unwrap_or_default());
            Some(Value::tuple(vec![
                call.clone(),
                cmeta.clone(),
                Value::list(items),
            ]))
        }
        _ => None,
    }
}

/// `Mod.name(args)` in quoted form: the module, the name, the arguments.
fn remote_macro_call(v: &Value) -> Option<(Atom, Atom, Vec<Value>)> {
    let (head, _, args) = triple(v)?;
    let args = args.list_to_vec()?;
    let (dot, _, dargs) = triple(head)?;
    if *dot != Value::atom(".") {
        return None;
    }
    let d = dargs.list_to_vec()?;
    let [m, Value::Atom(f)] = d.as_slice() else {
        return None;
    };
    let module = match m {
        Value::Atom(a) => *a,
        other => {
            let (al, _, segs) = triple(other)?;
            if *al != Value::atom("__aliases__") {
                return None;
            }
            let names: Option<Vec<String>> = segs
                .iter_list()
                .map(|s| s.as_atom().map(|a| a.as_str().to_string()))
                .collect();
            Atom::alias(&names?.join("."))
        }
    };
    Some((module, *f, args))
}

/// `Macro.escape/1`: the quoted form that evaluates to `v`.
pub(crate) fn escape(v: &Value, depth: u32) -> Result<Value> {
    if depth > MAX_ESCAPE_DEPTH {
        return Err(error::argument_error(
            "the term is nested too deeply to escape",
        ));
    }
    Ok(match v {
        Value::Tuple(t) if t.len() == 2 => {
            Value::tuple(vec![escape(&t[0], depth + 1)?, escape(&t[1], depth + 1)?])
        }
        Value::Tuple(t) => {
            let items = t
                .iter()
                .map(|x| escape(x, depth + 1))
                .collect::<Result<Vec<_>>>()?;
            Value::tuple(vec![Value::atom("{}"), Value::Nil, Value::list(items)])
        }
        Value::Map(m) => {
            let mut pairs = Vec::new();
            for (k, x) in m.iter() {
                pairs.push(Value::tuple(vec![
                    escape(k, depth + 1)?,
                    escape(x, depth + 1)?,
                ]));
            }
            Value::tuple(vec![Value::atom("%{}"), Value::Nil, Value::list(pairs)])
        }
        Value::Cons(_) => {
            let mut items = Vec::new();
            let mut rest = v.clone();
            loop {
                match rest {
                    Value::Cons(c) => {
                        items.push(escape(&c.head, depth + 1)?);
                        rest = c.tail.clone();
                    }
                    Value::Nil => break,
                    other => {
                        let last = items.pop().unwrap_or(Value::Nil);
                        items.push(Value::tuple(vec![
                            Value::atom("|"),
                            Value::Nil,
                            Value::list(vec![last, escape(&other, depth + 1)?]),
                        ]));
                        break;
                    }
                }
            }
            Value::list(items)
        }
        other => other.clone(),
    })
}

fn operator(name: &str, arity: i64) -> bool {
    match arity {
        1 => matches!(name, "-" | "+" | "!" | "^" | "not" | "~~~" | "&" | "@"),
        2 => matches!(
            name,
            "=" | "+"
                | "-"
                | "*"
                | "/"
                | "**"
                | "++"
                | "--"
                | "+++"
                | "---"
                | "<>"
                | ".."
                | "=="
                | "!="
                | "==="
                | "!=="
                | "<"
                | ">"
                | "<="
                | ">="
                | "=~"
                | "&&"
                | "||"
                | "&&&"
                | "|||"
                | "and"
                | "or"
                | "in"
                | "|>"
                | "<<<"
                | ">>>"
                | "<<~"
                | "~>>"
                | "<~"
                | "~>"
                | "<~>"
                | "^^^"
                | "<-"
                | "\\\\"
                | "when"
                | "|"
                | "::"
                | "."
        ),
        3 => name == "..//",
        0 => name == "..",
        _ => false,
    }
}

fn special_form(name: &str, arity: i64) -> bool {
    matches!(
        (name, arity),
        (
            "%{}"
                | "{}"
                | "<<>>"
                | "__block__"
                | "fn"
                | "cond"
                | "for"
                | "with"
                | "try"
                | "receive"
                | "quote"
                | "case"
                | "super"
                | "__aliases__",
            _
        ) | (
            "__MODULE__" | "__ENV__" | "__DIR__" | "__CALLER__" | "__STACKTRACE__",
            0
        ) | (
            "%" | "=" | "|" | "::" | "^" | "&" | "." | "alias" | "import" | "require",
            2
        ) | (
            "unquote" | "unquote_splicing" | "alias" | "import" | "require",
            1
        )
    )
}

fn quoted_literal(v: &Value, depth: u32) -> bool {
    if depth > MAX_ESCAPE_DEPTH {
        return false;
    }
    match v {
        Value::Tuple(t) if t.len() == 2 => {
            quoted_literal(&t[0], depth + 1) && quoted_literal(&t[1], depth + 1)
        }
        Value::Tuple(t) if t.len() == 3 => match (&t[0], &t[2]) {
            (Value::Atom(a), args) if matches!(a.as_str(), "{}" | "%{}" | "__aliases__") => {
                args.iter_list().all(|x| quoted_literal(x, depth + 1))
            }
            _ => false,
        },
        Value::Tuple(_) | Value::Map(_) | Value::Pid(_) | Value::Ref(_) | Value::Fun(_) => false,
        Value::Cons(_) => v.iter_list().all(|x| quoted_literal(x, depth + 1)),
        _ => true,
    }
}

fn decompose_call(v: &Value) -> Value {
    let Some((head, _, args)) = triple(v) else {
        return Value::atom("error");
    };
    if !args.is_list() {
        return Value::atom("error");
    }
    match head {
        Value::Atom(_) => Value::tuple(vec![head.clone(), args.clone()]),
        _ => match triple(head) {
            Some((dot, _, d)) if *dot == Value::atom(".") => match d.list_to_vec().as_deref() {
                Some([m, f @ Value::Atom(_)]) => {
                    Value::tuple(vec![m.clone(), f.clone(), args.clone()])
                }
                _ => Value::atom("error"),
            },
            _ => Value::atom("error"),
        },
    }
}

/// `Macro.underscore("MyApp.HTTPServer")` is `"my_app/http_server"`.
pub(crate) fn underscore(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '.' {
            out.push('/');
            continue;
        }
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(|n| n.is_ascii_lowercase()),
                _ => false,
            };
            if boundary {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `Macro.camelize("my_app/http_server")` is `"MyApp.HttpServer"`.
pub(crate) fn camelize(text: &str) -> String {
    let mut out = String::new();
    let mut up = true;
    for c in text.chars() {
        match c {
            '_' => up = true,
            '/' => {
                out.push('.');
                up = true;
            }
            c if up => {
                out.push(c.to_ascii_uppercase());
                up = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// `{:__aliases__, _, [:Foo, :Bar]}` as the module it names in `env`:
/// its first part looked up in the env's `aliases` (`[{alias, module}]`),
/// `Elixir.` leading it meaning no lookup. A head that is not an atom
/// (`__MODULE__.Foo`) is left for the caller.
fn alias_expansion(ast: &Value, env: &Value) -> Option<Value> {
    let Value::Tuple(t) = ast else { return None };
    if t.len() != 3 || t[0].as_atom() != Some(Atom::new("__aliases__")) {
        return None;
    }
    let parts: Vec<Atom> = t[2]
        .list_to_vec()?
        .iter()
        .map(Value::as_atom)
        .collect::<Option<_>>()?;
    let (first, rest) = parts.split_first()?;
    let mut name = if first.as_str() == "Elixir" {
        "Elixir".to_string()
    } else {
        let short = Atom::new(&format!("Elixir.{}", first.as_str()));
        let aliased = env
            .map_get(Atom::new("aliases"))
            .into_iter()
            .flat_map(Value::iter_list)
            .find_map(|pair| match pair {
                Value::Tuple(p) if p.len() == 2 && p[0] == Value::Atom(short) => p[1].as_atom(),
                _ => None,
            });
        aliased.unwrap_or(short).as_str().to_string()
    };
    for part in rest {
        name.push('.');
        name.push_str(part.as_str());
    }
    Some(Value::atom(&name))
}

/// What an atom can be written as in source, finer than `classify_atom/1`
/// tells: `inspect_atom(:remote_call, _)` needs the finer kinds.
#[derive(PartialEq)]
enum Class {
    Alias,
    Identifier,
    /// A callable operator written bare (`:+`).
    Operator,
    /// A callable operator that needs quotes (`:"::"`).
    QuotedOperator,
    /// Bare as an atom but not callable after a dot (`:%{}`, `:Foo`,
    /// `:foo@bar`).
    NotCallable,
    /// Needs quotes everywhere (`:"with spaces"`).
    Other,
}

fn classify(s: &str) -> Class {
    if matches!(
        s,
        "%" | "%{}" | "{}" | "<<>>" | "..." | ".." | "." | "..//" | "->"
    ) {
        return Class::NotCallable;
    }
    if matches!(s, "::" | "^^^" | "~~~" | "<|>") {
        return Class::QuotedOperator;
    }
    if operator(s, 1) || operator(s, 2) {
        return Class::Operator;
    }
    if is_alias(s) {
        return Class::Alias;
    }
    // An identifier: a letter or `_`, then letters, digits, `_`, `@`,
    // and at most one trailing `?` or `!`. Upper case first or an `@`
    // makes it bare but not callable.
    let mut chars = s.chars().peekable();
    let Some(first) = chars.next() else {
        return Class::Other;
    };
    if !(first.is_alphabetic() || first == '_') {
        return Class::Other;
    }
    let mut at = false;
    while let Some(c) = chars.next() {
        if c == '?' || c == '!' {
            if chars.peek().is_some() {
                return Class::Other;
            }
        } else if c == '@' {
            at = true;
        } else if !(c.is_alphanumeric() || c == '_') {
            return Class::Other;
        }
    }
    if first.is_uppercase() || at {
        Class::NotCallable
    } else {
        Class::Identifier
    }
}

/// `Elixir`, or `Elixir.` followed by dot-separated ASCII aliases.
fn is_alias(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("Elixir") else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('.') else {
        return false;
    };
    rest.split('.').all(|seg| {
        let mut cs = seg.chars();
        matches!(cs.next(), Some(c) if c.is_ascii_uppercase())
            && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

fn inspect_format(f: &str) -> bool {
    matches!(f, "literal" | "key" | "remote_call")
}

/// `Macro.inspect_atom/2`: the atom as a literal, a keyword key, or the
/// name in a remote call.
fn inspect_atom(format: &str, a: Atom) -> String {
    let s = a.as_str();
    let quoted = || crate::format::quote_string(s, '"');
    let class = classify(s);
    match format {
        "literal" => match class {
            _ if matches!(s, "nil" | "true" | "false") => s.to_string(),
            Class::Alias => match s.strip_prefix("Elixir.") {
                Some(rest) if !rest.starts_with("Elixir.") && rest != "Elixir" => rest.to_string(),
                _ => s.to_string(),
            },
            Class::QuotedOperator | Class::Other => format!(":{}", quoted()),
            _ => format!(":{s}"),
        },
        "key" => match class {
            Class::Alias => format!("\"{s}\":"),
            Class::QuotedOperator | Class::Other => format!("{}:", quoted()),
            _ => format!("{s}:"),
        },
        _ => match class {
            Class::Identifier | Class::Operator | Class::QuotedOperator => s.to_string(),
            Class::NotCallable | Class::Alias => format!("\"{s}\""),
            Class::Other => quoted(),
        },
    }
}
