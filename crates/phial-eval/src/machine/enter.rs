//! Entering a function: choosing the clause whose head accepts the
//! arguments, laying out the new frame, and the frameless return of a
//! clause that only returns a constant or an argument.
//!
//! It works on `Parts`, the process's two stacks borrowed apart from the
//! rest, so that both step loops can use it: the general one on the
//! process's own vectors, the fast one (`fast`) on its local copies.
//!
//! Not here: resolving what to call (`resolve` in the parent), running the
//! ops (the step loops).

use super::Pcx;
use crate::atom::Atom;
use crate::code::{ArgCheck, Case, FnCode, Leaf};
use crate::error::{self, Raise};
use crate::library::Ctx;
use crate::matching::{guard_passes, int_compare_guard, match_pat};
use crate::process::Frame;
use crate::stack::{push_in_place, ValueStack};
use crate::value::{Fun, Value};
use crate::vm::Vm;
use std::sync::Arc;

/// A process's value and frame stacks, and its VM, borrowed apart.
pub(super) struct Parts<'a> {
    pub stack: &'a mut Vec<Value>,
    pub frames: &'a mut Vec<Frame>,
    pub vm: &'a Arc<Vm>,
}

/// Enters module function `code` with its `argc` arguments on top of the
/// stack. With `tail`, the current frame is replaced. Returns where the new
/// frame starts, or `None` when the chosen clause returned at once and its
/// value is already on the stack.
///
/// The arguments stay where they are and become slots `0..arity` of the new
/// frame; a head that is a plain variable is compiled to `Pat::Any` and
/// reads its argument's slot directly (see `Compiler::head_patterns`).
#[inline(always)]
pub(super) fn enter(
    p: &mut Parts,
    cx: Pcx,
    code: &FnCode,
    argc: usize,
    tail: bool,
) -> Result<Option<Entered>, Raise> {
    let (case, base) = prepare(p, cx, code, None, argc, tail)?;
    // A clause that only returns a constant or an argument (`fib(0)`,
    // `loop(0, acc)`), called from a frame that stays: return at once,
    // without pushing a frame to pop right away. Not for tail calls (the
    // caller's frame is already gone).
    if let (Some(leaf), false) = (case.leaf, tail) {
        return_leaf(p.stack, code, base, leaf);
        return Ok(None);
    }
    let pc = case.entry as usize;
    push_in_place(p.frames, || Frame::module_fn(code, pc, base));
    Ok(Some(Entered { pc, base }))
}

/// `enter` for the closure `fun`, already moved off the stack: the frame
/// holds it (and so its code) without touching a reference count.
#[inline(always)]
pub(super) fn enter_fun(
    p: &mut Parts,
    cx: Pcx,
    fun: Arc<Fun>,
    argc: usize,
    tail: bool,
) -> Result<Option<Entered>, Raise> {
    let Fun::Closure { code, captured } = &*fun else {
        // The callers pass closures only.
        return Err(error::bad_function_error(Value::Fun(fun.clone())));
    };
    let (case, base) = prepare(p, cx, code, Some((&fun, captured)), argc, tail)?;
    // A leaf clause returns without a frame here too; its value is taken
    // (a constant cloned) before `fun`, the code's owner, goes.
    if let (Some(leaf), false) = (case.leaf, tail) {
        return_leaf(p.stack, code, base, leaf);
        return Ok(None);
    }
    let pc = case.entry as usize;
    let code: *const FnCode = Arc::as_ptr(code);
    push_in_place(p.frames, || Frame::owned(fun, code, pc, base));
    Ok(Some(Entered { pc, base }))
}

/// What `enter` and `enter_fun` share: checks the arity, replaces the
/// frame for a tail call, lays out the new frame's slots (a closure's
/// captures included) and chooses the clause. Returns it with the frame's
/// base.
#[inline(always)]
fn prepare(
    p: &mut Parts,
    cx: Pcx,
    code: &FnCode,
    closure: Option<(&Arc<Fun>, &[Value])>,
    argc: usize,
    tail: bool,
) -> Result<(Case, usize), Raise> {
    if code.arity as usize != argc {
        return Err(arity_mismatch(p, code, closure.map(|c| c.0), argc));
    }
    if tail {
        if let Some(old) = p.frames.pop() {
            drop_frame_below_args(p.stack, old.base, argc);
        }
    }
    let base = p.stack.len() - argc;
    let nlocals = code.nlocals as usize;
    if nlocals > argc {
        p.stack.push_nils(nlocals - argc);
    }
    if let Some((_, captured)) = closure {
        for (i, (_, inner)) in code.captures.iter().enumerate() {
            p.stack[base + *inner as usize] = captured[i].clone();
        }
    }
    let case = match &code.head_switch {
        Some(sw) => match sw.case_for_args(&p.stack[base..]) {
            Some(c) => Some(*c),
            None => first_matching_head(p, cx, code, base, sw.rest),
        },
        None => first_matching_head(p, cx, code, base, 0),
    };
    match case {
        Some(case) => Ok((case, base)),
        None => Err(no_clause_matches(p, code, base, argc)),
    }
}

/// Returns `leaf`'s value for a call of `code` whose arguments start at
/// `at`, without a frame: the arguments go and the value takes their place.
/// An integer is rebuilt in its slot rather than carried as a `Value`,
/// which would be assembled in a temporary and copied whole (a failed
/// store-to-load forward on every leaf call: `perf annotate` once put 15%
/// of fib on that copy).
#[inline(always)]
pub(super) fn return_leaf(stack: &mut Vec<Value>, code: &FnCode, at: usize, leaf: Leaf) {
    match leaf {
        Leaf::Int(x) => {
            stack.cut(at);
            stack.push_with(|| Value::Int(x));
        }
        Leaf::Arg(j) => {
            let v = std::mem::replace(&mut stack[at + j as usize], Value::Nil);
            stack.cut(at);
            match v {
                Value::Int(x) => stack.push_with(|| Value::Int(x)),
                v => stack.push_with(|| v),
            }
        }
        Leaf::Const(i) => {
            stack.cut(at);
            stack.push_with(|| code.consts[i as usize].clone());
        }
    }
}

/// Where `enter` left the new frame, so the step loop can go on running it
/// without reading back the frame it just wrote.
pub(super) struct Entered {
    pub pc: usize,
    pub base: usize,
}

/// The entry of the first of `code`'s clauses from index `from` whose head
/// accepts the arguments at `base` (binding the head's variables).
#[inline(always)]
fn first_matching_head(
    p: &mut Parts,
    cx: Pcx,
    code: &FnCode,
    base: usize,
    from: usize,
) -> Option<Case> {
    'clauses: for c in code.clauses.iter().skip(from) {
        for check in c.checks.iter() {
            let ok = match check {
                ArgCheck::Int(j, x) => {
                    matches!(p.stack[base + *j as usize], Value::Int(y) if y == *x)
                }
                ArgCheck::Atom(j, a) => {
                    matches!(p.stack[base + *j as usize], Value::Atom(b) if b == *a)
                }
                ArgCheck::Nil(j) => matches!(p.stack[base + *j as usize], Value::Nil),
                ArgCheck::Cons(j, h, t) => bind_cons(&mut p.stack[base..], *j, *h, *t),
                ArgCheck::Tuple(j, slots) => bind_tuple(&mut p.stack[base..], *j, slots),
                ArgCheck::Pat(j, pat) => {
                    // Binds only slots past the arguments, but reads them
                    // through `locals` too: match a copy of the argument.
                    let locals = &mut p.stack[base..];
                    let arg = locals[*j as usize].clone();
                    match_pat(pat, &arg, locals)
                }
            };
            if !ok {
                continue 'clauses;
            }
        }
        if let Some(g) = &c.guard {
            let quick = match c.int_guard {
                Some(ig) => match p.stack[base + ig.slot as usize] {
                    Value::Int(x) => Some(ig.test(x)),
                    _ => None,
                },
                None => match &c.int_cond {
                    Some(ic) => ic.eval(&p.stack[base..]),
                    None => int_compare_guard(g, &p.stack[base..]),
                },
            };
            let passes = match quick {
                Some(passes) => passes,
                None => guard_passes(
                    g,
                    &p.stack[base..],
                    &mut Ctx {
                        cx,
                        vm: p.vm,
                        rare: None,
                    },
                ),
            };
            if !passes {
                continue;
            }
        }
        return Some(c.case);
    }
    None
}

/// `ArgCheck::Cons`: whether argument `j` of the frame `locals` is a
/// non-empty list, binding its head and tail to slots `h` and `t`.
#[inline(always)]
pub(super) fn bind_cons(locals: &mut [Value], j: u32, h: Option<u32>, t: Option<u32>) -> bool {
    let Value::Cons(c) = &locals[j as usize] else {
        return false;
    };
    let (hv, tv) = (h.map(|_| c.head.clone()), t.map(|_| c.tail.clone()));
    for (slot, v) in [(h, hv), (t, tv)] {
        if let (Some(s), Some(v)) = (slot, v) {
            let old = std::mem::replace(&mut locals[s as usize], v);
            // Usually the `nil` a new frame's slot starts with.
            if old.is_immediate() {
                std::mem::forget(old);
            }
        }
    }
    true
}

/// `ArgCheck::Tuple`: whether argument `j` of the frame `locals` is a
/// tuple of `slots.len()` elements, binding each to its slot. Every slot
/// is past the arguments (`code::tuple_slots`), so the tuple is read from
/// below the slots written.
#[inline(always)]
pub(super) fn bind_tuple(locals: &mut [Value], j: u32, slots: &[Option<u32>]) -> bool {
    let (args, rest) = locals.split_at_mut(j as usize + 1);
    let Value::Tuple(t) = &args[j as usize] else {
        return false;
    };
    if t.len() != slots.len() {
        return false;
    }
    for (slot, v) in slots.iter().zip(t.iter()) {
        if let Some(s) = slot {
            let Some(dst) = rest.get_mut(*s as usize - j as usize - 1) else {
                // Unreachable: the frame has a slot for every variable.
                return false;
            };
            let old = std::mem::replace(dst, v.clone());
            // Usually the `nil` a new frame's slot starts with.
            if old.is_immediate() {
                std::mem::forget(old);
            }
        }
    }
    true
}

/// For a tail call: the old frame's slots from `start` go, and the `argc`
/// new arguments on top move down to take their place.
#[inline(always)]
pub(super) fn drop_frame_below_args(stack: &mut Vec<Value>, start: usize, argc: usize) {
    let args_at = stack.len() - argc;
    if args_at == start {
        return;
    }
    for i in 0..argc {
        stack.swap(start + i, args_at + i);
    }
    stack.cut(start + argc);
}

#[cold]
fn arity_mismatch(p: &mut Parts, code: &FnCode, fun: Option<&Arc<Fun>>, argc: usize) -> Raise {
    let args = p.stack.split_off(p.stack.len() - argc);
    match fun {
        Some(f) => error::bad_arity_error(Value::Fun(f.clone()), args),
        None => error::undefined_function(code.module, code.name, argc as u32, true),
    }
}

/// FunctionClauseError for a call whose arguments sit at `base`.
#[cold]
fn no_clause_matches(p: &mut Parts, code: &FnCode, base: usize, argc: usize) -> Raise {
    let args = p.stack[base..base + argc].to_vec();
    p.stack.truncate(base);
    let (m, n) = if code.is_anonymous() {
        (
            Atom::new("erl_eval"),
            Atom::new("-inside-an-interpreted-fun-"),
        )
    } else {
        (code.module, code.name)
    };
    error::function_clause_error(m, n, argc as u32, args)
}
