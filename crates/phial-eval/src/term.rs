//! Erlang's term order and the two equalities (`==` and `===`).
//!
//! Order across types: number < atom < reference < function < pid < tuple <
//! map < list < bitstring. Numbers compare by value (`1 == 1.0`); `compare`
//! is that order. `Ord for Value` is the *exact* total order used for map keys
//! and sorting stability: term order, with an integer before an equal float,
//! so it agrees with `===`.
//!
//! Not here: printing, arithmetic.

use crate::value::{Fun, Value};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};
use std::cmp::Ordering;

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
        Value::Str(_) => 8,
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
    let (ra, rb) = (type_rank(a), type_rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match (a, b) {
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
        (Value::Tuple(x), Value::Tuple(y)) => x.len().cmp(&y.len()).then_with(|| {
            for (p, q) in x.iter().zip(y.iter()) {
                let o = compare_with(p, q, exact);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        }),
        (Value::Map(x), Value::Map(y)) => x.len().cmp(&y.len()).then_with(|| {
            // Keys first (in key order), then values in key order. Keys
            // compare exactly even for `==`, as on the BEAM:
            // %{1 => :a} != %{1.0 => :a}, while %{a: 1} == %{a: 1.0}.
            for ((k1, _), (k2, _)) in x.iter().zip(y.iter()) {
                let o = compare_with(k1, k2, true);
                if o != Ordering::Equal {
                    return o;
                }
            }
            for ((_, v1), (_, v2)) in x.iter().zip(y.iter()) {
                let o = compare_with(v1, v2, exact);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        }),
        (Value::Nil | Value::Cons(_), Value::Nil | Value::Cons(_)) => {
            let (mut p, mut q) = (a, b);
            loop {
                match (p, q) {
                    (Value::Nil, Value::Nil) => return Ordering::Equal,
                    (Value::Nil, _) => return Ordering::Less,
                    (_, Value::Nil) => return Ordering::Greater,
                    (Value::Cons(c1), Value::Cons(c2)) => {
                        if Arc_ptr_eq(c1, c2) {
                            return Ordering::Equal;
                        }
                        let o = compare_with(&c1.head, &c2.head, exact);
                        if o != Ordering::Equal {
                            return o;
                        }
                        p = &c1.tail;
                        q = &c2.tail;
                    }
                    // An improper tail: compare it as a term.
                    (x, y) => return compare_with(x, y, exact),
                }
            }
        }
        (Value::Str(x), Value::Str(y)) => x.as_bytes().cmp(y.as_bytes()),
        _ => Ordering::Equal,
    }
}

#[allow(non_snake_case)]
fn Arc_ptr_eq<T>(a: &std::sync::Arc<T>, b: &std::sync::Arc<T>) -> bool {
    std::sync::Arc::ptr_eq(a, b)
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
