//! `Enum` natives: conversions to lists and the counting, slicing and
//! ordering functions over plain values. Functions that take a function
//! argument are in `enum.ex`, written in phial; those that may stop early
//! over a stream are in `internal/phial_enum_halting.ex`.
//!
//! Argument errors follow Elixir: a non-enumerable raises
//! `Protocol.UndefinedError`, a bad count or index `FunctionClauseError`,
//! an empty enumerable to `max`/`min` `Enum.EmptyError`.
//! Not here: the walks shared with `:phial` (`support::enumerables`).

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::library::erlang::rand;
use crate::library::support::enumerables::{
    at, fce, int_arg, is_foreign_enum, range_len, to_list, vec_of, with_index, zip_lists, Seq,
};
use crate::library::{def, step, Ctx, Native};
use crate::term::compare;
use crate::value::Value;
use num_bigint::BigInt;
use std::cmp::Ordering;

pub const NATIVES: &[Native] = &[
    def("to_list", 1, |_, a| to_list(&a[0])).doc(
        r#"to_list(enumerable)"#,
        r#"The elements of `enumerable` as a list.

    iex> Enum.to_list(1..3)
    [1, 2, 3]"#,
    ),
    def("reverse", 1, |_, a| {
        let mut out = Value::Nil;
        for x in to_list(&a[0])?.iter_list() {
            out = Value::cons(x.clone(), out);
        }
        Ok(out)
    })
    .doc(
        r#"reverse(enumerable)"#,
        r#"The elements in the opposite order.

    iex> Enum.reverse([1, 2, 3])
    [3, 2, 1]"#,
    ),
    def("reverse", 2, |_, a| {
        let mut out = to_list(&a[1])?;
        for x in to_list(&a[0])?.iter_list() {
            out = Value::cons(x.clone(), out);
        }
        Ok(out)
    })
    .doc(
        r#"reverse(enumerable, tail)"#,
        r#"The elements reversed, followed by `tail`.

    iex> Enum.reverse([1, 2], [3, 4])
    [2, 1, 3, 4]"#,
    ),
    // A struct's own Enumerable may know its count and membership
    // (`Enumerable.count`); the protocol decides, as in Elixir.
    step("count", 1, |_, a| {
        if is_foreign_enum(&a[0]) {
            return Ok(crate::library::Step::Then(
                crate::library::Target::Mfa(Atom::new("phial_enum"), Atom::new("count")),
                a.to_vec(),
            ));
        }
        enum_count(a).map(crate::library::Step::Done)
    })
    .doc(
        r#"count(enumerable)"#,
        r#"How many elements there are.

    iex> Enum.count(%{a: 1, b: 2})
    2"#,
    ),
    def("empty?", 1, |_, a| {
        // Ranges, sets and maps know their size: 1..huge stays lazy.
        if let Some((f, l, s)) = a[0].as_range() {
            return Ok(Value::bool(range_len(f, l, s) == 0));
        }
        if let Some(set) = a[0].as_mapset() {
            return Ok(Value::bool(set.is_empty()));
        }
        if let (Value::Map(m), None) = (&a[0], a[0].struct_name()) {
            return Ok(Value::bool(m.is_empty()));
        }
        Ok(Value::bool(vec_of(&a[0])?.is_empty()))
    })
    .doc(
        r#"empty?(enumerable)"#,
        r#"Whether there are no elements.

    iex> Enum.empty?([])
    true"#,
    ),
    def("at", 2, |_, a| at(&a[0], &a[1], Value::NIL_ATOM, "at", 3)),
    def("at", 3, |_, a| at(&a[0], &a[1], a[2].clone(), "at", 3)).doc(
        r#"at(enumerable, index, default \\ nil)"#,
        r#"The element at the zero-based `index` (negative counts from the end), or
`default`.

    iex> Enum.at([:a, :b, :c], -1)
    :c"#,
    ),
    def("fetch", 2, |_, a| {
        let items = Seq::of(&a[0])?;
        let i = int_arg(&a[1], &[&a[0], &a[1]], "fetch", 2)?;
        Ok(match items.index(i) {
            Some(i) => Value::tuple(vec![Value::OK, items.get(i)]),
            None => Value::atom("error"),
        })
    })
    .doc(
        r#"fetch(enumerable, index)"#,
        r#"`{:ok, element}` at `index`, or `:error` when it is out of range.

    iex> Enum.fetch([:a, :b], 5)
    :error"#,
    ),
    def("fetch!", 2, |_, a| {
        let items = Seq::of(&a[0])?;
        let i = int_arg(&a[1], &[&a[0], &a[1]], "fetch!", 2)?;
        match items.index(i) {
            Some(i) => Ok(items.get(i)),
            None => Err(out_of_bounds(&a[1], &a[0])),
        }
    })
    .doc(
        r#"fetch!(enumerable, index)"#,
        r#"The element at `index`; raises `Enum.OutOfBoundsError` out of range.

    iex> Enum.fetch!([:a, :b], 1)
    :b"#,
    ),
    def("concat", 1, |_, a| {
        let mut out = Vec::new();
        for x in vec_of(&a[0])? {
            out.extend(vec_of(&x)?);
        }
        Ok(Value::list(out))
    })
    .doc(
        r#"concat(enumerables)"#,
        r#"All the elements of several enumerables in one list.

    iex> Enum.concat([[1], 2..3, [4]])
    [1, 2, 3, 4]"#,
    ),
    def("concat", 2, |_, a| {
        let mut out = vec_of(&a[0])?;
        out.extend(vec_of(&a[1])?);
        Ok(Value::list(out))
    })
    .doc(
        r#"concat(left, right)"#,
        r#"The elements of `left` followed by those of `right`.

    iex> Enum.concat([1, 2], [3])
    [1, 2, 3]"#,
    ),
    def("take", 2, |_, a| {
        let items = Seq::of(&a[0])?;
        let n = int_arg(&a[1], &[&a[0], &a[1]], "take", 2)? as i128;
        let len = items.len();
        if n >= 0 {
            items.list(0..n.min(len))
        } else {
            items.list((len + n).max(0)..len)
        }
    })
    .doc(
        r#"take(enumerable, amount)"#,
        r#"The first `amount` elements; a negative amount takes from the end.

    iex> Enum.take([1, 2, 3, 4], -2)
    [3, 4]"#,
    ),
    def("drop", 2, |_, a| {
        let items = vec_of(&a[0])?;
        let n = int_arg(&a[1], &[&a[0], &a[1]], "drop", 2)?;
        let len = items.len() as i64;
        Ok(Value::list(if n >= 0 {
            items.into_iter().skip(n as usize).collect()
        } else {
            items.into_iter().take((len + n).max(0) as usize).collect()
        }))
    })
    .doc(
        r#"drop(enumerable, amount)"#,
        r#"The elements after the first `amount`; a negative amount drops from the
end.

    iex> Enum.drop([1, 2, 3], 1)
    [2, 3]"#,
    ),
    def("split", 2, |_, a| {
        let items = vec_of(&a[0])?;
        let n = int_arg(&a[1], &[&a[0], &a[1]], "split", 2)?;
        let len = items.len() as i64;
        let at = if n >= 0 { n.min(len) } else { (len + n).max(0) } as usize;
        let (l, r) = items.split_at(at);
        Ok(Value::tuple(vec![
            Value::list(l.to_vec()),
            Value::list(r.to_vec()),
        ]))
    })
    .doc(
        r#"split(enumerable, count)"#,
        r#"`{first count elements, the rest}`.

    iex> Enum.split([1, 2, 3], 2)
    {[1, 2], [3]}"#,
    ),
    def("slice", 2, |_, a| {
        let items = Seq::of(&a[0])?;
        let Some((first, last, step)) = a[1].as_range() else {
            return Err(fce("slice", 2, &[&a[0], &a[1]]));
        };
        items.list(slice_range(items.len(), first, last, step))
    })
    .doc(
        r#"slice(enumerable, index_range)"#,
        r#"The elements at the positions of `index_range`; negative positions count
from the end.

    iex> Enum.slice([:a, :b, :c, :d], 1..2)
    [:b, :c]"#,
    ),
    def("slice", 3, |_, a| {
        let items = Seq::of(&a[0])?;
        let args = [&a[0], &a[1], &a[2]];
        let start = int_arg(&a[1], &args, "slice", 3)?;
        let amount = int_arg(&a[2], &args, "slice", 3)?;
        if amount < 0 {
            return Err(fce("slice", 3, &args));
        }
        let len = items.len();
        let start = start as i128;
        let start = if start < 0 { len + start } else { start };
        if start < 0 || start >= len {
            return Ok(Value::Nil);
        }
        let end = (start + amount as i128).min(len);
        items.list(start..end)
    })
    .doc(
        r#"slice(enumerable, start_index, amount)"#,
        r#"Up to `amount` elements from `start_index` on.

    iex> Enum.slice(10..20, 2, 3)
    [12, 13, 14]"#,
    ),
    def("sort", 1, |_, a| {
        let mut items = vec_of(&a[0])?;
        items.sort_by(compare);
        Ok(Value::list(items))
    })
    .doc(
        r#"sort(enumerable)"#,
        r#"The elements in ascending term order (numbers before atoms, and so on).

    iex> Enum.sort([3, :a, 1])
    [1, 3, :a]"#,
    ),
    def("sum", 1, |_, a| {
        // A range's sum in closed form, as Elixir's: constant memory.
        if let Some((f, l, s)) = a[0].as_range() {
            use num_bigint::BigInt;
            let c = BigInt::from(range_len(f, l, s));
            let sum = &c * f + BigInt::from(s) * &c * (&c - 1) / 2;
            return Ok(Value::bigint(sum));
        }
        let mut acc = Value::Int(0);
        for x in vec_of(&a[0])? {
            acc = crate::library::support::arith::add(&acc, &x)?;
        }
        Ok(acc)
    })
    .doc(
        r#"sum(enumerable)"#,
        r#"Adds up the numbers.

    iex> Enum.sum(1..100)
    5050"#,
    ),
    def("product", 1, |_, a| {
        let mut acc = Value::Int(1);
        for x in vec_of(&a[0])? {
            acc = crate::library::support::arith::mul(&acc, &x)?;
        }
        Ok(acc)
    })
    .doc(
        r#"product(enumerable)"#,
        r#"Multiplies the numbers; an empty input gives 1.

    iex> Enum.product([2, 3, 4])
    24"#,
    ),
    def("max", 1, |_, a| extreme(&a[0], Ordering::Greater)).doc(
        r#"max(enumerable)"#,
        r#"The largest element by term order; raises `Enum.EmptyError` when empty.

    iex> Enum.max([3, 9, 4])
    9"#,
    ),
    def("min", 1, |_, a| extreme(&a[0], Ordering::Less)).doc(
        r#"min(enumerable)"#,
        r#"The smallest element by term order; raises `Enum.EmptyError` when empty.

    iex> Enum.min([3, 9, 4])
    3"#,
    ),
    def("min_max", 1, |_, a| {
        Ok(Value::tuple(vec![
            extreme(&a[0], Ordering::Less)?,
            extreme(&a[0], Ordering::Greater)?,
        ]))
    })
    .doc(
        r#"min_max(enumerable)"#,
        r#"`{smallest, largest}` in one pass.

    iex> Enum.min_max([5, 1, 7])
    {1, 7}"#,
    ),
    // A struct's own Enumerable may know its count and membership
    // As `count`, for `Enumerable.member?`.
    step("member?", 2, |_, a| {
        if is_foreign_enum(&a[0]) {
            return Ok(crate::library::Step::Then(
                crate::library::Target::Mfa(Atom::new("phial_enum"), Atom::new("member?")),
                a.to_vec(),
            ));
        }
        enum_member(a).map(crate::library::Step::Done)
    })
    .doc(
        r#"member?(enumerable, element)"#,
        r#"Whether `element` is in `enumerable` (compared with `===`, but `in`
ranges compare integers).

    iex> Enum.member?(1..10, 5)
    true"#,
    ),
    def("join", 1, |_, a| join(&a[0], &Value::str(""))),
    def("join", 2, |_, a| match &a[1] {
        s @ Value::Bin(b) if b.is_binary() => join(&a[0], s),
        _ => Err(fce("join", 2, &[&a[0], &a[1]])),
    })
    .doc(
        r#"join(enumerable, joiner \\ "")"#,
        r#"The elements turned to strings and joined with `joiner` between them.

    iex> Enum.join([1, 2, 3], ", ")
    "1, 2, 3""#,
    ),
    def("uniq", 1, |_, a| {
        // Values are immutable, so a set of them is safe despite `Arc` inside.
        #[allow(clippy::mutable_key_type)]
        let mut seen = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        for x in vec_of(&a[0])? {
            if seen.insert(x.clone()) {
                out.push(x);
            }
        }
        Ok(Value::list(out))
    })
    .doc(
        r#"uniq(enumerable)"#,
        r#"The elements without repeats, keeping each first occurrence.

    iex> Enum.uniq([1, 2, 1, 3, 2])
    [1, 2, 3]"#,
    ),
    def("dedup", 1, |_, a| {
        let mut out: Vec<Value> = Vec::new();
        for x in vec_of(&a[0])? {
            if out.last().map(|l| crate::term::strict_equal(l, &x)) != Some(true) {
                out.push(x);
            }
        }
        Ok(Value::list(out))
    })
    .doc(
        r#"dedup(enumerable)"#,
        r#"Collapses runs of equal consecutive elements to one.

    iex> Enum.dedup([1, 1, 2, 1])
    [1, 2, 1]"#,
    ),
    def("frequencies", 1, |_, a| {
        let mut m = crate::value::MapInner::new();
        for x in vec_of(&a[0])? {
            let n = match m.get(&x) {
                Some(Value::Int(n)) => n + 1,
                _ => 1,
            };
            m.insert(x, Value::Int(n));
        }
        Ok(Value::map(m))
    })
    .doc(
        r#"frequencies(enumerable)"#,
        r#"A map from each distinct element to how many times it occurs.

    iex> Enum.frequencies(~w(a b a))
    %{"a" => 2, "b" => 1}"#,
    ),
    def("with_index", 1, |_, a| with_index(&a[0], 0)).doc(
        r#"with_index(enumerable)"#,
        r#"Pairs each element with its position from 0, as `{element, index}`.

    iex> Enum.with_index([:x, :y])
    [x: 0, y: 1]"#,
    ),
    def("zip", 2, |_, a| {
        let l = vec_of(&a[0])?;
        let r = vec_of(&a[1])?;
        Ok(Value::list(
            l.into_iter()
                .zip(r)
                .map(|(x, y)| Value::tuple(vec![x, y]))
                .collect(),
        ))
    })
    .doc(
        r#"zip(enumerable1, enumerable2)"#,
        r#"Pairs elements by position into tuples, stopping at the shorter input.

    iex> Enum.zip([1, 2, 3], [:a, :b])
    [{1, :a}, {2, :b}]"#,
    ),
    def("zip", 1, |_, a| zip_all(&a[0])).doc(
        r#"zip(enumerables)"#,
        r#"Like `zip/2`, over any number of enumerables.

    iex> Enum.zip([[1, 2], [3, 4], [5, 6]])
    [{1, 3, 5}, {2, 4, 6}]"#,
    ),
    def("unzip", 1, |_, a| {
        let (mut l, mut r) = (Vec::new(), Vec::new());
        for x in vec_of(&a[0])? {
            match &x {
                Value::Tuple(t) if t.len() == 2 => {
                    l.push(t[0].clone());
                    r.push(t[1].clone());
                }
                _ => return Err(fce("unzip", 1, &[&a[0]])),
            }
        }
        Ok(Value::tuple(vec![Value::list(l), Value::list(r)]))
    })
    .doc(
        r#"unzip(enumerable)"#,
        r#"Splits two-element tuples into two lists.

    iex> Enum.unzip([a: 1, b: 2])
    {[:a, :b], [1, 2]}"#,
    ),
    def("chunk_every", 2, |_, a| {
        chunk_every(&a[0], &a[1], &a[1], None)
    })
    .doc(
        r#"chunk_every(enumerable, count)"#,
        r#"Splits into lists of `count` elements; the last one may be shorter.

    iex> Enum.chunk_every([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]"#,
    ),
    def("chunk_every", 3, |_, a| {
        chunk_every(&a[0], &a[1], &a[2], None)
    }),
    def("chunk_every", 4, |_, a| {
        chunk_every(&a[0], &a[1], &a[2], Some(&a[3]))
    })
    .doc(
        r#"chunk_every(enumerable, count, step, leftover \\ [])"#,
        r#"Chunks of `count` elements starting every `step` elements. A last short
chunk is padded from `leftover`, or dropped when `leftover` is `:discard`.

    iex> Enum.chunk_every([1, 2, 3, 4], 3, 1, :discard)
    [[1, 2, 3], [2, 3, 4]]"#,
    ),
    def("intersperse", 2, |_, a| {
        let mut out = Vec::new();
        for (i, x) in vec_of(&a[0])?.into_iter().enumerate() {
            if i > 0 {
                out.push(a[1].clone());
            }
            out.push(x);
        }
        Ok(Value::list(out))
    })
    .doc(
        r#"intersperse(enumerable, separator)"#,
        r#"Puts `separator` between each two elements.

    iex> Enum.intersperse([1, 2, 3], 0)
    [1, 0, 2, 0, 3]"#,
    ),
    def("take_every", 2, |_, a| match &a[1] {
        Value::Int(0) => Ok(Value::Nil),
        Value::Int(n) if *n > 0 => Ok(Value::list(
            vec_of(&a[0])?.into_iter().step_by(*n as usize).collect(),
        )),
        _ => Err(fce("take_every", 2, &[&a[0], &a[1]])),
    })
    .doc(
        r#"take_every(enumerable, nth)"#,
        r#"Every `nth` element, starting with the first.

    iex> Enum.take_every(1..10, 3)
    [1, 4, 7, 10]"#,
    ),
    // Elixir 1.14 draws from :rand exactly so (random_integer/2 over the
    // count), so a seeded process picks what Elixir picks.
    def("random", 1, |ctx, a| {
        // A range is not made a list: the same draw over its size picks
        // the element by arithmetic, at any size.
        if let Some((first, last, step)) = a[0].as_range() {
            let count = if step > 0 && last >= first || step < 0 && last <= first {
                (last as i128 - first as i128) / step as i128 + 1
            } else {
                0
            };
            if count == 0 {
                return Err(empty_error());
            }
            // One element is no draw: Elixir's random_integer(0, 0).
            if count == 1 {
                return Ok(Value::Int(first));
            }
            use num_traits::ToPrimitive;
            let i = rand::index_below(ctx, &num_bigint::BigInt::from(count))?;
            let i = i.to_i128().unwrap_or(0);
            return Ok(Value::Int((first as i128 + i * step as i128) as i64));
        }
        let items = vec_of(&a[0])?;
        if items.is_empty() {
            return Err(empty_error());
        }
        let i = rand::index_upto(ctx, items.len() - 1)?;
        Ok(items[i].clone())
    })
    .doc(
        r#"random(enumerable)"#,
        r#"An element chosen at random; raises `Enum.EmptyError` when empty.

    iex> Enum.random([:only])
    :only"#,
    ),
    // A key from :rand.uniform() per element, in order, then Elixir's
    // stable keysort of the reversed pairs, read back reversed.
    def("shuffle", 1, |ctx, a| {
        let items = vec_of(&a[0])?;
        let mut keyed = Vec::with_capacity(items.len());
        for x in items {
            keyed.push((rand::uniform_float(ctx)?, x));
        }
        keyed.reverse();
        keyed.sort_by(|x, y| x.0.total_cmp(&y.0));
        Ok(Value::list(
            keyed.into_iter().rev().map(|(_, x)| x).collect(),
        ))
    })
    .doc(
        r#"shuffle(enumerable)"#,
        r#"The elements in a random order.

    iex> Enum.shuffle([1]) 
    [1]"#,
    ),
    def("take_random", 2, |ctx, a| {
        let count = match &a[1] {
            Value::Int(n) if *n >= 0 => *n as usize,
            _ => return Err(fce("take_random", 2, &[&a[0], &a[1]])),
        };
        if count == 0 {
            return Ok(Value::Nil);
        }
        let items = vec_of(&a[0])?;
        take_random(ctx, items, count)
    })
    .doc(
        r#"take_random(enumerable, count)"#,
        r#"`count` elements chosen at random, without repeats.

    iex> length(Enum.take_random(1..10, 3))
    3"#,
    ),
];

/// Elixir 1.14's `take_random/2` over a list: for one element, each
/// later one replaces the pick when `:rand.uniform(index + 1)` is 1; for
/// more, a reservoir filled by `random_integer(0, index)` per element.
fn take_random(ctx: &mut Ctx, items: Vec<Value>, count: usize) -> Result<Value> {
    let mut items = items.into_iter();
    let Some(first) = items.next() else {
        return Ok(Value::Nil);
    };
    if count == 1 {
        let mut current = first;
        for (index, x) in items.enumerate() {
            if rand::index_upto(ctx, index + 1)? == 0 {
                current = x;
            }
        }
        return Ok(Value::list(vec![current]));
    }
    let mut sample: Vec<Value> = Vec::new();
    for (idx, elem) in std::iter::once(first).chain(items).enumerate() {
        let jdx = rand::index_upto(ctx, idx)?;
        if idx < count {
            let moved = if jdx < sample.len() {
                sample[jdx].clone()
            } else {
                Value::Nil
            };
            sample.push(moved);
            sample[jdx] = elem;
        } else if jdx < count {
            sample[jdx] = elem;
        }
    }
    Ok(Value::list(sample))
}

pub fn empty_error() -> Raise {
    Raise::error(Value::make_struct(
        Atom::alias("Enum.EmptyError"),
        &[
            (Atom::EXCEPTION, Value::TRUE),
            (Atom::new("message"), Value::str("empty error")),
        ],
    ))
}

pub(crate) fn out_of_bounds(i: &Value, e: &Value) -> Raise {
    Raise::error(Value::make_struct(
        Atom::alias("Enum.OutOfBoundsError"),
        &[
            (Atom::EXCEPTION, Value::TRUE),
            (
                Atom::new("message"),
                Value::str(format!(
                    "out of bounds error at position {} when traversing enumerable {}",
                    crate::format::inspect(i),
                    crate::format::inspect(e)
                )),
            ),
        ],
    ))
}

/// Elixir 1.14's `Enum.slice/2`: negative bounds count from the end; a
/// range written backwards (`1..-1`, step -1) still slices forwards.
pub(crate) fn slice_range(len: i128, first: i64, last: i64, step: i64) -> std::vec::IntoIter<i128> {
    let step = if step < 0 { 1 } else { step };
    let (first, last) = (first as i128, last as i128);
    let first = if first < 0 {
        (first + len).max(0)
    } else {
        first
    };
    let last = if last < 0 { last + len } else { last };
    if len == 0 || first > last || first >= len {
        return Vec::new().into_iter();
    }
    let last = last.min(len - 1);
    (first..=last)
        .step_by(step as usize)
        .collect::<Vec<_>>()
        .into_iter()
}

pub(crate) fn extreme(e: &Value, want: Ordering) -> Result<Value> {
    // A range's extremes are its ends (the last one reached by the step),
    // found without listing it.
    if let Some((f, l, s)) = e.as_range() {
        if range_len(f, l, s) == 0 {
            return Err(empty_error());
        }
        // In i128: the difference of two i64 ends can overflow i64.
        let last = (l as i128 - (l as i128 - f as i128) % s as i128) as i64;
        let (lo, hi) = if f <= last { (f, last) } else { (last, f) };
        return Ok(Value::Int(if want == Ordering::Greater { hi } else { lo }));
    }
    let items = vec_of(e)?;
    let mut it = items.into_iter();
    let mut best = it.next().ok_or_else(empty_error)?;
    for x in it {
        // The first of equal elements wins, as in Elixir.
        if compare(&x, &best) == want {
            best = x;
        }
    }
    Ok(best)
}

/// `Enum.join/2`: the elements' `to_string` joined by `sep`, byte for byte
/// (a binary that is not UTF-8 joins as it is, as in Elixir).
pub(crate) fn join(e: &Value, sep: &Value) -> Result<Value> {
    let Value::Bin(sep) = sep else {
        return Err(error::badarg());
    };
    let items = vec_of(e)?;
    let mut parts = Vec::with_capacity(items.len() * 2);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            parts.push(Value::Bin(sep.clone()));
        }
        parts.push(crate::library::support::terms::to_string_value(x)?);
    }
    Ok(Value::Bin(crate::binary::Binary::concat_all(
        parts.iter().filter_map(|p| match p {
            Value::Bin(b) => Some(b),
            _ => None,
        }),
    )))
}

pub(crate) fn zip_all(e: &Value) -> Result<Value> {
    let lists: Vec<Vec<Value>> = vec_of(e)?.iter().map(vec_of).collect::<Result<_>>()?;
    Ok(zip_lists(&lists))
}

pub(crate) fn chunk_every(
    e: &Value,
    count: &Value,
    step: &Value,
    leftover: Option<&Value>,
) -> Result<Value> {
    let items = vec_of(e)?;
    let (count, step) = match (count, step) {
        (Value::Int(c), Value::Int(s)) if *c > 0 && *s > 0 => (*c as usize, *s as usize),
        _ => {
            let mut args = vec![e, count, step];
            if let Some(l) = leftover {
                args.push(l);
            }
            return Err(fce("chunk_every", args.len() as u32, &args));
        }
    };
    let pad: Option<Vec<Value>> = match leftover {
        Some(Value::Atom(a)) if a.as_str() == "discard" => None,
        Some(l) => Some(vec_of(l)?),
        None => Some(Vec::new()),
    };
    let discard = matches!(leftover, Some(Value::Atom(a)) if a.as_str() == "discard");
    let mut out = Vec::new();
    let mut i = 0;
    // A chunk starts at every step while elements remain; the first short
    // one is padded (or dropped with `:discard`) and ends the list.
    while i < items.len() {
        let end = (i + count).min(items.len());
        let mut chunk: Vec<Value> = items[i..end].to_vec();
        if chunk.len() < count {
            if discard {
                break;
            }
            if let Some(p) = &pad {
                chunk.extend(p.iter().take(count - chunk.len()).cloned());
            }
            out.push(Value::list(chunk));
            break;
        }
        out.push(Value::list(chunk));
        i += step;
    }
    Ok(Value::list(out))
}

pub(crate) fn enum_count(a: &[Value]) -> Result<Value> {
    if let Some((f, l, s)) = a[0].as_range() {
        return Ok(Value::bigint(BigInt::from(range_len(f, l, s))));
    }
    if let Value::Map(m) = &a[0] {
        if a[0].struct_name().is_none() {
            return Ok(Value::Int(m.len() as i64));
        }
    }
    if let Some(set) = a[0].as_mapset() {
        return Ok(Value::Int(set.len() as i64));
    }
    Ok(Value::Int(to_list(&a[0])?.iter_list().count() as i64))
}

pub(crate) fn enum_member(a: &[Value]) -> Result<Value> {
    if let Some((f, l, s)) = a[0].as_range() {
        return Ok(Value::bool(match &a[1] {
            Value::Int(i) => {
                let inside = if s > 0 {
                    f <= *i && *i <= l
                } else {
                    l <= *i && *i <= f
                };
                inside && (i - f) % s == 0
            }
            _ => false,
        }));
    }
    if let Some(set) = a[0].as_mapset() {
        return Ok(Value::bool(set.contains_key(&a[1])));
    }
    if let (Value::Map(m), None) = (&a[0], a[0].struct_name()) {
        return Ok(Value::bool(match &a[1] {
            Value::Tuple(t) if t.len() == 2 => m
                .get(&t[0])
                .map(|v| crate::term::strict_equal(v, &t[1]))
                .unwrap_or(false),
            _ => false,
        }));
    }
    Ok(Value::bool(
        vec_of(&a[0])?
            .iter()
            .any(|x| crate::term::strict_equal(x, &a[1])),
    ))
}
