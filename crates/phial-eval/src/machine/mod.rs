//! The evaluator's step loop: runs a process's ops until its reduction
//! budget is spent, it must wait in `receive`, or its code finishes.
//!
//! The whole continuation lives in the `Process` (frame stack + value
//! stack), never on the Rust stack, so a process can stop between any two
//! ops and resume on another worker thread. Tail calls reuse their frame
//! (server loops run in constant space); deep non-tail recursion grows the
//! frame `Vec` on the heap. One reduction is charged per function call, as on
//! the BEAM; at zero the process yields *before* the call, so resuming simply
//! re-executes that op.
//!
//! This is the general loop, which runs every op. The ops of tight loops
//! and recursion run in the fast loop (`fast`) whenever a frame reaches
//! one; entering a function is shared by both (`enter`). The rest of the
//! machine is by concept: calls and name resolution (`calls`), natives
//! that call phial code (`native`), `receive` (`receive`), raising and
//! unwinding (`unwind`).
//!
//! Not here: pattern and guard evaluation (`matching`), builtins (`library`),
//! what happens when a process ends (`process`).

// An integer operator, for both step loops: pushes the result and goes on
// to the next op, or falls through when `+`, `-` or `*` overflows. Each arm
// pushes a value of a known variant straight into the stack; merging the
// arms into one temporary first costs a store-forwarding stall per op.
macro_rules! push_int_op {
    ($stack:expr, $k:expr, $x:expr, $y:expr) => {{
        use crate::code::BinOp as B;
        let (x, y): (i64, i64) = ($x, $y);
        match $k {
            B::Add => {
                if let Some(r) = x.checked_add(y) {
                    $stack.push_with(|| Value::Int(r));
                    continue;
                }
            }
            B::Sub => {
                if let Some(r) = x.checked_sub(y) {
                    $stack.push_with(|| Value::Int(r));
                    continue;
                }
            }
            B::Mul => {
                if let Some(r) = x.checked_mul(y) {
                    $stack.push_with(|| Value::Int(r));
                    continue;
                }
            }
            B::Lt => {
                $stack.push_with(|| Value::bool(x < y));
                continue;
            }
            B::Gt => {
                $stack.push_with(|| Value::bool(x > y));
                continue;
            }
            B::Le => {
                $stack.push_with(|| Value::bool(x <= y));
                continue;
            }
            B::Ge => {
                $stack.push_with(|| Value::bool(x >= y));
                continue;
            }
            B::Eq | B::StrictEq => {
                $stack.push_with(|| Value::bool(x == y));
                continue;
            }
            B::Ne | B::StrictNe => {
                $stack.push_with(|| Value::bool(x != y));
                continue;
            }
            // A zero divisor falls through to the general arithmetic,
            // which raises; `i64::MIN div -1` goes there for its big
            // integer.
            B::Rem => {
                if y != 0 {
                    $stack.push_with(|| Value::Int(x.wrapping_rem(y)));
                    continue;
                }
            }
            B::Div => {
                if let Some(r) = x.checked_div(y) {
                    $stack.push_with(|| Value::Int(r));
                    continue;
                }
            }
            B::FDiv => {
                if y != 0 {
                    $stack.push_with(|| Value::Float(x as f64 / y as f64));
                    continue;
                }
            }
        }
    }};
}

mod calls;
mod enter;
mod fast;
mod native;
mod receive;
mod unwind;

use crate::code::{FnCode, Op, SwitchClause, SwitchKind};
use crate::error::{self, Raise};
use crate::library::{self as bifs, Ctx};
use crate::matching::{guard_passes, match_pat};
use crate::process::{HandlerRec, Process};
use crate::stack::ValueStack;
use crate::value::Value;
use calls::{
    apply, call_bif, call_dynamic, call_fun_value, invoke, make_closure, parts, resolve,
    return_value,
};
use enter::enter;
use phial_runtime::Cx;
use receive::{far_future, receive_deadline, receive_scan, take};
use std::time::Instant;
use unwind::{ask_message, record_trace, reraise, unwind};

pub enum Outcome {
    Yield,
    Wait(Option<Instant>),
    Done(Value),
    Raised(Raise),
}

type Pcx<'a, 'b> = &'a mut Cx<'b, Value, Process>;

/// Runs `p` for at most the slice's reductions (`Cx::reductions`) and
/// reports what it left, so a process it woke can run on the rest.
pub fn execute(p: &mut Process, cx: Pcx) -> Outcome {
    let mut budget = cx.reductions();
    let outcome = execute_within(p, cx, &mut budget);
    cx.set_reductions(budget);
    outcome
}

fn execute_within(p: &mut Process, cx: Pcx, budget: &mut u32) -> Outcome {
    if std::mem::take(&mut p.starting) {
        // The stack holds the function and its arguments (`Process::new`).
        let argc = p.stack.len() - 1;
        if let Err(r) = call_fun_value(p, cx, argc, false) {
            if cx.exiting() {
                return Outcome::Yield;
            }
            record_trace(p, &r);
            if let Some(r) = unwind(p, cx, r) {
                return Outcome::Raised(r);
            }
        }
    }
    loop {
        match run(p, cx, budget) {
            // The message of an uncaught exception of the program's own,
            // computed by its `message/1` (see `ask_message`).
            Ok(Outcome::Done(msg)) if p.rare.as_ref().is_some_and(|x| x.crashing.is_some()) => {
                if let Value::Bin(s) = &msg {
                    p.rare().crash_message = Some(s.to_string_lossy().into_owned());
                }
                if let Some(r) = p.rare().crashing.take() {
                    if let Some(t) = p.rare().crashing_trace.take() {
                        p.rare().trace = Some(t);
                    }
                    return Outcome::Raised(r);
                }
            }
            Ok(o) => return o,
            Err(r) => {
                // Killed by an exit signal to itself (`Process.exit(self(),
                // r)`): nothing of this code runs any more, not even a
                // `rescue` or an `after`; the runtime ends the process.
                if cx.exiting() {
                    return Outcome::Yield;
                }
                // Where it was raised, while the raising frames are still there.
                record_trace(p, &r);
                if let Some(r) = unwind(p, cx, r) {
                    // `message/1` itself raised: report the first exception.
                    if let Some(first) = p.rare.as_mut().and_then(|x| x.crashing.take()) {
                        if let Some(t) = p.rare().crashing_trace.take() {
                            p.rare().trace = Some(t);
                        }
                        return Outcome::Raised(first);
                    }
                    match ask_message(p, cx, r) {
                        Ok(()) => continue,
                        Err(r) => return Outcome::Raised(r),
                    }
                }
            }
        }
    }
}

/// Does clause `c` accept `subject`? Binds the pattern's variables into the
/// frame at `base`, then runs the guard (a guard that raises fails).
fn clause_accepts(
    p: &mut Process,
    cx: Pcx,
    c: &SwitchClause,
    subject: &Value,
    base: usize,
) -> bool {
    if !match_pat(&c.pat, subject, &mut p.stack[base..]) {
        return false;
    }
    match &c.guard {
        None => true,
        Some(g) => {
            let mut ctx = Ctx {
                cx,
                vm: &p.vm,
                rare: None,
            };
            guard_passes(g, &p.stack[base..], &mut ctx)
        }
    }
}

#[inline(always)]
fn run(p: &mut Process, cx: Pcx, budget: &mut u32) -> Result<Outcome, Raise> {
    'frame: loop {
        let Some(frame) = p.frames.last() else {
            return Ok(Outcome::Done(p.stack.pop_top()));
        };
        // The fast loop takes over where it can (see `fast`); it is not
        // even entered for a frame that resumes at an op it leaves to this
        // loop, such as a `receive`.
        if frame.code().ops.get(frame.pc).is_some_and(fast::handles) {
            if let fast::Stop::Raised(e) = fast::run(p, cx, budget) {
                return Err(e);
            }
        }
        let Some(frame) = p.frames.last() else {
            return Ok(Outcome::Done(p.stack.pop_top()));
        };
        // `code` outlives a pop of this frame only for module code (which
        // the VM never frees): the ops that pop the current frame (tail calls,
        // `Return`, `ReturnConst`, unwinding) read what they need from `code`
        // first, and leave through `continue 'frame` or `return` right after
        // (or, for a call into module code, replace `code` with the callee's).
        let mut code: &FnCode = frame.code();
        let mut pc = frame.pc;
        let mut base = frame.base;
        macro_rules! save_pc {
            () => {
                if let Some(f) = p.frames.last_mut() {
                    f.pc = pc;
                }
            };
        }
        // An operator on anything but two small integers, through the
        // general arithmetic and term order: pushes the result or raises.
        macro_rules! push_general_op {
            ($k:expr, $x:expr, $y:expr) => {
                match crate::matching::binop_general($k, $x, $y) {
                    Ok(v) => p.stack.push(v),
                    Err(e) => {
                        let args = vec![($x).clone(), ($y).clone()];
                        note_bif(p, $k, args);
                        save_pc!();
                        return Err(e);
                    }
                }
            };
        }
        // One reduction per call; with none left, yield *before* the call so
        // that resuming simply executes it again.
        macro_rules! charge_call {
            () => {
                if *budget == 0 {
                    pc -= 1;
                    save_pc!();
                    return Ok(Outcome::Yield);
                }
                *budget -= 1;
                save_pc!();
            };
        }
        // After a call: run the frame now on top, or finish if it was the last.
        macro_rules! next_frame {
            () => {
                if p.frames.is_empty() {
                    return Ok(Outcome::Done(p.stack.pop_top()));
                }
                continue 'frame;
            };
        }
        // Pops the current frame and returns `v` to the caller (or ends the
        // code), for the ops that return a value they just computed. (Plain
        // `Return` uses `return_value`, which moves the result down in place
        // instead; one function shared by the two cost fib ~2% more
        // instructions under callgrind.)
        // An integer result is carried as an `i64` and rebuilt in its slot:
        // kept as a `Value` across the frame pop, it would be assembled in a
        // temporary and copied whole (see `stack::ValueStack::push_with`).
        macro_rules! return_now {
            ($v:expr) => {{
                let v: Value = $v;
                let depth = p.frames.len();
                if let Value::Int(i) = v {
                    p.frames.truncate(depth - 1);
                    p.stack.cut(base);
                    if depth == 1 {
                        return Ok(Outcome::Done(Value::Int(i)));
                    }
                    p.stack.push_with(|| Value::Int(i));
                    continue 'frame;
                }
                p.frames.truncate(depth - 1);
                p.stack.cut(base);
                if depth == 1 {
                    return Ok(Outcome::Done(v));
                }
                p.stack.push_with(|| v);
                continue 'frame;
            }};
        }
        loop {
            // SAFETY: `pc < code.ops.len()`. Every frame's pc starts at a
            // clause entry or a jump/handler target, all in range, and then
            // either moves to another such target or to the next op, which
            // exists because the last op never falls through
            // (`FnCode::targets_in_range`, checked of all compiled code by
            // `Compiler::pop_fn`; code failing it is never run). A saved pc is
            // one of these, or the op after a call, which is never the last.
            let op: &Op = unsafe { code.ops.get_unchecked(pc) };
            pc += 1;
            // Matched in place: each arm loads only the fields it binds,
            // where copying the whole 12-byte op out first loads all of them.
            match *op {
                Op::BinOp(k) => {
                    let n = p.stack.len();
                    // Two small integers: compute in place, nothing to drop.
                    if let (Value::Int(x), Value::Int(y)) = (&p.stack[n - 2], &p.stack[n - 1]) {
                        let (x, y) = (*x, *y);
                        // SAFETY: both slots hold `Value::Int`, which owns
                        // nothing, so shortening the Vec over them without
                        // running their destructors leaks nothing.
                        unsafe { p.stack.set_len(n - 2) };
                        push_int_op!(p.stack, k, x, y);
                        // Overflow: put the operands back for the slow path.
                        p.stack.push(Value::Int(x));
                        p.stack.push(Value::Int(y));
                    }
                    match crate::matching::binop_general(k, &p.stack[n - 2], &p.stack[n - 1]) {
                        Ok(v) => {
                            p.stack.truncate(n - 2);
                            p.stack.push(v);
                        }
                        Err(e) => {
                            let args = vec![p.stack[n - 2].clone(), p.stack[n - 1].clone()];
                            note_bif(p, k, args);
                            save_pc!();
                            return Err(e);
                        }
                    }
                }
                Op::BinOpLocalInt { op: k, slot, imm } => {
                    let x = &p.stack[base + slot as usize];
                    if let Value::Int(x) = x {
                        let x = *x;
                        push_int_op!(p.stack, k, x, imm as i64);
                    }
                    let x = &p.stack[base + slot as usize];
                    push_general_op!(k, x, &Value::Int(imm as i64));
                }
                Op::AddLocalInt { slot, imm } => {
                    let x = &p.stack[base + slot as usize];
                    if let Value::Int(x) = x {
                        if let Some(r) = x.checked_add(imm as i64) {
                            p.stack.push_with(|| Value::Int(r));
                            continue;
                        }
                    }
                    let x = &p.stack[base + slot as usize];
                    push_general_op!(crate::code::BinOp::Add, x, &Value::Int(imm as i64));
                }
                Op::BinOpLocals { op: k, a, b } => {
                    let (x, y) = (&p.stack[base + a as usize], &p.stack[base + b as usize]);
                    if let (Value::Int(x), Value::Int(y)) = (x, y) {
                        let (x, y) = (*x, *y);
                        push_int_op!(p.stack, k, x, y);
                    }
                    let (x, y) = (&p.stack[base + a as usize], &p.stack[base + b as usize]);
                    push_general_op!(k, x, y);
                }
                Op::Const(i) => p.stack.push_with(|| code.consts[i as usize].clone()),
                Op::Local(i) => p.stack.dup(base + i as usize),
                Op::Pop => {
                    p.stack.pop();
                }
                Op::Tuple(n) => {
                    // Straight from the stack into the tuple's one allocation.
                    let t = Value::Tuple(crate::value::Tuple::from_top(&mut p.stack, n as usize));
                    p.stack.push(t);
                }
                Op::ListTail(n) => {
                    let tail = p.stack.pop().unwrap_or(Value::Nil);
                    let items = p.stack.split_off(p.stack.len() - n as usize);
                    p.stack.push(Value::list_with_tail(items, tail));
                }
                Op::Map(n) => build_map(p, n as usize),
                Op::MapUpdate(n) => {
                    if let Err(e) = update_map(p, n as usize) {
                        save_pc!();
                        return Err(e);
                    }
                }
                Op::Match(i) => {
                    let v = p.stack.last().cloned().unwrap_or(Value::NIL_ATOM);
                    if !match_pat(&code.pats[i as usize], &v, &mut p.stack[base..]) {
                        save_pc!();
                        return Err(error::match_error(v));
                    }
                }
                Op::Send | Op::SendDiscard => {
                    let msg = p.stack.pop_top();
                    let to = p.stack.pop_top();
                    let mut ctx = Ctx {
                        cx,
                        vm: &p.vm,
                        rare: None,
                    };
                    let route = match bifs::support::processes::route(&mut ctx, &to) {
                        Ok(r) => r,
                        Err(e) => {
                            save_pc!();
                            return Err(e);
                        }
                    };
                    if let bifs::support::processes::Route::Local(pid) = route {
                        if matches!(*op, Op::Send) {
                            cx.send(pid, msg.clone());
                            p.stack.push(msg);
                        } else {
                            cx.send(pid, msg);
                            p.stack.push_with(|| Value::Nil);
                        }
                    } else if matches!(*op, Op::Send) {
                        bifs::support::processes::send_routed(&mut ctx, route, msg.clone());
                        p.stack.push(msg);
                    } else {
                        bifs::support::processes::send_routed(&mut ctx, route, msg);
                        p.stack.push_with(|| Value::Nil);
                    }
                }
                Op::Bif(id, argc) => {
                    save_pc!();
                    let depth = p.frames.len();
                    call_bif(p, cx, id, argc as usize)?;
                    if p.frames.len() != depth {
                        next_frame!();
                    }
                }
                Op::Native(id, argc) => {
                    save_pc!();
                    // Most calls of a stepping native have their value at
                    // once (`to_string` of a number): go on in this frame.
                    let depth = p.frames.len();
                    native::call_native(p, cx, id, argc as usize, false)?;
                    if p.frames.len() != depth {
                        next_frame!();
                    }
                }
                Op::Resume => {
                    charge_call!();
                    native::resume(p, cx)?;
                    next_frame!();
                }
                Op::Call(i) | Op::TailCall(i) => {
                    charge_call!();
                    let site = &code.calls[i as usize];
                    let tail = matches!(*op, Op::TailCall(_));
                    // Module code, borrowed from the call-site cache: no
                    // reference counting (the VM keeps module code alive).
                    let target: &FnCode = match site.cached() {
                        Some(c) => c,
                        None => match p
                            .vm
                            .callable(code.module, site.module, site.name, site.arity)
                        {
                            Some(c) => site.store(&c),
                            None => {
                                let callee = resolve(
                                    p,
                                    Some(code.module),
                                    site.module,
                                    site.name,
                                    site.arity as usize,
                                )?;
                                invoke(p, cx, callee, site.arity as usize, tail)?;
                                next_frame!();
                            }
                        },
                    };
                    // Go straight on into the callee (module code, which
                    // outlives any frame).
                    if let Some(at) = enter(&mut parts(p), cx, target, site.arity as usize, tail)? {
                        code = target;
                        pc = at.pc;
                        base = at.base;
                    }
                }
                Op::CallDyn { name, argc, tail } => {
                    charge_call!();
                    call_dynamic(p, cx, code.module, name, argc as usize, tail)?;
                    next_frame!();
                }
                Op::CallFun { argc, tail } => {
                    charge_call!();
                    call_fun_value(p, cx, argc as usize, tail)?;
                    next_frame!();
                }
                Op::Apply { argc, tail } => {
                    charge_call!();
                    apply(p, cx, code.module, argc, tail)?;
                    next_frame!();
                }
                Op::MakeFn(i) => make_closure(p, code, base, i as usize),
                Op::Jump(t) => pc = t as usize,
                Op::JumpIfFalsy(t) => {
                    if !p.stack.pop().map(|v| v.is_truthy()).unwrap_or(false) {
                        pc = t as usize;
                    }
                }
                Op::BoolShort { short, target } => {
                    let v = p.stack.last().cloned().unwrap_or(Value::NIL_ATOM);
                    match v.as_bool() {
                        Some(b) if b == short => pc = target as usize,
                        Some(_) => {
                            p.stack.pop();
                        }
                        None => {
                            save_pc!();
                            return Err(error::bad_boolean_error(
                                v,
                                if short { "or" } else { "and" },
                            ));
                        }
                    }
                }
                Op::TruthyShort { short, target } => {
                    let truthy = p.stack.last().map(|v| v.is_truthy()).unwrap_or(false);
                    if truthy == short {
                        pc = target as usize;
                    } else {
                        p.stack.pop();
                    }
                }
                Op::Switch(i) => {
                    let subject = p.stack.pop_top();
                    let sw = &code.switches[i as usize];
                    let mut target = None;
                    for c in &sw.clauses {
                        if clause_accepts(p, cx, c, &subject, base) {
                            target = Some(c.target);
                            break;
                        }
                    }
                    match target {
                        Some(t) => pc = t as usize,
                        None => {
                            save_pc!();
                            return Err(match sw.kind {
                                SwitchKind::TryElse => error::try_clause_error(subject),
                                SwitchKind::WithElse => error::with_clause_error(subject),
                                _ => error::case_clause_error(subject),
                            });
                        }
                    }
                }
                Op::Receive { switch, after } => {
                    let timeout = p.stack.last().cloned().unwrap_or(Value::NIL_ATOM);
                    let deadline = match p.recv_deadline {
                        Some(d) => Some(d),
                        None => {
                            save_pc!();
                            let d = receive_deadline(&timeout)?;
                            p.recv_deadline = d.or(Some(far_future()));
                            d
                        }
                    };
                    let deadline = deadline.filter(|d| *d != far_future());
                    let found = receive_scan(p, cx, code, switch, base);
                    let len = cx.mailbox_len();
                    match found {
                        Some((i, t)) => {
                            take(p, cx, i);
                            p.stack.pop();
                            p.recv_deadline = None;
                            pc = t as usize;
                        }
                        None => {
                            cx.set_save_index(len);
                            let expired = match deadline {
                                Some(d) => Instant::now() >= d,
                                None => false,
                            };
                            if expired {
                                p.stack.pop();
                                p.recv_deadline = None;
                                cx.set_save_index(0);
                                pc = after as usize;
                            } else {
                                pc -= 1;
                                save_pc!();
                                return Ok(Outcome::Wait(deadline));
                            }
                        }
                    }
                }
                Op::TryEnter(h) => p.handlers.push(HandlerRec {
                    frame_depth: p.frames.len() as u32,
                    stack_len: p.stack.len() as u32,
                    handler: h,
                }),
                Op::TryExit => {
                    p.handlers.pop();
                }
                Op::Reraise => {
                    save_pc!();
                    return Err(reraise(p));
                }
                Op::Concat(n) => {
                    if let Err(e) = concat(p, n as usize) {
                        save_pc!();
                        return Err(e);
                    }
                }
                Op::Bits(i) => {
                    if let Err(e) = build_bits(p, code, i as usize) {
                        save_pc!();
                        return Err(e);
                    }
                }
                Op::Return => {
                    if let Some(v) = return_value(p) {
                        return Ok(Outcome::Done(v));
                    }
                    continue 'frame;
                }
                // The fused returns take their value before popping the
                // frame: for a closure, the frame is what keeps `code` alive.
                Op::ReturnConst(i) => {
                    let v = code.consts[i as usize].clone();
                    return_now!(v);
                }
                Op::ReturnLocal(i) => {
                    // The slot goes with the frame: move the value out.
                    let v = std::mem::replace(&mut p.stack[base + i as usize], Value::Nil);
                    return_now!(v);
                }
                Op::ReturnBinOp(k) => {
                    let n = p.stack.len();
                    if let (Value::Int(x), Value::Int(y)) = (&p.stack[n - 2], &p.stack[n - 1]) {
                        if let Some(v) = crate::matching::int_binop(k, *x, *y) {
                            // SAFETY: both operands are integers, which own
                            // nothing: leaving them out of the frame's cut
                            // leaks nothing.
                            unsafe { p.stack.set_len(n - 2) };
                            return_now!(v);
                        }
                    }
                    match crate::matching::binop_general(k, &p.stack[n - 2], &p.stack[n - 1]) {
                        Ok(v) => return_now!(v),
                        Err(e) => {
                            let args = vec![p.stack[n - 2].clone(), p.stack[n - 1].clone()];
                            note_bif(p, k, args);
                            save_pc!();
                            return Err(e);
                        }
                    }
                }
                Op::CondFail => {
                    save_pc!();
                    return Err(error::cond_clause_error());
                }
                Op::DefModule(i) => define_module(p, code, i as usize),
            }
        }
    }
}

// The less common ops, out of line: kept in `run`, their locals would
// compete for registers with the hot loop's (`p`, `code`, `pc`, `base`).

/// `%{k => v, ...}` from `n` pairs on the stack.
#[inline(never)]
fn build_map(p: &mut Process, n: usize) {
    let items = p.stack.split_off(p.stack.len() - 2 * n);
    let mut m = crate::value::MapInner::new();
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        m.insert(k, v);
    }
    p.stack.push(Value::map(m));
}

/// `%{m | k => v, ...}`: every key must already be there.
#[inline(never)]
fn update_map(p: &mut Process, n: usize) -> Result<(), Raise> {
    let items = p.stack.split_off(p.stack.len() - 2 * n);
    let target = p.stack.pop_top();
    let Value::Map(m) = &target else {
        return Err(error::bad_map_error(target));
    };
    let mut m = (**m).clone();
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        if !m.contains_key(&k) {
            return Err(error::key_error(k, Value::NIL_ATOM));
        }
        m.insert(k, v);
    }
    p.stack.push(Value::map(m));
    Ok(())
}

/// `<<...>>`: lays out the values on the stack top as `bitstrings[i]`
/// says, and replaces them with the result.
#[inline(never)]
fn build_bits(p: &mut Process, code: &FnCode, i: usize) -> Result<(), Raise> {
    let segs = &code.bitstrings[i];
    let n = segs.len()
        + segs
            .iter()
            .filter(|s| matches!(s.size, crate::bitstring::Size::Pushed))
            .count();
    let values = p.stack.split_off(p.stack.len() - n);
    // A binary built from big binaries (`<<s::binary, s::binary>>` in a
    // loop) is checked against the memory limit before it is made.
    let parts: usize = values
        .iter()
        .map(|v| match v {
            Value::Bin(b) => b.byte_len(),
            _ => 0,
        })
        .sum();
    if parts > 1 << 20 && phial_runtime::over_limit(parts) {
        return Err(crate::library::support::processes::over_memory_limit());
    }
    let v = crate::bitstring::build(segs, &values)?;
    p.stack.push(v);
    Ok(())
}

/// String interpolation: joins the top `n` strings.
#[inline(never)]
fn concat(p: &mut Process, n: usize) -> Result<(), Raise> {
    let parts = p.stack.split_off(p.stack.len() - n);
    let len: usize = parts
        .iter()
        .map(|v| match v {
            Value::Bin(b) => b.byte_len(),
            _ => 0,
        })
        .sum();
    if len > 1 << 20 && phial_runtime::over_limit(len) {
        return Err(crate::library::support::processes::over_memory_limit());
    }
    let joined = crate::binary::Binary::concat_all(parts.iter().filter_map(|v| match v {
        Value::Bin(b) => Some(b),
        _ => None,
    }));
    p.stack.push(Value::Bin(joined));
    Ok(())
}

/// `defmodule`: registers `code.modules[i]` and pushes `{:module, Name, nil, nil}`.
#[inline(never)]
/// Defines module `i`; the value of its body's last expression is on the
/// stack and becomes the last element of `{:module, name, binary, value}`.
fn define_module(p: &mut Process, code: &FnCode, i: usize) {
    let m = code.modules[i].clone();
    let name = m.name;
    p.vm.define_module(m);
    let body_value = p.stack.pop().unwrap_or(Value::NIL_ATOM);
    p.stack.push(Value::tuple(vec![
        Value::atom("module"),
        Value::Atom(name),
        Value::NIL_ATOM,
        body_value,
    ]));
}

/// Keeps the failed operator and its operands, as written, for the trace
/// of the raise about to happen (see `stacktrace::bif_entry_for`).
#[cold]
fn note_bif(p: &mut Process, k: crate::code::BinOp, args: Vec<Value>) {
    if let Some(name) = k.erlang_name() {
        p.rare().bif = Some((name, args));
    }
}
