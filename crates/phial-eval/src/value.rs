//! phial's runtime values: immutable, shared with `Arc`, cheap to send.
//!
//! Sending a message between processes copies a `Value`, which is a pointer
//! copy plus a reference-count increment: nothing is deep-copied. Lists are
//! cons cells so `[h | t]` is O(1) both ways. Freeing never recurses on
//! the Rust stack, however long or deep the value: a list's tail is
//! unlinked in a loop (`Drop for Cons`) and every container hands its
//! children to `reclaim`, which bounds the nesting of frees. Maps are persistent ordered maps (`imbl::OrdMap`) keyed by
//! `Value`'s total order (Erlang's term order, with `1 < 1.0` as the tie
//! break so `1` and `1.0` are distinct keys, as in Erlang maps).
//!
//! A tuple is one allocation (`Tuple`: reference count, length and the
//! elements inline), so making a message like `{:msg, k}` costs one malloc
//! and freeing it, often on another core, one free.
//!
//! Structs (`%RuntimeError{}`, `1..3`) are maps with a `:__struct__` key, as in
//! Elixir, so `e.message` and pattern matching need no special case.
//!
//! Not here: ordering and equality (`term`), printing (`format`).

use crate::atom::Atom;
pub use crate::binary::Binary;
use crate::reclaim;
use num_bigint::BigInt;
use phial_runtime::{Pid, Ref};
use std::mem::ManuallyDrop;
use std::sync::Arc;

pub type MapInner = imbl::OrdMap<Value, Value>;

#[derive(Clone)]
pub enum Value {
    Int(i64),
    /// Only for values outside `i64`; arithmetic normalises back to `Int`.
    BigInt(Arc<BigInt>),
    Float(f64),
    Atom(Atom),
    /// A binary or bitstring; an Elixir string is a binary of valid UTF-8.
    Bin(Binary),
    /// The empty list `[]`.
    Nil,
    Cons(Arc<Cons>),
    Tuple(Tuple),
    Map(Map),
    Pid(Pid),
    Ref(Ref),
    Fun(Arc<Fun>),
    /// Something only natives look inside (a compiled regex; later ETS
    /// tables): shared, compared by identity, printed by its kind.
    Resource(Arc<Resource>),
}

/// An opaque native resource: a kind name (for printing and errors) and
/// the native's own data. One allocation behind a thin pointer, so
/// `Value` stays two words.
pub struct Resource {
    pub kind: &'static str,
    pub data: Box<dyn std::any::Any + Send + Sync>,
}

impl Resource {
    pub fn value<T: std::any::Any + Send + Sync>(kind: &'static str, data: T) -> Value {
        Value::Resource(Arc::new(Resource {
            kind,
            data: Box::new(data),
        }))
    }

    /// The data, if it is a `T`.
    pub fn get<T: std::any::Any>(&self) -> Option<&T> {
        self.data.downcast_ref()
    }
}

// A value is two words (tag + payload): the value stack, locals and tuples
// are arrays of them, so growing it would cost every op.
const _: () = assert!(std::mem::size_of::<Value>() == 16);

/// A tuple's elements, shared and immutable, in one allocation (count,
/// length, then the elements). A thin pointer, so `Value` stays two words.
/// Derefs to `[Value]`, so `t.len()`, `t[0]`, `t.iter()` and `&t[..]` work.
///
/// The pointer is in a `ManuallyDrop` so that `Drop for Tuple` decides
/// where the last reference's free runs (see `reclaim`).
#[derive(Clone)]
pub struct Tuple(ManuallyDrop<TupleArc>);

type TupleArc = triomphe::ThinArc<(), Value>;

impl Tuple {
    /// A tuple of exactly the iterator's elements: made straight from, say, a
    /// drain of the value stack, with no intermediate `Vec`.
    pub fn from_exact<I: ExactSizeIterator<Item = Value>>(items: I) -> Tuple {
        Tuple(ManuallyDrop::new(triomphe::ThinArc::from_header_and_iter(
            (),
            items,
        )))
    }

    /// The tuple of the top `n` values of `stack`, moved off it with one
    /// copy: what `Op::Tuple` builds. Cheaper than `from_exact` over a
    /// drain, whose per-item iterator checks cost about as much as the
    /// allocation for the small tuples messages are made of.
    #[inline]
    pub fn from_top(stack: &mut Vec<Value>, n: usize) -> Tuple {
        let at = stack.len() - n;
        let header = triomphe::HeaderWithLength::new((), n);
        let mut arc = triomphe::UniqueArc::from_header_and_uninit_slice(header, n);
        // SAFETY: the `n` values from `at` are initialised and are moved
        // (bitwise) into the `n` uninitialised slots; the stack forgets them
        // at once, so each is owned exactly once.
        unsafe {
            std::ptr::copy_nonoverlapping(
                stack.as_ptr().add(at),
                arc.slice.as_mut_ptr().cast::<Value>(),
                n,
            );
            stack.set_len(at);
        }
        // SAFETY: every slot was written above; the header's length is the
        // slice's, as a thin pointer needs.
        let arc = unsafe { arc.assume_init_slice_with_header() }.shareable();
        Tuple(ManuallyDrop::new(triomphe::Arc::into_thin(arc)))
    }

    /// Whether both are the same allocation (a cheap equality shortcut).
    pub fn ptr_eq(a: &Tuple, b: &Tuple) -> bool {
        std::ptr::eq(a.0.ptr(), b.0.ptr())
    }

    /// The allocation's address, and whether another reference to it may
    /// exist (for counting a shared tuple once, `heap`).
    pub(crate) fn identity(&self) -> (usize, bool) {
        (
            self.0.ptr() as *const u8 as usize,
            !self.0.with_arc(|a| a.is_unique()),
        )
    }
}

impl std::ops::Deref for Tuple {
    type Target = [Value];
    #[inline(always)]
    fn deref(&self) -> &[Value] {
        &self.0.slice
    }
}

impl Drop for Tuple {
    fn drop(&mut self) {
        // Only the last reference frees anything (a clone's drop is a
        // decrement, so that is asked first), and only a tuple holding
        // containers can nest frees.
        // Should another thread drop its clone between the check and our
        // decrement, that one level of free runs unguarded: harmless, the
        // levels below it are guarded again.
        let nests = self.0.with_arc(|a| a.is_unique()) && self.iter().any(|v| !v.is_immediate());
        // SAFETY: `self.0` is never used again: this is its drop.
        let arc = unsafe { ManuallyDrop::take(&mut self.0) };
        if nests {
            reclaim::nested(arc, drop);
        }
    }
}

impl From<TupleArc> for Value {
    fn from(arc: TupleArc) -> Value {
        Value::Tuple(Tuple(ManuallyDrop::new(arc)))
    }
}

/// A map value: a shared persistent map. Derefs to `MapInner`; its drop,
/// like `Tuple`'s, runs the last reference's free through `reclaim`.
#[derive(Clone)]
pub struct Map(ManuallyDrop<Arc<MapInner>>);

impl Map {
    pub fn new(m: MapInner) -> Map {
        Map(ManuallyDrop::new(Arc::new(m)))
    }
    /// Whether both are the same allocation (a cheap equality shortcut).
    pub fn ptr_eq(a: &Map, b: &Map) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// The allocation's address, and whether another reference to it may
    /// exist (for counting a shared map once, `heap`).
    pub(crate) fn identity(&self) -> (usize, bool) {
        (
            Arc::as_ptr(&self.0) as usize,
            Arc::strong_count(&self.0) > 1,
        )
    }
}

impl std::ops::Deref for Map {
    type Target = MapInner;
    #[inline(always)]
    fn deref(&self) -> &MapInner {
        &self.0
    }
}

impl Drop for Map {
    fn drop(&mut self) {
        // As for tuples: a shared map's drop is only a decrement.
        let unique = Arc::strong_count(&self.0) == 1;
        // SAFETY: `self.0` is never used again: this is its drop.
        let arc = unsafe { ManuallyDrop::take(&mut self.0) };
        if unique && !arc.is_empty() {
            reclaim::nested(arc, drop);
        }
    }
}

impl From<Arc<MapInner>> for Value {
    fn from(arc: Arc<MapInner>) -> Value {
        Value::Map(Map(ManuallyDrop::new(arc)))
    }
}

pub struct Cons {
    pub head: Value,
    pub tail: Value,
}

impl Drop for Cons {
    fn drop(&mut self) {
        reclaim::dispose(std::mem::replace(&mut self.head, Value::Nil));
        // Unlink the tail chain one cell at a time while we hold the only
        // reference, so a million-element list does not recurse a million deep.
        let mut tail = std::mem::replace(&mut self.tail, Value::Nil);
        while let Value::Cons(arc) = tail {
            match Arc::try_unwrap(arc) {
                Ok(mut cell) => {
                    reclaim::dispose(std::mem::replace(&mut cell.head, Value::Nil));
                    tail = std::mem::replace(&mut cell.tail, Value::Nil);
                }
                Err(shared) => {
                    tail = Value::Cons(shared);
                    break;
                }
            }
        }
        // A list shared from here on (its drop is a decrement), or an
        // improper tail.
        reclaim::dispose(tail);
    }
}

/// A function value.
pub enum Fun {
    /// An anonymous function: its code plus the values it captured.
    Closure {
        code: Arc<crate::code::FnCode>,
        captured: Box<[Value]>,
    },
    /// `&Mod.fun/arity` or `&fun/arity`: resolved when called.
    External {
        module: Atom,
        name: Atom,
        arity: u32,
    },
}

impl Drop for Fun {
    fn drop(&mut self) {
        // A closure capturing a closure capturing ... frees level by level
        // through `reclaim`, like any container.
        if let Fun::Closure { captured, .. } = self {
            for v in captured.iter_mut() {
                reclaim::dispose(std::mem::replace(v, Value::Nil));
            }
        }
    }
}

impl Fun {
    pub fn arity(&self) -> u32 {
        match self {
            Fun::Closure { code, .. } => code.arity,
            Fun::External { arity, .. } => *arity,
        }
    }
}

impl Value {
    pub const TRUE: Value = Value::Atom(Atom::TRUE);
    pub const FALSE: Value = Value::Atom(Atom::FALSE);
    pub const NIL_ATOM: Value = Value::Atom(Atom::NIL);
    pub const OK: Value = Value::Atom(Atom::OK);

    /// Whether the value owns no heap data (dropping it is a no-op).
    #[inline(always)]
    pub fn is_immediate(&self) -> bool {
        // The members, not the exceptions: a new kind that owns heap data
        // is not immediate until someone says so here.
        matches!(
            self,
            Value::Int(_)
                | Value::Float(_)
                | Value::Atom(_)
                | Value::Nil
                | Value::Pid(_)
                | Value::Ref(_)
        )
    }

    pub fn bool(b: bool) -> Value {
        Value::Atom(if b { Atom::TRUE } else { Atom::FALSE })
    }
    pub fn atom(name: &str) -> Value {
        Value::Atom(Atom::new(name))
    }
    /// The atom with this text made at run time from user data: past the
    /// atom table's limit, `SystemLimitError` (see `Atom::try_new`).
    pub fn new_atom(name: &str) -> crate::error::Result<Value> {
        Atom::try_new(name)
            .map(Value::Atom)
            .ok_or_else(crate::error::system_limit_error)
    }
    pub fn str(s: impl Into<String>) -> Value {
        Value::Bin(Binary::from_string(s.into()))
    }
    /// A binary of any bytes.
    pub fn bytes(bytes: Vec<u8>) -> Value {
        Value::Bin(Binary::from_bytes(bytes))
    }
    /// The bytes of a binary (whole bytes only: not a bitstring).
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Bin(b) if b.is_binary() => Some(b.bytes()),
            _ => None,
        }
    }
    pub fn is_binary(&self) -> bool {
        matches!(self, Value::Bin(b) if b.is_binary())
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Tuple::from_exact(items.into_iter()))
    }
    pub fn cons(head: Value, tail: Value) -> Value {
        Value::Cons(Arc::new(Cons { head, tail }))
    }
    pub fn map(m: MapInner) -> Value {
        Value::Map(Map::new(m))
    }
    pub fn bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Arc::new(b)),
        }
    }
    /// A proper list from a vector.
    pub fn list(items: Vec<Value>) -> Value {
        Self::list_with_tail(items, Value::Nil)
    }
    pub fn list_with_tail(items: Vec<Value>, tail: Value) -> Value {
        items
            .into_iter()
            .rev()
            .fold(tail, |acc, item| Value::cons(item, acc))
    }
    pub fn list_from_iter<I: IntoIterator<Item = Value>>(items: I) -> Value
    where
        I::IntoIter: DoubleEndedIterator,
    {
        items
            .into_iter()
            .rev()
            .fold(Value::Nil, |acc, item| Value::cons(item, acc))
    }

    pub fn is_truthy(&self) -> bool {
        !matches!(self, Value::Atom(a) if *a == Atom::NIL || *a == Atom::FALSE)
    }
    /// The text of a string: a binary whose bytes are valid UTF-8. Code
    /// outside `value.rs` reads strings through this, never by matching
    /// the variant, so the binary's representation can change.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Bin(b) => b.as_str(),
            _ => None,
        }
    }
    pub fn as_atom(&self) -> Option<Atom> {
        match self {
            Value::Atom(a) => Some(*a),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Atom(Atom::TRUE) => Some(true),
            Value::Atom(Atom::FALSE) => Some(false),
            _ => None,
        }
    }
    pub fn is_list(&self) -> bool {
        matches!(self, Value::Nil | Value::Cons(_))
    }
    pub fn is_number(&self) -> bool {
        matches!(self, Value::Int(_) | Value::BigInt(_) | Value::Float(_))
    }
    pub fn is_integer(&self) -> bool {
        matches!(self, Value::Int(_) | Value::BigInt(_))
    }

    /// Iterates a list's elements; stops at an improper tail (see `list_to_vec`).
    pub fn iter_list(&self) -> ListIter<'_> {
        ListIter { cur: self }
    }

    /// The elements of a proper list, or `None` for a non-list or improper list.
    pub fn list_to_vec(&self) -> Option<Vec<Value>> {
        let mut out = Vec::new();
        let mut cur = self;
        loop {
            match cur {
                Value::Nil => return Some(out),
                Value::Cons(c) => {
                    out.push(c.head.clone());
                    cur = &c.tail;
                }
                _ => return None,
            }
        }
    }

    /// The struct name if this is a struct map.
    pub fn struct_name(&self) -> Option<Atom> {
        match self {
            Value::Map(m) => m.get(&Value::Atom(Atom::STRUCT)).and_then(|v| v.as_atom()),
            _ => None,
        }
    }

    /// Reads a map field by atom key.
    pub fn map_get(&self, key: Atom) -> Option<&Value> {
        match self {
            Value::Map(m) => m.get(&Value::Atom(key)),
            _ => None,
        }
    }

    /// Builds a struct value from its name and atom-keyed fields.
    pub fn make_struct(name: Atom, fields: &[(Atom, Value)]) -> Value {
        let mut m = MapInner::new();
        m.insert(Value::Atom(Atom::STRUCT), Value::Atom(name));
        for (k, v) in fields {
            m.insert(Value::Atom(*k), v.clone());
        }
        Value::map(m)
    }

    /// `first..last//step` as Elixir's `%Range{}` struct.
    pub fn range(first: i64, last: i64, step: i64) -> Value {
        Value::make_struct(
            Atom::RANGE,
            &[
                (Atom::FIRST, Value::Int(first)),
                (Atom::LAST, Value::Int(last)),
                (Atom::STEP, Value::Int(step)),
            ],
        )
    }

    /// `(first, last, step)` if this is a range struct with integer bounds.
    pub fn as_range(&self) -> Option<(i64, i64, i64)> {
        if self.struct_name() != Some(Atom::RANGE) {
            return None;
        }
        match (
            self.map_get(Atom::FIRST),
            self.map_get(Atom::LAST),
            self.map_get(Atom::STEP),
        ) {
            (Some(Value::Int(f)), Some(Value::Int(l)), Some(Value::Int(s))) => Some((*f, *l, *s)),
            _ => None,
        }
    }

    /// The element map of a `MapSet` struct (`%{__struct__: MapSet, map: %{elem => []}}`,
    /// as Elixir 1.14 builds it; the prelude's `MapSet` module makes them).
    pub fn as_mapset(&self) -> Option<&MapInner> {
        // Interned once: this runs on every `in` and Enum call on a struct.
        static NAMES: std::sync::OnceLock<(Atom, Atom)> = std::sync::OnceLock::new();
        let (name, field) = *NAMES.get_or_init(|| (Atom::alias("MapSet"), Atom::new("map")));
        if self.struct_name() != Some(name) {
            return None;
        }
        match self.map_get(field) {
            Some(Value::Map(m)) => Some(m),
            _ => None,
        }
    }

    /// Is this a charlist-printable or keyword-style list etc.: helpers live in `format`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Int(_) | Value::BigInt(_) => "integer",
            Value::Float(_) => "float",
            Value::Atom(_) => "atom",
            Value::Bin(b) if b.is_binary() => "binary",
            Value::Bin(_) => "bitstring",
            Value::Nil | Value::Cons(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Map(_) => "map",
            Value::Pid(_) => "pid",
            Value::Ref(_) => "reference",
            Value::Fun(_) => "function",
            Value::Resource(_) => "reference",
        }
    }
}

pub struct ListIter<'a> {
    cur: &'a Value,
}

impl<'a> Iterator for ListIter<'a> {
    type Item = &'a Value;
    fn next(&mut self) -> Option<&'a Value> {
        match self.cur {
            Value::Cons(c) => {
                self.cur = &c.tail;
                Some(&c.head)
            }
            _ => None,
        }
    }
}

impl std::fmt::Debug for Value {
    /// Debug output is Elixir's `inspect`, the most useful form in test failures.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::format::inspect(self))
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::bool(b)
    }
}
impl From<Atom> for Value {
    fn from(a: Atom) -> Value {
        Value::Atom(a)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_are_boxed_compared_by_identity_and_hold_their_data() {
        let a = Resource::value("test", 41u32);
        let b = Resource::value("test", 41u32);
        assert!(!a.is_immediate());
        assert_eq!(a.clone(), a);
        assert_ne!(a, b);
        let Value::Resource(r) = &a else {
            unreachable!("built as a resource")
        };
        assert_eq!(r.get::<u32>(), Some(&41));
        assert_eq!(r.get::<String>(), None);
        assert_eq!(a.type_name(), "reference");
    }

    #[test]
    fn immediates_are_exactly_the_kinds_without_heap_data() {
        for v in [Value::Int(1), Value::Float(1.0), Value::TRUE, Value::Nil] {
            assert!(v.is_immediate());
        }
        for v in [
            Value::str("s"),
            Value::list(vec![Value::Int(1)]),
            Value::tuple(vec![]),
        ] {
            assert!(!v.is_immediate());
        }
    }
}
