//! `Map` natives: the functions that take no function argument, raising
//! `BadMapError` for a non-map as Elixir 1.14 does.
//!
//! Not here: `Map.update`, `filter` and friends (`map.ex`).

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::support::collections::{pair, proper};
use crate::library::support::enumerables::vec_of;
use crate::library::{def, Native};
use crate::term::strict_equal;
use crate::value::{MapInner, Value};

pub const NATIVES: &[Native] = &[
    def("new", 0, |_, _| Ok(Value::map(MapInner::new()))).doc(
        r#"new()"#,
        r#"An empty map.

    iex> Map.new()
    %{}"#,
    ),
    def("new", 1, |_, a| {
        let mut m = MapInner::new();
        if let Value::Map(src) = &a[0] {
            if a[0].struct_name().is_none() {
                return Ok(a[0].clone());
            }
            let _ = src;
        }
        for x in vec_of(&a[0])? {
            let (k, v) = pair(&x).ok_or_else(error::badarg)?;
            m.insert(k, v);
        }
        Ok(Value::map(m))
    })
    .doc(
        r#"new(enumerable)"#,
        r#"A map from an enumerable of `{key, value}` pairs; a later pair wins over
an earlier one with the same key.

    iex> Map.new([{:a, 1}, {:a, 2}, {:b, 3}])
    %{a: 2, b: 3}"#,
    ),
    def("get", 2, |_, a| {
        Ok(map(&a[0])?.get(&a[1]).cloned().unwrap_or(Value::NIL_ATOM))
    }),
    def("get", 3, |_, a| {
        Ok(map(&a[0])?
            .get(&a[1])
            .cloned()
            .unwrap_or_else(|| a[2].clone()))
    })
    .doc(
        r#"get(map, key, default \\ nil)"#,
        r#"The value for `key`, or `default` when the map has no such key.

    iex> Map.get(%{a: 1}, :b, 0)
    0"#,
    ),
    def("put", 3, |_, a| {
        let mut m = map(&a[0])?.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    })
    .doc(
        r#"put(map, key, value)"#,
        r#"Sets `key` to `value`, replacing any value it had.

    iex> Map.put(%{a: 1}, :a, 2)
    %{a: 2}"#,
    ),
    def("put_new", 3, |_, a| {
        let m = map(&a[0])?;
        if m.contains_key(&a[1]) {
            return Ok(a[0].clone());
        }
        let mut m = m.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    })
    .doc(
        r#"put_new(map, key, value)"#,
        r#"Sets `key` to `value` only if the map does not have `key` yet.

    iex> Map.put_new(%{a: 1}, :a, 2)
    %{a: 1}"#,
    ),
    def("fetch", 2, |_, a| {
        Ok(match map(&a[0])?.get(&a[1]) {
            Some(v) => Value::tuple(vec![Value::OK, v.clone()]),
            None => Value::atom("error"),
        })
    })
    .doc(
        r#"fetch(map, key)"#,
        r#"`{:ok, value}` for a key the map has, `:error` otherwise.

    iex> Map.fetch(%{a: 1}, :a)
    {:ok, 1}"#,
    ),
    def("fetch!", 2, |_, a| match map(&a[0])?.get(&a[1]) {
        Some(v) => Ok(v.clone()),
        None => Err(error::key_error(a[1].clone(), a[0].clone())),
    })
    .doc(
        r#"fetch!(map, key)"#,
        r#"The value for `key`; raises `KeyError` when the map has no such key.

    iex> Map.fetch!(%{a: 1}, :a)
    1"#,
    ),
    def("has_key?", 2, |_, a| {
        Ok(Value::bool(map(&a[0])?.contains_key(&a[1])))
    })
    .doc(
        r#"has_key?(map, key)"#,
        r#"Whether `map` has `key`.

    iex> Map.has_key?(%{a: nil}, :a)
    true"#,
    ),
    def("delete", 2, |_, a| {
        let mut m = map(&a[0])?.clone();
        m.remove(&a[1]);
        Ok(Value::map(m))
    })
    .doc(
        r#"delete(map, key)"#,
        r#"The map without `key`; unchanged if it had none.

    iex> Map.delete(%{a: 1, b: 2}, :a)
    %{b: 2}"#,
    ),
    def("pop", 2, |_, a| pop(&a[0], &a[1], Value::NIL_ATOM)),
    def("pop", 3, |_, a| pop(&a[0], &a[1], a[2].clone())).doc(
        r#"pop(map, key, default \\ nil)"#,
        r#"Takes `key` out: `{value, rest}`, or `{default, map}` when it is absent.

    iex> Map.pop(%{a: 1, b: 2}, :a)
    {1, %{b: 2}}"#,
    ),
    def("merge", 2, |_, a| {
        let l = map(&a[0])?;
        let r = map(&a[1])?;
        Ok(Value::map(r.clone().union(l.clone())))
    })
    .doc(
        r#"merge(map1, map2)"#,
        r#"One map with the keys of both; for a key in both, `map2`'s value wins.

    iex> Map.merge(%{a: 1, b: 2}, %{b: 3})
    %{a: 1, b: 3}"#,
    ),
    def("keys", 1, |_, a| {
        Ok(Value::list(
            entries(&a[0])?
                .into_iter()
                .map(|(k, _)| k.clone())
                .collect(),
        ))
    })
    .doc(
        r#"keys(map)"#,
        r#"The keys of `map`, in the map's order.

    iex> Map.keys(%{b: 2, a: 1})
    [:a, :b]"#,
    ),
    def("values", 1, |_, a| {
        Ok(Value::list(
            entries(&a[0])?
                .into_iter()
                .map(|(_, v)| v.clone())
                .collect(),
        ))
    })
    .doc(
        r#"values(map)"#,
        r#"The values of `map`, in the order of its keys.

    iex> Map.values(%{b: 2, a: 1})
    [1, 2]"#,
    ),
    def("to_list", 1, |_, a| {
        Ok(Value::list(
            entries(&a[0])?
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                .collect(),
        ))
    })
    .doc(
        r#"to_list(map)"#,
        r#"The map's entries as `{key, value}` tuples.

    iex> Map.to_list(%{a: 1})
    [a: 1]"#,
    ),
    def("take", 2, |_, a| {
        let m = map(&a[0])?;
        let mut out = MapInner::new();
        for k in vec_of(&a[1])? {
            if let Some(v) = m.get(&k) {
                out.insert(k, v.clone());
            }
        }
        Ok(Value::map(out))
    })
    .doc(
        r#"take(map, keys)"#,
        r#"A map with only the given `keys` (those it has).

    iex> Map.take(%{a: 1, b: 2, c: 3}, [:a, :c, :z])
    %{a: 1, c: 3}"#,
    ),
    def("drop", 2, |_, a| {
        let mut m = map(&a[0])?.clone();
        for k in vec_of(&a[1])? {
            m.remove(&k);
        }
        Ok(Value::map(m))
    })
    .doc(
        r#"drop(map, keys)"#,
        r#"The map without the given `keys`.

    iex> Map.drop(%{a: 1, b: 2}, [:b])
    %{a: 1}"#,
    ),
    def("split", 2, |_, a| {
        let m = map(&a[0])?;
        let mut taken = MapInner::new();
        let mut rest = m.clone();
        for k in vec_of(&a[1])? {
            if let Some(v) = rest.remove(&k) {
                taken.insert(k, v);
            }
        }
        Ok(Value::tuple(vec![Value::map(taken), Value::map(rest)]))
    })
    .doc(
        r#"split(map, keys)"#,
        r#"Two maps: the entries for `keys`, and the rest.

    iex> Map.split(%{a: 1, b: 2}, [:a])
    {%{a: 1}, %{b: 2}}"#,
    ),
    def("equal?", 2, |_, a| {
        map(&a[0])?;
        map(&a[1])?;
        Ok(Value::bool(strict_equal(&a[0], &a[1])))
    })
    .doc(
        r#"equal?(map1, map2)"#,
        r#"Whether two maps have the same keys with the same values (`===`).

    iex> Map.equal?(%{a: 1}, %{a: 1.0})
    false"#,
    ),
    def("from_struct", 1, |_, a| {
        let mut m = map(&a[0])?.clone();
        m.remove(&Value::Atom(Atom::STRUCT));
        Ok(Value::map(m))
    })
    .doc(
        r#"from_struct(struct)"#,
        r#"A plain map of a struct's fields, without its `__struct__` key.

    iex> Map.from_struct(1..2)
    %{first: 1, last: 2, step: 1}"#,
    ),
    def("replace", 3, |_, a| {
        let m = map(&a[0])?;
        if !m.contains_key(&a[1]) {
            return Ok(a[0].clone());
        }
        let mut m = m.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    })
    .doc(
        r#"replace(map, key, value)"#,
        r#"Sets `key` to `value` only if the map already has `key`.

    iex> Map.replace(%{a: 1}, :b, 2)
    %{a: 1}"#,
    ),
    def("replace!", 3, |_, a| {
        let m = map(&a[0])?;
        if !m.contains_key(&a[1]) {
            return Err(error::key_error(a[1].clone(), a[0].clone()));
        }
        let mut m = m.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    })
    .doc(
        r#"replace!(map, key, value)"#,
        r#"Sets an existing `key` to `value`; raises `KeyError` when it is absent.

    iex> Map.replace!(%{a: 1}, :a, 2)
    %{a: 2}"#,
    ),
    def("from_keys", 2, |_, a| {
        let keys = match &a[0] {
            Value::Nil | Value::Cons(_) => {
                proper(&a[0]).ok_or_else(|| error::badarg_at(1, "not a proper list"))?
            }
            _ => return Err(error::badarg_at(1, "not a list")),
        };
        let mut m = MapInner::new();
        for k in keys {
            m.insert(k, a[1].clone());
        }
        Ok(Value::map(m))
    })
    .doc(
        r#"from_keys(keys, value)"#,
        r#"A map whose every key in `keys` has `value`.

    iex> Map.from_keys([:a, :b], 0)
    %{a: 0, b: 0}"#,
    ),
];

pub(crate) fn map(v: &Value) -> Result<&MapInner> {
    match v {
        Value::Map(m) => Ok(m),
        other => Err(error::bad_map_error(other.clone())),
    }
}

pub(crate) fn entries(v: &Value) -> Result<Vec<(&Value, &Value)>> {
    Ok(crate::format::map_entries(map(v)?))
}

pub(crate) fn pop(m: &Value, k: &Value, default: Value) -> Result<Value> {
    let inner = map(m)?;
    match inner.get(k) {
        Some(v) => {
            let mut rest = inner.clone();
            rest.remove(k);
            Ok(Value::tuple(vec![v.clone(), Value::map(rest)]))
        }
        None => Ok(Value::tuple(vec![default, m.clone()])),
    }
}
