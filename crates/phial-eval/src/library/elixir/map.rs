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
    def("new", 0, |_, _| Ok(Value::map(MapInner::new()))),
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
    }),
    def("get", 2, |_, a| {
        Ok(map(&a[0])?.get(&a[1]).cloned().unwrap_or(Value::NIL_ATOM))
    }),
    def("get", 3, |_, a| {
        Ok(map(&a[0])?
            .get(&a[1])
            .cloned()
            .unwrap_or_else(|| a[2].clone()))
    }),
    def("put", 3, |_, a| {
        let mut m = map(&a[0])?.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    }),
    def("put_new", 3, |_, a| {
        let m = map(&a[0])?;
        if m.contains_key(&a[1]) {
            return Ok(a[0].clone());
        }
        let mut m = m.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    }),
    def("fetch", 2, |_, a| {
        Ok(match map(&a[0])?.get(&a[1]) {
            Some(v) => Value::tuple(vec![Value::OK, v.clone()]),
            None => Value::atom("error"),
        })
    }),
    def("fetch!", 2, |_, a| match map(&a[0])?.get(&a[1]) {
        Some(v) => Ok(v.clone()),
        None => Err(error::key_error(a[1].clone(), a[0].clone())),
    }),
    def("has_key?", 2, |_, a| {
        Ok(Value::bool(map(&a[0])?.contains_key(&a[1])))
    }),
    def("delete", 2, |_, a| {
        let mut m = map(&a[0])?.clone();
        m.remove(&a[1]);
        Ok(Value::map(m))
    }),
    def("pop", 2, |_, a| pop(&a[0], &a[1], Value::NIL_ATOM)),
    def("pop", 3, |_, a| pop(&a[0], &a[1], a[2].clone())),
    def("merge", 2, |_, a| {
        let l = map(&a[0])?;
        let r = map(&a[1])?;
        Ok(Value::map(r.clone().union(l.clone())))
    }),
    def("keys", 1, |_, a| {
        Ok(Value::list(
            entries(&a[0])?
                .into_iter()
                .map(|(k, _)| k.clone())
                .collect(),
        ))
    }),
    def("values", 1, |_, a| {
        Ok(Value::list(
            entries(&a[0])?
                .into_iter()
                .map(|(_, v)| v.clone())
                .collect(),
        ))
    }),
    def("to_list", 1, |_, a| {
        Ok(Value::list(
            entries(&a[0])?
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                .collect(),
        ))
    }),
    def("take", 2, |_, a| {
        let m = map(&a[0])?;
        let mut out = MapInner::new();
        for k in vec_of(&a[1])? {
            if let Some(v) = m.get(&k) {
                out.insert(k, v.clone());
            }
        }
        Ok(Value::map(out))
    }),
    def("drop", 2, |_, a| {
        let mut m = map(&a[0])?.clone();
        for k in vec_of(&a[1])? {
            m.remove(&k);
        }
        Ok(Value::map(m))
    }),
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
    }),
    def("equal?", 2, |_, a| {
        map(&a[0])?;
        map(&a[1])?;
        Ok(Value::bool(strict_equal(&a[0], &a[1])))
    }),
    def("from_struct", 1, |_, a| {
        let mut m = map(&a[0])?.clone();
        m.remove(&Value::Atom(Atom::STRUCT));
        Ok(Value::map(m))
    }),
    def("replace", 3, |_, a| {
        let m = map(&a[0])?;
        if !m.contains_key(&a[1]) {
            return Ok(a[0].clone());
        }
        let mut m = m.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    }),
    def("replace!", 3, |_, a| {
        let m = map(&a[0])?;
        if !m.contains_key(&a[1]) {
            return Err(error::key_error(a[1].clone(), a[0].clone()));
        }
        let mut m = m.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    }),
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
    }),
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
