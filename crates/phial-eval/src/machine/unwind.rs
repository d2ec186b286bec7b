//! When something raises: finding the `try` that handles it (`unwind`),
//! re-raising, the source location a report names, and the last step of
//! an uncaught exception of the program's own (`ask_message`).
//!
//! Not here: building exceptions and their messages (`error`).

use super::calls::call_fun_value;
use super::{clause_accepts, native, Pcx};
use crate::atom::Atom;
use crate::code::Op;
use crate::error::{self, Kind, Raise};
use crate::process::Process;
use crate::stack::ValueStack;
use crate::stacktrace::{self, Trace};
use crate::value::{Fun, Value};
use std::sync::Arc;

/// An uncaught exception whose module defines `message/1` in phial code:
/// the report needs that message, so the process runs `message/1` before
/// it ends (with nothing else left on its stacks) and keeps the exception
/// in `Process::crashing` meanwhile. `Err` hands back any other raise.
pub(super) fn ask_message(p: &mut Process, cx: Pcx, r: Raise) -> Result<(), Raise> {
    let module = match (r.kind, r.value.struct_name()) {
        (Kind::Error, Some(m)) if p.vm.function(m, Atom::MESSAGE, 1).is_some() => m,
        _ => return Err(r),
    };
    p.frames.clear();
    p.stack.clear();
    p.handlers.clear();
    p.natives.clear();
    p.stack.push(Value::Fun(Arc::new(Fun::External {
        module,
        name: Atom::MESSAGE,
        arity: 1,
    })));
    p.stack.push(r.value.clone());
    let trace = p.rare().trace.take();
    p.rare().crashing = Some(r);
    p.rare().crashing_trace = trace;
    if let Err(e) = call_fun_value(p, cx, 1, false) {
        let first = p.rare().crashing.take();
        if let Some(t) = p.rare().crashing_trace.take() {
            p.rare().trace = Some(t);
        }
        return Err(first.unwrap_or(e));
    }
    Ok(())
}

/// Records where a raise happened, while its frames are still there: the
/// trace `reraise/3` or `:erlang.raise/3` gave, if one is waiting, else
/// the innermost frames (see `stacktrace`).
pub(super) fn record_trace(p: &mut Process, r: &Raise) {
    let given = p.rare.as_mut().and_then(|x| x.pending_trace.take());
    let bif = p.rare.as_mut().and_then(|x| x.bif.take());
    let trace = given.unwrap_or_else(|| {
        let mut entries = stacktrace::capture(&p.frames);
        if r.kind == Kind::Error {
            let evaluated = entries.first().is_some_and(stacktrace::Entry::is_evaluated);
            let literal = literal_operands(p);
            if let Some(entry) = bif
                .and_then(|(name, args)| stacktrace::bif_entry_for(name, args, evaluated, literal))
            {
                entries.insert(0, entry);
                entries.truncate(stacktrace::DEPTH);
            } else if let Some(head) = stacktrace::clause_entry(&p.vm, &r.value) {
                entries.insert(0, head);
                entries.truncate(stacktrace::DEPTH);
            } else if p
                .rare
                .as_mut()
                .is_some_and(|x| std::mem::take(&mut x.raise_marked))
            {
                stacktrace::mark_raised(&mut entries);
            }
        }
        Trace::Frames(entries)
    });
    p.rare().trace = Some(trace);
}

/// Which operands of the operator that just failed in the innermost frame
/// were number literals in the source, read back from the ops that pushed
/// them: `x * 2` is one op holding its literal, `2 * x` pushes the
/// constant, then the variable, then operates. An operand the ops cannot
/// place (a left operand before a compound right one) counts as not a
/// literal.
fn literal_operands(p: &Process) -> (bool, bool) {
    let Some(f) = p.frames.last() else {
        return (false, false);
    };
    let code = f.code();
    let at = |back: usize| {
        f.pc.checked_sub(back)
            .and_then(|i| code.ops.get(i))
            .copied()
    };
    let number = |op: Option<Op>| match op {
        Some(Op::Const(i)) => matches!(
            code.consts.get(i as usize),
            Some(Value::Int(_) | Value::Float(_) | Value::BigInt(_))
        ),
        _ => false,
    };
    match at(1) {
        Some(Op::AddLocalInt { .. } | Op::BinOpLocalInt { .. }) => (false, true),
        Some(Op::BinOp(_) | Op::ReturnBinOp(_)) => {
            let right = at(2);
            let left = match right {
                Some(Op::Const(_) | Op::Local(_)) => number(at(3)),
                _ => false,
            };
            (left, number(right))
        }
        _ => (false, false),
    }
}

/// Finds the innermost `try` handler, unwinds to it and dispatches the
/// exception to its clauses. Returns the raise if nothing handles it.
pub(super) fn unwind(p: &mut Process, cx: Pcx, r: Raise) -> Option<Raise> {
    let Some(h) = p.handlers.pop() else {
        return Some(r);
    };
    p.frames.truncate(h.frame_depth as usize);
    native::drop_natives(p, h.frame_depth as usize);
    p.stack.truncate(h.stack_len as usize);
    let Some(frame) = p.frames.last_mut() else {
        return Some(r);
    };
    let code = frame.code();
    let handler = &code.handlers[h.handler as usize];
    let tag = Value::Atom(r.kind.atom());
    let (rescued, caught) = if r.kind == Kind::Error {
        (
            error::normalize(r.value.clone()),
            error::denormalize(&r.value),
        )
    } else {
        (r.value.clone(), r.value.clone())
    };
    let rescue_subject = Value::tuple(vec![tag.clone(), rescued]);
    let catch_subject = Value::tuple(vec![tag, caught]);
    let base = frame.base;
    for (i, c) in handler.clauses.iter().enumerate() {
        let subject = if i < handler.catch_from {
            &rescue_subject
        } else {
            &catch_subject
        };
        if clause_accepts(p, cx, c, subject, base) {
            if let Some(f) = p.frames.last_mut() {
                f.pc = c.target as usize;
            }
            return None;
        }
    }
    let subject = Value::tuple(vec![Value::Atom(r.kind.atom()), r.value]);
    p.stack.push(subject);
    if let Some(f) = p.frames.last_mut() {
        f.pc = handler.reraise_via.unwrap_or(0) as usize;
    }
    None
}

/// The exception to re-raise from the `{kind, value}` on the stack.
#[inline(never)]
pub(super) fn reraise(p: &mut Process) -> Raise {
    let subject = p.stack.pop_top();
    // An `after` re-raising: the exception keeps where it was raised.
    if let Some(t) = p.rare.as_mut().and_then(|x| x.trace.clone()) {
        p.rare().pending_trace = Some(t);
    }
    if let Value::Tuple(t) = &subject {
        if let (Some(kind), Some(v)) = (t[0].as_atom().and_then(Kind::from_atom), t.get(1)) {
            return Raise {
                kind,
                value: v.clone(),
            };
        }
    }
    Raise::error(subject)
}
