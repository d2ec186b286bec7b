//! `List` natives: the functions that take no function argument
//! (`flatten`, `keyfind`, `first`, conversions), raising the Erlang-style
//! `ArgumentError` where Elixir calls straight into a BIF.
//!
//! Not here: `List.foldl`, `update_at` and friends (`list.ex`), the `:lists` module (`erlang/lists.rs`).

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::support::collections::{clause, proper, MAX_BUILD};
use crate::library::support::processes::over_memory_limit;

/// What a list cell costs (two values and the reference counts).
pub(crate) const CONS_BYTES: usize = 48;
use crate::library::{def, Native};
use crate::term::strict_equal;
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("first", 1, |_, a| list_end(&a[0], Value::NIL_ATOM, true, 1)),
    def("first", 2, |_, a| list_end(&a[0], a[1].clone(), true, 2)).doc(
        r#"first(list, default \\ nil)"#,
        r#"The first element of `list`, or `default` when the list is empty.

    iex> List.first([], :none)
    :none"#,
    ),
    def("last", 1, |_, a| list_end(&a[0], Value::NIL_ATOM, false, 1)),
    def("last", 2, |_, a| list_end(&a[0], a[1].clone(), false, 2)).doc(
        r#"last(list, default \\ nil)"#,
        r#"The last element of `list`, or `default` when the list is empty. Walks
the whole list.

    iex> List.last([1, 2, 3])
    3"#,
    ),
    def("flatten", 1, |_, a| {
        let mut out = Vec::new();
        flatten(&a[0], &mut out).ok_or_else(|| clause(":lists", "flatten", 1, &[&a[0]]))?;
        Ok(Value::list(out))
    })
    .doc(
        r#"flatten(list)"#,
        r#"Removes every level of nesting: the elements of inner lists take their
place, in order.

    iex> List.flatten([1, [2, [3, []]], 4])
    [1, 2, 3, 4]"#,
    ),
    def("flatten", 2, |_, a| {
        let mut out = Vec::new();
        flatten(&a[0], &mut out).ok_or_else(|| clause(":lists", "flatten", 2, &[&a[0], &a[1]]))?;
        let tail = a[1].clone();
        if !tail.is_list() {
            return Err(clause(":lists", "flatten", 2, &[&a[0], &a[1]]));
        }
        Ok(Value::list_with_tail(out, tail))
    })
    .doc(
        r#"flatten(list, tail)"#,
        r#"Flattens `list` and appends `tail`, which is not flattened.

    iex> List.flatten([1, [2]], [[3]])
    [1, 2, [3]]"#,
    ),
    def("duplicate", 2, |_, a| match &a[1] {
        Value::Int(n) if *n >= 0 => {
            // Checked before anything is built: a count no memory can hold
            // raises instead of growing until the OS kills the VM.
            if *n as u64 > MAX_BUILD / 32 {
                return Err(error::system_limit_error());
            }
            // A count that fits but would take the process past its memory
            // limit kills it, as the BEAM's `max_heap_size` would.
            if phial_runtime::over_limit(*n as usize * CONS_BYTES) {
                return Err(over_memory_limit());
            }
            let mut out = Value::Nil;
            for _ in 0..*n {
                out = Value::cons(a[0].clone(), out);
            }
            Ok(out)
        }
        _ => Err(clause(":lists", "duplicate", 2, &[&a[1], &a[0]])),
    })
    .doc(
        r#"duplicate(elem, n)"#,
        r#"A list holding `elem` `n` times.

    iex> List.duplicate(:x, 3)
    [:x, :x, :x]"#,
    ),
    def("delete", 2, |_, a| {
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
    })
    .doc(
        r#"delete(list, element)"#,
        r#"Removes the first element equal (`===`) to `element`; the list is
unchanged when there is none.

    iex> List.delete([:a, :b, :a], :a)
    [:b, :a]"#,
    ),
    def("delete_at", 2, |_, a| {
        let (items, i) = list_index(&a[0], &a[1], "delete_at")?;
        let mut items = items;
        if let Some(i) = i {
            items.remove(i);
        }
        Ok(Value::list(items))
    })
    .doc(
        r#"delete_at(list, index)"#,
        r#"Removes the element at `index`; a negative index counts from the end. An
index outside the list leaves it unchanged.

    iex> List.delete_at([1, 2, 3], -1)
    [1, 2]"#,
    ),
    def("insert_at", 3, |_, a| {
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
    })
    .doc(
        r#"insert_at(list, index, value)"#,
        r#"Puts `value` at `index`; a negative index counts from the end, and an
index past either end puts it at that end.

    iex> List.insert_at([1, 3], 1, 2)
    [1, 2, 3]"#,
    ),
    def("replace_at", 3, |_, a| {
        let (mut items, i) = list_index(&a[0], &a[1], "replace_at")?;
        if let Some(i) = i {
            items[i] = a[2].clone();
        }
        Ok(Value::list(items))
    })
    .doc(
        r#"replace_at(list, index, value)"#,
        r#"Replaces the element at `index` with `value`; an index outside the list
leaves it unchanged.

    iex> List.replace_at([1, 2, 3], 0, :one)
    [:one, 2, 3]"#,
    ),
    def("wrap", 1, |_, a| match &a[0] {
        Value::Nil | Value::Cons(_) => Ok(a[0].clone()),
        Value::Atom(Atom::NIL) => Ok(Value::Nil),
        other => Ok(Value::list(vec![other.clone()])),
    })
    .doc(
        r#"wrap(term)"#,
        r#"Makes a list of anything: a list stays as it is, `nil` becomes `[]`, and
any other term becomes a one-element list.

    iex> List.wrap(:a)
    [:a]"#,
    ),
    def("zip", 1, |_, a| {
        let lists = proper(&a[0]).ok_or_else(|| clause("List", "zip", 1, &[&a[0]]))?;
        let lists: Vec<Vec<Value>> = lists
            .iter()
            .map(|l| proper(l).ok_or_else(|| clause("List", "zip", 1, &[&a[0]])))
            .collect::<Result<_>>()?;
        Ok(crate::library::support::enumerables::zip_lists(&lists))
    })
    .doc(
        r#"zip(list_of_lists)"#,
        r#"Pairs up the elements of several lists into tuples, stopping at the
shortest list.

    iex> List.zip([[1, 2, 3], [:a, :b]])
    [{1, :a}, {2, :b}]"#,
    ),
    def("to_tuple", 1, |_, a| match proper(&a[0]) {
        Some(items) => Ok(Value::tuple(items)),
        None => Err(error::badarg_at(1, "not a list")),
    })
    .doc(
        r#"to_tuple(list)"#,
        r#"A tuple with the elements of `list`, in order.

    iex> List.to_tuple([:ok, 1])
    {:ok, 1}"#,
    ),
    def("to_string", 1, |_, a| {
        crate::library::support::terms::to_string_value(&a[0])
    })
    .doc(
        r#"to_string(list)"#,
        r#"Turns a list of code points, strings and nested such lists into one
UTF-8 string.

    iex> List.to_string([?h, "el", [?l, ?o]])
    "hello""#,
    ),
    def("to_charlist", 1, |_, a| {
        crate::library::support::terms::to_charlist(&a[0])
    })
    .doc(
        r#"to_charlist(list)"#,
        r#"Turns a list of code points, strings and nested such lists into a flat
charlist.

    iex> List.to_charlist(["ab", ?c])
    'abc'"#,
    ),
    def(
        "to_atom",
        1,
        |_, a| match crate::format::chardata_to_string(&a[0]) {
            Some(s) => Value::new_atom(&s),
            None => Err(error::badarg_at(1, "not a list")),
        },
    )
    .doc(
        r#"to_atom(charlist)"#,
        r#"The atom named by `charlist`, made if needed.

    iex> List.to_atom('hi')
    :hi"#,
    ),
    def(
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
    def("keyfind", 3, |_, a| {
        keyfind(&a[0], &a[1], &a[2]).map(|r| r.map(|(_, t)| t).unwrap_or(Value::NIL_ATOM))
    })
    .doc(
        r#"keyfind(list, key, position)"#,
        r#"The first tuple in `list` whose element at `position` equals `key`, or
`nil`.

    iex> List.keyfind([a: 1, b: 2], :b, 0)
    {:b, 2}"#,
    ),
    def("keymember?", 3, |_, a| {
        keyfind(&a[0], &a[1], &a[2]).map(|r| Value::bool(r.is_some()))
    })
    .doc(
        r#"keymember?(list, key, position)"#,
        r#"Whether some tuple in `list` has `key` at `position`.

    iex> List.keymember?([{:x, 1}], 1, 1)
    true"#,
    ),
    def("keydelete", 3, |_, a| {
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
    })
    .doc(
        r#"keydelete(list, key, position)"#,
        r#"Removes the first tuple whose element at `position` equals `key`.

    iex> List.keydelete([a: 1, b: 2], :a, 0)
    [b: 2]"#,
    ),
    def("ascii_printable?", 1, |_, a| {
        Ok(Value::bool(
            crate::format::printable_charlist(&a[0]).is_some() || a[0] == Value::Nil,
        ))
    })
    .doc(
        r#"ascii_printable?(list)"#,
        r#"Whether `list` is a charlist of printable ASCII characters.

    iex> List.ascii_printable?([?a, 0])
    false"#,
    ),
    def("improper?", 1, |_, a| match &a[0] {
        Value::Nil | Value::Cons(_) => Ok(Value::bool(proper(&a[0]).is_none())),
        _ => Err(clause("List", "improper?", 1, &[&a[0]])),
    })
    .doc(
        r#"improper?(list)"#,
        r#"Whether `list` ends in something other than `[]`.

    iex> List.improper?([1 | 2])
    true"#,
    ),
    // The :lists key functions compare with ==, as keyfind does; a
    // non-list raises what :lists' own clauses raise.
    def("keyreplace", 4, |_, a| {
        let (items, found) = key_position(a, "keyreplace", "keyreplace3")?;
        Ok(match found {
            Some(i) => replace_nth(items, i, a[3].clone()),
            None => a[0].clone(),
        })
    })
    .doc(
        r#"keyreplace(list, key, position, new_tuple)"#,
        r#"Replaces the first tuple whose element at `position` equals `key` with
`new_tuple`; nothing changes when none does.

    iex> List.keyreplace([a: 1, b: 2], :b, 0, {:b, 20})
    [a: 1, b: 20]"#,
    ),
    def("keystore", 4, |_, a| {
        let (mut items, found) = key_position(a, "keystore", "keystore2")?;
        Ok(match found {
            Some(i) => replace_nth(items, i, a[3].clone()),
            None => {
                items.push(a[3].clone());
                Value::list(items)
            }
        })
    })
    .doc(
        r#"keystore(list, key, position, new_tuple)"#,
        r#"Like `keyreplace/4`, but appends `new_tuple` when no tuple matches.

    iex> List.keystore([a: 1], :c, 0, {:c, 3})
    [a: 1, c: 3]"#,
    ),
    def("keytake", 3, |_, a| {
        let (mut items, found) = key_position(a, "keytake", "keytake")?;
        Ok(match found {
            Some(i) => {
                let t = items.remove(i);
                Value::tuple(vec![t, Value::list(items)])
            }
            None => Value::NIL_ATOM,
        })
    })
    .doc(
        r#"keytake(list, key, position)"#,
        r#"Takes out the first tuple whose element at `position` equals `key`:
`{tuple, rest}`, or `nil` when none does.

    iex> List.keytake([a: 1, b: 2], :a, 0)
    {{:a, 1}, [b: 2]}"#,
    ),
    def("to_integer", 2, |_, a| {
        let text = charlist_text(&a[0])?;
        match &a[1] {
            Value::Int(b) if (2..=36).contains(b) => {
                crate::library::support::strings::parse_int_exact(&text, *b as u32).ok_or_else(
                    || error::badarg_at(1, "not a textual representation of an integer"),
                )
            }
            _ => Err(error::badarg_at(
                2,
                "not an integer in the range 2 through 36",
            )),
        }
    })
    .doc(
        r#"to_integer(charlist, base \\ 10)"#,
        r#"Reads a charlist of digits in `base` as an integer; anything else raises
`ArgumentError`.

    iex> List.to_integer('ff', 16)
    255"#,
    ),
    def("to_float", 1, |_, a| {
        let text = charlist_text(&a[0])?;
        match crate::library::support::numbers::parse_float_prefix(&text) {
            Some((f, rest)) if rest.is_empty() && text.contains('.') => Ok(Value::Float(f)),
            _ => Err(error::badarg_at(
                1,
                "not a textual representation of a float",
            )),
        }
    })
    .doc(
        r#"to_float(charlist)"#,
        r#"Reads a charlist such as `'1.5'` as a float.

    iex> List.to_float('2.5e3')
    2500.0"#,
    ),
    def("to_existing_atom", 1, |_, a| {
        let text = charlist_text(&a[0])?;
        Atom::existing(&text)
            .map(Value::Atom)
            .ok_or_else(|| error::badarg_at(1, "not an already existing atom"))
    })
    .doc(
        r#"to_existing_atom(charlist)"#,
        r#"The atom named by `charlist`, which must already exist.

    iex> List.to_existing_atom('ok')
    :ok"#,
    ),
];

pub(crate) fn list_end(l: &Value, default: Value, first: bool, arity: u32) -> Result<Value> {
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

pub(crate) fn flatten(v: &Value, out: &mut Vec<Value>) -> Option<()> {
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

pub(crate) fn list_index(l: &Value, i: &Value, name: &str) -> Result<(Vec<Value>, Option<usize>)> {
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

pub(crate) fn keyfind(list: &Value, key: &Value, pos: &Value) -> Result<Option<(usize, Value)>> {
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

/// For `List.keyreplace/4`, `keystore/4`, `keytake/3` (args: list, key,
/// position, ...): the list's elements and the index of the first tuple
/// whose element at `position` is `==` the key. A bad list or position
/// raises the `FunctionClauseError` of the `:lists` function Elixir calls.
pub(crate) fn key_position(
    a: &[Value],
    name: &str,
    lists_fun: &str,
) -> Result<(Vec<Value>, Option<usize>)> {
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

pub(crate) fn replace_nth(mut items: Vec<Value>, i: usize, new: Value) -> Value {
    items[i] = new;
    Value::list(items)
}

/// The text of a charlist argument (the `:erlang.list_to_*` functions).
pub(crate) fn charlist_text(v: &Value) -> Result<String> {
    match v {
        Value::Nil | Value::Cons(_) => {
            crate::format::chardata_to_string(v).ok_or_else(|| error::badarg_at(1, "not a list"))
        }
        _ => Err(error::badarg_at(1, "not a list")),
    }
}
