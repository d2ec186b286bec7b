//! Running compiled patterns and guards against values.
//!
//! Both work on a frame's local slots (`locals`, a window of the process's
//! value stack) and never wait or call user code, which is why they can run
//! natively in the middle of an op (a `receive` scan, a function head).
//! A guard that raises simply fails its clause, as Elixir specifies.
//!
//! Not here: compiling them (`compile::pattern`).

use crate::code::{BinOp, Guard, MapKey, Pat};
use crate::library::{self, Ctx};
use crate::term::strict_equal;
use crate::value::Value;

/// Stores a binding. The slot's old value is usually an integer, an atom or
/// the `nil` a frame starts with: those skip the (out-of-line) destructor.
#[inline(always)]
fn bind(locals: &mut [Value], slot: u32, v: &Value) {
    let old = std::mem::replace(&mut locals[slot as usize], v.clone());
    if old.is_immediate() {
        std::mem::forget(old);
    }
}

/// The element patterns most tuples in `receive` and function heads are
/// made of (`{:msg, v}`), matched without a recursive call; `None` for the
/// rest.
#[inline(always)]
fn match_simple(p: &Pat, v: &Value, locals: &mut [Value]) -> Option<bool> {
    Some(match p {
        Pat::Any => true,
        Pat::Bind(s) => {
            bind(locals, *s, v);
            true
        }
        Pat::Lit(Value::Atom(a)) => matches!(v, Value::Atom(b) if a == b),
        Pat::Lit(Value::Int(i)) => matches!(v, Value::Int(j) if i == j),
        _ => return None,
    })
}

/// Matches `v` against `p`, binding into `locals`.
pub fn match_pat(p: &Pat, v: &Value, locals: &mut [Value]) -> bool {
    match p {
        Pat::Any => true,
        Pat::Bind(s) => {
            bind(locals, *s, v);
            true
        }
        Pat::Same(s) => strict_equal(&locals[*s as usize], v),
        Pat::Lit(l) => match (l, v) {
            (Value::Atom(a), Value::Atom(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            _ => strict_equal(l, v),
        },
        Pat::Tuple(ps) => match v {
            Value::Tuple(items) if items.len() == ps.len() => {
                ps.iter()
                    .zip(items.iter())
                    .all(|(p, x)| match match_simple(p, x, locals) {
                        Some(ok) => ok,
                        None => match_pat(p, x, locals),
                    })
            }
            _ => false,
        },
        Pat::Nil => matches!(v, Value::Nil),
        Pat::Cons(h, t) => match v {
            Value::Cons(c) => match_pat(h, &c.head, locals) && match_pat(t, &c.tail, locals),
            _ => false,
        },
        Pat::Map(keys) => match v {
            Value::Map(m) => keys.iter().all(|(k, p)| {
                let found = match k {
                    MapKey::Lit(key) => m.get(key),
                    MapKey::Pinned(s) => m.get(&locals[*s as usize].clone()),
                };
                match found {
                    Some(x) => {
                        let x = x.clone();
                        match_pat(p, &x, locals)
                    }
                    None => false,
                }
            }),
            _ => false,
        },
        Pat::StrPrefix(prefix, rest) => match v {
            Value::Bin(s) if s.is_binary() && s.bytes().starts_with(prefix) => {
                let remaining = Value::Bin(s.part(prefix.len(), s.byte_len() - prefix.len()));
                match_pat(rest, &remaining, locals)
            }
            _ => false,
        },
        Pat::Bits(segs) => crate::bitstring::match_segments(segs, v, locals),
        Pat::Both(a, b) => match_pat(a, v, locals) && match_pat(b, v, locals),
    }
}

/// `when x > 1` and the like: a comparison between integer variables,
/// literals and arithmetic over them, or `and`/`or` of such, the commonest
/// guards, decided without building any value.
/// `None` when the guard has another shape or the operands are not integers.
#[inline(always)]
pub fn int_compare_guard(g: &Guard, locals: &[Value]) -> Option<bool> {
    let (k, a, b) = match g {
        Guard::BinOp(k, a, b) => (k, a, b),
        // `when step > 0 and i > last`: the right side only matters when
        // the left does not decide; an undecided side is the general
        // evaluator's (which gets the same answer, or fails the guard).
        Guard::And(a, b) => {
            return match int_compare_guard(a, locals)? {
                false => Some(false),
                true => int_compare_guard(b, locals),
            }
        }
        Guard::Or(a, b) => {
            return match int_compare_guard(a, locals)? {
                true => Some(true),
                false => int_compare_guard(b, locals),
            }
        }
        _ => return None,
    };
    let (x, y) = (int_operand(a, locals)?, int_operand(b, locals)?);
    match k {
        BinOp::Lt => Some(x < y),
        BinOp::Gt => Some(x > y),
        BinOp::Le => Some(x <= y),
        BinOp::Ge => Some(x >= y),
        BinOp::Eq | BinOp::StrictEq => Some(x == y),
        BinOp::Ne | BinOp::StrictNe => Some(x != y),
        _ => None,
    }
}

/// Evaluates a guard; `true` only if it returns `true` without raising.
pub fn guard_passes(g: &Guard, locals: &[Value], ctx: &mut Ctx) -> bool {
    if let Some(passes) = int_compare_guard(g, locals) {
        return passes;
    }
    if let Guard::BinOp(k, a, b) = g {
        if let (Some(x), Some(y)) = (operand(a, locals), operand(b, locals)) {
            return matches!(binop(*k, x, y), Ok(Value::Atom(crate::atom::Atom::TRUE)));
        }
    }
    matches!(
        eval_guard(g, locals, ctx),
        Some(Value::Atom(crate::atom::Atom::TRUE))
    )
}

fn eval_guard(g: &Guard, locals: &[Value], ctx: &mut Ctx) -> Option<Value> {
    Some(match g {
        Guard::Lit(v) => v.clone(),
        Guard::Local(s) => locals[*s as usize].clone(),
        Guard::BinOp(k, a, b) => match (operand(a, locals), operand(b, locals)) {
            // The common `x > 1`: compare in place, no copies.
            (Some(x), Some(y)) => binop(*k, x, y).ok()?,
            _ => {
                let a = eval_guard(a, locals, ctx)?;
                let b = eval_guard(b, locals, ctx)?;
                binop(*k, &a, &b).ok()?
            }
        },
        Guard::Bif(id, args) if args.len() == 1 => {
            let a = eval_guard(&args[0], locals, ctx)?;
            (library::entry(*id).plain()?)(ctx, std::slice::from_ref(&a)).ok()?
        }
        Guard::Bif(id, args) if args.len() == 2 => {
            let pair = [
                eval_guard(&args[0], locals, ctx)?,
                eval_guard(&args[1], locals, ctx)?,
            ];
            (library::entry(*id).plain()?)(ctx, &pair).ok()?
        }
        Guard::Bif(id, args) => {
            let vals: Vec<Value> = args
                .iter()
                .map(|a| eval_guard(a, locals, ctx))
                .collect::<Option<_>>()?;
            (library::entry(*id).plain()?)(ctx, &vals).ok()?
        }
        Guard::Tuple(items) => Value::tuple(
            items
                .iter()
                .map(|a| eval_guard(a, locals, ctx))
                .collect::<Option<_>>()?,
        ),
        Guard::List(items, tail) => {
            let vals: Vec<Value> = items
                .iter()
                .map(|a| eval_guard(a, locals, ctx))
                .collect::<Option<_>>()?;
            let t = match tail {
                Some(t) => eval_guard(t, locals, ctx)?,
                None => Value::Nil,
            };
            Value::list_with_tail(vals, t)
        }
        Guard::And(a, b) => match eval_guard(a, locals, ctx)?.as_bool()? {
            false => Value::FALSE,
            true => Value::bool(eval_guard(b, locals, ctx)?.as_bool()?),
        },
        Guard::Or(a, b) => match eval_guard(a, locals, ctx)?.as_bool()? {
            true => Value::TRUE,
            false => Value::bool(eval_guard(b, locals, ctx)?.as_bool()?),
        },
        Guard::Not(a) => Value::bool(!eval_guard(a, locals, ctx)?.as_bool()?),
        Guard::In(x, coll) => {
            let x = eval_guard(x, locals, ctx)?;
            let coll = eval_guard(coll, locals, ctx)?;
            Value::bool(member(&x, &coll)?)
        }
    })
}

/// A guard operand that is a small integer: a variable or literal holding
/// one, or integer arithmetic over such (`rem(k, 2)`, `n * 2 + 1`),
/// computed without building a value. `None` for anything else, an
/// overflow, a zero divisor, or a slot past `locals` (a head's guard tried
/// before the frame's other slots exist).
#[inline]
fn int_operand(g: &Guard, locals: &[Value]) -> Option<i64> {
    match g {
        Guard::Local(s) => match locals.get(*s as usize)? {
            Value::Int(x) => Some(*x),
            _ => None,
        },
        Guard::Lit(Value::Int(x)) => Some(*x),
        Guard::BinOp(k, a, b) => {
            let (x, y) = (int_operand(a, locals)?, int_operand(b, locals)?);
            match k {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                BinOp::Rem if y != 0 => Some(x.wrapping_rem(y)),
                BinOp::Div => x.checked_div(y),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A guard operand that is already a value (a variable or a literal).
#[inline(always)]
fn operand<'a>(g: &'a Guard, locals: &'a [Value]) -> Option<&'a Value> {
    match g {
        Guard::Local(s) => Some(&locals[*s as usize]),
        Guard::Lit(v) => Some(v),
        _ => None,
    }
}

/// `x in coll` for a list or a range (guard semantics: strict equality).
pub fn member(x: &Value, coll: &Value) -> Option<bool> {
    if let Some((first, last, step)) = coll.as_range() {
        let Value::Int(i) = x else { return Some(false) };
        let (lo, hi) = if step > 0 {
            (first, last)
        } else {
            (last, first)
        };
        return Some(*i >= lo && *i <= hi && (i - first) % step == 0);
    }
    if let Some(set) = coll.as_mapset() {
        return Some(set.contains_key(x));
    }
    match coll {
        Value::Nil | Value::Cons(_) => Some(coll.iter_list().any(|y| strict_equal(x, y))),
        _ => None,
    }
}

/// The operators of `code::BinOp` on two small integers, or `None` when
/// the result does not fit (`+`, `-`, `*` overflowing into a big integer).
#[inline(always)]
pub fn int_binop(k: BinOp, x: i64, y: i64) -> Option<Value> {
    match k {
        BinOp::Add => x.checked_add(y).map(Value::Int),
        BinOp::Sub => x.checked_sub(y).map(Value::Int),
        BinOp::Mul => x.checked_mul(y).map(Value::Int),
        BinOp::Lt => Some(Value::bool(x < y)),
        BinOp::Gt => Some(Value::bool(x > y)),
        BinOp::Le => Some(Value::bool(x <= y)),
        BinOp::Ge => Some(Value::bool(x >= y)),
        BinOp::Eq | BinOp::StrictEq => Some(Value::bool(x == y)),
        BinOp::Ne | BinOp::StrictNe => Some(Value::bool(x != y)),
        BinOp::Rem if y != 0 => Some(Value::Int(x.wrapping_rem(y))),
        BinOp::Div => x.checked_div(y).map(Value::Int),
        BinOp::FDiv if y != 0 => Some(Value::Float(x as f64 / y as f64)),
        BinOp::Rem | BinOp::FDiv => None,
    }
}

/// The operators of `code::BinOp`: integers inline, everything else through
/// the general arithmetic and term-order functions.
#[inline]
pub fn binop(k: BinOp, a: &Value, b: &Value) -> crate::error::Result<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(r) = int_binop(k, *x, *y) {
            return Ok(r);
        }
    }
    binop_general(k, a, b)
}

/// `binop` for everything but two small integers.
#[cold]
#[inline(never)]
pub fn binop_general(k: BinOp, a: &Value, b: &Value) -> crate::error::Result<Value> {
    use crate::library::support::arith;
    Ok(match k {
        BinOp::Add => arith::add(a, b)?,
        BinOp::Sub => arith::sub(a, b)?,
        BinOp::Mul => arith::mul(a, b)?,
        BinOp::Lt => Value::bool(arith::lt(a, b)),
        BinOp::Gt => Value::bool(arith::lt(b, a)),
        BinOp::Le => Value::bool(!arith::lt(b, a)),
        BinOp::Ge => Value::bool(!arith::lt(a, b)),
        BinOp::Eq => Value::bool(crate::term::equal(a, b)),
        BinOp::Ne => Value::bool(!crate::term::equal(a, b)),
        BinOp::StrictEq => Value::bool(strict_equal(a, b)),
        BinOp::StrictNe => Value::bool(!strict_equal(a, b)),
        BinOp::Rem => arith::rem(a, b)?,
        BinOp::Div => arith::div(a, b)?,
        BinOp::FDiv => arith::fdiv(a, b)?,
    })
}
