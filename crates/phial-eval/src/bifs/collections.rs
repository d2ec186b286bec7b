//! `Map`, `List`, `Tuple` and `Keyword` builtins (those that take no function
//! argument; `Map.update`, `List.foldl` and friends are in `prelude/`).
//!
//! Each raises what Elixir 1.14 raises for a wrong argument: `BadMapError`
//! for a non-map, `FunctionClauseError` where Elixir's function has guards,
//! the Erlang-style `ArgumentError` where Elixir calls straight into a BIF.
//! Not here: `Enum` (`enum_core` and the prelude).

use super::enum_core::vec_of;
use super::{def, Def};
use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::term::strict_equal;
use crate::value::{MapInner, Value};

pub static BIFS: &[Def] = &[
    // Map
    def("Map", "new", 0, |_, _| Ok(Value::map(MapInner::new()))),
    def("Map", "new", 1, |_, a| {
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
    def("Map", "get", 2, |_, a| {
        Ok(map(&a[0])?.get(&a[1]).cloned().unwrap_or(Value::NIL_ATOM))
    }),
    def("Map", "get", 3, |_, a| {
        Ok(map(&a[0])?
            .get(&a[1])
            .cloned()
            .unwrap_or_else(|| a[2].clone()))
    }),
    def("Map", "put", 3, |_, a| {
        let mut m = map(&a[0])?.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    }),
    def("Map", "put_new", 3, |_, a| {
        let m = map(&a[0])?;
        if m.contains_key(&a[1]) {
            return Ok(a[0].clone());
        }
        let mut m = m.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    }),
    def("Map", "fetch", 2, |_, a| {
        Ok(match map(&a[0])?.get(&a[1]) {
            Some(v) => Value::tuple(vec![Value::OK, v.clone()]),
            None => Value::atom("error"),
        })
    }),
    def("Map", "fetch!", 2, |_, a| match map(&a[0])?.get(&a[1]) {
        Some(v) => Ok(v.clone()),
        None => Err(error::key_error(a[1].clone(), a[0].clone())),
    }),
    def("Map", "has_key?", 2, |_, a| {
        Ok(Value::bool(map(&a[0])?.contains_key(&a[1])))
    }),
    def("Map", "delete", 2, |_, a| {
        let mut m = map(&a[0])?.clone();
        m.remove(&a[1]);
        Ok(Value::map(m))
    }),
    def("Map", "pop", 2, |_, a| pop(&a[0], &a[1], Value::NIL_ATOM)),
    def("Map", "pop", 3, |_, a| pop(&a[0], &a[1], a[2].clone())),
    def("Map", "merge", 2, |_, a| {
        let l = map(&a[0])?;
        let r = map(&a[1])?;
        Ok(Value::map(r.clone().union(l.clone())))
    }),
    def("Map", "keys", 1, |_, a| {
        Ok(Value::list(
            entries(&a[0])?
                .into_iter()
                .map(|(k, _)| k.clone())
                .collect(),
        ))
    }),
    def("Map", "values", 1, |_, a| {
        Ok(Value::list(
            entries(&a[0])?
                .into_iter()
                .map(|(_, v)| v.clone())
                .collect(),
        ))
    }),
    def("Map", "to_list", 1, |_, a| {
        Ok(Value::list(
            entries(&a[0])?
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                .collect(),
        ))
    }),
    def("Map", "take", 2, |_, a| {
        let m = map(&a[0])?;
        let mut out = MapInner::new();
        for k in vec_of(&a[1])? {
            if let Some(v) = m.get(&k) {
                out.insert(k, v.clone());
            }
        }
        Ok(Value::map(out))
    }),
    def("Map", "drop", 2, |_, a| {
        let mut m = map(&a[0])?.clone();
        for k in vec_of(&a[1])? {
            m.remove(&k);
        }
        Ok(Value::map(m))
    }),
    def("Map", "split", 2, |_, a| {
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
    def("Map", "equal?", 2, |_, a| {
        map(&a[0])?;
        map(&a[1])?;
        Ok(Value::bool(strict_equal(&a[0], &a[1])))
    }),
    def("Map", "from_struct", 1, |_, a| {
        let mut m = map(&a[0])?.clone();
        m.remove(&Value::Atom(Atom::STRUCT));
        Ok(Value::map(m))
    }),
    def("Map", "replace", 3, |_, a| {
        let m = map(&a[0])?;
        if !m.contains_key(&a[1]) {
            return Ok(a[0].clone());
        }
        let mut m = m.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    }),
    def("Map", "replace!", 3, |_, a| {
        let m = map(&a[0])?;
        if !m.contains_key(&a[1]) {
            return Err(error::key_error(a[1].clone(), a[0].clone()));
        }
        let mut m = m.clone();
        m.insert(a[1].clone(), a[2].clone());
        Ok(Value::map(m))
    }),
    // List
    def("List", "first", 1, |_, a| {
        list_end(&a[0], Value::NIL_ATOM, true, 1)
    }),
    def("List", "first", 2, |_, a| {
        list_end(&a[0], a[1].clone(), true, 2)
    }),
    def("List", "last", 1, |_, a| {
        list_end(&a[0], Value::NIL_ATOM, false, 1)
    }),
    def("List", "last", 2, |_, a| {
        list_end(&a[0], a[1].clone(), false, 2)
    }),
    def("List", "flatten", 1, |_, a| {
        let mut out = Vec::new();
        flatten(&a[0], &mut out).ok_or_else(|| clause(":lists", "flatten", 1, &[&a[0]]))?;
        Ok(Value::list(out))
    }),
    def("List", "flatten", 2, |_, a| {
        let mut out = Vec::new();
        flatten(&a[0], &mut out).ok_or_else(|| clause(":lists", "flatten", 2, &[&a[0], &a[1]]))?;
        let tail = a[1].clone();
        if !tail.is_list() {
            return Err(clause(":lists", "flatten", 2, &[&a[0], &a[1]]));
        }
        Ok(Value::list_with_tail(out, tail))
    }),
    def("List", "duplicate", 2, |_, a| match &a[1] {
        Value::Int(n) if *n >= 0 => {
            // Checked before anything is built: a count no memory can hold
            // raises instead of growing until the OS kills the VM.
            if *n as u64 > MAX_BUILD / 32 {
                return Err(error::system_limit_error());
            }
            let mut out = Value::Nil;
            for _ in 0..*n {
                out = Value::cons(a[0].clone(), out);
            }
            Ok(out)
        }
        _ => Err(clause(":lists", "duplicate", 2, &[&a[1], &a[0]])),
    }),
    def("List", "delete", 2, |_, a| {
        let items = proper(&a[0]).ok_or_else(|| clause("List", "delete", 2, &[&a[0], &a[1]]))?;
        let mut out = Vec::with_capacity(items.len());
        let mut done = false;
        for x in items {
            if !done && strict_equal(&x, &a[1]) {
                done = true;
                continue;
            }
            out.push(x);
        }
        Ok(Value::list(out))
    }),
    def("List", "delete_at", 2, |_, a| {
        let (items, i) = list_index(&a[0], &a[1], "delete_at")?;
        let mut items = items;
        if let Some(i) = i {
            items.remove(i);
        }
        Ok(Value::list(items))
    }),
    def("List", "insert_at", 3, |_, a| {
        let args = [&a[0], &a[1], &a[2]];
        let (mut items, i) = match (proper(&a[0]), &a[1]) {
            (Some(l), Value::Int(i)) => (l, *i),
            _ => return Err(clause("List", "insert_at", 3, &args)),
        };
        let len = items.len() as i64;
        let at = if i < 0 {
            (len + i + 1).max(0)
        } else {
            i.min(len)
        } as usize;
        items.insert(at, a[2].clone());
        Ok(Value::list(items))
    }),
    def("List", "replace_at", 3, |_, a| {
        let (mut items, i) = list_index(&a[0], &a[1], "replace_at")?;
        if let Some(i) = i {
            items[i] = a[2].clone();
        }
        Ok(Value::list(items))
    }),
    def("List", "wrap", 1, |_, a| match &a[0] {
        Value::Nil | Value::Cons(_) => Ok(a[0].clone()),
        Value::Atom(Atom::NIL) => Ok(Value::Nil),
        other => Ok(Value::list(vec![other.clone()])),
    }),
    def("List", "zip", 1, |_, a| {
        let lists = proper(&a[0]).ok_or_else(|| clause("List", "zip", 1, &[&a[0]]))?;
        let lists: Vec<Vec<Value>> = lists
            .iter()
            .map(|l| proper(l).ok_or_else(|| clause("List", "zip", 1, &[&a[0]])))
            .collect::<Result<_>>()?;
        Ok(super::enum_core::zip_lists(&lists))
    }),
    def("List", "to_tuple", 1, |_, a| match proper(&a[0]) {
        Some(items) => Ok(Value::tuple(items)),
        None => Err(error::badarg_at(1, "not a list")),
    }),
    def("List", "to_string", 1, |_, a| {
        super::kernel::to_string_value(&a[0])
    }),
    def("List", "to_charlist", 1, |_, a| {
        super::kernel::to_charlist(&a[0])
    }),
    def(
        "List",
        "to_atom",
        1,
        |_, a| match crate::format::chardata_to_string(&a[0]) {
            Some(s) => Ok(Value::atom(&s)),
            None => Err(error::badarg_at(1, "not a list")),
        },
    ),
    def(
        "List",
        "to_integer",
        1,
        |_, a| match crate::format::chardata_to_string(&a[0]) {
            Some(s) => match s.parse::<i64>() {
                Ok(i) => Ok(Value::Int(i)),
                Err(_) => Err(error::badarg_at(
                    1,
                    "not a textual representation of an integer",
                )),
            },
            None => Err(error::badarg_at(1, "not a list")),
        },
    ),
    def("List", "keyfind", 3, |_, a| {
        keyfind(&a[0], &a[1], &a[2]).map(|r| r.map(|(_, t)| t).unwrap_or(Value::NIL_ATOM))
    }),
    def("List", "keymember?", 3, |_, a| {
        keyfind(&a[0], &a[1], &a[2]).map(|r| Value::bool(r.is_some()))
    }),
    def("List", "keydelete", 3, |_, a| {
        let items = proper(&a[0]).ok_or_else(|| error::badarg_at(3, "not a list"))?;
        let found = keyfind(&a[0], &a[1], &a[2])?.map(|(i, _)| i);
        Ok(Value::list(
            items
                .into_iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != found)
                .map(|(_, x)| x)
                .collect(),
        ))
    }),
    def("List", "ascii_printable?", 1, |_, a| {
        Ok(Value::bool(
            crate::format::printable_charlist(&a[0]).is_some() || a[0] == Value::Nil,
        ))
    }),
    def("Map", "from_keys", 2, |_, a| {
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
    def("List", "improper?", 1, |_, a| match &a[0] {
        Value::Nil | Value::Cons(_) => Ok(Value::bool(proper(&a[0]).is_none())),
        _ => Err(clause("List", "improper?", 1, &[&a[0]])),
    }),
    // The :lists key functions compare with ==, as keyfind does; a
    // non-list raises what :lists' own clauses raise.
    def("List", "keyreplace", 4, |_, a| {
        let (items, found) = key_position(a, "keyreplace", "keyreplace3")?;
        Ok(match found {
            Some(i) => replace_nth(items, i, a[3].clone()),
            None => a[0].clone(),
        })
    }),
    def("List", "keystore", 4, |_, a| {
        let (mut items, found) = key_position(a, "keystore", "keystore2")?;
        Ok(match found {
            Some(i) => replace_nth(items, i, a[3].clone()),
            None => {
                items.push(a[3].clone());
                Value::list(items)
            }
        })
    }),
    def("List", "keytake", 3, |_, a| {
        let (mut items, found) = key_position(a, "keytake", "keytake")?;
        Ok(match found {
            Some(i) => {
                let t = items.remove(i);
                Value::tuple(vec![t, Value::list(items)])
            }
            None => Value::NIL_ATOM,
        })
    }),
    def("List", "to_integer", 2, |_, a| {
        let text = charlist_text(&a[0])?;
        match &a[1] {
            Value::Int(b) if (2..=36).contains(b) => {
                super::string::parse_int_exact(&text, *b as u32).ok_or_else(|| {
                    error::badarg_at(1, "not a textual representation of an integer")
                })
            }
            _ => Err(error::badarg_at(
                2,
                "not an integer in the range 2 through 36",
            )),
        }
    }),
    def("List", "to_float", 1, |_, a| {
        let text = charlist_text(&a[0])?;
        match super::number::parse_float_prefix(&text) {
            Some((f, rest)) if rest.is_empty() && text.contains('.') => Ok(Value::Float(f)),
            _ => Err(error::badarg_at(
                1,
                "not a textual representation of a float",
            )),
        }
    }),
    def("List", "to_existing_atom", 1, |_, a| {
        let text = charlist_text(&a[0])?;
        Atom::existing(&text)
            .map(Value::Atom)
            .ok_or_else(|| error::badarg_at(1, "not an already existing atom"))
    }),
    // Tuple
    def("Tuple", "to_list", 1, |_, a| {
        Ok(Value::list(tuple(&a[0], 1)?.to_vec()))
    }),
    def("Tuple", "append", 2, |_, a| {
        let mut t = tuple(&a[0], 1)?.to_vec();
        t.push(a[1].clone());
        Ok(Value::tuple(t))
    }),
    def("Tuple", "insert_at", 3, |_, a| {
        let mut t = tuple(&a[0], 1)?.to_vec();
        match &a[1] {
            Value::Int(i) if *i >= 0 && (*i as usize) <= t.len() => {
                t.insert(*i as usize, a[2].clone());
                Ok(Value::tuple(t))
            }
            _ => Err(error::badarg_at(1, "out of range")),
        }
    }),
    def("Tuple", "delete_at", 2, |_, a| {
        let mut t = tuple(&a[0], 1)?.to_vec();
        match &a[1] {
            Value::Int(i) if *i >= 0 && (*i as usize) < t.len() => {
                t.remove(*i as usize);
                Ok(Value::tuple(t))
            }
            _ => Err(error::badarg_at(1, "out of range")),
        }
    }),
    def("Tuple", "duplicate", 2, |_, a| match &a[1] {
        // The BEAM's largest tuple has 2^24 - 1 elements.
        Value::Int(n) if (0..=MAX_TUPLE).contains(n) => {
            Ok(Value::tuple(vec![a[0].clone(); *n as usize]))
        }
        _ => Err(error::badarg_at(1, "out of range")),
    }),
    // Keyword
    def("Keyword", "get", 2, |_, a| {
        kw_get(&a[0], &a[1], Value::NIL_ATOM)
    }),
    def("Keyword", "get", 3, |_, a| {
        kw_get(&a[0], &a[1], a[2].clone())
    }),
    def("Keyword", "fetch", 2, |_, a| {
        let items = kw(&a[0], &a[1], "fetch", 2)?;
        Ok(match kw_find(&items, &a[1]) {
            Some(v) => Value::tuple(vec![Value::OK, v]),
            None => Value::atom("error"),
        })
    }),
    def("Keyword", "fetch!", 2, |_, a| {
        let items = kw(&a[0], &a[1], "fetch!", 2)?;
        kw_find(&items, &a[1]).ok_or_else(|| error::key_error(a[1].clone(), a[0].clone()))
    }),
    def("Keyword", "has_key?", 2, |_, a| {
        let items = kw(&a[0], &a[1], "has_key?", 2)?;
        Ok(Value::bool(kw_find(&items, &a[1]).is_some()))
    }),
    def("Keyword", "put", 3, |_, a| {
        let items = kw(&a[0], &a[1], "put", 3)?;
        let mut out = vec![Value::tuple(vec![a[1].clone(), a[2].clone()])];
        out.extend(items.into_iter().filter(|p| !key_is(p, &a[1])));
        Ok(Value::list(out))
    }),
    def("Keyword", "put_new", 3, |_, a| {
        let items = kw(&a[0], &a[1], "put_new", 3)?;
        if kw_find(&items, &a[1]).is_some() {
            return Ok(a[0].clone());
        }
        Ok(Value::cons(
            Value::tuple(vec![a[1].clone(), a[2].clone()]),
            a[0].clone(),
        ))
    }),
    def("Keyword", "delete", 2, |_, a| {
        let items = kw(&a[0], &a[1], "delete", 2)?;
        Ok(Value::list(
            items.into_iter().filter(|p| !key_is(p, &a[1])).collect(),
        ))
    }),
    def("Keyword", "keys", 1, |_, a| {
        // Elixir's Keyword.keys/1 raises a plain ArgumentError for a non-keyword list.
        let items = kw_list(&a[0]).ok_or_else(crate::error::badarg)?;
        Ok(Value::list(
            items.iter().map(|p| pair(p).unwrap().0).collect(),
        ))
    }),
    def("Keyword", "values", 1, |_, a| {
        let items = kw_list(&a[0]).ok_or_else(|| clause("Keyword", "values", 1, &[&a[0]]))?;
        Ok(Value::list(
            items.iter().map(|p| pair(p).unwrap().1).collect(),
        ))
    }),
    def("Keyword", "get_values", 2, |_, a| {
        let items = kw(&a[0], &a[1], "get_values", 2)?;
        Ok(Value::list(
            items
                .iter()
                .filter(|p| key_is(p, &a[1]))
                .map(|p| pair(p).unwrap().1)
                .collect(),
        ))
    }),
    def("Keyword", "keyword?", 1, |_, a| {
        Ok(Value::bool(a[0] == Value::Nil || kw_list(&a[0]).is_some()))
    }),
    def("Keyword", "to_list", 1, |_, a| match kw_list(&a[0]) {
        Some(_) => Ok(a[0].clone()),
        None => Err(clause("Keyword", "to_list", 1, &[&a[0]])),
    }),
    def("Keyword", "new", 0, |_, _| Ok(Value::Nil)),
    def("Keyword", "new", 1, |_, a| {
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
    }),
    def("Keyword", "merge", 2, |_, a| {
        let (Some(l), Some(r)) = (kw_list(&a[0]), kw_list(&a[1])) else {
            return Err(clause("Keyword", "merge", 2, &[&a[0], &a[1]]));
        };
        let mut out: Vec<Value> = l
            .into_iter()
            .filter(|p| !r.iter().any(|q| key_is(q, &pair(p).unwrap().0)))
            .collect();
        out.extend(r);
        Ok(Value::list(out))
    }),
    def("Keyword", "take", 2, |_, a| {
        let items = kw_list(&a[0]).ok_or_else(|| clause("Keyword", "take", 2, &[&a[0], &a[1]]))?;
        let keys = proper(&a[1]).ok_or_else(|| clause("Keyword", "take", 2, &[&a[0], &a[1]]))?;
        Ok(Value::list(
            items
                .into_iter()
                .filter(|p| keys.iter().any(|k| key_is(p, k)))
                .collect(),
        ))
    }),
    def("Keyword", "drop", 2, |_, a| {
        let items = kw_list(&a[0]).ok_or_else(|| clause("Keyword", "drop", 2, &[&a[0], &a[1]]))?;
        let keys = proper(&a[1]).ok_or_else(|| clause("Keyword", "drop", 2, &[&a[0], &a[1]]))?;
        Ok(Value::list(
            items
                .into_iter()
                .filter(|p| !keys.iter().any(|k| key_is(p, k)))
                .collect(),
        ))
    }),
];

/// `FunctionClauseError` in `module.name/arity` (`":lists"` for Erlang).
pub fn clause(module: &str, name: &str, arity: u32, args: &[&Value]) -> Raise {
    let m = match module.strip_prefix(':') {
        Some(erl) => Atom::new(erl),
        None => Atom::alias(module),
    };
    error::function_clause_error(
        m,
        Atom::new(name),
        arity,
        args.iter().map(|v| (*v).clone()).collect(),
    )
}

fn map(v: &Value) -> Result<&MapInner> {
    match v {
        Value::Map(m) => Ok(m),
        other => Err(error::bad_map_error(other.clone())),
    }
}

fn entries(v: &Value) -> Result<Vec<(&Value, &Value)>> {
    Ok(crate::format::map_entries(map(v)?))
}

fn tuple(v: &Value, pos: usize) -> Result<&[Value]> {
    match v {
        Value::Tuple(t) => Ok(t),
        _ => Err(error::badarg_at(pos, "not a tuple")),
    }
}

fn pair(v: &Value) -> Option<(Value, Value)> {
    match v {
        Value::Tuple(t) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
        _ => None,
    }
}

/// A proper list's elements (`None` for anything else).
pub fn proper(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Nil | Value::Cons(_) => v.list_to_vec(),
        _ => None,
    }
}

fn pop(m: &Value, k: &Value, default: Value) -> Result<Value> {
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

fn list_end(l: &Value, default: Value, first: bool, arity: u32) -> Result<Value> {
    match l {
        Value::Nil => Ok(default),
        Value::Cons(c) if first => Ok(c.head.clone()),
        Value::Cons(_) => match l.list_to_vec() {
            Some(v) => Ok(v.last().cloned().unwrap_or(default)),
            None => Err(clause("List", "last", arity, &[l, &default])),
        },
        _ => Err(clause(
            "List",
            if first { "first" } else { "last" },
            2,
            &[l, &default],
        )),
    }
}

/// The elements of nested lists, in order, or `None` if any list in it is
/// improper. The lists being walked are an explicit stack (innermost
/// last), so any depth of nesting is flattened without recursion.
/// The largest tuple the BEAM makes (`erlang:make_tuple/2` raises past it).
const MAX_TUPLE: i64 = (1 << 24) - 1;

/// The most bytes one builtin builds in one value (a list's cells, a
/// string): 2^40, a terabyte, more than any machine phial runs on has.
/// Past it the builtin raises `SystemLimitError` rather than start an
/// allocation that can only fail (or take the whole machine's memory).
pub const MAX_BUILD: u64 = 1 << 40;

fn flatten(v: &Value, out: &mut Vec<Value>) -> Option<()> {
    let mut rests = vec![v];
    while let Some(cur) = rests.pop() {
        match cur {
            Value::Nil => {}
            Value::Cons(c) => {
                rests.push(&c.tail);
                match &c.head {
                    l @ (Value::Nil | Value::Cons(_)) => rests.push(l),
                    x => out.push(x.clone()),
                }
            }
            _ => return None,
        }
    }
    Some(())
}

fn list_index(l: &Value, i: &Value, name: &str) -> Result<(Vec<Value>, Option<usize>)> {
    match (proper(l), i) {
        (Some(items), Value::Int(i)) => {
            let len = items.len() as i64;
            let i = if *i < 0 { len + i } else { *i };
            let idx = (0..len).contains(&i).then_some(i as usize);
            Ok((items, idx))
        }
        _ => Err(clause("List", name, 2, &[l, i])),
    }
}

fn keyfind(list: &Value, key: &Value, pos: &Value) -> Result<Option<(usize, Value)>> {
    let Value::Int(p) = pos else {
        return Err(error::badarg_at(2, "not an integer"));
    };
    if *p < 0 {
        return Err(error::badarg_at(2, "out of range"));
    }
    let items = proper(list).ok_or_else(|| error::badarg_at(3, "not a list"))?;
    for (i, x) in items.into_iter().enumerate() {
        if let Value::Tuple(t) = &x {
            if let Some(e) = t.get(*p as usize) {
                if crate::term::equal(e, key) {
                    return Ok(Some((i, x)));
                }
            }
        }
    }
    Ok(None)
}

/// A keyword list's pairs (`None` if it is not one).
fn kw_list(v: &Value) -> Option<Vec<Value>> {
    let items = proper(v)?;
    items
        .iter()
        .all(|p| matches!(p, Value::Tuple(t) if t.len() == 2 && matches!(t[0], Value::Atom(_))))
        .then_some(items)
}

fn kw(list: &Value, key: &Value, name: &str, arity: u32) -> Result<Vec<Value>> {
    match (proper(list), key) {
        (Some(items), Value::Atom(_)) => Ok(items),
        _ => Err(clause("Keyword", name, arity, &[list, key])),
    }
}

fn key_is(p: &Value, key: &Value) -> bool {
    matches!(p, Value::Tuple(t) if t.len() == 2 && strict_equal(&t[0], key))
}

fn kw_find(items: &[Value], key: &Value) -> Option<Value> {
    items
        .iter()
        .find(|p| key_is(p, key))
        .and_then(|p| pair(p).map(|(_, v)| v))
}

fn kw_get(list: &Value, key: &Value, default: Value) -> Result<Value> {
    let items = match (proper(list), key) {
        (Some(items), Value::Atom(_)) => items,
        _ => return Err(clause("Keyword", "get", 3, &[list, key, &default])),
    };
    Ok(kw_find(&items, key).unwrap_or(default))
}

/// For `List.keyreplace/4`, `keystore/4`, `keytake/3` (args: list, key,
/// position, ...): the list's elements and the index of the first tuple
/// whose element at `position` is `==` the key. A bad list or position
/// raises the `FunctionClauseError` of the `:lists` function Elixir calls.
fn key_position(a: &[Value], name: &str, lists_fun: &str) -> Result<(Vec<Value>, Option<usize>)> {
    // All three :lists functions fail in a 4-argument helper (keytake/3
    // calls keytake/4 with an accumulator).
    let fail = || {
        let last = a.get(3).unwrap_or(&Value::Nil);
        clause(":lists", lists_fun, 4, &[&a[1], &a[2], &a[0], last])
    };
    let Value::Int(p) = &a[2] else {
        return Err(clause(
            "List",
            name,
            a.len() as u32,
            &a.iter().collect::<Vec<_>>(),
        ));
    };
    let items = proper(&a[0]).ok_or_else(fail)?;
    if *p < 0 {
        return Err(fail());
    }
    let found = items.iter().position(|x| match x {
        Value::Tuple(t) => t
            .get(*p as usize)
            .is_some_and(|e| crate::term::equal(e, &a[1])),
        _ => false,
    });
    Ok((items, found))
}

fn replace_nth(mut items: Vec<Value>, i: usize, new: Value) -> Value {
    items[i] = new;
    Value::list(items)
}

/// The text of a charlist argument (the `:erlang.list_to_*` functions).
fn charlist_text(v: &Value) -> Result<String> {
    match v {
        Value::Nil | Value::Cons(_) => {
            crate::format::chardata_to_string(v).ok_or_else(|| error::badarg_at(1, "not a list"))
        }
        _ => Err(error::badarg_at(1, "not a list")),
    }
}
