//! The fast step loop: runs the ops of everyday code (locals, constants,
//! integer and float arithmetic, jumps, calls into module code and
//! closures, builtin calls, tuples, lists, `=`, `case`, returns) with the
//! process's two stacks held in locals. Ops that need the whole process (a
//! builtin, a closure's entry, a head the inline tests cannot decide) put
//! the stacks back for the call (`with_process!`) rather than leaving the
//! loop: a switch between the loops costs more than that.
//!
//! Why a second loop: in the general loop (the parent module) the stacks
//! are fields of the `Process`, and that loop calls out to so many helpers
//! that LLVM keeps their lengths and pointers in memory: every push and pop
//! was a load, a store and a reload. Here the vectors are moved out of the
//! process for the run and nothing takes their address (see `stack::grow`),
//! so they can live in registers between the rare calls out. Calls choose
//! their clause inline when the precomputed shortcuts decide it
//! (`quick_case`) and go through the shared `enter` otherwise.
//!
//! The contract with the general loop: this loop stops *before* any op it
//! does not handle, or handles only in part (an overflow, a non-integer
//! operand, an uncached call, an exhausted budget, the last frame's
//! return), leaving that op's frame with `pc` at it and the stacks exactly
//! as the general loop would have them; the general loop then runs it.
//! Every op here does what the general loop's arm for it does.
//!
//! Not here: any op that needs the mailbox, the `try` handlers, or the
//! VM's tables for a first call (`receive`, `send`, `try`, maps, string
//! building, `apply`).

use super::enter::{bind_cons, bind_tuple, drop_frame_below_args, return_leaf};
use super::Pcx;
use crate::code::{ArgCheck, Case, Clause, FnCode, Leaf, Op, Switch};
use crate::error::Raise;
use crate::library::Ctx;
use crate::matching::{guard_passes, match_pat};
use crate::process::{Frame, Process};
use crate::stack::{push_in_place, ValueStack};
use crate::value::{Fun, Value};

/// Why the fast loop stopped.
pub(super) enum Stop {
    /// At an op for the general loop, which has not run.
    Slow,
    /// A call raised; the frame's `pc` is past the call, as the general
    /// loop leaves it.
    Raised(Raise),
}

/// Whether the fast loop runs `op` (when its operands are as it expects):
/// the general loop enters the fast one only at such an op. Keep it in step
/// with the arms of `run`; a mismatch costs speed, never correctness (an op
/// listed but not run is handed straight back).
#[inline(always)]
pub(super) fn handles(op: &Op) -> bool {
    matches!(
        op,
        Op::Local(_)
            | Op::Const(_)
            | Op::Pop
            | Op::AddLocalInt { .. }
            | Op::BinOpLocalInt { .. }
            | Op::BinOpLocals { .. }
            | Op::BinOp(_)
            | Op::Jump(_)
            | Op::JumpIfFalsy(_)
            | Op::Call(_)
            | Op::TailCall(_)
            | Op::Return
            | Op::ReturnConst(_)
            | Op::ReturnLocal(_)
            | Op::ReturnBinOp(_)
            | Op::CallFun { .. }
            | Op::ListTail(_)
            | Op::Tuple(_)
            | Op::Match(_)
            | Op::Switch(_)
            | Op::Bif(..)
            | Op::Native(..)
            | Op::MakeFn(_)
            | Op::Send
            | Op::SendDiscard
    )
}

/// Runs `p` from its current frame until an op needs the general loop.
#[inline(never)]
pub(super) fn run(p: &mut Process, cx: Pcx, budget: &mut u32) -> Stop {
    // The stacks are moved into locals for the run and put back after it,
    // and around the few calls that need the whole process (`with_process!`).
    let mut stack = std::mem::take(&mut p.stack);
    let mut frames = std::mem::take(&mut p.frames);
    let mut left = *budget;
    // Runs `$e` with the stacks back in the process.
    // Swaps, not assignments: an assignment drops the empty vector it
    // replaces, an out-of-line call each time.
    macro_rules! with_process {
        ($e:expr) => {{
            std::mem::swap(&mut p.stack, &mut stack);
            std::mem::swap(&mut p.frames, &mut frames);
            let r = $e;
            std::mem::swap(&mut p.stack, &mut stack);
            std::mem::swap(&mut p.frames, &mut frames);
            r
        }};
    }
    let stop = 'run: loop {
        let Some(frame) = frames.last() else {
            break 'run Stop::Slow;
        };
        // As in the general loop: `code` outlives a pop of this frame only
        // for module code, and every op that pops the frame goes on through
        // `continue 'run` or leaves.
        let mut code: &FnCode = frame.code();
        let mut pc = frame.pc;
        let mut base = frame.base;
        // Hands the op just fetched (at `pc - 1`) to the general loop.
        macro_rules! slow {
            () => {{
                if let Some(f) = frames.last_mut() {
                    f.pc = pc - 1;
                }
                break 'run Stop::Slow;
            }};
        }
        // Pops the frame and pushes its integer result `$i`; the last
        // frame's return is the general loop's (it ends the code).
        macro_rules! return_int {
            ($i:expr) => {{
                let i: i64 = $i;
                frames.truncate(frames.len() - 1);
                stack.cut(base);
                stack.push_with(|| Value::Int(i));
                continue 'run;
            }};
        }
        // Pops the frame and pushes its result `$v`, any value taken out
        // of the frame before the frame goes (for a closure, the frame is
        // what keeps `code` alive).
        macro_rules! return_value {
            ($v:expr) => {{
                let v: Value = $v;
                frames.truncate(frames.len() - 1);
                stack.cut(base);
                stack.push_with(|| v);
                continue 'run;
            }};
        }
        // An operator on anything but two small integers (floats, big
        // integers, term order): pushes the result and goes on, or hands
        // the op to the general loop, which raises the same error.
        macro_rules! general_op {
            ($k:expr, $x:expr, $y:expr) => {{
                match crate::matching::binop_general($k, $x, $y) {
                    Ok(v) => stack.push_with(|| v),
                    Err(_) => slow!(),
                }
            }};
        }
        // A call of `calls[$i]`, in tail position when `$tail`.
        macro_rules! call {
            ($i:expr, $tail:expr) => {{
                let (i, tail): (u32, bool) = ($i, $tail);
                let site = &code.calls[i as usize];
                // Module code from the call-site cache (the VM keeps it
                // alive); a first call resolves in the general loop.
                let Some(target) = site.cached() else { slow!() };
                // Out of reductions: the general loop yields before it.
                if left == 0 {
                    slow!()
                }
                left -= 1;
                if let Some(f) = frames.last_mut() {
                    f.pc = pc;
                }
                let argc = site.arity as usize;
                let Some((case, binds)) = quick_case(&stack, target, argc) else {
                    let entered = with_process!(enter_by_heads(p, cx, target, argc, tail));
                    match entered {
                        Ok(_) => continue 'run,
                        Err(e) => break 'run Stop::Raised(e),
                    }
                };
                let at = stack.len() - argc;
                // A clause that only returns returns at once, without a
                // frame (see `enter`); not for a tail call, whose caller's
                // frame is already gone.
                if let (Some(leaf), false) = (case.leaf, tail) {
                    if let Leaf::Int(x) = leaf {
                        stack.cut(at);
                        stack.push_with(|| Value::Int(x));
                    } else {
                        return_leaf(&mut stack, target, at, leaf);
                    }
                    continue;
                }
                let at = if tail {
                    match frames.pop() {
                        Some(old) => {
                            drop_frame_below_args(&mut stack, old.base, argc);
                            old.base
                        }
                        None => at,
                    }
                } else {
                    at
                };
                let nlocals = target.nlocals as usize;
                if nlocals > argc {
                    stack.push_nils(nlocals - argc);
                }
                if let Some(c) = binds {
                    for check in c.checks.iter() {
                        match *check {
                            ArgCheck::Cons(j, h, t) => {
                                bind_cons(&mut stack[at..], j, h, t);
                            }
                            ArgCheck::Tuple(j, ref slots) => {
                                bind_tuple_out_of_line(&mut stack[at..], j, slots);
                            }
                            _ => {}
                        }
                    }
                }
                let entry = case.entry as usize;
                push_in_place(&mut frames, || Frame::module_fn(target, entry, at));
                code = target;
                pc = entry;
                base = at;
            }};
        }
        let rare: Op = loop {
            // SAFETY: as in the general loop: `pc` is a clause entry, a
            // target or the op after one that falls through, all in range
            // (`FnCode::targets_in_range`).
            let op: &Op = unsafe { code.ops.get_unchecked(pc) };
            pc += 1;
            match *op {
                Op::Local(i) => stack.dup(base + i as usize),
                Op::Const(i) => match code.consts[i as usize] {
                    Value::Int(x) => stack.push_with(|| Value::Int(x)),
                    ref c => stack.push_with(|| c.clone()),
                },
                Op::Pop => {
                    stack.pop();
                }
                Op::AddLocalInt { slot, imm } => {
                    if let Value::Int(x) = stack[base + slot as usize] {
                        if let Some(r) = x.checked_add(imm as i64) {
                            stack.push_with(|| Value::Int(r));
                            continue;
                        }
                    }
                    let x = &stack[base + slot as usize];
                    general_op!(crate::code::BinOp::Add, x, &Value::Int(imm as i64))
                }
                Op::BinOpLocalInt { op: k, slot, imm } => {
                    if let Value::Int(x) = stack[base + slot as usize] {
                        push_int_op!(stack, k, x, imm as i64);
                    }
                    let x = &stack[base + slot as usize];
                    general_op!(k, x, &Value::Int(imm as i64))
                }
                Op::BinOpLocals { op: k, a, b } => {
                    let (x, y) = (&stack[base + a as usize], &stack[base + b as usize]);
                    if let (Value::Int(x), Value::Int(y)) = (x, y) {
                        let (x, y) = (*x, *y);
                        push_int_op!(stack, k, x, y);
                    }
                    let (x, y) = (&stack[base + a as usize], &stack[base + b as usize]);
                    if let Some(r) = floats(x, y).and_then(|(x, y)| float_op(k, x, y)) {
                        stack.push_with(|| Value::Float(r));
                        continue;
                    }
                    let (x, y) = (&stack[base + a as usize], &stack[base + b as usize]);
                    general_op!(k, x, y)
                }
                Op::BinOp(k) => {
                    let n = stack.len();
                    if let (Value::Int(x), Value::Int(y)) = (&stack[n - 2], &stack[n - 1]) {
                        let (x, y) = (*x, *y);
                        // SAFETY: both operands are integers, which own
                        // nothing: forgetting them leaks nothing.
                        unsafe { stack.set_len(n - 2) };
                        push_int_op!(stack, k, x, y);
                        // Overflow: put the operands back for the general
                        // arithmetic.
                        stack.push_with(|| Value::Int(x));
                        stack.push_with(|| Value::Int(y));
                    } else if let Some((x, y)) = floats(&stack[n - 2], &stack[n - 1]) {
                        if let Some(r) = float_op(k, x, y) {
                            // SAFETY: both operands are floats or integers,
                            // which own nothing.
                            unsafe { stack.set_len(n - 2) };
                            stack.push_with(|| Value::Float(r));
                            continue;
                        }
                    }
                    match crate::matching::binop_general(k, &stack[n - 2], &stack[n - 1]) {
                        Ok(v) => {
                            stack.truncate(n - 2);
                            stack.push_with(|| v);
                        }
                        // The general loop raises it.
                        Err(_) => slow!(),
                    }
                }
                Op::ListTail(1) => {
                    let tail = stack.pop_top();
                    let head = stack.pop_top();
                    stack.push_with(|| Value::cons(head, tail));
                }
                // The rest call out of line. Their calls are made after
                // this loop, with the frame's `pc` saved and `code`, `pc`
                // and `base` reloaded from the frame afterwards: a call
                // made in here keeps those live across it, and the
                // register allocator then spills them on the hot paths
                // too (fib(32) took 19% longer with these calls inline).
                Op::ListTail(_)
                | Op::Tuple(_)
                | Op::MakeFn(_)
                | Op::Match(_)
                | Op::Switch(_)
                | Op::Bif(..)
                | Op::Native(..)
                | Op::Send
                | Op::SendDiscard => break *op,
                Op::CallFun { argc, .. } => {
                    // Closures here; a capture (`&M.f/1`) or a non-function
                    // is the general loop's.
                    let at = stack.len() - argc as usize - 1;
                    let is_closure =
                        matches!(&stack[at], Value::Fun(f) if matches!(**f, Fun::Closure { .. }));
                    if !is_closure || left == 0 {
                        slow!()
                    }
                    left -= 1;
                    break *op;
                }
                Op::Jump(t) => pc = t as usize,
                Op::JumpIfFalsy(t) => {
                    if !stack.pop_top().is_truthy() {
                        pc = t as usize;
                    }
                }
                Op::Call(i) => call!(i, false),
                Op::TailCall(i) => call!(i, true),
                Op::Return => {
                    if frames.len() == 1 {
                        slow!()
                    }
                    frames.truncate(frames.len() - 1);
                    stack.collapse_to(base);
                    continue 'run;
                }
                Op::ReturnConst(i) => {
                    if frames.len() == 1 {
                        slow!()
                    }
                    match code.consts[i as usize] {
                        Value::Int(x) => return_int!(x),
                        ref v => return_value!(clone_out_of_line(v)),
                    }
                }
                Op::ReturnLocal(i) => {
                    if frames.len() == 1 {
                        slow!()
                    }
                    match stack[base + i as usize] {
                        Value::Int(x) => return_int!(x),
                        // The slot goes with the frame: move the value out.
                        _ => return_value!(std::mem::replace(
                            &mut stack[base + i as usize],
                            Value::Nil
                        )),
                    }
                }
                Op::ReturnBinOp(k) => {
                    if frames.len() == 1 {
                        slow!()
                    }
                    let n = stack.len();
                    if let (Value::Int(x), Value::Int(y)) = (&stack[n - 2], &stack[n - 1]) {
                        let (x, y) = (*x, *y);
                        use crate::code::BinOp as B;
                        let r = match k {
                            B::Add => x.checked_add(y),
                            B::Sub => x.checked_sub(y),
                            B::Mul => x.checked_mul(y),
                            _ => None,
                        };
                        if let Some(r) = r {
                            // SAFETY: both operands are integers (as in
                            // `BinOp` above).
                            unsafe { stack.set_len(n - 2) };
                            return_int!(r);
                        }
                    }
                    // The frame's cut drops the operands; an error is the
                    // general loop's to raise.
                    match binop_other(k, &stack[n - 2], &stack[n - 1]) {
                        Some(v) => return_value!(v),
                        None => slow!(),
                    }
                }
                _ => slow!(),
            }
        };
        // Here `code`, `pc` and `base` are dead: the frame holds them and
        // `continue 'run` reloads them.
        let Some(f) = frames.last_mut() else {
            break 'run Stop::Slow;
        };
        f.pc = pc;
        let (code, base) = (f.code(), f.base);
        match rare {
            Op::ListTail(n) => stack = list_from_top(stack, n as usize),
            Op::Tuple(n) => stack = tuple_from_top(stack, n as usize),
            Op::MakeFn(i) => stack = closure_onto(stack, code, base, i as usize),
            Op::Match(i) => {
                // The subject stays on the stack, above the frame's slots;
                // a failed match is the general loop's to raise (matching
                // again binds the same values).
                let top = stack.len() - 1 - base;
                let (locals, top) = stack[base..].split_at_mut(top);
                if !match_pat(&code.pats[i as usize], &top[0], locals) {
                    f.pc -= 1;
                    break 'run Stop::Slow;
                }
            }
            Op::Switch(i) => {
                let sw = &code.switches[i as usize];
                let mut ctx = Ctx {
                    cx: &mut *cx,
                    vm: &p.vm,
                    rare: None,
                };
                match switch_target(sw, &mut stack[base..], &mut ctx) {
                    Some(t) => {
                        stack.pop();
                        f.pc = t as usize;
                    }
                    // No clause: the general loop raises.
                    None => {
                        f.pc -= 1;
                        break 'run Stop::Slow;
                    }
                }
            }
            // A send stays in this loop: a message loop (`send`, then a
            // tail call) would otherwise leave it and come back each time.
            Op::Send | Op::SendDiscard => {
                let msg = stack.pop_top();
                let to = stack.pop_top();
                let mut ctx = Ctx {
                    cx: &mut *cx,
                    vm: &p.vm,
                    rare: None,
                };
                let route = match crate::library::support::processes::route(&mut ctx, &to) {
                    Ok(r) => r,
                    // `pc` is past the send, as the general loop leaves it.
                    Err(e) => break 'run Stop::Raised(e),
                };
                if matches!(rare, Op::Send) {
                    crate::library::support::processes::send_routed(&mut ctx, route, msg.clone());
                    stack.push_with(|| msg);
                } else {
                    crate::library::support::processes::send_routed(&mut ctx, route, msg);
                    stack.push_with(|| Value::Nil);
                }
            }
            // Calls that need the whole process.
            Op::Bif(id, argc) => {
                let r = with_process!(super::call_bif(p, cx, id, argc as usize));
                if let Err(e) = r {
                    break 'run Stop::Raised(e);
                }
            }
            Op::Native(id, argc) => {
                let r = with_process!(call_native(p, cx, id, argc as usize));
                if let Err(e) = r {
                    break 'run Stop::Raised(e);
                }
            }
            Op::CallFun { argc, tail } => {
                let r = with_process!(call_closure(p, cx, argc as usize, tail));
                if let Err(e) = r {
                    break 'run Stop::Raised(e);
                }
            }
            // The loop breaks with no other op; were it to, the general
            // loop runs it.
            _ => {
                f.pc -= 1;
                break 'run Stop::Slow;
            }
        }
    };
    p.stack = stack;
    p.frames = frames;
    *budget = left;
    stop
}

/// `Op::Native`, out of line (see the loop's comment on calls).
#[inline(never)]
fn call_native(p: &mut Process, cx: Pcx, id: super::bifs::BifId, argc: usize) -> Result<(), Raise> {
    super::native::call_native(p, cx, id, argc, false).map(|_| ())
}

/// `Op::CallFun` of the closure the loop found under the `argc` arguments.
#[inline(never)]
fn call_closure(p: &mut Process, cx: Pcx, argc: usize, tail: bool) -> Result<(), Raise> {
    let at = p.stack.len() - argc - 1;
    match p.stack.remove(at) {
        Value::Fun(fun) => {
            super::enter::enter_fun(&mut super::parts(p), cx, fun, argc, tail).map(|_| ())
        }
        other => Err(crate::error::bad_function_error(other)),
    }
}

/// `enter` for a call whose clause the shortcuts do not decide. Out of
/// line: inlined, its many paths would compete for registers with the loop.
#[inline(never)]
fn enter_by_heads(
    p: &mut Process,
    cx: Pcx,
    code: &FnCode,
    argc: usize,
    tail: bool,
) -> Result<Option<super::enter::Entered>, Raise> {
    super::enter(&mut super::parts(p), cx, code, argc, tail)
}

/// The clause of module function `code` that accepts the `argc` arguments
/// on top of `stack`, when the head switch, the open clause or heads made
/// only of the tests `ArgCheck` decides inline (literals, `[]`, `[h | t]`,
/// tuples of variables)
/// with no guard or an integer guard over the arguments decide it. With
/// the clause, when its head binds a list's head or tail (to do once the
/// frame's slots exist). `None` leaves the call to `enter`, which tries
/// every head and raises when none matches.
///
/// `argc` is `code`'s arity: the call-site cache holds the function found
/// by name and arity.
#[inline(always)]
fn quick_case<'c>(
    stack: &[Value],
    code: &'c FnCode,
    argc: usize,
) -> Option<(&'c Case, Option<&'c Clause>)> {
    debug_assert_eq!(code.arity as usize, argc);
    let args = &stack[stack.len() - argc..];
    if let Some(c) = code
        .head_switch
        .as_ref()
        .and_then(|sw| sw.case_for_args(args))
    {
        return Some((c, None));
    }
    if let Some(open) = &code.open_clause {
        match open.guard {
            None => return Some((&open.case, None)),
            Some(g) => match args.get(g.slot as usize) {
                Some(Value::Int(x)) if g.test(*x) => return Some((&open.case, None)),
                _ => {}
            },
        }
    }
    let from = code.head_switch.as_ref().map_or(0, |sw| sw.rest);
    scan_heads(args, &code.clauses[from.min(code.clauses.len())..])
}

/// The first of `clauses` whose head accepts `args`, when every head up to
/// it is made of inline tests (see `quick_case`); `None` otherwise.
#[inline(never)]
fn scan_heads<'c>(args: &[Value], clauses: &'c [Clause]) -> Option<(&'c Case, Option<&'c Clause>)> {
    'clauses: for c in clauses {
        let mut binds = false;
        for check in c.checks.iter() {
            let ok = match *check {
                ArgCheck::Int(j, x) => {
                    matches!(args.get(j as usize), Some(Value::Int(y)) if *y == x)
                }
                ArgCheck::Atom(j, a) => {
                    matches!(args.get(j as usize), Some(Value::Atom(b)) if *b == a)
                }
                ArgCheck::Nil(j) => matches!(args.get(j as usize), Some(Value::Nil)),
                ArgCheck::Cons(j, h, t) => {
                    binds |= h.is_some() || t.is_some();
                    matches!(args.get(j as usize), Some(Value::Cons(_)))
                }
                ArgCheck::Tuple(j, ref slots) => {
                    binds |= slots.iter().any(Option::is_some);
                    matches!(args.get(j as usize), Some(Value::Tuple(t)) if t.len() == slots.len())
                }
                ArgCheck::Pat(..) => return None,
            };
            if !ok {
                continue 'clauses;
            }
        }
        if c.guard.is_some() {
            // Only guards over the arguments: the slots a head binds do
            // not exist yet (`IntCond::eval` says `None` for them).
            let passes = match c.int_guard {
                Some(ig) if (ig.slot as usize) < args.len() => match args[ig.slot as usize] {
                    Value::Int(x) => ig.test(x),
                    _ => return None,
                },
                Some(_) => return None,
                None => c.int_cond.as_ref()?.eval(args)?,
            };
            if !passes {
                continue;
            }
        }
        return Some((&c.case, binds.then_some(c)));
    }
    None
}

// The helpers below take the value stack by value and give it back, as
// `stack::grow` does: a reference would let the vector's address escape
// into an out-of-line call, and the loop could no longer keep it in
// registers.

/// `Op::ListTail(n)`: the list of the `n` values under the tail on top.
#[inline(never)]
fn list_from_top(mut stack: Vec<Value>, n: usize) -> Vec<Value> {
    let tail = stack.pop_top();
    let items = stack.split_off(stack.len() - n);
    stack.push(Value::list_with_tail(items, tail));
    stack
}

/// `Op::Tuple(n)`: the tuple of the `n` values on top, built straight from
/// the stack into its one allocation.
#[inline(never)]
fn tuple_from_top(mut stack: Vec<Value>, n: usize) -> Vec<Value> {
    let t = Value::Tuple(crate::value::Tuple::from_top(&mut stack, n));
    stack.push_with(|| t);
    stack
}

/// `Op::MakeFn(i)`: the closure over `code.lambdas[i]`, capturing from the
/// frame at `base`.
#[inline(never)]
fn closure_onto(mut stack: Vec<Value>, code: &FnCode, base: usize, i: usize) -> Vec<Value> {
    let lambda = code.lambdas[i].clone();
    let captured: Box<[Value]> = lambda
        .captures
        .iter()
        .map(|(outer, _)| stack[base + *outer as usize].clone())
        .collect();
    stack.push(Value::Fun(std::sync::Arc::new(Fun::Closure {
        code: lambda,
        captured,
    })));
    stack
}

/// `Op::Switch`: the target of the first clause that accepts the subject
/// on top of `frame` (the current frame's slots and what is above them),
/// binding into the slots, as the general loop's `Switch` does; `None`
/// when no clause does (the general loop raises).
#[inline(never)]
fn switch_target(sw: &Switch, frame: &mut [Value], ctx: &mut Ctx) -> Option<u32> {
    let (locals, subject) = frame.split_at_mut(frame.len() - 1);
    let subject = &subject[0];
    let target = sw.clauses.iter().find_map(|c| {
        if !match_pat(&c.pat, subject, locals) {
            return None;
        }
        match &c.guard {
            Some(g) if !guard_passes(g, locals, ctx) => None,
            _ => Some(c.target),
        }
    })?;
    Some(target)
}

/// An operator's result on anything but two small integers, for the
/// fused return; `None` for an error. Out of line, so that the integer
/// path's registers stay the loop's (fib's returns are all integers).
#[inline(never)]
fn binop_other(k: crate::code::BinOp, x: &Value, y: &Value) -> Option<Value> {
    if let Some(r) = floats(x, y).and_then(|(x, y)| float_op(k, x, y)) {
        return Some(Value::Float(r));
    }
    crate::matching::binop_general(k, x, y).ok()
}

/// `bind_tuple` for the call macro: out of line, so that the call path
/// of code without tuple heads keeps its registers (fib).
#[inline(never)]
fn bind_tuple_out_of_line(locals: &mut [Value], j: u32, slots: &[Option<u32>]) {
    bind_tuple(locals, j, slots);
}

/// `v.clone()`, out of line for the same reason.
#[inline(never)]
fn clone_out_of_line(v: &Value) -> Value {
    v.clone()
}

/// Two operands as floats when at least one is a float and the other a
/// float or a small integer: the float arithmetic of `push_float_op`.
#[inline(always)]
fn floats(a: &Value, b: &Value) -> Option<(f64, f64)> {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => Some((*x, *y)),
        (Value::Float(x), Value::Int(y)) => Some((*x, *y as f64)),
        (Value::Int(x), Value::Float(y)) => Some((*x as f64, *y)),
        _ => None,
    }
}

/// A float operator's finite result; `None` for a comparison, a zero
/// divisor or an infinite or NaN result, which the general arithmetic
/// decides (and raises where Elixir does).
#[inline(always)]
fn float_op(k: crate::code::BinOp, x: f64, y: f64) -> Option<f64> {
    use crate::code::BinOp as B;
    let r = match k {
        B::Add => x + y,
        B::Sub => x - y,
        B::Mul => x * y,
        B::FDiv if y != 0.0 => x / y,
        _ => return None,
    };
    r.is_finite().then_some(r)
}
