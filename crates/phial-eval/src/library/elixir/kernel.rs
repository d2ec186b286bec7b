//! `Kernel`'s natives: type checks, the operators (over `support::arith`),
//! tuples and lists, conversions, `throw`/`exit`, processes (`self`,
//! `send`, `spawn*`), `struct/1,2`, `function_exported?/3`.
//!
//! Not here: the functions that take a function argument (`kernel.ex`),
//! special forms and macros (`compile`), the `:erlang` spellings (`erlang/erlang.rs`).

use crate::atom::Atom;
use crate::error::{self, arithmetic_error, badarg_at, Raise, Result};
use crate::format::{inspect, InspectOpts};
use crate::library::support::arith::{abs, add, div, fdiv, lt, mul, neg, rem, sub};
use crate::library::support::calendar;
use crate::library::support::processes::{send, spawn_fun};
use crate::library::support::structs::{known, pairs};
use crate::library::support::terms::{inspect_opts, to_charlist, to_string_value};
use crate::library::{def, guard, step, Ctx, Native, SourceDoc, Step, Target};
use crate::process::{Process, Role};
use crate::term::{compare, equal, strict_equal};
use crate::value::{Fun, Value};
use std::cmp::Ordering;

/// Kernel's moduledoc and the docs of the functions written in
/// `kernel.ex`. They are here, not `@doc` in that file, because Kernel's
/// source compiles at every start-up and each heredoc there costs it
/// about 20K instructions; a static string costs nothing until `h` asks.
pub const MODULEDOC: &str = r#"The functions and macros every module can call without a prefix: type
checks (`is_atom/1`...), arithmetic and comparison operators, the process
primitives (`spawn/1`, `send/2`, `self/0`) and conversions such as
`to_string/1` and `inspect/2`. Many of them are allowed in guards.

    iex> is_atom(:ok) and byte_size("abc") == 3
    true"#;

/// See `MODULEDOC`.
pub const SOURCE_DOCS: &[SourceDoc] = &[
    SourceDoc {
        name: "then",
        arity: 2,
        signature: r#"then(value, fun)"#,
        text: r#"Calls `fun` with `value`: a step in a pipeline whose function takes the
value other than first.

    iex> 5 |> then(&(&1 * 2))
    10"#,
    },
    SourceDoc {
        name: "tap",
        arity: 2,
        signature: r#"tap(value, fun)"#,
        text: r#"Calls `fun` with `value` for its side effect and gives `value`.

    iex> 5 |> tap(&IO.puts/1)
    5
    5"#,
    },
    SourceDoc {
        name: "get_in",
        arity: 2,
        signature: r#"get_in(data, keys)"#,
        text: r#"Reads a nested value through a path of keys (or `Access` functions);
`nil` as soon as a level is missing.

    iex> get_in(%{a: %{b: 1}}, [:a, :b])
    1"#,
    },
    SourceDoc {
        name: "put_in",
        arity: 3,
        signature: r#"put_in(data, keys, value)"#,
        text: r#"Sets a nested value through a path of keys.

    iex> put_in(%{a: %{b: 1}}, [:a, :b], 2)
    %{a: %{b: 2}}"#,
    },
    SourceDoc {
        name: "update_in",
        arity: 3,
        signature: r#"update_in(data, keys, fun)"#,
        text: r#"Replaces a nested value with `fun` applied to it.

    iex> update_in(%{a: [1]}, [:a], &[0 | &1])
    %{a: [0, 1]}"#,
    },
    SourceDoc {
        name: "get_and_update_in",
        arity: 3,
        signature: r#"get_and_update_in(data, keys, fun)"#,
        text: r#"Reads and replaces a nested value at once: `fun` returns
`{value_to_give, new_value}` (or `:pop`).

    iex> get_and_update_in(%{a: 1}, [:a], fn v -> {v, v + 1} end)
    {1, %{a: 2}}"#,
    },
    SourceDoc {
        name: "pop_in",
        arity: 2,
        signature: r#"pop_in(data, keys)"#,
        text: r#"Removes a nested key: `{value, updated_data}`.

    iex> pop_in(%{a: %{b: 1, c: 2}}, [:a, :b])
    {1, %{a: %{c: 2}}}"#,
    },
];

pub const NATIVES: &[Native] = &[
    guard("is_atom", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Atom(_))))
    })
    .doc(
        r#"is_atom(term)"#,
        r#"Whether `term` is an atom (`true`, `false` and `nil` are atoms). Allowed
in guards.

    iex> is_atom(nil)
    true"#,
    ),
    guard("is_integer", 1, |_, a| Ok(Value::bool(a[0].is_integer()))).doc(
        r#"is_integer(term)"#,
        r#"Whether `term` is an integer. Allowed in guards.

    iex> is_integer(1.0)
    false"#,
    ),
    guard("is_float", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Float(_))))
    })
    .doc(
        r#"is_float(term)"#,
        r#"Whether `term` is a float. Allowed in guards.

    iex> is_float(1.0)
    true"#,
    ),
    guard("is_number", 1, |_, a| Ok(Value::bool(a[0].is_number()))).doc(
        r#"is_number(term)"#,
        r#"Whether `term` is an integer or a float. Allowed in guards.

    iex> is_number(2)
    true"#,
    ),
    guard("is_binary", 1, |_, a| Ok(Value::bool(a[0].is_binary()))).doc(
        r#"is_binary(term)"#,
        r#"Whether `term` is a binary (a whole number of bytes; strings are
binaries). Allowed in guards.

    iex> is_binary("text")
    true"#,
    ),
    guard("is_bitstring", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Bin(_))))
    })
    .doc(
        r#"is_bitstring(term)"#,
        r#"Whether `term` is a bitstring, of any number of bits. Allowed in guards.

    iex> is_bitstring(<<1::3>>)
    true"#,
    ),
    guard("is_list", 1, |_, a| Ok(Value::bool(a[0].is_list()))).doc(
        r#"is_list(term)"#,
        r#"Whether `term` is a list, empty or not. Allowed in guards.

    iex> is_list([])
    true"#,
    ),
    guard("is_tuple", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Tuple(_))))
    })
    .doc(
        r#"is_tuple(term)"#,
        r#"Whether `term` is a tuple. Allowed in guards.

    iex> is_tuple({:ok, 1})
    true"#,
    ),
    guard("is_map", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Map(_))))
    })
    .doc(
        r#"is_map(term)"#,
        r#"Whether `term` is a map (structs are maps). Allowed in guards.

    iex> is_map(%{})
    true"#,
    ),
    guard("is_pid", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Pid(_))))
    })
    .doc(
        r#"is_pid(term)"#,
        r#"Whether `term` is a process identifier. Allowed in guards.

    iex> is_pid(self())
    true"#,
    ),
    guard("is_reference", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Ref(_))))
    })
    .doc(
        r#"is_reference(term)"#,
        r#"Whether `term` is a reference. Allowed in guards.

    iex> is_reference(make_ref())
    true"#,
    ),
    guard("is_function", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Fun(_))))
    })
    .doc(
        r#"is_function(term)"#,
        r#"Whether `term` is a function. Allowed in guards.

    iex> is_function(&String.length/1)
    true"#,
    ),
    guard("is_function", 2, |_, a| {
        Ok(Value::bool(match (&a[0], &a[1]) {
            (Value::Fun(f), Value::Int(n)) => f.arity() as i64 == *n,
            _ => false,
        }))
    })
    .doc(
        r#"is_function(term, arity)"#,
        r#"Whether `term` is a function taking `arity` arguments. Allowed in guards.

    iex> is_function(fn a, b -> a + b end, 1)
    false"#,
    ),
    guard("is_boolean", 1, |_, a| {
        Ok(Value::bool(a[0].as_bool().is_some()))
    })
    .doc(
        r#"is_boolean(term)"#,
        r#"Whether `term` is `true` or `false`. Allowed in guards.

    iex> is_boolean(nil)
    false"#,
    ),
    guard("is_nil", 1, |_, a| {
        Ok(Value::bool(matches!(a[0], Value::Atom(Atom::NIL))))
    })
    .doc(
        r#"is_nil(term)"#,
        r#"Whether `term` is `nil`. Allowed in guards.

    iex> is_nil(nil)
    true"#,
    ),
    guard("is_map_key", 2, |_, a| match &a[0] {
        Value::Map(m) => Ok(Value::bool(m.contains_key(&a[1]))),
        other => Err(error::bad_map_error(other.clone())),
    })
    .doc(
        r#"is_map_key(map, key)"#,
        r#"Whether `map` has `key`. Allowed in guards.

    iex> is_map_key(%{a: 1}, :a)
    true"#,
    ),
    guard("is_exception", 1, |_, a| {
        Ok(Value::bool(a[0].map_get(Atom::EXCEPTION).is_some()))
    })
    .doc(
        r#"is_exception(term)"#,
        r#"Whether `term` is an exception struct. Allowed in guards.

    iex> is_exception(%RuntimeError{})
    true"#,
    ),
    guard("!", 1, |_, a| Ok(Value::bool(!a[0].is_truthy())))
    .doc(
        r#"!value"#,
        r#"Boolean not over truthiness: `true` for `nil` and `false`, `false` for
anything else.

    iex> !nil
    true"#,
    ),
    guard("not", 1, |_, a| match a[0].as_bool() {
        Some(b) => Ok(Value::bool(!b)),
        None => Err(error::argument_error("argument error")),
    })
    .doc(
        r#"not(value)"#,
        r#"The boolean negation of `value`, which must be a boolean. Allowed in
guards.

    iex> not true
    false"#,
    ),
    guard("elem", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Tuple(t), Value::Int(i)) if *i >= 0 && (*i as usize) < t.len() => {
            Ok(t[*i as usize].clone())
        }
        (Value::Tuple(_), Value::Int(_)) => Err(badarg_at(1, "out of range")),
        (Value::Tuple(_), _) => Err(badarg_at(1, "not an integer")),
        _ => Err(badarg_at(2, "not a tuple")),
    })
    .doc(
        r#"elem(tuple, index)"#,
        r#"The element of `tuple` at the zero-based `index`. Allowed in guards.

    iex> elem({:a, :b}, 1)
    :b"#,
    ),
    def("put_elem", 3, |_, a| match (&a[0], &a[1]) {
        (Value::Tuple(t), Value::Int(i)) if *i >= 0 && (*i as usize) < t.len() => {
            let mut v = t.to_vec();
            v[*i as usize] = a[2].clone();
            Ok(Value::tuple(v))
        }
        (Value::Tuple(_), Value::Int(_)) => Err(badarg_at(1, "out of range")),
        (Value::Tuple(_), _) => Err(badarg_at(1, "not an integer")),
        _ => Err(badarg_at(2, "not a tuple")),
    })
    .doc(
        r#"put_elem(tuple, index, value)"#,
        r#"The tuple with the element at `index` replaced by `value`.

    iex> put_elem({:a, :b}, 0, :z)
    {:z, :b}"#,
    ),
    guard("tuple_size", 1, |_, a| match &a[0] {
        Value::Tuple(t) => Ok(Value::Int(t.len() as i64)),
        _ => Err(badarg_at(1, "not a tuple")),
    })
    .doc(
        r#"tuple_size(tuple)"#,
        r#"The number of elements of `tuple`, in constant time. Allowed in guards.

    iex> tuple_size({1, 2, 3})
    3"#,
    ),
    guard("map_size", 1, |_, a| match &a[0] {
        Value::Map(m) => Ok(Value::Int(m.len() as i64)),
        other => Err(error::bad_map_error(other.clone())),
    })
    .doc(
        r#"map_size(map)"#,
        r#"The number of entries of `map`, in constant time. Allowed in guards.

    iex> map_size(%{a: 1})
    1"#,
    ),
    guard("byte_size", 1, |_, a| match &a[0] {
        // A bitstring's partial last byte counts, as on the BEAM.
        Value::Bin(b) => Ok(Value::Int(b.byte_len() as i64)),
        _ => Err(badarg_at(1, "not a bitstring")),
    })
    .doc(
        r#"byte_size(bitstring)"#,
        r#"The number of bytes of a bitstring, a partial last byte counting as one.
Allowed in guards.

    iex> byte_size("héllo")
    6"#,
    ),
    guard("length", 1, |_, a| {
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
    })
    .doc(
        r#"length(list)"#,
        r#"The number of elements of a proper list (a walk of the list). Allowed in
guards.

    iex> length([1, 2, 3])
    3"#,
    ),
    guard("hd", 1, |_, a| match &a[0] {
        Value::Cons(c) => Ok(c.head.clone()),
        _ => Err(badarg_at(1, "not a nonempty list")),
    })
    .doc(
        r#"hd(list)"#,
        r#"The first element of a non-empty list; raises `ArgumentError` on `[]`.
Allowed in guards.

    iex> hd([1, 2])
    1"#,
    ),
    guard("tl", 1, |_, a| match &a[0] {
        Value::Cons(c) => Ok(c.tail.clone()),
        _ => Err(badarg_at(1, "not a nonempty list")),
    })
    .doc(
        r#"tl(list)"#,
        r#"A non-empty list without its first element. Allowed in guards.

    iex> tl([1, 2])
    [2]"#,
    ),
    guard("max", 2, |_, a| {
        Ok(if compare(&a[0], &a[1]) == Ordering::Less {
            a[1].clone()
        } else {
            a[0].clone()
        })
    })
    .doc(
        r#"max(first, second)"#,
        r#"The larger of two terms by term order (the first when they are equal).

    iex> max(1, :a)
    :a"#,
    ),
    guard("min", 2, |_, a| {
        Ok(if compare(&a[1], &a[0]) == Ordering::Less {
            a[1].clone()
        } else {
            a[0].clone()
        })
    })
    .doc(
        r#"min(first, second)"#,
        r#"The smaller of two terms by term order.

    iex> min(3, 2.5)
    2.5"#,
    ),
    guard("round", 1, |_, a| match &a[0] {
        Value::Float(f) => Ok(float_to_int(f.round())),
        v if v.is_integer() => Ok(v.clone()),
        _ => Err(badarg_at(1, "not a number")),
    })
    .doc(
        r#"round(number)"#,
        r#"The integer nearest to `number`, halves away from zero. Allowed in
guards.

    iex> round(2.5)
    3"#,
    ),
    guard("ceil", 1, |_, a| match &a[0] {
        Value::Float(f) => Ok(float_to_int(f.ceil())),
        v if v.is_integer() => Ok(v.clone()),
        _ => Err(badarg_at(1, "not a number")),
    })
    .doc(
        r#"ceil(number)"#,
        r#"The smallest integer not below `number`. Allowed in guards.

    iex> ceil(1.2)
    2"#,
    ),
    guard("floor", 1, |_, a| match &a[0] {
        Value::Float(f) => Ok(float_to_int(f.floor())),
        v if v.is_integer() => Ok(v.clone()),
        _ => Err(badarg_at(1, "not a number")),
    })
    .doc(
        r#"floor(number)"#,
        r#"The largest integer not above `number`. Allowed in guards.

    iex> floor(-1.2)
    -2"#,
    ),
    guard("bit_size", 1, |_, a| match &a[0] {
        Value::Bin(b) => Ok(Value::Int(b.bit_len() as i64)),
        _ => Err(badarg_at(1, "not a bitstring")),
    })
    .doc(
        r#"bit_size(bitstring)"#,
        r#"The number of bits of a bitstring. Allowed in guards.

    iex> bit_size(<<1, 2>>)
    16"#,
    ),
    // phial has no ports.
    guard("is_port", 1, |_, _| Ok(Value::FALSE))
    .doc(
        r#"is_port(term)"#,
        r#"Whether `term` is a port. phial has no ports, so this is always false.
Allowed in guards.

    iex> is_port(self())
    false"#,
    ),
    guard("node", 1, crate::library::elixir::node::node_of).doc(
        r#"node(pid_or_ref)"#,
        r#"The node a pid, port or reference belongs to.

    iex> node(self())
    :nonode@nohost"#,
    ),
    guard("binary_part", 3, |_, a| binary_part(&a[0], &a[1], &a[2])).doc(
        r#"binary_part(binary, start, length)"#,
        r#"The `length` bytes of `binary` from byte `start`. Allowed in guards.

    iex> binary_part("abcdef", 1, 3)
    "bcd""#,
    ),
    def("binary_slice", 2, |_, a| binary_slice_range(&a[0], &a[1])).doc(
        r#"binary_slice(binary, range)"#,
        r#"The bytes of `binary` at the positions of `range`; negative positions
count from the end.

    iex> binary_slice("abcdef", 1..-2//1)
    "bcde""#,
    ),
    def("binary_slice", 3, |_, a| binary_slice(&a[0], &a[1], &a[2])).doc(
        r#"binary_slice(binary, start, size)"#,
        r#"Up to `size` bytes of `binary` from byte `start`.

    iex> binary_slice("abc", 1, 10)
    "bc""#,
    ),
    def("macro_exported?", 3, |ctx, a| match (&a[0], &a[1], &a[2]) {
        (Value::Atom(m), Value::Atom(f), Value::Int(n)) => Ok(Value::bool(
            elixir_macro(*m, *f, *n)
                || (*m == Atom::KERNEL && kernel_macro(f.as_str(), *n))
                || ctx.vm.user_macro(*m, *f, *n as u32),
        )),
        _ => Err(error::function_clause_error(
            Atom::KERNEL,
            Atom::new("macro_exported?"),
            3,
            a.to_vec(),
        )),
    })
    .doc(
        r#"macro_exported?(module, macro, arity)"#,
        r#"Whether `module` has a public macro of that name and arity.

    iex> macro_exported?(Enum, :map, 2)
    false"#,
    ),
    // The compiler turns apply(...) calls into calls; these are for
    // captures (&apply/2) and apply(Kernel, :apply, ...).
    step("apply", 2, apply2).doc(
        r#"apply(fun, args)"#,
        r#"Calls `fun` with the list `args` as its arguments.

    iex> apply(fn a, b -> a * b end, [3, 4])
    12"#,
    ),
    step("apply", 3, apply3).doc(
        r#"apply(module, function_name, args)"#,
        r#"Calls `module.function_name` with the list `args` as its arguments.

    iex> apply(Enum, :sum, [[1, 2]])
    3"#,
    ),
    guard("trunc", 1, |_, a| match &a[0] {
        Value::Float(f) => Ok(float_to_int(f.trunc())),
        v if v.is_integer() => Ok(v.clone()),
        _ => Err(badarg_at(1, "not a number")),
    })
    .doc(
        r#"trunc(number)"#,
        r#"The integer part of `number`, rounding towards zero. Allowed in guards.

    iex> trunc(-1.7)
    -1"#,
    ),
    guard("**", 2, |_, a| match (&a[0], &a[1]) {
        (x, Value::Int(y)) if x.is_integer() && *y >= 0 => {
            crate::library::support::arith::int_pow(x, &a[1])
        }
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
    })
    .doc(
        r#"base ** exponent"#,
        r#"Raises `base` to `exponent`: exact for integers with a non-negative
exponent, a float otherwise.

    iex> 2 ** 10
    1024"#,
    ),
    def("<>", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Bin(x), Value::Bin(y)) if x.is_binary() && y.is_binary() => {
            // A string doubling itself in a loop reaches gigabytes in a few
            // dozen steps, each one allocation.
            if phial_runtime::over_limit(x.byte_len() + y.byte_len()) {
                return Err(crate::library::support::processes::over_memory_limit());
            }
            Ok(Value::Bin(x.concat(y)))
        }
        _ => {
            let (segment, bad) = if a[0].is_binary() {
                (2, &a[1])
            } else {
                (1, &a[0])
            };
            Err(error::argument_error(format!(
                "construction of binary failed: segment {segment} of type 'binary': expected a binary but got: {}",
                inspect(bad)
            )))
        }
    })
    .doc(
        r#"left <> right"#,
        r#"Joins two binaries; in a pattern, the left side must be a literal.

    iex> "foo" <> "bar"
    "foobar""#,
    ),
    def("++", 2, |_, a| {
        let Some(items) = a[0].list_to_vec() else {
            return Err(badarg_at(1, "not a list"));
        };
        Ok(Value::list_with_tail(items, a[1].clone()))
    })
    .doc(
        r#"left ++ right"#,
        r#"Appends `right` to the list `left` (copying `left`).

    iex> [1, 2] ++ [3]
    [1, 2, 3]"#,
    ),
    def("--", 2, |_, a| {
        let (Some(mut left), Some(right)) = (a[0].list_to_vec(), a[1].list_to_vec()) else {
            return Err(error::badarg());
        };
        for r in &right {
            if let Some(i) = left.iter().position(|x| strict_equal(x, r)) {
                left.remove(i);
            }
        }
        Ok(Value::list(left))
    })
    .doc(
        r#"left -- right"#,
        r#"Removes from `left`, for each element of `right`, its first occurrence.

    iex> [1, 2, 1, 3] -- [1, 3]
    [2, 1]"#,
    ),
    // A binary on the right is a substring test; anything else goes to
    // Regex.match?/2 (whose FunctionClauseError a non-regex gets).
    def("=~", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Bin(x), Value::Bin(y)) => Ok(Value::bool(
            memchr::memmem::find(x.bytes(), y.bytes()).is_some(),
        )),
        (Value::Bin(_), _) => crate::library::elixir::regex::match_(&a[1], &a[0]),
        _ => Err(error::function_clause_error(
            Atom::KERNEL,
            Atom::new("=~"),
            2,
            a.to_vec(),
        )),
    })
    .doc(
        r#"left =~ right"#,
        r#"Whether the string `left` matches the regex, or contains the string,
`right`.

    iex> "phial" =~ ~r/ph.a/
    true"#,
    ),
    // What `~r`/`~R` compile to when the compiler cannot fold them into a
    // constant (interpolation, or called by name).
    def("sigil_r", 2, crate::library::elixir::regex::sigil_r)
    .doc(
        r#"sigil_r(term, modifiers)"#,
        r#"The regex of `~r/.../`: the text compiled with the modifier letters
(`i` caseless, `m` multiline, `u` unicode, ...).

    iex> Regex.match?(~r/abc/i, "ABC")
    true"#,
    ),
    def("sigil_R", 2, crate::library::elixir::regex::sigil_upper_r)
    .doc(
        r#"sigil_R(term, modifiers)"#,
        r#"Like `~r`, without escapes or interpolation in the text.

    iex> Regex.source(~R/a\d/)
    "a\\d""#,
    ),
    // A struct's own String.Chars implementation is phial code.
    step("to_string", 1, |_, a| match &a[0] {
        v if v.struct_name().is_some() => Ok(crate::library::Step::Then(
            crate::library::Target::Mfa(Atom::alias("String.Chars"), Atom::new("to_string")),
            vec![v.clone()],
        )),
        v => to_string_value(v).map(crate::library::Step::Done),
    })
    .doc(
        r#"to_string(term)"#,
        r#"Turns `term` into a string through the `String.Chars` protocol.

    iex> to_string(:hello)
    "hello""#,
    ),
    def("to_charlist", 1, |_, a| to_charlist(&a[0])).doc(
        r#"to_charlist(term)"#,
        r#"Turns `term` into a charlist through the `List.Chars` protocol.

    iex> to_charlist(42)
    '42'"#,
    ),
    def("inspect", 1, |_, a| {
        let s = crate::format::inspect_checked(&a[0], &InspectOpts::default(), usize::MAX)?;
        Ok(Value::str(s))
    }),
    def("inspect", 2, |_, a| {
        let o = inspect_opts(&a[1]);
        let width = if o.pretty { o.width } else { usize::MAX };
        Ok(Value::str(crate::format::inspect_checked(
            &a[0], &o, width,
        )?))
    })
    .doc(
        r#"inspect(term, opts \\ [])"#,
        r#"The term as Elixir source text, through the `Inspect` protocol; `opts`
(`pretty:`, `limit:`, `base:`...) shape the text.

    iex> inspect([1, 2, 3], limit: 2)
    "[1, 2, ...]""#,
    ),
    def("throw", 1, |_, a| Err(Raise::throw(a[0].clone()))).doc(
        r#"throw(term)"#,
        r#"Throws `term`, to be caught by a `catch` clause of `try`.

    iex> try do throw(:found) catch x -> {:caught, x} end
    {:caught, :found}"#,
    ),
    def("exit", 1, |_, a| Err(Raise::exit(a[0].clone()))).doc(
        r#"exit(reason)"#,
        r#"Ends the calling process with `reason`. A `catch :exit, r` can stop it.

    iex> try do exit(:bye) catch :exit, r -> r end
    :bye"#,
    ),
    def("make_ref", 0, |ctx, _| Ok(Value::Ref(ctx.cx.make_ref()))).doc(
        r#"make_ref()"#,
        r#"A new reference, unique on this node.

    iex> make_ref() == make_ref()
    false"#,
    ),
    def("node", 0, |_, _| {
        Ok(crate::library::elixir::node::self_node())
    })
    .doc(
        r#"node()"#,
        r#"The name of this node; `:nonode@nohost` unless started as a node.

    iex> node()
    :nonode@nohost"#,
    ),
    def("function_exported?", 3, |ctx, a| {
        match (&a[0], &a[1], &a[2]) {
            (Value::Atom(m), Value::Atom(f), Value::Int(n)) => Ok(Value::bool(
                !elixir_macro(*m, *f, *n)
                    && (ctx.vm.callable(Atom::NIL, *m, *f, *n as u32).is_some()
                        || crate::library::lookup(*m, *f, *n as usize).is_some()),
            )),
            _ => Err(error::badarg()),
        }
    })
    .doc(
        r#"function_exported?(module, function, arity)"#,
        r#"Whether `module` has a public function of that name and arity.

    iex> function_exported?(Enum, :map, 2)
    true"#,
    ),
    def("binding", 0, |_, _| Ok(Value::Nil))
    .doc(
        r#"binding()"#,
        r#"The variables bound at this point, as a keyword list.

    iex> x = 1
    iex> Keyword.get(binding(), :x)
    1"#,
    ),
    guard("+", 2, |_, a| add(&a[0], &a[1]))
    .doc(
        r#"left + right"#,
        r#"Adds two numbers; an integer and a float give a float. Allowed in guards.

    iex> 1 + 2.5
    3.5"#,
    ),
    guard("-", 2, |_, a| sub(&a[0], &a[1]))
    .doc(
        r#"left - right"#,
        r#"Subtracts `right` from `left`. Allowed in guards.

    iex> 10 - 15
    -5"#,
    ),
    guard("*", 2, |_, a| mul(&a[0], &a[1]))
    .doc(
        r#"left * right"#,
        r#"Multiplies two numbers. Allowed in guards.

    iex> 6 * 7
    42"#,
    ),
    guard("/", 2, |_, a| fdiv(&a[0], &a[1]))
    .doc(
        r#"left / right"#,
        r#"Divides, always giving a float; dividing by zero raises
`ArithmeticError`. Allowed in guards.

    iex> 7 / 2
    3.5"#,
    ),
    guard("-", 1, |_, a| neg(&a[0]))
    .doc(
        r#"-value"#,
        r#"The negation of a number. Allowed in guards.

    iex> -(-3)
    3"#,
    ),
    guard("+", 1, |_, a| {
        if a[0].is_number() {
            Ok(a[0].clone())
        } else {
            Err(arithmetic_error())
        }
    })
    .doc(
        r#"+value"#,
        r#"The number itself. Allowed in guards.

    iex> +5
    5"#,
    ),
    guard("div", 2, |_, a| div(&a[0], &a[1])).doc(
        r#"div(dividend, divisor)"#,
        r#"Integer division, rounding towards zero. Allowed in guards.

    iex> div(-7, 2)
    -3"#,
    ),
    guard("rem", 2, |_, a| rem(&a[0], &a[1])).doc(
        r#"rem(dividend, divisor)"#,
        r#"The remainder of `div/2`; its sign is the dividend's. Allowed in guards.

    iex> rem(-7, 2)
    -1"#,
    ),
    guard("abs", 1, |_, a| abs(&a[0])).doc(
        r#"abs(number)"#,
        r#"The absolute value of `number`. Allowed in guards.

    iex> abs(-3)
    3"#,
    ),
    guard("==", 2, |_, a| Ok(Value::bool(equal(&a[0], &a[1]))))
    .doc(
        r#"left == right"#,
        r#"Whether two terms are equal, an integer equal to a float of the same
value. Allowed in guards.

    iex> 1 == 1.0
    true"#,
    ),
    guard("!=", 2, |_, a| Ok(Value::bool(!equal(&a[0], &a[1]))))
    .doc(
        r#"left != right"#,
        r#"Whether two terms are not equal (`1 != 1.0` is false). Allowed in guards.

    iex> :a != :b
    true"#,
    ),
    guard("===", 2, |_, a| Ok(Value::bool(strict_equal(&a[0], &a[1]))))
    .doc(
        r#"left === right"#,
        r#"Whether two terms are exactly equal: `1 === 1.0` is false. Allowed in
guards.

    iex> 1 === 1.0
    false"#,
    ),
    guard("!==", 2, |_, a| {
        Ok(Value::bool(!strict_equal(&a[0], &a[1])))
    })
    .doc(
        r#"left !== right"#,
        r#"Whether two terms are not exactly equal. Allowed in guards.

    iex> 1 !== 1.0
    true"#,
    ),
    guard("<", 2, |_, a| Ok(Value::bool(lt(&a[0], &a[1]))))
    .doc(
        r#"left < right"#,
        r#"Whether `left` comes before `right` in term order (number < atom <
reference < function < port < pid < tuple < map < list < bitstring).
Allowed in guards.

    iex> 1 < :atom
    true"#,
    ),
    guard(">", 2, |_, a| Ok(Value::bool(lt(&a[1], &a[0]))))
    .doc(
        r#"left > right"#,
        r#"Whether `left` comes after `right` in term order. Allowed in guards.

    iex> [1] > {1}
    true"#,
    ),
    guard("<=", 2, |_, a| Ok(Value::bool(!lt(&a[1], &a[0]))))
    .doc(
        r#"left <= right"#,
        r#"Whether `left` is before or equal to `right` in term order. Allowed in
guards.

    iex> 2 <= 2.0
    true"#,
    ),
    guard(">=", 2, |_, a| Ok(Value::bool(!lt(&a[0], &a[1]))))
    .doc(
        r#"left >= right"#,
        r#"Whether `left` is after or equal to `right` in term order. Allowed in
guards.

    iex> "b" >= "a"
    true"#,
    ),
    guard("self", 0, |ctx, _| Ok(Value::Pid(ctx.cx.self_pid()))).doc(
        r#"self()"#,
        r#"The pid of the calling process.

    iex> is_pid(self())
    true"#,
    ),
    def("send", 2, |ctx, a| send(ctx, &a[0], &a[1])).doc(
        r#"send(dest, message)"#,
        r#"Puts `message` in the mailbox of `dest` (a pid, a registered name, or
`{name, node}`) and gives `message`. Never waits.

    iex> send(self(), :hi)
    :hi"#,
    ),
    def("spawn", 1, |ctx, a| spawn_fun(ctx, &a[0], false, false)).doc(
        r#"spawn(fun)"#,
        r#"Starts a process running `fun` and gives its pid.

    iex> is_pid(spawn(fn -> :ok end))
    true"#,
    ),
    def("spawn_link", 1, |ctx, a| spawn_fun(ctx, &a[0], true, false)).doc(
        r#"spawn_link(fun)"#,
        r#"Like `spawn/1`, linking the new process to the caller: when one ends
abnormally, the other gets an exit signal.

    iex> is_pid(spawn_link(fn -> :ok end))
    true"#,
    ),
    def("spawn_monitor", 1, |ctx, a| {
        spawn_fun(ctx, &a[0], false, true)
    })
    .doc(
        r#"spawn_monitor(fun)"#,
        r#"Like `spawn/1`, and monitors the new process: gives `{pid, ref}`, and a
`{:DOWN, ref, :process, pid, reason}` message arrives when it ends.

    iex> {pid, ref} = spawn_monitor(fn -> :ok end)
    iex> is_pid(pid) and is_reference(ref)
    true"#,
    ),
    def("spawn", 3, |ctx, a| spawn_mfa(ctx, a, false, false)).doc(
        r#"spawn(module, fun, args)"#,
        r#"Starts a process running `apply(module, fun, args)`.

    iex> is_pid(spawn(Enum, :sum, [[1]]))
    true"#,
    ),
    def("spawn_link", 3, |ctx, a| spawn_mfa(ctx, a, true, false)).doc(
        r#"spawn_link(module, fun, args)"#,
        r#"Like `spawn/3`, linking the new process to the caller.

    iex> is_pid(spawn_link(Enum, :sum, [[1]]))
    true"#,
    ),
    def("spawn_monitor", 3, |ctx, a| spawn_mfa(ctx, a, false, true)).doc(
        r#"spawn_monitor(module, fun, args)"#,
        r#"Like `spawn_monitor/1`, running `apply(module, fun, args)`.

    iex> {pid, _ref} = spawn_monitor(Enum, :sum, [[1]])
    iex> is_pid(pid)
    true"#,
    ),
    def("struct", 1, |_, a| struct_of(&a[0], &Value::Nil, false)),
    def("struct", 2, |_, a| struct_of(&a[0], &a[1], false)).doc(
        r#"struct(struct, fields \\ [])"#,
        r#"A struct of the given module (or a copy of the given struct) with the
known keys of `fields` set; unknown keys are ignored.

    iex> struct(Range, first: 1, last: 3, step: 1)
    1..3"#,
    ),
    def("struct!", 1, |_, a| struct_of(&a[0], &Value::Nil, true)),
    def("struct!", 2, |_, a| struct_of(&a[0], &a[1], true)).doc(
        r#"struct!(struct, fields \\ [])"#,
        r#"Like `struct/2`, but raises `KeyError` for an unknown key and checks
`@enforce_keys`.

    iex> struct!(Range, first: 1, last: 2, step: 1)
    1..2"#,
    ),
    guard("is_struct", 1, |_, a| {
        Ok(Value::bool(a[0].struct_name().is_some()))
    })
    .doc(
        r#"is_struct(term)"#,
        r#"Whether `term` is a struct. Allowed in guards.

    iex> is_struct(1..2)
    true"#,
    ),
    guard("is_struct", 2, |_, a| match &a[1] {
        Value::Atom(m) => Ok(Value::bool(a[0].struct_name() == Some(*m))),
        _ => Err(error::argument_error("argument error")),
    })
    .doc(
        r#"is_struct(term, name)"#,
        r#"Whether `term` is a struct of module `name`. Allowed in guards.

    iex> is_struct(1..2, Range)
    true"#,
    ),
    // The calendar sigils (Elixir's are macros; the compiler folds a
    // literal one into its struct, see `support::calendar`).
    step("sigil_D", 2, |_, a| calendar::sigil('D', a))
    .doc(
        r#"sigil_D(date_string, modifiers)"#,
        r#"The `Date` of an ISO 8601 date, `~D[2024-01-31]`.

    iex> ~D[2024-01-31].month
    1"#,
    ),
    step("sigil_T", 2, |_, a| calendar::sigil('T', a))
    .doc(
        r#"sigil_T(time_string, modifiers)"#,
        r#"The `Time` of an ISO 8601 time, `~T[13:45:00]`.

    iex> ~T[13:45:00].hour
    13"#,
    ),
    step("sigil_N", 2, |_, a| calendar::sigil('N', a))
    .doc(
        r#"sigil_N(naive_datetime_string, modifiers)"#,
        r#"The `NaiveDateTime` of an ISO 8601 date and time.

    iex> ~N[2024-01-31 13:45:00].minute
    45"#,
    ),
    step("sigil_U", 2, |_, a| calendar::sigil('U', a))
    .doc(
        r#"sigil_U(datetime_string, modifiers)"#,
        r#"The UTC `DateTime` of an ISO 8601 date and time ending in `Z`.

    iex> ~U[2024-01-31 13:45:00Z].time_zone
    "Etc/UTC""#,
    ),
];

pub(crate) fn float_to_int(f: f64) -> Value {
    if f.abs() < 9.0e18 {
        Value::Int(f as i64)
    } else {
        use num_traits::FromPrimitive;
        Value::bigint(num_bigint::BigInt::from_f64(f).unwrap_or_default())
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

/// Functions phial has as builtins or prelude code that are macros in
/// Elixir 1.14, so `function_exported?/3` says false for them as Elixir
/// does (`macro_exported?` would say true).
pub(crate) fn elixir_macro(m: Atom, f: Atom, arity: i64) -> bool {
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

/// Kernel's macros in Elixir 1.14 (`Kernel.__info__(:macros)`), which
/// phial implements as special forms.
fn kernel_macro(name: &str, arity: i64) -> bool {
    const MACROS: &[(&str, i64)] = &[
        ("!", 1),
        ("&&", 2),
        ("..", 0),
        ("..", 2),
        ("..//", 3),
        ("<>", 2),
        ("@", 1),
        ("alias!", 1),
        ("and", 2),
        ("binding", 0),
        ("binding", 1),
        ("dbg", 0),
        ("dbg", 1),
        ("dbg", 2),
        ("def", 1),
        ("def", 2),
        ("defdelegate", 2),
        ("defexception", 1),
        ("defguard", 1),
        ("defguardp", 1),
        ("defimpl", 2),
        ("defimpl", 3),
        ("defmacro", 1),
        ("defmacro", 2),
        ("defmacrop", 1),
        ("defmacrop", 2),
        ("defmodule", 2),
        ("defoverridable", 1),
        ("defp", 1),
        ("defp", 2),
        ("defprotocol", 2),
        ("defstruct", 1),
        ("destructure", 2),
        ("get_and_update_in", 2),
        ("if", 2),
        ("in", 2),
        ("is_exception", 1),
        ("is_exception", 2),
        ("is_nil", 1),
        ("is_struct", 1),
        ("is_struct", 2),
        ("match?", 2),
        ("or", 2),
        ("pop_in", 1),
        ("put_in", 2),
        ("raise", 1),
        ("raise", 2),
        ("reraise", 2),
        ("reraise", 3),
        ("sigil_C", 2),
        ("sigil_D", 2),
        ("sigil_N", 2),
        ("sigil_R", 2),
        ("sigil_S", 2),
        ("sigil_T", 2),
        ("sigil_U", 2),
        ("sigil_W", 2),
        ("sigil_c", 2),
        ("sigil_r", 2),
        ("sigil_s", 2),
        ("sigil_w", 2),
        ("tap", 2),
        ("then", 2),
        ("to_char_list", 1),
        ("to_charlist", 1),
        ("to_string", 1),
        ("unless", 2),
        ("update_in", 2),
        ("use", 1),
        ("use", 2),
        ("var!", 1),
        ("var!", 2),
        ("|>", 2),
        ("||", 2),
    ];
    MACROS.iter().any(|(n, a)| *n == name && *a == arity)
}

/// `binary_part/3`: `len` bytes from `start` (a negative `len` counts
/// back), sharing the bytes of a large binary.
pub(crate) fn binary_part(b: &Value, start: &Value, len: &Value) -> Result<Value> {
    let Value::Bin(s) = b else {
        return Err(badarg_at(1, "not a binary"));
    };
    let (Value::Int(start), Value::Int(len)) = (start, len) else {
        return Err(badarg_at(
            if matches!(start, Value::Int(_)) { 3 } else { 2 },
            "not an integer",
        ));
    };
    let (from, to) = if *len >= 0 {
        (*start, start.checked_add(*len))
    } else {
        (start + len, Some(*start))
    };
    match to {
        Some(to) if from >= 0 && to as usize <= s.byte_len() && from <= to => {
            Ok(Value::Bin(s.part(from as usize, (to - from) as usize)))
        }
        _ => Err(badarg_at(
            if *start as usize > s.byte_len() { 2 } else { 3 },
            "out of range",
        )),
    }
}

/// `binary_slice/3`: `size` bytes from `start` (negative: from the end),
/// clamped to the binary as Elixir clamps it.
fn binary_slice(b: &Value, start: &Value, size: &Value) -> Result<Value> {
    let (Value::Bin(s), Value::Int(start), Value::Int(size)) = (b, start, size) else {
        return Err(error::function_clause_error(
            Atom::KERNEL,
            Atom::new("binary_slice"),
            3,
            vec![b.clone(), start.clone(), size.clone()],
        ));
    };
    if *size < 0 {
        return Err(error::function_clause_error(
            Atom::KERNEL,
            Atom::new("binary_slice"),
            3,
            vec![b.clone(), Value::Int(*start), Value::Int(*size)],
        ));
    }
    let n = s.byte_len() as i64;
    let from = if *start < 0 {
        (n + start).max(0)
    } else {
        (*start).min(n)
    };
    let to = from.saturating_add(*size).min(n);
    Ok(Value::Bin(s.part(from as usize, (to - from) as usize)))
}

/// `binary_slice/2` over a range with step 1, as Elixir 1.14 allows.
fn binary_slice_range(b: &Value, r: &Value) -> Result<Value> {
    let field = |k: &str| match r.map_get(Atom::new(k)) {
        Some(Value::Int(i)) => Some(*i),
        _ => None,
    };
    let (Value::Bin(s), Some(first), Some(last), Some(1)) =
        (b, field("first"), field("last"), field("step"))
    else {
        return Err(error::function_clause_error(
            Atom::KERNEL,
            Atom::new("binary_slice"),
            2,
            vec![b.clone(), r.clone()],
        ));
    };
    let n = s.byte_len() as i64;
    let first = if first < 0 { (n + first).max(0) } else { first };
    let last = if last < 0 { n + last } else { last.min(n - 1) };
    if first > last || first >= n {
        return Ok(Value::str(""));
    }
    binary_slice(b, &Value::Int(first), &Value::Int(last - first + 1))
}

pub(crate) fn spawn_mfa(ctx: &mut Ctx, a: &[Value], link: bool, monitor: bool) -> Result<Value> {
    let (Some(m), Some(f)) = (a[0].as_atom(), a[1].as_atom()) else {
        return Err(error::badarg());
    };
    let Some(args) = a[2].list_to_vec() else {
        return Err(badarg_at(3, "not a list"));
    };
    let fun = fun_ref(m, f, args.len() as u32);
    let body = Process::new(ctx.vm.clone(), fun, args, Role::Spawned);
    crate::library::support::processes::start(ctx, body, link, monitor, None)
}

/// `struct/2` (unknown keys ignored) and `struct!/2` (unknown keys raise,
/// and building from a module checks `@enforce_keys`).
pub(crate) fn struct_of(base: &Value, kv: &Value, strict: bool) -> Result<Value> {
    let given = pairs(kv)?;
    let (def, start, from_module) = match base {
        Value::Atom(_) => {
            let d = known(base)?;
            let t = d.template.clone();
            (d, t, true)
        }
        Value::Map(_) if base.struct_name().is_some() => {
            let d = known(&Value::Atom(base.struct_name().unwrap_or(Atom::NIL)))?;
            (d, base.clone(), false)
        }
        other => {
            return Err(error::argument_error(format!(
                "expected a struct name or a struct, got: {}",
                inspect(other)
            )))
        }
    };
    if strict && from_module {
        return def.build(given);
    }
    let Value::Map(m) = &start else {
        return Err(error::badarg());
    };
    let mut m = (**m).clone();
    for (k, v) in given {
        let field = k
            .as_atom()
            .is_some_and(|a| def.has_field(a) && a != Atom::EXCEPTION);
        if field {
            m.insert(k, v);
        } else if strict {
            return Err(error::key_error(k, Value::NIL_ATOM));
        }
    }
    Ok(Value::map(m))
}

/// `apply(fun, args)` (also `:erlang.apply/2`).
pub(crate) fn apply2(_: &mut Ctx, a: &[Value]) -> Result<Step> {
    match a[1].list_to_vec() {
        Some(args) if matches!(a[0], Value::Fun(_)) => {
            Ok(Step::Then(Target::Fun(a[0].clone()), args))
        }
        _ => Err(error::badarg()),
    }
}

/// `apply(module, name, args)` (also `:erlang.apply/3`).
pub(crate) fn apply3(_: &mut Ctx, a: &[Value]) -> Result<Step> {
    match (&a[0], &a[1], a[2].list_to_vec()) {
        (Value::Atom(m), Value::Atom(f), Some(args)) => Ok(Step::Then(Target::Mfa(*m, *f), args)),
        _ => Err(error::badarg()),
    }
}
