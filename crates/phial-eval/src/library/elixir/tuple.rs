//! `Tuple` natives: `to_list`, `append`, `insert_at`, `delete_at`, `duplicate`.
//!
//! Not here: `Tuple.sum`/`product` (`tuple.ex`), `elem`/`put_elem` (`kernel.rs`).

use crate::error;
use crate::library::support::collections::tuple;
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("to_list", 1, |_, a| {
        Ok(Value::list(tuple(&a[0], 1)?.to_vec()))
    })
    .doc(
        r#"to_list(tuple)"#,
        r#"Gives the elements of `tuple` as a list, first element first.

    iex> Tuple.to_list({:a, 1, "b"})
    [:a, 1, "b"]"#,
    ),
    def("append", 2, |_, a| {
        let mut t = tuple(&a[0], 1)?.to_vec();
        t.push(a[1].clone());
        Ok(Value::tuple(t))
    })
    .doc(
        r#"append(tuple, value)"#,
        r#"Builds a tuple one element longer than `tuple`, with `value` at the end.

    iex> Tuple.append({1, 2}, 3)
    {1, 2, 3}"#,
    ),
    def("insert_at", 3, |_, a| {
        let mut t = tuple(&a[0], 1)?.to_vec();
        match &a[1] {
            Value::Int(i) if *i >= 0 && (*i as usize) <= t.len() => {
                t.insert(*i as usize, a[2].clone());
                Ok(Value::tuple(t))
            }
            _ => Err(error::badarg_at(1, "out of range")),
        }
    })
    .doc(
        r#"insert_at(tuple, index, value)"#,
        r#"Builds a tuple with `value` placed at the zero-based `index`, moving the
later elements one place right. An index past the end raises `ArgumentError`.

    iex> Tuple.insert_at({:a, :c}, 1, :b)
    {:a, :b, :c}"#,
    ),
    def("delete_at", 2, |_, a| {
        let mut t = tuple(&a[0], 1)?.to_vec();
        match &a[1] {
            Value::Int(i) if *i >= 0 && (*i as usize) < t.len() => {
                t.remove(*i as usize);
                Ok(Value::tuple(t))
            }
            _ => Err(error::badarg_at(1, "out of range")),
        }
    })
    .doc(
        r#"delete_at(tuple, index)"#,
        r#"Builds a tuple without the element at the zero-based `index`. An index
outside the tuple raises `ArgumentError`.

    iex> Tuple.delete_at({:a, :b, :c}, 0)
    {:b, :c}"#,
    ),
    def("duplicate", 2, |_, a| match &a[1] {
        // The BEAM's largest tuple has 2^24 - 1 elements.
        Value::Int(n) if (0..=MAX_TUPLE).contains(n) => {
            if phial_runtime::over_limit(*n as usize * 2 * std::mem::size_of::<Value>()) {
                return Err(crate::library::support::processes::over_memory_limit());
            }
            Ok(Value::tuple(vec![a[0].clone(); *n as usize]))
        }
        _ => Err(error::badarg_at(1, "out of range")),
    })
    .doc(
        r#"duplicate(data, size)"#,
        r#"Builds a tuple of `size` elements, each of them `data`.

    iex> Tuple.duplicate(0, 3)
    {0, 0, 0}"#,
    ),
];

/// The elements of nested lists, in order, or `None` if any list in it is
/// improper. The lists being walked are an explicit stack (innermost
/// last), so any depth of nesting is flattened without recursion.
/// The largest tuple the BEAM makes (`erlang:make_tuple/2` raises past it).
pub(crate) const MAX_TUPLE: i64 = (1 << 24) - 1;
