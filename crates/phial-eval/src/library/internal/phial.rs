//! `:phial`: the internal functions the compiler emits and the library
//! calls (ranges, `in`, access, sigils, `raise`, structs, protocol
//! dispatch, `Inspect.Algebra`'s layout), never meant for programs.
//!
//! Not here: the Enum walks they share with `Enum` (`support::enumerables`),
//! the struct table (`crate::structs`), the dispatch rule (`crate::protocols`).

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::format::{inspect, InspectOpts};
use crate::library::support::enumerables::{fce, is_foreign_enum, to_list, vec_of, with_index};
use crate::library::support::exceptions::defines;
use crate::library::support::structs::{define, known, pairs};
use crate::library::support::terms::{access, inspect_opts, to_charlist, to_string_value};
use crate::library::{def, guard, step, Ctx, Native, Step, Target};
use crate::protocols::{impl_for, undefined};
use crate::term::{compare, strict_equal};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("chars_to_string", 1, |_, a| to_string_value(&a[0])),
    def("make_exception", 2, |_, a| match raise2(&a[0], &a[1]) {
        r if r.kind == crate::error::Kind::Error => Ok(r.value),
        r => Err(r),
    }),
    // Process.hibernate/3's wait: the message it woke for goes back first.
    def("put_back_message", 1, |ctx, a| {
        ctx.cx.put_back_first(a[0].clone());
        Ok(Value::atom("ok"))
    }),
    // Internal helpers the compiler emits.
    def("to_charlist", 1, |_, a| to_charlist(&a[0])),
    guard("range", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Int(f), Value::Int(l)) => Ok(Value::range(*f, *l, if f <= l { 1 } else { -1 })),
        _ => Err(error::argument_error(format!(
            "ranges (first..last) expect both sides to be integers, got: {}..{}",
            inspect(&a[0]),
            inspect(&a[1])
        ))),
    }),
    guard("range", 3, |_, a| {
        match (&a[0], &a[1], &a[2]) {
        (Value::Int(f), Value::Int(l), Value::Int(s)) if *s != 0 => Ok(Value::range(*f, *l, *s)),
        _ => Err(error::argument_error(format!(
            "ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: {}..{}//{}",
            inspect(&a[0]),
            inspect(&a[1]),
            inspect(&a[2])
        ))),
    }
    }),
    guard("in", 2, |_, a| {
        match crate::matching::member(&a[0], &a[1]) {
            Some(b) => Ok(Value::bool(b)),
            None => match &a[1] {
                // A struct's own Enumerable (Date.Range, a program's):
                // the retry lists it through the protocol.
                other if crate::library::support::enumerables::is_foreign_enum(other) => {
                    Err(error::protocol_undefined("Enumerable", other.clone(), ""))
                }
                Value::Map(m) => Ok(Value::bool(match &a[0] {
                    Value::Tuple(t) if t.len() == 2 => m
                        .get(&t[0])
                        .map(|v| strict_equal(v, &t[1]))
                        .unwrap_or(false),
                    _ => false,
                })),
                other => Err(error::protocol_undefined("Enumerable", other.clone(), "")),
            },
        }
    }),
    def("access", 2, |_, a| access(&a[0], &a[1])),
    def("dot", 2, |_, a| {
        let Value::Atom(key) = &a[1] else {
            return Err(error::badarg());
        };
        match &a[0] {
            Value::Map(m) => match m.get(&a[1]) {
                Some(v) => Ok(v.clone()),
                None => Err(error::key_error(a[1].clone(), a[0].clone())),
            },
            other => Err(error::argument_error(format!(
                "you attempted to apply a function named {} on {}. If you are using Kernel.apply/3, make sure the module is an atom. If you are using the dot syntax, such as module.function(), make sure the left-hand side of the dot is an atom representing a module",
                inspect(&Value::Atom(*key)),
                inspect(other)
            ))),
        }
    }),
    def("sigil_w", 2, |_, a| {
        let Some(s) = a[0].as_str() else {
            return Err(error::badarg());
        };
        let words = s.split_whitespace();
        let kind = a[1].as_atom().map(|x| x.as_str()).unwrap_or("s");
        Ok(Value::list(
            words
                .map(|w| match kind {
                    "a" => Value::atom(w),
                    "c" => Value::list(w.chars().map(|c| Value::Int(c as i64)).collect()),
                    _ => Value::str(w),
                })
                .collect(),
        ))
    }),
    def("to_list", 1, |_, a| to_list(&a[0])),
    // Guard: enumerable only through a protocol implementation in phial
    // code (the prelude's Enum walks such a value with Enumerable.reduce).
    guard("is_foreign_enum", 1, |_, a| {
        Ok(Value::bool(is_foreign_enum(&a[0])))
    }),
    def("sort_desc", 1, |_, a| {
        let mut items = vec_of(&a[0])?;
        // Stable, and equal elements keep their order, as Elixir's `:desc`.
        items.sort_by(|x, y| compare(y, x));
        Ok(Value::list(items))
    }),
    def("with_index", 2, |_, a| match &a[1] {
        Value::Int(o) => with_index(&a[0], *o),
        _ => Err(fce("with_index", 2, &[&a[0], &a[1]])),
    }),
    def("defstruct", 4, |_, a| define(&a[0], &a[1], &a[2], &a[3])),
    def("make_struct", 2, |_, a| {
        let d = known(&a[0])?;
        let Value::Tuple(t) = &a[1] else {
            return Err(error::badarg());
        };
        d.build(t.chunks(2).map(|kv| (kv[0].clone(), kv[1].clone())))
    }),
    def("check_struct", 2, |_, a| check(&a[0], &a[1])),
    def("struct_template", 1, |_, a| {
        Ok(known(&a[0])?.template.clone())
    }),
    def("struct_new", 2, |_, a| {
        let d = known(&a[0])?;
        d.build(pairs(&a[1])?)
    }),
    // The default `exception/1` of `defexception`: the given fields that
    // the exception has (Elixir warns about the others and drops them).
    def("exception_new", 2, |_, a| {
        let d = known(&a[0])?;
        let given: Vec<(Value, Value)> = pairs(&a[1])?
            .into_iter()
            .filter(|(k, _)| k.as_atom().is_some_and(|k| d.has_field(k)))
            .collect();
        d.build(given)
    }),
    // `__STACKTRACE__` in a `rescue` or `catch` clause: the trace of the
    // raise just caught (see `stacktrace`).
    def("stacktrace", 0, |ctx, _| {
        Ok(ctx
            .rare
            .as_deref()
            .and_then(|r| r.as_ref())
            .and_then(|r| r.trace.as_ref())
            .map_or(Value::Nil, crate::stacktrace::Trace::to_value))
    }),
    // `reraise/3`'s trace, carried by the raise that follows.
    def("put_trace", 1, |ctx, a| {
        if let Some(rare) = ctx.rare.as_deref_mut() {
            rare.get_or_insert_with(Default::default).pending_trace =
                Some(crate::stacktrace::Trace::Term(a[0].clone()));
        }
        Ok(Value::NIL_ATOM)
    }),
    step("raise", 1, |ctx, a| {
        if let Some(rare) = ctx.rare.as_deref_mut() {
            rare.get_or_insert_with(Default::default).raise_marked = true;
        }
        raise1_step(ctx, a)
    }),
    step("raise", 2, |ctx, a| match &a[0] {
        Value::Atom(m) if defines(ctx, *m, "exception") => raise_built(*m, a[1].clone()),
        _ => Err(raise2(&a[0], &a[1])),
    }),
    def("impl_for", 3, |ctx, a| {
        let p = a[0].as_atom().ok_or_else(error::badarg)?;
        let found = impl_for(ctx.vm, p, &a[1], a[2].is_truthy());
        Ok(found.map_or(Value::NIL_ATOM, Value::Atom))
    }),
    def("impl_for!", 3, |ctx, a| {
        let p = a[0].as_atom().ok_or_else(error::badarg)?;
        match impl_for(ctx.vm, p, &a[1], a[2].is_truthy()) {
            Some(m) => Ok(Value::Atom(m)),
            None => Err(undefined(p, &a[1])),
        }
    }),
    def("to_doc", 2, |_, a| {
        let o = opts_of(&a[1]);
        Ok(Value::str(crate::format::inspect_checked(
            &a[0],
            &o,
            usize::MAX,
        )?))
    }),
    def("doc_to_string", 2, |_, a| {
        let width = match &a[1] {
            Value::Int(w) if *w >= 0 => *w as usize,
            _ => usize::MAX,
        };
        let doc = crate::pretty::from_algebra(&a[0]).ok_or_else(|| {
            error::argument_error(format!(
                "expected an Inspect.Algebra document, got: {}",
                crate::format::inspect(&a[0])
            ))
        })?;
        Ok(Value::str(crate::pretty::render(&doc, width)))
    }),
];

/// `raise/1`: a message, an exception, or a module to build one of.
fn raise1_step(ctx: &mut Ctx, a: &[Value]) -> Result<Step> {
    match &a[0] {
        Value::Atom(m) if defines(ctx, *m, "exception") => raise_built(*m, Value::Nil),
        _ => Err(raise1(&a[0])),
    }
}

pub(crate) fn default_message(module: Atom) -> Option<&'static str> {
    Some(match module.as_str() {
        "Elixir.RuntimeError" => "runtime error",
        "Elixir.ArgumentError" => "argument error",
        "Elixir.ArithmeticError" => "bad argument in arithmetic expression",
        "Elixir.SystemLimitError" => "a system limit has been reached",
        "Elixir.Enum.OutOfBoundsError" => "out of bounds error",
        "Elixir.Enum.EmptyError" => "empty error",
        _ => return None,
    })
}

pub(crate) fn exception_with(module: Atom, fields: Vec<(Atom, Value)>) -> Raise {
    let mut all = vec![(Atom::EXCEPTION, Value::TRUE)];
    if let Some(m) = default_message(module) {
        if !fields.iter().any(|(k, _)| *k == Atom::MESSAGE) {
            all.push((Atom::MESSAGE, Value::str(m)));
        }
    }
    all.extend(fields);
    Raise::error(Value::make_struct(module, &all))
}

/// `raise "msg"`, `raise SomeError`, `raise exception_value`.
pub fn raise1(v: &Value) -> Raise {
    match v {
        Value::Bin(s) => error::runtime_error(s.to_string_lossy().into_owned()),
        Value::Atom(m) if m.as_str().starts_with("Elixir.") => exception_with(*m, vec![]),
        Value::Map(_) if v.map_get(Atom::EXCEPTION).is_some() => Raise::error(v.clone()),
        other => error::argument_error(format!(
            "raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: {}",
            inspect(other)
        )),
    }
}

/// `raise SomeError, "msg"` / `raise SomeError, key: value`.
pub fn raise2(module: &Value, arg: &Value) -> Raise {
    let Value::Atom(m) = module else {
        return raise1(module);
    };
    match arg {
        Value::Bin(_) => exception_with(*m, vec![(Atom::MESSAGE, arg.clone())]),
        Value::Nil | Value::Cons(_) => {
            let mut fields = Vec::new();
            for item in arg.iter_list() {
                if let Value::Tuple(t) = item {
                    if let (2, Some(k)) = (t.len(), t[0].as_atom()) {
                        fields.push((k, t[1].clone()));
                    }
                }
            }
            exception_with(*m, fields)
        }
        _ => exception_with(*m, vec![]),
    }
}

/// `%Name{s | ...}`: `s` must be a `Name` struct.
pub(crate) fn check(module: &Value, s: &Value) -> Result<Value> {
    if s.struct_name().is_some() && s.struct_name() == module.as_atom() {
        return Ok(s.clone());
    }
    Err(Raise::error(Value::make_struct(
        Atom::new("Elixir.BadStructError"),
        &[
            (Atom::EXCEPTION, Value::TRUE),
            (Atom::new("struct"), module.clone()),
            (Atom::TERM, s.clone()),
        ],
    )))
}

/// `raise Mod, args`: `Mod.exception(args)`, then raise what it returns.
pub(crate) fn raise_built(module: Atom, args: Value) -> Result<Step> {
    Ok(Step::Call(
        Target::Mfa(module, Atom::new("exception")),
        vec![args],
        Box::new(move |_: &mut Ctx, e: Value| -> Result<Step> {
            if e.map_get(Atom::EXCEPTION).is_some() {
                Err(Raise::error(e))
            } else {
                Err(error::argument_error(format!(
                    "expected {}.exception/1 to return an exception, got: {}",
                    error::module_name(module),
                    crate::format::inspect(&e)
                )))
            }
        }),
    ))
}

/// Inspect options from an `%Inspect.Opts{}` or a keyword list.
pub(crate) fn opts_of(v: &Value) -> InspectOpts {
    if v.is_list() {
        return inspect_opts(v);
    }
    let mut o = InspectOpts::default();
    match v.map_get(Atom::new("limit")) {
        Some(Value::Int(n)) => o.limit = (*n).max(0) as usize,
        Some(Value::Atom(Atom::INFINITY)) => o.limit = usize::MAX,
        _ => {}
    }
    if let Some(Value::Int(w)) = v.map_get(Atom::new("width")) {
        o.width = (*w).max(0) as usize;
    }
    if let Some(Value::Atom(Atom::FALSE)) = v.map_get(Atom::new("structs")) {
        o.structs = false;
    }
    if let Some(Value::Atom(a)) = v.map_get(Atom::new("charlists")) {
        o.charlists_as_lists = a.as_str() == "as_lists";
    }
    if let Some(Value::Atom(a)) = v.map_get(Atom::new("base")) {
        o.base = crate::library::support::terms::base_of(*a).unwrap_or(10);
    }
    o
}
