//! `:erlang` natives: the spellings of Kernel's functions and operators
//! Erlang code uses (`:erlang.length/1` points at the same Rust fn as
//! `Kernel.length/1`), conversions, time, `send`.
//!
//! Not here: the Elixir spellings (`elixir/kernel.rs`).

use crate::error::{self, badarg_at, Raise, Result};
use crate::library::support::arith::{add, bits, div, fdiv, mul, rem, sub};
use crate::library::support::numbers::int_to_string;
use crate::library::support::processes::send;
use crate::library::support::terms::fun_info;
use crate::library::support::time::{convert, monotonic_ns, system_ns, unique};
use crate::library::{def, guard, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    guard("band", 2, |_, a| bits::band(&a[0], &a[1])),
    guard("bor", 2, |_, a| bits::bor(&a[0], &a[1])),
    guard("bxor", 2, |_, a| bits::bxor(&a[0], &a[1])),
    guard("bnot", 1, |_, a| bits::bnot(&a[0])),
    guard("bsl", 2, |_, a| bits::bsl(&a[0], &a[1])),
    guard("bsr", 2, |_, a| bits::bsr(&a[0], &a[1])),
    // Erlang's argument order: the time first.
    def("send_after", 3, |ctx, a| {
        crate::library::support::timers::send_after(ctx, &a[1], &a[2], &a[0])
    }),
    def("send_after", 4, |ctx, a| {
        crate::library::support::timers::send_after(ctx, &a[1], &a[2], &a[0])
    }),
    def("start_timer", 3, |ctx, a| {
        crate::library::support::timers::start_timer(ctx, &a[1], &a[2], &a[0])
    }),
    def("start_timer", 4, |ctx, a| {
        crate::library::support::timers::start_timer(ctx, &a[1], &a[2], &a[0])
    }),
    def("cancel_timer", 1, |ctx, a| {
        crate::library::support::timers::cancel_timer(ctx, &a[0])
    }),
    def("cancel_timer", 2, |ctx, a| {
        crate::library::support::timers::cancel_timer(ctx, &a[0])
    }),
    def("read_timer", 1, |ctx, a| {
        crate::library::support::timers::read_timer(ctx, &a[0])
    }),
    def("read_timer", 2, |ctx, a| {
        crate::library::support::timers::read_timer(ctx, &a[0])
    }),
    def("error", 1, |_, a| Err(Raise::error(a[0].clone()))),
    def("error", 2, |_, a| Err(Raise::error(a[0].clone()))),
    def("throw", 1, |_, a| Err(Raise::throw(a[0].clone()))),
    def("exit", 1, |_, a| Err(Raise::exit(a[0].clone()))),
    def("fun_info", 2, |_, a| fun_info(&a[0], &a[1])),
    def("fun_info", 1, |_, a| {
        let items = ["arity", "module", "name", "type"]
            .iter()
            .map(|k| fun_info(&a[0], &Value::atom(k)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Value::list(items))
    }),
    def("length", 1, |ctx, a| call_kernel(ctx, "length", a)),
    def("hd", 1, |ctx, a| call_kernel(ctx, "hd", a)),
    def("tl", 1, |ctx, a| call_kernel(ctx, "tl", a)),
    def("abs", 1, |ctx, a| call_kernel(ctx, "abs", a)),
    def("tuple_size", 1, |ctx, a| call_kernel(ctx, "tuple_size", a)),
    def("map_size", 1, |ctx, a| call_kernel(ctx, "map_size", a)),
    def("byte_size", 1, |ctx, a| call_kernel(ctx, "byte_size", a)),
    def("is_atom", 1, |ctx, a| call_kernel(ctx, "is_atom", a)),
    def("is_list", 1, |ctx, a| call_kernel(ctx, "is_list", a)),
    def("is_integer", 1, |ctx, a| call_kernel(ctx, "is_integer", a)),
    def("make_ref", 0, |ctx, a| call_kernel(ctx, "make_ref", a)),
    def("element", 2, |ctx, a| match &a[0] {
        Value::Int(i) => call_kernel(ctx, "elem", &[a[1].clone(), Value::Int(i - 1)]),
        _ => Err(badarg_at(1, "not an integer")),
    }),
    def("setelement", 3, |ctx, a| match &a[0] {
        Value::Int(i) => call_kernel(
            ctx,
            "put_elem",
            &[a[1].clone(), Value::Int(i - 1), a[2].clone()],
        ),
        _ => Err(badarg_at(1, "not an integer")),
    }),
    guard("+", 2, |_, a| add(&a[0], &a[1])),
    guard("-", 2, |_, a| sub(&a[0], &a[1])),
    guard("*", 2, |_, a| mul(&a[0], &a[1])),
    guard("/", 2, |_, a| fdiv(&a[0], &a[1])),
    guard("div", 2, |_, a| div(&a[0], &a[1])),
    guard("rem", 2, |_, a| rem(&a[0], &a[1])),
    def("self", 0, |ctx, _| Ok(Value::Pid(ctx.cx.self_pid()))),
    def("send", 2, |ctx, a| send(ctx, &a[0], &a[1])),
    def("system_time", 0, |_, _| Ok(Value::Int(system_ns()))),
    def("system_time", 1, |_, a| {
        Ok(Value::Int(convert(system_ns(), &a[0])?))
    }),
    def("monotonic_time", 0, |_, _| Ok(Value::Int(monotonic_ns()))),
    def("monotonic_time", 1, |_, a| {
        Ok(Value::Int(convert(monotonic_ns(), &a[0])?))
    }),
    def("float", 1, |_, a| match crate::term::to_f64(&a[0]) {
        Some(f) => Ok(Value::Float(f)),
        None => Err(error::badarg_at(1, "not a number")),
    }),
    def("atom_to_binary", 1, |_, a| match &a[0] {
        Value::Atom(x) => Ok(Value::str(x.as_str())),
        _ => Err(error::badarg_at(1, "not an atom")),
    }),
    def("binary_to_atom", 1, |_, a| match &a[0] {
        Value::Str(s) => Ok(Value::atom(s)),
        _ => Err(error::badarg_at(1, "not a binary")),
    }),
    def("float_to_binary", 1, |_, a| {
        float_to(&a[0], &Value::list(vec![])).map(Value::str)
    }),
    def("float_to_binary", 2, |_, a| float_to(&a[0], &a[1]).map(Value::str)),
    def("float_to_list", 1, |_, a| {
        float_to(&a[0], &Value::list(vec![])).map(|s| charlist(&s))
    }),
    def("float_to_list", 2, |_, a| float_to(&a[0], &a[1]).map(|s| charlist(&s))),
    def("integer_to_binary", 1, |_, a| int_to_string(&a[0], 10)),
    def(
        "list_to_tuple",
        1,
        |_, a| match crate::library::support::collections::proper(&a[0]) {
            Some(v) => Ok(Value::tuple(v)),
            None => Err(error::badarg_at(1, "not a list")),
        },
    ),
    def("tuple_to_list", 1, |_, a| match &a[0] {
        Value::Tuple(t) => Ok(Value::list(t.to_vec())),
        _ => Err(error::badarg_at(1, "not a tuple")),
    }),
    def("unique_integer", 0, |_, _| Ok(Value::Int(unique()))),
    def("unique_integer", 1, |_, _| Ok(Value::Int(unique()))),
    def("phash2", 1, |_, a| {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        crate::format::inspect(&a[0]).hash(&mut h);
        Ok(Value::Int((h.finish() % (1 << 27)) as i64))
    }),
];

/// Calls a Kernel builtin by name (for the `:erlang` spellings of the same functions).
pub(crate) fn call_kernel(
    ctx: &mut crate::library::Ctx,
    name: &str,
    args: &[Value],
) -> Result<Value> {
    match crate::library::kernel(name, args.len()) {
        Some(id) => match crate::library::entry(id).plain() {
            Some(f) => f(ctx, args),
            None => Err(error::badarg()),
        },
        None => Err(error::badarg()),
    }
}

fn charlist(s: &str) -> Value {
    Value::list(s.chars().map(|c| Value::Int(c as i64)).collect())
}

/// `float_to_binary/2`'s text: `[decimals: n]` (rounded half away from
/// zero on the exact value, `:compact` dropping trailing zeros),
/// `[scientific: n]`, `[:short]`; no options is `[scientific: 20]`.
fn float_to(f: &Value, opts: &Value) -> Result<String> {
    let Value::Float(x) = f else {
        return Err(badarg_at(1, "not a float"));
    };
    let bad = || badarg_at(2, "invalid option in list");
    let items = crate::library::support::collections::proper(opts).ok_or_else(bad)?;
    let mut decimals = None;
    let mut scientific = Some(20usize);
    let mut compact = false;
    let mut short = false;
    for o in &items {
        match o {
            Value::Atom(a) if a.as_str() == "compact" => compact = true,
            Value::Atom(a) if a.as_str() == "short" => short = true,
            Value::Tuple(t) if t.len() == 2 => match (t[0].as_atom().map(|a| a.as_str()), &t[1]) {
                (Some("decimals"), Value::Int(n)) if (0..=253).contains(n) => {
                    decimals = Some(*n as usize);
                    scientific = None;
                }
                (Some("scientific"), Value::Int(n)) if (0..=249).contains(n) => {
                    scientific = Some(*n as usize);
                    decimals = None;
                }
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        }
    }
    if short {
        return Ok(crate::format::float_to_string(*x));
    }
    if let Some(d) = decimals {
        let s = crate::library::erlang::io_lib::fixed(*x, d);
        if compact && s.contains('.') {
            let t = s.trim_end_matches('0');
            return Ok(if t.ends_with('.') {
                format!("{t}0")
            } else {
                t.to_string()
            });
        }
        return Ok(s);
    }
    let n = scientific.unwrap_or(20);
    // C's `%.Ne`: the exponent signed and at least two digits.
    let s = format!("{:.*e}", n, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let (sign, digits) = match exp.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("+", exp),
    };
    Ok(format!("{mant}e{sign}{digits:0>2}"))
}
