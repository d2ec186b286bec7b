//! `:erlang` natives: the spellings of Kernel's functions and operators
//! Erlang code uses (`:erlang.length/1` points at the same Rust fn as
//! `Kernel.length/1`), conversions, time, `send`.
//!
//! Not here: the Elixir spellings (`elixir/kernel.rs`).

use crate::error::{self, badarg_at, Raise, Result};
use crate::library::support::arith::{add, bits, div, fdiv, mul, rem, sub};
use crate::library::support::iodata;
use crate::library::support::numbers::int_to_string;
use crate::library::support::processes::send;
use crate::library::support::terms::fun_info;
use crate::library::support::time::{convert, monotonic_ns, system_ns, unique};
use crate::library::{def, guard, step, Native};
use crate::value::Value;

/// An `:erlang` process function that is Elixir's `Process` one under
/// another name (`:erlang.is_process_alive/1` is `Process.alive?/1`).
fn process(ctx: &mut crate::library::Ctx, name: &str, a: &[Value]) -> Result<Value> {
    let f = crate::library::lookup(
        crate::atom::Atom::alias("Process"),
        crate::atom::Atom::new(name),
        a.len(),
    )
    .and_then(|id| crate::library::entry(id).plain())
    .ok_or_else(error::badarg)?;
    f(ctx, a)
}

/// `erlang:monitor/3`: `monitor/2` whose reference may also be an alias
/// (`alias: :explicit_unalias | :demonitor | :reply_demonitor`).
fn monitor3(ctx: &mut crate::library::Ctx, a: &[Value]) -> Result<Value> {
    use phial_runtime::AliasMode;
    if a[0].as_atom().map(|t| t.as_str()) != Some("process") {
        return Err(badarg_at(1, "invalid monitor type"));
    }
    if !a[2].is_list() {
        return Err(badarg_at(3, "not a list"));
    }
    let mut mode = None;
    for o in a[2].iter_list() {
        let m = match &o {
            Value::Tuple(t)
                if t.len() == 2 && t[0].as_atom().map(|x| x.as_str()) == Some("alias") =>
            {
                match t[1].as_atom().map(|x| x.as_str()) {
                    Some("explicit_unalias") => Some(AliasMode::Explicit),
                    Some("demonitor") => Some(AliasMode::Demonitor),
                    Some("reply_demonitor") => Some(AliasMode::ReplyDemonitor),
                    _ => None,
                }
            }
            _ => None,
        };
        match m {
            Some(m) => mode = Some(m),
            None => return Err(badarg_at(3, "invalid option in list")),
        }
    }
    let r = process(ctx, "monitor", &a[1..2])?;
    if let (Some(mode), Value::Ref(mref)) = (mode, &r) {
        ctx.cx.alias_monitor(*mref, mode);
    }
    Ok(r)
}

pub const NATIVES: &[Native] = &[
    def("node", 0, |_, _| {
        Ok(crate::library::elixir::node::self_node())
    }),
    guard("node", 1, crate::library::elixir::node::node_of),
    def("nodes", 0, |_, _| Ok(crate::library::elixir::node::list())),
    def("is_alive", 0, |_, _| Ok(Value::from(crate::dist::alive()))),
    def("disconnect_node", 1, |_, a| {
        crate::library::elixir::node::disconnect(&a[0])
    }),
    def("is_process_alive", 1, |ctx, a| process(ctx, "alive?", a)),
    def("process_info", 1, |ctx, a| process(ctx, "info", a)),
    def("process_info", 2, |ctx, a| process(ctx, "info", a)),
    def("process_flag", 2, |ctx, a| process(ctx, "flag", a)),
    def("spawn_opt", 2, |ctx, a| {
        crate::library::elixir::process::spawn_opt(ctx, &a[0], &a[1])
    }),
    def("spawn_opt", 4, |ctx, a| {
        crate::library::elixir::process::spawn_opt_mfa(ctx, a)
    }),
    def("register", 2, |ctx, a| {
        process(ctx, "register", &[a[1].clone(), a[0].clone()])
    }),
    def("unregister", 1, |ctx, a| process(ctx, "unregister", a)),
    def("registered", 0, |ctx, a| process(ctx, "registered", a)),
    def("processes", 0, |ctx, a| process(ctx, "list", a)),
    // Erlang's `whereis/1` says `:undefined` where Elixir's says `nil`.
    def("whereis", 1, |ctx, a| {
        let v = process(ctx, "whereis", a)?;
        Ok(match v {
            Value::Pid(_) => v,
            _ => Value::atom("undefined"),
        })
    }),
    def("link", 1, |ctx, a| process(ctx, "link", a)),
    def("unlink", 1, |ctx, a| process(ctx, "unlink", a)),
    def("monitor", 2, |ctx, a| {
        match a[0].as_atom().map(|t| t.as_str()) {
            Some("process") => process(ctx, "monitor", &a[1..]),
            _ => Err(badarg_at(1, "invalid monitor type")),
        }
    }),
    def("monitor", 3, monitor3),
    def("alias", 0, |ctx, _| {
        Ok(Value::Ref(ctx.cx.alias(phial_runtime::AliasMode::Explicit)))
    }),
    def("alias", 1, |ctx, a| {
        let mut mode = phial_runtime::AliasMode::Explicit;
        if !a[0].is_list() {
            return Err(badarg_at(1, "not a list"));
        }
        for o in a[0].iter_list() {
            match o.as_atom().map(|x| x.as_str()) {
                Some("explicit_unalias") => mode = phial_runtime::AliasMode::Explicit,
                Some("reply") => mode = phial_runtime::AliasMode::Reply,
                _ => return Err(badarg_at(1, "invalid option in list")),
            }
        }
        Ok(Value::Ref(ctx.cx.alias(mode)))
    }),
    def("unalias", 1, |ctx, a| match &a[0] {
        Value::Ref(r) => Ok(Value::bool(ctx.cx.unalias(*r))),
        _ => Err(badarg_at(1, "not a reference")),
    }),
    def("demonitor", 1, |ctx, a| process(ctx, "demonitor", a)),
    def("demonitor", 2, |ctx, a| process(ctx, "demonitor", a)),
    def("exit", 2, |ctx, a| process(ctx, "exit", a)),
    def("send", 3, |ctx, a| process(ctx, "send", a)),
    def("put", 2, |ctx, a| process(ctx, "put", a)),
    def("get", 0, |ctx, a| process(ctx, "get", a)),
    // Erlang's `get/1` and `erase/1` say `:undefined` for a missing key.
    def("get", 1, |ctx, a| {
        process(ctx, "get", &[a[0].clone(), Value::atom("undefined")])
    }),
    def("get_keys", 0, |ctx, a| process(ctx, "get_keys", a)),
    def("get_keys", 1, |ctx, a| process(ctx, "get_keys", a)),
    def("erase", 1, |ctx, a| {
        let v = process(ctx, "delete", a)?;
        Ok(match v {
            Value::Atom(crate::atom::Atom::NIL) => Value::atom("undefined"),
            other => other,
        })
    }),
    step("apply", 2, crate::library::elixir::kernel::apply2),
    step("apply", 3, crate::library::elixir::kernel::apply3),
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
    // `:erlang.raise(class, reason, stacktrace)`: the raise carries the
    // given trace; a bad class or trace is `badarg`.
    def("raise", 3, |ctx, a| {
        let kind = a[0]
            .as_atom()
            .and_then(crate::error::Kind::from_atom)
            .ok_or_else(crate::error::badarg)?;
        if !crate::stacktrace::is_stacktrace(&a[2]) {
            return Err(crate::error::badarg());
        }
        if let Some(rare) = ctx.rare.as_deref_mut() {
            rare.get_or_insert_with(Default::default).pending_trace =
                Some(crate::stacktrace::Trace::Term(a[2].clone()));
        }
        Err(Raise {
            kind,
            value: a[1].clone(),
        })
    }),
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
    guard("self", 0, |ctx, _| Ok(Value::Pid(ctx.cx.self_pid()))),
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
    def("term_to_binary", 1, |_, a| {
        term_to_binary(&a[0], &Value::Nil)
    }),
    def("term_to_binary", 2, |_, a| term_to_binary(&a[0], &a[1])),
    def("binary_to_term", 1, |_, a| {
        binary_to_term(&a[0], &Value::Nil)
    }),
    def("binary_to_term", 2, |_, a| binary_to_term(&a[0], &a[1])),
    def("iolist_to_binary", 1, |_, a| {
        iodata::to_binary(&a[0])
            .map(Value::Bin)
            .ok_or_else(|| error::badarg_at(1, "not an iodata term"))
    }),
    def("iolist_size", 1, |_, a| {
        iodata::size(&a[0])
            .map(|n| Value::Int(n as i64))
            .ok_or_else(|| error::badarg_at(1, "not an iodata term"))
    }),
    def("list_to_binary", 1, |_, a| match &a[0] {
        Value::Nil | Value::Cons(_) => iodata::to_binary(&a[0])
            .map(Value::Bin)
            .ok_or_else(|| error::badarg_at(1, "not an iolist term")),
        _ => Err(error::badarg_at(1, "not an iolist term")),
    }),
    def("binary_to_list", 1, |_, a| match &a[0] {
        Value::Bin(b) if b.is_binary() => Ok(Value::list(
            b.bytes().iter().map(|x| Value::Int(*x as i64)).collect(),
        )),
        _ => Err(error::badarg_at(1, "not a binary")),
    }),
    def("split_binary", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Bin(b), Value::Int(n))
            if b.is_binary() && (0..=b.byte_len() as i64).contains(n) =>
        {
            let n = *n as usize;
            Ok(Value::tuple(vec![
                Value::Bin(b.part(0, n)),
                Value::Bin(b.part(n, b.byte_len() - n)),
            ]))
        }
        (Value::Bin(_), _) => Err(error::badarg_at(2, "out of range")),
        _ => Err(error::badarg_at(1, "not a binary")),
    }),
    def("binary_to_atom", 1, |_, a| match a[0].as_str() {
        Some(s) => Value::new_atom(s),
        _ => Err(error::badarg_at(1, "not a binary")),
    }),
    def("list_to_atom", 1, |_, a| {
        match a[0].list_to_vec().and_then(|cs| {
            cs.iter()
                .map(|c| c.as_int().and_then(|i| char::from_u32(i as u32)))
                .collect::<Option<String>>()
        }) {
            Some(s) => Value::new_atom(&s),
            None if !a[0].is_list() => Err(error::badarg_at(1, "not a list")),
            None => Err(error::badarg_at(1, "not a list of characters")),
        }
    }),
    // The encoding (`:utf8`, `:latin1`) makes no difference to phial's atoms.
    def("binary_to_atom", 2, |_, a| match a[0].as_str() {
        Some(s) => Value::new_atom(s),
        _ => Err(error::badarg_at(1, "not a binary")),
    }),
    def("float_to_binary", 1, |_, a| {
        float_to(&a[0], &Value::list(vec![])).map(Value::str)
    }),
    def("float_to_binary", 2, |_, a| {
        float_to(&a[0], &a[1]).map(Value::str)
    }),
    def("float_to_list", 1, |_, a| {
        float_to(&a[0], &Value::list(vec![])).map(|s| charlist(&s))
    }),
    def("float_to_list", 2, |_, a| {
        float_to(&a[0], &a[1]).map(|s| charlist(&s))
    }),
    def("integer_to_binary", 1, |_, a| int_to_string(&a[0], 10)),
    def("integer_to_binary", 2, |_, a| int_in_base(&a[0], &a[1])),
    def("integer_to_list", 1, |_, a| {
        int_to_string(&a[0], 10).map(binary_charlist)
    }),
    def("integer_to_list", 2, |_, a| {
        int_in_base(&a[0], &a[1]).map(binary_charlist)
    }),
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
    def("crc32", 1, |_, a| checksum(None, &a[0], Sum::Crc32)),
    def("crc32", 2, |_, a| checksum(Some(&a[0]), &a[1], Sum::Crc32)),
    def("adler32", 1, |_, a| checksum(None, &a[0], Sum::Adler32)),
    def("adler32", 2, |_, a| {
        checksum(Some(&a[0]), &a[1], Sum::Adler32)
    }),
    def("md5", 1, |_, a| crate::library::erlang::crypto::md5(&a[0])),
];

#[derive(Clone, Copy)]
enum Sum {
    Crc32,
    Adler32,
}

/// `crc32/1,2` and `adler32/1,2` over iodata, continuing from `old` when
/// given; every bad argument is named, as the BEAM does.
fn checksum(old: Option<&Value>, data: &Value, sum: Sum) -> Result<Value> {
    let mut problems = Vec::new();
    let start = match old {
        None => None,
        Some(Value::Int(n)) if u32::try_from(*n).is_ok() => Some(*n as u32),
        Some(Value::Int(_) | Value::BigInt(_)) => {
            problems.push("out of range");
            None
        }
        Some(_) => {
            problems.push("not an integer");
            None
        }
    };
    let mut crc = crc32fast::Hasher::new_with_initial(start.unwrap_or(0));
    // zlib reduces a starting Adler-32 whose halves are not below 65521
    // as soon as it is given any bytes, even none in a binary: the BEAM
    // calls it for every binary and byte, and never for an empty list.
    let mut adler: Option<adler2::Adler32> = None;
    let initial = start.unwrap_or(1);
    let walked = crate::library::erlang::crypto::iodata_chunks(data, |bytes| match sum {
        Sum::Crc32 => crc.update(bytes),
        Sum::Adler32 => adler
            .get_or_insert_with(|| {
                let (a, b) = (initial & 0xFFFF, initial >> 16);
                adler2::Adler32::from_checksum(((b % 65521) << 16) | (a % 65521))
            })
            .write_slice(bytes),
    });
    if !walked {
        problems.push("not an iodata term");
    }
    if !problems.is_empty() {
        let first = usize::from(old.is_some() && start.is_some());
        let mut msg = String::from("errors were found at the given arguments:\n\n");
        for (i, p) in problems.iter().enumerate() {
            let place = if first + i == 0 { "1st" } else { "2nd" };
            msg.push_str(&format!("  * {place} argument: {p}\n"));
        }
        return Err(error::argument_error(msg));
    }
    Ok(Value::Int(match sum {
        Sum::Crc32 => crc.finalize(),
        Sum::Adler32 => adler.map_or(initial, |a| a.checksum()),
    } as i64))
}

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

/// `term_to_binary/2`: options `:compressed`, `{:compressed, level}`,
/// `{:minor_version, n}`, `:deterministic`.
fn term_to_binary(v: &Value, opts: &Value) -> Result<Value> {
    let mut compress = None;
    let mut utf8_atoms = false;
    for o in opts.iter_list() {
        match o {
            Value::Atom(a) if a.as_str() == "compressed" => compress = Some(6),
            Value::Tuple(t) if t.len() == 2 => match (t[0].as_atom().map(|x| x.as_str()), &t[1]) {
                (Some("compressed"), Value::Int(l)) if (0..=9).contains(l) => {
                    compress = Some(*l as u32)
                }
                (Some("minor_version"), Value::Int(n)) if (0..=2).contains(n) => {
                    utf8_atoms = *n == 2
                }
                _ => return Err(badarg_at(2, "invalid option in list")),
            },
            Value::Atom(a) if a.as_str() == "deterministic" => {}
            _ => return Err(badarg_at(2, "invalid option in list")),
        }
    }
    crate::etf::encode(v, compress, utf8_atoms)
        .map(Value::bytes)
        .map_err(|_| error::argument_error("phial cannot encode this term (a closure or a native resource) in the external term format"))
}

/// `binary_to_term/2`: `:safe` is accepted (phial's atoms are not a
/// limited table yet), `:used` also returns the bytes read.
fn binary_to_term(b: &Value, opts: &Value) -> Result<Value> {
    let Some(bytes) = b.as_bytes() else {
        return Err(badarg_at(1, "not a binary"));
    };
    let used = opts
        .iter_list()
        .any(|o| o.as_atom().is_some_and(|a| a.as_str() == "used"));
    let (v, n) = crate::etf::decode(bytes)
        .map_err(|_| badarg_at(1, "invalid external representation of a term"))?;
    if used {
        return Ok(Value::tuple(vec![v, Value::Int(n as i64)]));
    }
    // Bytes after the term are ignored, as OTP ignores them.
    Ok(v)
}

/// `integer_to_binary/2`'s text of integer `n` in `base` (2 through 36,
/// upper-case digits), with the BEAM's argument errors.
fn int_in_base(n: &Value, base: &Value) -> Result<Value> {
    match base {
        Value::Int(b @ 2..=36) => int_to_string(n, *b as u32),
        _ if !matches!(n, Value::Int(_) | Value::BigInt(_)) => {
            Err(error::badarg_at(1, "not an integer"))
        }
        _ => Err(error::badarg_at(
            2,
            "not an integer in the range 2 through 36",
        )),
    }
}

/// The charlist of a binary's text (digits, here).
fn binary_charlist(v: Value) -> Value {
    match &v {
        Value::Bin(b) => charlist(&b.to_string_lossy()),
        _ => v,
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
