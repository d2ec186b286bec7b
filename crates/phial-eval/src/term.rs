//! Erlang's term order and the two equalities (`==` and `===`).
//!
//! Order across types: number < atom < reference < function < pid < tuple <
//! map < list < bitstring. Numbers compare by value (`1 == 1.0`); `compare`
//! is that order. `Ord for Value` is the *exact* total order used for map keys
//! and sorting stability: term order, with an integer before an equal float,
//! so it agrees with `===`.
//!
//! Not here: printing, arithmetic.

use crate::value::{Fun, Map, Tuple, Value};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};
use std::cmp::Ordering;
use std::sync::Arc;

fn type_rank(v: &Value) -> u8 {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) => 0,
        Value::Atom(_) => 1,
        Value::Ref(_) | Value::Resource(_) => 2,
        Value::Fun(_) => 3,
        Value::Pid(_) => 4,
        Value::Tuple(_) => 5,
        Value::Map(_) => 6,
        Value::Nil | Value::Cons(_) => 7,
        Value::Bin(_) => 8,
    }
}

/// Compares an integer with a float by mathematical value.
fn cmp_int_float(i: &BigInt, f: f64) -> Ordering {
    match BigInt::from_f64(f.trunc()) {
        Some(ft) => match i.cmp(&ft) {
            Ordering::Equal => 0.0f64.partial_cmp(&f.fract()).unwrap_or(Ordering::Equal),
            o => o,
        },
        None => Ordering::Equal,
    }
}

fn cmp_numbers(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Int(x), Value::Float(y)) => {
            // Exact for |x| < 2^53, which is all but pathological mixes.
            if x.unsigned_abs() < (1u64 << 53) {
                (*x as f64).partial_cmp(y).unwrap_or(Ordering::Equal)
            } else {
                cmp_int_float(&BigInt::from(*x), *y)
            }
        }
        (Value::Float(_), Value::Int(_)) => cmp_numbers(b, a).reverse(),
        (Value::BigInt(x), Value::Int(y)) => x.as_ref().cmp(&BigInt::from(*y)),
        (Value::Int(x), Value::BigInt(y)) => BigInt::from(*x).cmp(y),
        (Value::BigInt(x), Value::BigInt(y)) => x.cmp(y),
        (Value::BigInt(x), Value::Float(y)) => cmp_int_float(x, *y),
        (Value::Float(_), Value::BigInt(_)) => cmp_numbers(b, a).reverse(),
        _ => Ordering::Equal,
    }
}

/// Erlang term order (`<`, `>`, `Enum.sort`, `max`): `1 == 1.0` compare Equal.
pub fn compare(a: &Value, b: &Value) -> Ordering {
    compare_with(a, b, false)
}

/// `Ord`-style exact order: like `compare` but an integer sorts before an
/// equal float, so only `===` values compare Equal.
pub fn compare_exact(a: &Value, b: &Value) -> Ordering {
    compare_with(a, b, true)
}

fn compare_with(a: &Value, b: &Value, exact: bool) -> Ordering {
    match compare_shallow(a, b, exact) {
        Shallow::Done(o) => o,
        Shallow::Nested => compare_nested(a, b, exact),
    }
}

/// The answer for two values, unless both are containers of one kind.
enum Shallow {
    Done(Ordering),
    Nested,
}

fn compare_shallow(a: &Value, b: &Value, exact: bool) -> Shallow {
    let (ra, rb) = (type_rank(a), type_rank(b));
    if ra != rb {
        return Shallow::Done(ra.cmp(&rb));
    }
    Shallow::Done(match (a, b) {
        _ if ra == 0 => {
            let o = cmp_numbers(a, b);
            if o == Ordering::Equal && exact {
                let fa = matches!(a, Value::Float(_));
                let fb = matches!(b, Value::Float(_));
                fa.cmp(&fb)
            } else {
                o
            }
        }
        (Value::Atom(x), Value::Atom(y)) => x.cmp_text(*y),
        (Value::Ref(x), Value::Ref(y)) => x.cmp(y),
        // Resources by identity, after every plain reference.
        (Value::Resource(x), Value::Resource(y)) => {
            (std::sync::Arc::as_ptr(x) as usize).cmp(&(std::sync::Arc::as_ptr(y) as usize))
        }
        (Value::Ref(_), Value::Resource(_)) => Ordering::Less,
        (Value::Resource(_), Value::Ref(_)) => Ordering::Greater,
        (Value::Pid(x), Value::Pid(y)) => x.cmp(y),
        (Value::Fun(x), Value::Fun(y)) => cmp_funs(x, y),
        (Value::Bin(x), Value::Bin(y)) => x.cmp(y),
        (Value::Tuple(x), Value::Tuple(y)) if Tuple::ptr_eq(x, y) => Ordering::Equal,
        (Value::Tuple(x), Value::Tuple(y)) if x.len() != y.len() => x.len().cmp(&y.len()),
        (Value::Map(x), Value::Map(y)) if Map::ptr_eq(x, y) => Ordering::Equal,
        (Value::Map(x), Value::Map(y)) if x.len() != y.len() => x.len().cmp(&y.len()),
        (Value::Nil, Value::Nil) => Ordering::Equal,
        (Value::Nil, Value::Cons(_)) => Ordering::Less,
        (Value::Cons(_), Value::Nil) => Ordering::Greater,
        (Value::Cons(x), Value::Cons(y)) if Arc::ptr_eq(x, y) => Ordering::Equal,
        (Value::Tuple(_), Value::Tuple(_))
        | (Value::Map(_), Value::Map(_))
        | (Value::Cons(_), Value::Cons(_)) => return Shallow::Nested,
        _ => Ordering::Equal,
    })
}

/// Compares two containers of one kind with an explicit work list of the
/// pairs still to compare, first pair last, so no depth of nesting
/// recurses on the Rust stack. The order is the recursive definition's: a
/// tuple's elements left to right (lengths are equal by now), a map's keys
/// in key order and then its values, a list's head and then its tail (an
/// improper tail compares as a term, so `[1] > [1 | 5]`, as in Erlang).
fn compare_nested(a: &Value, b: &Value, exact: bool) -> Ordering {
    // Each pair carries whether it compares exactly: map keys always do,
    // even under `==`, as on the BEAM (%{1 => :a} != %{1.0 => :a}, while
    // %{a: 1} == %{a: 1.0}).
    let mut work: Vec<(&Value, &Value, bool)> = vec![(a, b, exact)];
    while let Some((p, q, exact)) = work.pop() {
        match compare_shallow(p, q, exact) {
            Shallow::Done(Ordering::Equal) => {}
            Shallow::Done(o) => return o,
            Shallow::Nested => match (p, q) {
                (Value::Tuple(x), Value::Tuple(y)) => {
                    work.extend(x.iter().zip(y.iter()).rev().map(|(a, b)| (a, b, exact)));
                }
                (Value::Map(x), Value::Map(y)) => {
                    work.extend(x.values().zip(y.values()).rev().map(|(a, b)| (a, b, exact)));
                    work.extend(x.keys().zip(y.keys()).rev().map(|(a, b)| (a, b, true)));
                }
                (Value::Cons(x), Value::Cons(y)) => {
                    work.push((&x.tail, &y.tail, exact));
                    work.push((&x.head, &y.head, exact));
                }
                _ => {}
            },
        }
    }
    Ordering::Equal
}

fn cmp_funs(a: &Fun, b: &Fun) -> Ordering {
    match (a, b) {
        (
            Fun::External {
                module: m1,
                name: n1,
                arity: a1,
            },
            Fun::External {
                module: m2,
                name: n2,
                arity: a2,
            },
        ) => m1.cmp_text(*m2).then(n1.cmp_text(*n2)).then(a1.cmp(a2)),
        (Fun::External { .. }, Fun::Closure { .. }) => Ordering::Less,
        (Fun::Closure { .. }, Fun::External { .. }) => Ordering::Greater,
        (Fun::Closure { .. }, Fun::Closure { .. }) => {
            (a as *const Fun as usize).cmp(&(b as *const Fun as usize))
        }
    }
}

/// `==`: numbers by value.
pub fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Atom(x), Value::Atom(y)) => x == y,
        _ => compare(a, b) == Ordering::Equal,
    }
}

/// `===`: like `==` but `1 !== 1.0`.
pub fn strict_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Atom(x), Value::Atom(y)) => x == y,
        _ => compare_exact(a, b) == Ordering::Equal,
    }
}

impl PartialEq for Value {
    /// Exact equality (`===`), the one map keys and pattern matching use.
    fn eq(&self, other: &Value) -> bool {
        strict_equal(self, other)
    }
}
impl Eq for Value {}
impl PartialOrd for Value {
    fn partial_cmp(&self, other: &Value) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Value {
    fn cmp(&self, other: &Value) -> Ordering {
        compare_exact(self, other)
    }
}

/// A number as f64 (for mixed arithmetic).
pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::BigInt(b) => b.to_f64(),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}
