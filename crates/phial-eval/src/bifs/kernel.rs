//! Kernel builtins: type checks, tuples and lists, conversions, `throw`/`exit`,
//! and the internal `:phial` helpers the compiler emits (ranges, access,
//! `raise`, sigils, `in`).
//!
//! Not here: arithmetic (`arith`), process functions (`proc`), I/O (`io`).

use super::{def, guard, Def};
use crate::atom::Atom;
use crate::error::{self, badarg_at, Raise, Result};
use crate::format::{inspect, InspectOpts};
use crate::term::{compare, strict_equal};
use crate::value::{Fun, Value};
use std::cmp::Ordering;

pub static BIFS: &[Def] = &[
    guard("Kernel", "is_atom", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Atom(_))))
    }),
    guard("Kernel", "is_integer", 1, |_, a| {
        Ok(Value::bool(a[0].is_integer()))
    }),
    guard("Kernel", "is_float", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Float(_))))
    }),
    guard("Kernel", "is_number", 1, |_, a| {
        Ok(Value::bool(a[0].is_number()))
    }),
    guard("Kernel", "is_binary", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Str(_))))
    }),
    guard("Kernel", "is_bitstring", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Str(_))))
    }),
    guard("Kernel", "is_list", 1, |_, a| {
        Ok(Value::bool(a[0].is_list()))
    }),
    guard("Kernel", "is_tuple", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Tuple(_))))
    }),
    guard("Kernel", "is_map", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Map(_))))
    }),
    guard("Kernel", "is_pid", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Pid(_))))
    }),
    guard("Kernel", "is_reference", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Ref(_))))
    }),
    guard("Kernel", "is_function", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Fun(_))))
    }),
    guard("Kernel", "is_function", 2, |_, a| {
        Ok(Value::bool(match (&a[0], &a[1]) {
            (Value::Fun(f), Value::Int(n)) => f.arity() as i64 == *n,
            _ => false,
        }))
    }),
    guard("Kernel", "is_boolean", 1, |_, a| {
        Ok(Value::bool(a[0].as_bool().is_some()))
    }),
    guard("Kernel", "is_nil", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Atom(Atom::NIL))))
    }),
    guard("Kernel", "is_map_key", 2, |_, a| match &a[0] {
        Value::Map(m) => Ok(Value::bool(m.contains_key(&a[1]))),
        other => Err(error::bad_map_error(other.clone())),
    }),
    guard("Kernel", "is_exception", 1, |_, a| {
        Ok(Value::bool(a[0].map_get(Atom::EXCEPTION).is_some()))
    }),
    guard("Kernel", "!", 1, |_, a| Ok(Value::bool(!a[0].is_truthy()))),
    guard("Kernel", "not", 1, |_, a| match a[0].as_bool() {
        Some(b) => Ok(Value::bool(!b)),
        None => Err(error::argument_error("argument error")),
    }),
    guard("Kernel", "elem", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Tuple(t), Value::Int(i)) if *i >= 0 && (*i as usize) < t.len() => {
            Ok(t[*i as usize].clone())
        }
        (Value::Tuple(_), Value::Int(_)) => Err(badarg_at(1, "out of range")),
        (Value::Tuple(_), _) => Err(badarg_at(1, "not an integer")),
        _ => Err(badarg_at(2, "not a tuple")),
    }),
    def("Kernel", "put_elem", 3, |_, a| match (&a[0], &a[1]) {
        (Value::Tuple(t), Value::Int(i)) if *i >= 0 && (*i as usize) < t.len() => {
            let mut v = t.to_vec();
            v[*i as usize] = a[2].clone();
            Ok(Value::tuple(v))
        }
        (Value::Tuple(_), Value::Int(_)) => Err(badarg_at(1, "out of range")),
        (Value::Tuple(_), _) => Err(badarg_at(1, "not an integer")),
        _ => Err(badarg_at(2, "not a tuple")),
    }),
    guard("Kernel", "tuple_size", 1, |_, a| match &a[0] {
        Value::Tuple(t) => Ok(Value::Int(t.len() as i64)),
        _ => Err(badarg_at(1, "not a tuple")),
    }),
    guard("Kernel", "map_size", 1, |_, a| match &a[0] {
        Value::Map(m) => Ok(Value::Int(m.len() as i64)),
        other => Err(error::bad_map_error(other.clone())),
    }),
    guard("Kernel", "byte_size", 1, |_, a| match &a[0] {
        Value::Str(s) => Ok(Value::Int(s.len() as i64)),
        _ => Err(badarg_at(1, "not a bitstring")),
    }),
    guard("Kernel", "length", 1, |_, a| {
        let mut n = 0i64;
        let mut cur = &a[0];
        loop {
            match cur {
                Value::Nil => return Ok(Value::Int(n)),
                Value::Cons(c) => {
                    n += 1;
                    cur = &c.tail;
                }
                _ => return Err(badarg_at(1, "not a list")),
            }
        }
    }),
    guard("Kernel", "hd", 1, |_, a| match &a[0] {
        Value::Cons(c) => Ok(c.head.clone()),
        _ => Err(badarg_at(1, "not a nonempty list")),
    }),
    guard("Kernel", "tl", 1, |_, a| match &a[0] {
        Value::Cons(c) => Ok(c.tail.clone()),
        _ => Err(badarg_at(1, "not a nonempty list")),
    }),
    guard("Kernel", "max", 2, |_, a| {
        Ok(if compare(&a[0], &a[1]) == Ordering::Less {
            a[1].clone()
        } else {
            a[0].clone()
        })
    }),
    guard("Kernel", "min", 2, |_, a| {
        Ok(if compare(&a[1], &a[0]) == Ordering::Less {
            a[1].clone()
        } else {
            a[0].clone()
        })
    }),
    guard("Kernel", "round", 1, |_, a| match &a[0] {
        Value::Float(f) => Ok(float_to_int(f.round())),
        v if v.is_integer() => Ok(v.clone()),
        _ => Err(badarg_at(1, "not a number")),
    }),
    guard("Kernel", "trunc", 1, |_, a| match &a[0] {
        Value::Float(f) => Ok(float_to_int(f.trunc())),
        v if v.is_integer() => Ok(v.clone()),
        _ => Err(badarg_at(1, "not a number")),
    }),
    guard("Kernel", "**", 2, |_, a| match (&a[0], &a[1]) {
        (x, Value::Int(y)) if x.is_integer() && *y >= 0 => super::arith::int_pow(x, &a[1]),
        _ => match (crate::term::to_f64(&a[0]), crate::term::to_f64(&a[1])) {
            (Some(x), Some(y)) => {
                let r = x.powf(y);
                if r.is_finite() {
                    Ok(Value::Float(r))
                } else {
                    Err(error::arithmetic_error())
                }
            }
            _ => Err(error::arithmetic_error()),
        },
    }),
    def("Kernel", "<>", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Str(x), Value::Str(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Value::str(s))
        }
        _ => {
            let (segment, bad) = if matches!(a[0], Value::Str(_)) {
                (2, &a[1])
            } else {
                (1, &a[0])
            };
            Err(error::argument_error(format!(
                "construction of binary failed: segment {segment} of type 'binary': expected a binary but got: {}",
                inspect(bad)
            )))
        }
    }),
    def("Kernel", "++", 2, |_, a| {
        let Some(items) = a[0].list_to_vec() else {
            return Err(badarg_at(1, "not a list"));
        };
        Ok(Value::list_with_tail(items, a[1].clone()))
    }),
    def("Kernel", "--", 2, |_, a| {
        let (Some(mut left), Some(right)) = (a[0].list_to_vec(), a[1].list_to_vec()) else {
            return Err(error::badarg());
        };
        for r in &right {
            if let Some(i) = left.iter().position(|x| strict_equal(x, r)) {
                left.remove(i);
            }
        }
        Ok(Value::list(left))
    }),
    def("Kernel", "=~", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Str(x), Value::Str(y)) => Ok(Value::bool(x.contains(y.as_str()))),
        _ => Err(error::badarg()),
    }),
    // A struct's own String.Chars implementation is phial code.
    super::step("Kernel", "to_string", 1, |_, a| match &a[0] {
        v if v.struct_name().is_some() => Ok(super::Step::Then(
            super::Target::Mfa(Atom::alias("String.Chars"), Atom::new("to_string")),
            vec![v.clone()],
        )),
        v => to_string_value(v).map(super::Step::Done),
    }),
    def(":phial", "chars_to_string", 1, |_, a| {
        to_string_value(&a[0])
    }),
    def("Access", "get", 2, |_, a| access(&a[0], &a[1])),
    def("Kernel", "to_charlist", 1, |_, a| to_charlist(&a[0])),
    def("Kernel", "inspect", 1, |_, a| {
        let s = crate::format::inspect_checked(&a[0], &InspectOpts::default(), usize::MAX)?;
        Ok(Value::str(s))
    }),
    def("Kernel", "inspect", 2, |_, a| {
        let o = inspect_opts(&a[1]);
        let width = if o.pretty { o.width } else { usize::MAX };
        Ok(Value::str(crate::format::inspect_checked(
            &a[0], &o, width,
        )?))
    }),
    def("Kernel", "throw", 1, |_, a| Err(Raise::throw(a[0].clone()))),
    def("Kernel", "exit", 1, |_, a| Err(Raise::exit(a[0].clone()))),
    def("Kernel", "make_ref", 0, |ctx, _| {
        Ok(Value::Ref(ctx.cx.make_ref()))
    }),
    def("Kernel", "node", 0, |_, _| Ok(Value::atom("nonode@nohost"))),
    def("Kernel", "function_exported?", 3, |ctx, a| {
        match (&a[0], &a[1], &a[2]) {
            (Value::Atom(m), Value::Atom(f), Value::Int(n)) => Ok(Value::bool(
                !elixir_macro(*m, *f, *n)
                    && (ctx.vm.callable(Atom::NIL, *m, *f, *n as u32).is_some()
                        || super::lookup(*m, *f, *n as usize).is_some()),
            )),
            _ => Err(error::badarg()),
        }
    }),
    def("Kernel", "binding", 0, |_, _| Ok(Value::Nil)),
    def(":erlang", "error", 1, |_, a| {
        Err(Raise::error(a[0].clone()))
    }),
    def(":erlang", "error", 2, |_, a| {
        Err(Raise::error(a[0].clone()))
    }),
    def(":erlang", "throw", 1, |_, a| {
        Err(Raise::throw(a[0].clone()))
    }),
    def(":erlang", "exit", 1, |_, a| Err(Raise::exit(a[0].clone()))),
    def(":erlang", "fun_info", 2, |_, a| fun_info(&a[0], &a[1])),
    def("Function", "info", 2, |_, a| fun_info(&a[0], &a[1])),
    def(":erlang", "fun_info", 1, |_, a| {
        let items = ["arity", "module", "name", "type"]
            .iter()
            .map(|k| fun_info(&a[0], &Value::atom(k)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Value::list(items))
    }),
    def("Function", "info", 1, |_, a| {
        let items = ["arity", "module", "name", "type"]
            .iter()
            .map(|k| fun_info(&a[0], &Value::atom(k)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Value::list(items))
    }),
    def("Function", "capture", 3, |_, a| {
        match (&a[0], &a[1], &a[2]) {
            (Value::Atom(m), Value::Atom(f), Value::Int(n)) if (0..=255).contains(n) => {
                Ok(Value::Fun(std::sync::Arc::new(Fun::External {
                    module: *m,
                    name: *f,
                    arity: *n as u32,
                })))
            }
            (Value::Atom(_), Value::Atom(_), Value::Int(_)) => Err(badarg_at(3, "out of range")),
            (Value::Atom(_), Value::Atom(_), _) => Err(badarg_at(3, "not an integer")),
            (Value::Atom(_), _, _) => Err(badarg_at(2, "not an atom")),
            _ => Err(badarg_at(1, "not an atom")),
        }
    }),
    def("Module", "concat", 1, |_, a| {
        let parts: Vec<Value> = a[0]
            .list_to_vec()
            .ok_or_else(|| badarg_at(1, "not a list"))?;
        module_concat(&parts)
    }),
    def("Module", "concat", 2, |_, a| {
        module_concat(&[a[0].clone(), a[1].clone()])
    }),
    def(":phial", "make_exception", 2, |_, a| {
        match raise2(&a[0], &a[1]) {
            r if r.kind == crate::error::Kind::Error => Ok(r.value),
            r => Err(r),
        }
    }),
    def("Exception", "format", 3, |_, a| {
        exception_format(&a[0], &a[1])
    }),
    def(":erlang", "length", 1, |ctx, a| {
        call_kernel(ctx, "length", a)
    }),
    def(":erlang", "hd", 1, |ctx, a| call_kernel(ctx, "hd", a)),
    def(":erlang", "tl", 1, |ctx, a| call_kernel(ctx, "tl", a)),
    def(":erlang", "abs", 1, |ctx, a| call_kernel(ctx, "abs", a)),
    def(":erlang", "tuple_size", 1, |ctx, a| {
        call_kernel(ctx, "tuple_size", a)
    }),
    def(":erlang", "map_size", 1, |ctx, a| {
        call_kernel(ctx, "map_size", a)
    }),
    def(":erlang", "byte_size", 1, |ctx, a| {
        call_kernel(ctx, "byte_size", a)
    }),
    def(":erlang", "is_atom", 1, |ctx, a| {
        call_kernel(ctx, "is_atom", a)
    }),
    def(":erlang", "is_list", 1, |ctx, a| {
        call_kernel(ctx, "is_list", a)
    }),
    def(":erlang", "is_integer", 1, |ctx, a| {
        call_kernel(ctx, "is_integer", a)
    }),
    def(":erlang", "make_ref", 0, |ctx, a| {
        call_kernel(ctx, "make_ref", a)
    }),
    def(":erlang", "element", 2, |ctx, a| match &a[0] {
        Value::Int(i) => call_kernel(ctx, "elem", &[a[1].clone(), Value::Int(i - 1)]),
        _ => Err(badarg_at(1, "not an integer")),
    }),
    def(":lists", "reverse", 1, |ctx, a| {
        call_named(ctx, "Enum", "reverse", a)
    }),
    def(":lists", "sort", 1, |ctx, a| {
        call_named(ctx, "Enum", "sort", a)
    }),
    def(":lists", "seq", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Int(f), Value::Int(l)) if l + 1 >= *f => {
            Ok(Value::list((*f..=*l).map(Value::Int).collect()))
        }
        _ => Err(error::function_clause_error(
            Atom::new("lists"),
            Atom::new("seq"),
            2,
            a.to_vec(),
        )),
    }),
    def(":timer", "seconds", 1, |_, a| {
        super::arith::mul(&a[0], &Value::Int(1000))
    }),
    def(":timer", "minutes", 1, |_, a| {
        super::arith::mul(&a[0], &Value::Int(60_000))
    }),
    def(":timer", "hours", 1, |_, a| {
        super::arith::mul(&a[0], &Value::Int(3_600_000))
    }),
    // Internal helpers the compiler emits.
    def(":phial", "to_charlist", 1, |_, a| to_charlist(&a[0])),
    def(":phial", "range", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Int(f), Value::Int(l)) => Ok(Value::range(*f, *l, if f <= l { 1 } else { -1 })),
        _ => Err(error::argument_error(format!(
            "ranges (first..last) expect both sides to be integers, got: {}..{}",
            inspect(&a[0]),
            inspect(&a[1])
        ))),
    }),
    def(":phial", "range", 3, |_, a| {
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
    def(":phial", "in", 2, |_, a| {
        match crate::matching::member(&a[0], &a[1]) {
            Some(b) => Ok(Value::bool(b)),
            None => match &a[1] {
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
    def(":phial", "access", 2, |_, a| access(&a[0], &a[1])),
    def(":phial", "dot", 2, |_, a| {
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
    def(":phial", "sigil_w", 2, |_, a| {
        let Value::Str(s) = &a[0] else {
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
];

fn float_to_int(f: f64) -> Value {
    if f.abs() < 9.0e18 {
        Value::Int(f as i64)
    } else {
        use num_traits::FromPrimitive;
        Value::bigint(num_bigint::BigInt::from_f64(f).unwrap_or_default())
    }
}

/// `to_string/1` as a value (raises `Protocol.UndefinedError` for tuples etc.).
pub fn to_string_value(v: &Value) -> Result<Value> {
    if let Value::Str(_) = v {
        return Ok(v.clone());
    }
    match crate::format::to_string(v) {
        Some(s) => Ok(Value::str(s)),
        None if v.is_list() => Err(error::argument_error(format!(
            "cannot convert the given list to a string.\n\nTo be converted to a string, a list must either be empty or only\ncontain the following elements:\n\n  * strings\n  * integers representing Unicode code points\n  * a list containing one of these three elements\n\nPlease check the given list or call inspect/1 to get the list representation, got:\n\n{}\n",
            inspect(v)
        ))),
        None => Err(error::protocol_undefined("String.Chars", v.clone(), "")),
    }
}

pub fn to_charlist(v: &Value) -> Result<Value> {
    match v {
        Value::Nil | Value::Cons(_) => match crate::format::chardata_to_string(v) {
            Some(s) => Ok(Value::list(
                s.chars().map(|c| Value::Int(c as i64)).collect(),
            )),
            None => Err(error::badarg()),
        },
        _ => {
            let s = to_string_value(v)?;
            let Value::Str(s) = s else {
                return Err(error::badarg());
            };
            Ok(Value::list(
                s.chars().map(|c| Value::Int(c as i64)).collect(),
            ))
        }
    }
}

/// Options of `inspect/2` the formatter understands.
pub fn inspect_opts(opts: &Value) -> InspectOpts {
    let mut o = InspectOpts::default();
    for item in opts.iter_list() {
        if let Value::Tuple(t) = item {
            if t.len() == 2 {
                match (t[0].as_atom().map(|a| a.as_str()), &t[1]) {
                    (Some("limit"), Value::Int(n)) => o.limit = *n as usize,
                    (Some("limit"), Value::Atom(Atom::INFINITY)) => o.limit = usize::MAX,
                    (Some("charlists"), Value::Atom(a)) => {
                        o.charlists_as_lists = a.as_str() == "as_lists"
                    }
                    (Some("pretty"), Value::Atom(a)) => o.pretty = *a == Atom::TRUE,
                    (Some("structs"), Value::Atom(a)) => o.structs = *a != Atom::FALSE,
                    (Some("width"), Value::Int(w)) if *w >= 0 => o.width = *w as usize,
                    (Some("width"), Value::Atom(Atom::INFINITY)) => o.width = usize::MAX,
                    _ => {}
                }
            }
        }
    }
    o
}

/// `data[key]` (the Access protocol for maps and keyword lists; nil-safe).
pub fn access(data: &Value, key: &Value) -> Result<Value> {
    match data {
        // A struct does not implement Access (unless it says so, which
        // phial's structs cannot yet).
        Value::Map(_) if data.struct_name().is_some() => {
            let m = data.struct_name().unwrap_or(Atom::NIL);
            let mut e = error::undefined_function(m, Atom::new("fetch"), 2, true).value;
            if let Value::Map(fields) = &e {
                let mut fields = (**fields).clone();
                fields.insert(
                    Value::Atom(Atom::MESSAGE),
                    Value::str(format!(
                        "function {}.fetch/2 is undefined ({} does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1)",
                        error::module_name(m),
                        error::module_name(m)
                    )),
                );
                e = Value::map(fields);
            }
            Err(Raise::error(e))
        }
        Value::Map(m) => Ok(m.get(key).cloned().unwrap_or(Value::NIL_ATOM)),
        Value::Atom(Atom::NIL) => Ok(Value::NIL_ATOM),
        Value::Nil | Value::Cons(_) => {
            if !matches!(key, Value::Atom(_)) {
                return Err(error::argument_error(format!(
                    "the Access calls for keywords expect the key to be an atom, got: {}",
                    inspect(key)
                )));
            }
            for item in data.iter_list() {
                if let Value::Tuple(t) = item {
                    if t.len() == 2 && strict_equal(&t[0], key) {
                        return Ok(t[1].clone());
                    }
                }
            }
            Ok(Value::NIL_ATOM)
        }
        other => Err(error::argument_error(format!(
            "the Access module does not support accessing {} with key {}",
            inspect(other),
            inspect(key)
        ))),
    }
}

fn default_message(module: Atom) -> Option<&'static str> {
    Some(match module.as_str() {
        "Elixir.RuntimeError" => "runtime error",
        "Elixir.ArgumentError" => "argument error",
        "Elixir.ArithmeticError" => "bad argument in arithmetic expression",
        "Elixir.SystemLimitError" => "a system limit has been reached",
        _ => return None,
    })
}

fn exception_with(module: Atom, fields: Vec<(Atom, Value)>) -> Raise {
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
        Value::Str(s) => error::runtime_error(s.to_string()),
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
        Value::Str(_) => exception_with(*m, vec![(Atom::MESSAGE, arg.clone())]),
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

/// An External fun value for a BIF-backed capture.
pub fn fun_ref(module: Atom, name: Atom, arity: u32) -> Value {
    Value::Fun(std::sync::Arc::new(Fun::External {
        module,
        name,
        arity,
    }))
}

/// Used by `IO.inspect` and friends that accept a keyword list of options.
pub fn keyword_get<'a>(opts: &'a Value, key: &str) -> Option<&'a Value> {
    let k = Atom::existing(key)?;
    opts.iter_list().find_map(|item| match item {
        Value::Tuple(t) if t.len() == 2 && t[0].as_atom() == Some(k) => Some(&t[1]),
        _ => None,
    })
}

/// `:erlang.fun_info/2` for the items phial can answer.
fn fun_info(f: &Value, item: &Value) -> Result<Value> {
    let Value::Fun(fun) = f else {
        return Err(badarg_at(1, "not a fun"));
    };
    let key = item.as_atom().map(|a| a.as_str()).unwrap_or("");
    let v = match (key, &**fun) {
        ("arity", f) => Value::Int(f.arity() as i64),
        ("module", Fun::External { module, .. }) => Value::Atom(*module),
        ("module", Fun::Closure { code, .. }) => Value::Atom(code.module),
        ("name", Fun::External { name, .. }) => Value::Atom(*name),
        ("name", Fun::Closure { .. }) => Value::atom("-fun-"),
        ("type", Fun::External { .. }) => Value::atom("external"),
        ("type", Fun::Closure { .. }) => Value::atom("local"),
        _ => return Err(badarg_at(2, "invalid item")),
    };
    Ok(Value::tuple(vec![item.clone(), v]))
}

/// `Module.concat/1,2`: `Module.concat(Foo, "Bar")` is `Foo.Bar`.
fn module_concat(parts: &[Value]) -> Result<Value> {
    let mut segs: Vec<String> = Vec::new();
    for p in parts {
        let text = match p {
            Value::Atom(a) => a.as_str().to_string(),
            Value::Str(s) => s.to_string(),
            _ => return Err(error::badarg()),
        };
        if text == "nil" {
            continue;
        }
        let text = text.strip_prefix("Elixir.").unwrap_or(&text).to_string();
        segs.push(text);
    }
    Ok(Value::Atom(Atom::alias(&segs.join("."))))
}

/// Calls a Kernel builtin by name (for the `:erlang` spellings of the same functions).
fn call_kernel(ctx: &mut super::Ctx, name: &str, args: &[Value]) -> Result<Value> {
    match super::kernel(name, args.len()) {
        Some(id) => match super::entry(id).plain() {
            Some(f) => f(ctx, args),
            None => Err(error::badarg()),
        },
        None => Err(error::badarg()),
    }
}

/// `Exception.format(kind, value, stacktrace)`: the banner without a stacktrace.
fn exception_format(kind: &Value, value: &Value) -> Result<Value> {
    let kind = kind
        .as_atom()
        .and_then(crate::error::Kind::from_atom)
        .ok_or_else(error::badarg)?;
    let value = match kind {
        crate::error::Kind::Error => error::normalize(value.clone()),
        _ => value.clone(),
    };
    Ok(Value::str(crate::error::format_banner(&Raise {
        kind,
        value,
    })))
}

/// Calls another module's builtin (for Erlang spellings of Elixir functions).
fn call_named(ctx: &mut super::Ctx, module: &str, name: &str, args: &[Value]) -> Result<Value> {
    match super::lookup(Atom::alias(module), Atom::new(name), args.len()) {
        Some(id) => match super::entry(id).plain() {
            Some(f) => f(ctx, args),
            None => Err(error::badarg()),
        },
        None => Err(error::badarg()),
    }
}

/// Functions phial has as builtins or prelude code that are macros in
/// Elixir 1.14, so `function_exported?/3` says false for them as Elixir
/// does (`macro_exported?` would say true).
fn elixir_macro(m: Atom, f: Atom, arity: i64) -> bool {
    const MACROS: &[(&str, &str, i64)] = &[
        ("Integer", "is_even", 1),
        ("Integer", "is_odd", 1),
        ("Kernel", "!", 1),
        ("Kernel", "<>", 2),
        ("Kernel", "binding", 0),
        ("Kernel", "is_exception", 1),
        ("Kernel", "is_nil", 1),
        ("Kernel", "is_struct", 1),
        ("Kernel", "to_charlist", 1),
        ("Kernel", "to_string", 1),
        ("Kernel", "then", 2),
        ("Kernel", "tap", 2),
    ];
    MACROS
        .iter()
        .any(|(mm, ff, aa)| *aa == arity && f.as_str() == *ff && m == Atom::alias(mm))
}
