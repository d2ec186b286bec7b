//! `Keyword` natives: the functions that take no function argument, with
//! Elixir 1.14's `FunctionClauseError` for a non-keyword list.
//!
//! Not here: `Keyword.update`, `filter` and friends (`keyword.ex`).

use crate::error::{self, Result};
use crate::library::support::collections::{clause, pair, proper};
use crate::library::support::enumerables::vec_of;
use crate::library::{def, Native};
use crate::term::strict_equal;
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("get", 2, |_, a| kw_get(&a[0], &a[1], Value::NIL_ATOM)),
    def("get", 3, |_, a| kw_get(&a[0], &a[1], a[2].clone())).doc(
        r#"get(keywords, key, default \\ nil)"#,
        r#"The value of the first entry for `key`, or `default`.

    iex> Keyword.get([a: 1], :b, 0)
    0"#,
    ),
    def("fetch", 2, |_, a| {
        let items = kw(&a[0], &a[1], "fetch", 2)?;
        Ok(match kw_find(&items, &a[1]) {
            Some(v) => Value::tuple(vec![Value::OK, v]),
            None => Value::atom("error"),
        })
    })
    .doc(
        r#"fetch(keywords, key)"#,
        r#"`{:ok, value}` for the first entry of `key`, or `:error`.

    iex> Keyword.fetch([a: 1], :a)
    {:ok, 1}"#,
    ),
    def("fetch!", 2, |_, a| {
        let items = kw(&a[0], &a[1], "fetch!", 2)?;
        kw_find(&items, &a[1]).ok_or_else(|| error::key_error(a[1].clone(), a[0].clone()))
    })
    .doc(
        r#"fetch!(keywords, key)"#,
        r#"The value for `key`; raises `KeyError` when there is none.

    iex> Keyword.fetch!([a: 1], :a)
    1"#,
    ),
    def("has_key?", 2, |_, a| {
        let items = kw(&a[0], &a[1], "has_key?", 2)?;
        Ok(Value::bool(kw_find(&items, &a[1]).is_some()))
    })
    .doc(
        r#"has_key?(keywords, key)"#,
        r#"Whether some entry has `key`.

    iex> Keyword.has_key?([a: 1], :b)
    false"#,
    ),
    def("put", 3, |_, a| {
        let items = kw(&a[0], &a[1], "put", 3)?;
        let mut out = vec![Value::tuple(vec![a[1].clone(), a[2].clone()])];
        out.extend(items.into_iter().filter(|p| !key_is(p, &a[1])));
        Ok(Value::list(out))
    })
    .doc(
        r#"put(keywords, key, value)"#,
        r#"Removes every entry for `key` and puts `{key, value}` first.

    iex> Keyword.put([a: 1, b: 2, a: 3], :a, 0)
    [a: 0, b: 2]"#,
    ),
    def("put_new", 3, |_, a| {
        let items = kw(&a[0], &a[1], "put_new", 3)?;
        if kw_find(&items, &a[1]).is_some() {
            return Ok(a[0].clone());
        }
        Ok(Value::cons(
            Value::tuple(vec![a[1].clone(), a[2].clone()]),
            a[0].clone(),
        ))
    })
    .doc(
        r#"put_new(keywords, key, value)"#,
        r#"Puts `{key, value}` first only when there is no entry for `key`.

    iex> Keyword.put_new([a: 1], :b, 2)
    [b: 2, a: 1]"#,
    ),
    def("delete", 2, |_, a| {
        let items = kw(&a[0], &a[1], "delete", 2)?;
        Ok(Value::list(
            items.into_iter().filter(|p| !key_is(p, &a[1])).collect(),
        ))
    })
    .doc(
        r#"delete(keywords, key)"#,
        r#"Removes every entry for `key`.

    iex> Keyword.delete([a: 1, b: 2, a: 3], :a)
    [b: 2]"#,
    ),
    def("keys", 1, |_, a| {
        // Elixir's Keyword.keys/1 raises a plain ArgumentError for a non-keyword list.
        let items = kw_list(&a[0]).ok_or_else(crate::error::badarg)?;
        Ok(Value::list(
            items.iter().map(|p| pair(p).unwrap().0).collect(),
        ))
    })
    .doc(
        r#"keys(keywords)"#,
        r#"The keys, in order, repeats included.

    iex> Keyword.keys([a: 1, b: 2, a: 3])
    [:a, :b, :a]"#,
    ),
    def("values", 1, |_, a| {
        let items = kw_list(&a[0]).ok_or_else(|| clause("Keyword", "values", 1, &[&a[0]]))?;
        Ok(Value::list(
            items.iter().map(|p| pair(p).unwrap().1).collect(),
        ))
    })
    .doc(
        r#"values(keywords)"#,
        r#"The values, in order.

    iex> Keyword.values([a: 1, b: 2])
    [1, 2]"#,
    ),
    def("get_values", 2, |_, a| {
        let items = kw(&a[0], &a[1], "get_values", 2)?;
        Ok(Value::list(
            items
                .iter()
                .filter(|p| key_is(p, &a[1]))
                .map(|p| pair(p).unwrap().1)
                .collect(),
        ))
    })
    .doc(
        r#"get_values(keywords, key)"#,
        r#"Every value of `key`, in order.

    iex> Keyword.get_values([a: 1, b: 2, a: 3], :a)
    [1, 3]"#,
    ),
    def("keyword?", 1, |_, a| {
        Ok(Value::bool(a[0] == Value::Nil || kw_list(&a[0]).is_some()))
    })
    .doc(
        r#"keyword?(term)"#,
        r#"Whether `term` is a list of two-element tuples with atom keys.

    iex> Keyword.keyword?([{:a, 1}, {"b", 2}])
    false"#,
    ),
    def("to_list", 1, |_, a| match kw_list(&a[0]) {
        Some(_) => Ok(a[0].clone()),
        None => Err(clause("Keyword", "to_list", 1, &[&a[0]])),
    })
    .doc(
        r#"to_list(keywords)"#,
        r#"The keyword list itself.

    iex> Keyword.to_list(a: 1)
    [a: 1]"#,
    ),
    def("new", 0, |_, _| Ok(Value::Nil)).doc(
        r#"new()"#,
        r#"An empty keyword list.

    iex> Keyword.new()
    []"#,
    ),
    def("new", 1, |_, a| {
        // Later duplicates win, keeping the position of the last one.
        let items = vec_of(&a[0])?;
        let mut out: Vec<Value> = Vec::new();
        for p in items {
            let Some((k, _)) = pair(&p).filter(|(k, _)| matches!(k, Value::Atom(_))) else {
                return Err(error::argument_error(format!(
                    "expected a keyword list, got: {}",
                    crate::format::inspect(&p)
                )));
            };
            out.retain(|q| !key_is(q, &k));
            out.push(p);
        }
        Ok(Value::list(out))
    })
    .doc(
        r#"new(pairs)"#,
        r#"A keyword list from `{key, value}` pairs, without repeated keys (the last
value of a key wins).

    iex> Keyword.new([{:b, 1}, {:a, 2}, {:b, 3}])
    [a: 2, b: 3]"#,
    ),
    def("merge", 2, |_, a| {
        let (Some(l), Some(r)) = (kw_list(&a[0]), kw_list(&a[1])) else {
            return Err(clause("Keyword", "merge", 2, &[&a[0], &a[1]]));
        };
        let mut out: Vec<Value> = l
            .into_iter()
            .filter(|p| !r.iter().any(|q| key_is(q, &pair(p).unwrap().0)))
            .collect();
        out.extend(r);
        Ok(Value::list(out))
    })
    .doc(
        r#"merge(keywords1, keywords2)"#,
        r#"The entries of `keywords1` whose keys `keywords2` lacks, then those of
`keywords2`.

    iex> Keyword.merge([a: 1, b: 2], [b: 3, c: 4])
    [a: 1, b: 3, c: 4]"#,
    ),
    def("take", 2, |_, a| {
        let items = kw_list(&a[0]).ok_or_else(|| clause("Keyword", "take", 2, &[&a[0], &a[1]]))?;
        let keys = proper(&a[1]).ok_or_else(|| clause("Keyword", "take", 2, &[&a[0], &a[1]]))?;
        Ok(Value::list(
            items
                .into_iter()
                .filter(|p| keys.iter().any(|k| key_is(p, k)))
                .collect(),
        ))
    })
    .doc(
        r#"take(keywords, keys)"#,
        r#"The entries whose keys are in `keys`, in their order.

    iex> Keyword.take([a: 1, b: 2, c: 3], [:c, :a])
    [a: 1, c: 3]"#,
    ),
    def("drop", 2, |_, a| {
        let items = kw_list(&a[0]).ok_or_else(|| clause("Keyword", "drop", 2, &[&a[0], &a[1]]))?;
        let keys = proper(&a[1]).ok_or_else(|| clause("Keyword", "drop", 2, &[&a[0], &a[1]]))?;
        Ok(Value::list(
            items
                .into_iter()
                .filter(|p| !keys.iter().any(|k| key_is(p, k)))
                .collect(),
        ))
    })
    .doc(
        r#"drop(keywords, keys)"#,
        r#"The entries whose keys are not in `keys`.

    iex> Keyword.drop([a: 1, b: 2], [:a])
    [b: 2]"#,
    ),
];

/// A keyword list's pairs (`None` if it is not one).
pub(crate) fn kw_list(v: &Value) -> Option<Vec<Value>> {
    let items = proper(v)?;
    items
        .iter()
        .all(|p| matches!(p, Value::Tuple(t) if t.len() == 2 && matches!(t[0], Value::Atom(_))))
        .then_some(items)
}

pub(crate) fn kw(list: &Value, key: &Value, name: &str, arity: u32) -> Result<Vec<Value>> {
    match (proper(list), key) {
        (Some(items), Value::Atom(_)) => Ok(items),
        _ => Err(clause("Keyword", name, arity, &[list, key])),
    }
}

pub(crate) fn key_is(p: &Value, key: &Value) -> bool {
    matches!(p, Value::Tuple(t) if t.len() == 2 && strict_equal(&t[0], key))
}

pub(crate) fn kw_find(items: &[Value], key: &Value) -> Option<Value> {
    items
        .iter()
        .find(|p| key_is(p, key))
        .and_then(|p| pair(p).map(|(_, v)| v))
}

pub(crate) fn kw_get(list: &Value, key: &Value, default: Value) -> Result<Value> {
    let items = match (proper(list), key) {
        (Some(items), Value::Atom(_)) => items,
        _ => return Err(clause("Keyword", "get", 3, &[list, key, &default])),
    };
    Ok(kw_find(&items, key).unwrap_or(default))
}
