//! What `Enum` and `:phial` share: turning an enumerable into a list,
//! ranges by position (`range_len`, `range_nth`), the sequence view
//! `at`/`slice` walk, and recognising an enumerable only a protocol
//! implementation in phial understands.
//!
//! Not here: the rows (`elixir/enum.rs`, `internal/phial.rs`).

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::value::Value;

/// How many elements `first..last//step` has, in i128: `-2**63..2**63-1`
/// has 2**64 of them, and the difference of two i64 ends overflows i64.
pub fn range_len(first: i64, last: i64, step: i64) -> i128 {
    if (step > 0 && first > last) || (step < 0 && first < last) {
        0
    } else {
        (last as i128 - first as i128) / step as i128 + 1
    }
}

/// The `k`th element of `first..last//step` (`k` below its length, so the
/// result is between the ends and fits in i64).
pub fn range_nth(first: i64, step: i64, k: i128) -> i64 {
    (first as i128 + k * step as i128) as i64
}

/// Any enumerable phial knows (list, range, map) as a list.
pub fn to_list(v: &Value) -> Result<Value> {
    match v {
        Value::Nil | Value::Cons(_) => Ok(v.clone()),
        Value::Map(m) => {
            if let Some((f, l, s)) = v.as_range() {
                let n = range_len(f, l, s);
                // 2^32 cons cells are 128 GB: past that, SystemLimitError
                // rather than growing until the OS kills the VM.
                if n > 1 << 32 {
                    return Err(error::system_limit_error());
                }
                if phial_runtime::over_limit(n as usize * crate::library::elixir::list::CONS_BYTES)
                {
                    return Err(crate::library::support::processes::over_memory_limit());
                }
                let mut out = Value::Nil;
                for k in (0..n).rev() {
                    out = Value::cons(Value::Int(range_nth(f, s, k)), out);
                }
                return Ok(out);
            }
            if let Some(set) = v.as_mapset() {
                // In the BEAM's map order (integers before floats), as Map.keys.
                return Ok(Value::list(
                    crate::format::map_entries(set)
                        .into_iter()
                        .map(|(k, _)| k.clone())
                        .collect(),
                ));
            }
            if v.struct_name().is_some() {
                return Err(error::protocol_undefined("Enumerable", v.clone(), ""));
            }
            Ok(Value::list(
                m.iter()
                    .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                    .collect(),
            ))
        }
        other => Err(error::protocol_undefined("Enumerable", other.clone(), "")),
    }
}

/// An enumerable's elements. An improper list is not enumerable either.
pub fn vec_of(v: &Value) -> Result<Vec<Value>> {
    let l = to_list(v)?;
    l.list_to_vec()
        .ok_or_else(|| error::protocol_undefined("Enumerable", v.clone(), ""))
}

/// `FunctionClauseError` for `Enum.name/arity` called with `args`.
pub fn fce(name: &str, arity: u32, args: &[&Value]) -> Raise {
    error::function_clause_error(
        Atom::alias("Enum"),
        Atom::new(name),
        arity,
        args.iter().map(|v| (*v).clone()).collect(),
    )
}

pub(crate) fn int_arg(v: &Value, args: &[&Value], name: &str, arity: u32) -> Result<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        _ => Err(fce(name, arity, args)),
    }
}

/// An enumerable read by position; a range is not listed to be read
/// (`Enum.at(1..huge, 5)`, `Enum.take(1..huge, 3)` stay cheap).
pub(crate) enum Seq {
    Items(Vec<Value>),
    Range { first: i64, step: i64, len: i128 },
}

impl Seq {
    pub(crate) fn of(v: &Value) -> Result<Seq> {
        if let Some((first, last, step)) = v.as_range() {
            let len = range_len(first, last, step);
            return Ok(Seq::Range { first, step, len });
        }
        Ok(Seq::Items(vec_of(v)?))
    }
    /// In i128: `-2**63..2**63-1` has more elements than an i64 counts.
    pub(crate) fn len(&self) -> i128 {
        match self {
            Seq::Items(items) => items.len() as i128,
            Seq::Range { len, .. } => *len,
        }
    }
    /// Position `i` (negative: from the end), if it is inside.
    pub(crate) fn index(&self, i: i64) -> Option<i128> {
        let len = self.len();
        let i = if i < 0 { len + i as i128 } else { i as i128 };
        (0..len).contains(&i).then_some(i)
    }
    pub(crate) fn get(&self, i: i128) -> Value {
        match self {
            Seq::Items(items) => items[i as usize].clone(),
            Seq::Range { first, step, .. } => Value::Int(range_nth(*first, *step, i)),
        }
    }
    /// The elements at `indices` (all in range) as a list. A count past
    /// what memory can hold is checked first, as the memory limit's other
    /// big requests are: collecting would ask for its whole capacity at
    /// once (a panic past `isize::MAX`, an allocation abort below it).
    pub(crate) fn list(&self, indices: impl DoubleEndedIterator<Item = i128>) -> Result<Value> {
        let n = indices.size_hint().0;
        // A list cell and its vector slot, about 48 bytes an element.
        let bytes = n.saturating_mul(48);
        if n > (isize::MAX as usize) / 48 {
            return Err(crate::error::system_limit_error());
        }
        if bytes > 1 << 20 && phial_runtime::over_limit(bytes) {
            return Err(super::processes::over_memory_limit());
        }
        Ok(Value::list_from_iter(
            indices.map(|i| self.get(i)).collect::<Vec<_>>(),
        ))
    }
}

pub(crate) fn at(e: &Value, i: &Value, default: Value, name: &str, arity: u32) -> Result<Value> {
    let items = Seq::of(e)?;
    let i = int_arg(i, &[e, i], name, arity)?;
    Ok(items.index(i).map(|i| items.get(i)).unwrap_or(default))
}

pub(crate) fn with_index(e: &Value, offset: i64) -> Result<Value> {
    Ok(Value::list(
        vec_of(e)?
            .into_iter()
            .enumerate()
            .map(|(i, x)| Value::tuple(vec![x, Value::Int(i as i64 + offset)]))
            .collect(),
    ))
}

/// Tuples of the i-th elements, as long as the shortest list (`Enum.zip/1`,
/// `List.zip/1`).
pub fn zip_lists(lists: &[Vec<Value>]) -> Value {
    if lists.is_empty() {
        return Value::Nil;
    }
    let n = lists.iter().map(|l| l.len()).min().unwrap_or(0);
    Value::list(
        (0..n)
            .map(|i| Value::tuple(lists.iter().map(|l| l[i].clone()).collect()))
            .collect(),
    )
}

/// Whether `v` is enumerable only through a protocol implementation in
/// phial code (a struct other than the ones the natives know, a function).
/// (A struct with no Enumerable at all is one too: the protocol raises
/// Elixir's error for it.)
pub fn is_foreign_enum(v: &Value) -> bool {
    match v {
        Value::Fun(_) => true,
        v => v
            .struct_name()
            .is_some_and(|s| s != Atom::RANGE && s.as_str() != "Elixir.MapSet"),
    }
}
