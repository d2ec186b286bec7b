//! `Range` natives: `new/2,3`, `size/1`, `disjoint?/2`.
//!
//! Not here: `first..last` itself (`:phial.range`), the rest of `Range` (`range.ex`).

use crate::error::{self, Result};
use crate::library::support::collections::clause;
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("new", 2, |_, a| range_new(&a[0], &a[1], None)).doc(
        r#"new(first, last)"#,
        r#"The range from `first` to `last`, stepping by 1 or, when `last` is
smaller, by -1.

    iex> Range.new(3, 1)
    3..1//-1"#,
    ),
    def("new", 3, |_, a| range_new(&a[0], &a[1], Some(&a[2]))).doc(
        r#"new(first, last, step)"#,
        r#"The range from `first` to `last` by `step`, which is not 0.

    iex> Range.new(0, 10, 5)
    0..10//5"#,
    ),
    def("size", 1, |_, a| match a[0].as_range() {
        Some((f, l, s)) => Ok(Value::bigint(num_bigint::BigInt::from(
            crate::library::support::enumerables::range_len(f, l, s),
        ))),
        None => Err(clause("Range", "size", 1, &[&a[0]])),
    })
    .doc(
        r#"size(range)"#,
        r#"How many integers the range holds, without walking it.

    iex> Range.size(1..10//2)
    5"#,
    ),
    def("disjoint?", 2, |_, a| {
        match (a[0].as_range(), a[1].as_range()) {
            (Some((f1, l1, s1)), Some((f2, l2, s2))) => {
                let n1 = crate::library::support::enumerables::range_len(f1, l1, s1);
                let n2 = crate::library::support::enumerables::range_len(f2, l2, s2);
                if n1 == 0 || n2 == 0 {
                    return Ok(Value::TRUE);
                }
                let last1 = crate::library::support::enumerables::range_nth(f1, s1, n1 - 1);
                let last2 = crate::library::support::enumerables::range_nth(f2, s2, n2 - 1);
                let (lo1, hi1) = (f1.min(last1), f1.max(last1));
                let (lo2, hi2) = (f2.min(last2), f2.max(last2));
                Ok(Value::bool(hi1 < lo2 || hi2 < lo1))
            }
            _ => Err(clause("Range", "disjoint?", 2, &[&a[0], &a[1]])),
        }
    })
    .doc(
        r#"disjoint?(range1, range2)"#,
        r#"Whether two ranges have no integer in common.

    iex> Range.disjoint?(1..5, 6..9)
    true"#,
    ),
];

pub(crate) fn range_new(first: &Value, last: &Value, step: Option<&Value>) -> Result<Value> {
    match (first, last, step) {
        (Value::Int(f), Value::Int(l), None) => Ok(Value::range(*f, *l, if f <= l { 1 } else { -1 })),
        (Value::Int(f), Value::Int(l), Some(Value::Int(s))) if *s != 0 => Ok(Value::range(*f, *l, *s)),
        (_, _, None) => Err(error::argument_error(format!(
            "ranges (first..last) expect both sides to be integers, got: {}..{}",
            crate::format::inspect(first),
            crate::format::inspect(last)
        ))),
        (_, _, Some(s)) => Err(error::argument_error(format!(
            "ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: {}..{}//{}",
            crate::format::inspect(first),
            crate::format::inspect(last),
            crate::format::inspect(s)
        ))),
    }
}
