//! When something raises: finding the `try` that handles it (`unwind`),
//! re-raising, the source location a report names, and the last step of
//! an uncaught exception of the program's own (`ask_message`).
//!
//! Not here: building exceptions and their messages (`error`).

use super::calls::call_fun_value;
use super::{clause_accepts, native, Pcx};
use crate::atom::Atom;
use crate::code::FnCode;
use crate::error::{self, Kind, Raise};
use crate::process::Process;
use crate::stack::ValueStack;
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
    p.rare().crashing = Some(r);
    if let Err(e) = call_fun_value(p, cx, 1, false) {
        let first = p.rare().crashing.take();
        return Err(first.unwrap_or(e));
    }
    Ok(())
}

/// Elixir's stack-line form of the op that raised: `f.exs:2: (file)`,
/// `f.exs:3: M.g/1`, `f.exs:2: anonymous fn/0 in :elixir_compiler_0.__FILE__/1`.
pub(super) fn raise_location(p: &Process) -> Option<String> {
    // A native's trampoline frame is not a place in the source: the raise
    // is the native's caller's.
    let trampoline: *const FnCode = FnCode::trampoline();
    let frame = p
        .frames
        .iter()
        .rev()
        .find(|f| !std::ptr::eq(f.code(), trampoline))?;
    let code = frame.code();
    let line = code.line_of(frame.pc.saturating_sub(1));
    let script = code.module == Atom::new("elixir_compiler_0");
    let what = if code.is_anonymous() {
        let owner = if script {
            ":elixir_compiler_0.__FILE__/1".to_string()
        } else {
            error::module_name(code.module)
        };
        format!("anonymous fn/{} in {owner}", code.arity)
    } else if script {
        "(file)".to_string()
    } else {
        format!(
            "{}.{}/{}",
            error::module_name(code.module),
            code.name.as_str(),
            code.arity
        )
    };
    Some(format!("{}:{line}: {what}", code.file))
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
