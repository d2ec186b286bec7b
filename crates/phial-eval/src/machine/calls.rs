//! Calls that leave the straight path of the step loop: resolving a name
//! (`resolve`, one rule for direct calls, `apply/3`, captures and modules
//! held in variables: phial code first, then a builtin), calling builtins,
//! function values, `module.name(...)` on a runtime module, `apply`, and
//! returning from a frame; making closures.
//!
//! Not here: entering a function's clauses (`enter`), the fast path of a
//! call to cached module code (in the step loops themselves), natives that
//! call phial code (`native`).

use super::enter::{enter, enter_fun, Parts};
use super::native;
use super::Pcx;
use crate::atom::Atom;
use crate::code::FnCode;
use crate::error::{self, Raise};
use crate::library::{self as bifs, Ctx};
use crate::process::Process;
use crate::stack::ValueStack;
use crate::value::{Fun, Value};
use std::sync::Arc;

/// What to call.
pub(super) enum Callee {
    Code(Arc<FnCode>),
    Bif(bifs::BifId),
    /// `SomeError.exception(msg_or_fields)` for a builtin exception module.
    Exception(Atom),
    /// `Mod.__info__(key)`, which every module has.
    Info(Atom),
}

/// The process's stacks and VM, borrowed apart for `enter`.
#[inline(always)]
pub(super) fn parts(p: &mut Process) -> Parts<'_> {
    Parts {
        stack: &mut p.stack,
        frames: &mut p.frames,
        vm: &p.vm,
    }
}

/// Resolves `module.name/arity`: a compiled function, else a builtin.
pub(super) fn resolve(
    p: &Process,
    caller: Option<Atom>,
    module: Atom,
    name: Atom,
    arity: usize,
) -> Result<Callee, Raise> {
    let found = match caller {
        Some(c) => p.vm.callable(c, module, name, arity as u32),
        None => p.vm.function(module, name, arity as u32),
    };
    if let Some(code) = found {
        return Ok(Callee::Code(code));
    }
    if let Some(id) = bifs::lookup(module, name, arity) {
        return Ok(Callee::Bif(id));
    }
    if arity == 1 && name.as_str() == "exception" && module.as_str().ends_with("Error") {
        return Ok(Callee::Exception(module));
    }
    if arity == 1 && name.as_str() == "__info__" && p.vm.module_exists(module) {
        return Ok(Callee::Info(module));
    }
    Err(error::undefined_function(
        module,
        name,
        arity as u32,
        p.vm.module_exists(module) || bifs::module_exists(module) || erlang_module(module),
    ))
}

pub(super) fn call_bif(
    p: &mut Process,
    cx: Pcx,
    id: bifs::BifId,
    argc: usize,
) -> Result<(), Raise> {
    let at = p.stack.len() - argc;
    let entry = bifs::entry(id);
    let Some(f) = entry.plain() else {
        return native::call_native(p, cx, id, argc, false);
    };
    // `demonitor(ref, [:flush])` may delete a message from the middle of the
    // mailbox, which would shift the indices the receive mark counts.
    if entry.name == Atom::DEMONITOR {
        p.recv_mark = None;
    }
    let result = {
        let mut ctx = Ctx {
            cx,
            vm: &p.vm,
            rare: Some(&mut p.rare),
        };
        f(&mut ctx, &p.stack[at..])
    };
    match result {
        Ok(v) => {
            p.stack.truncate(at);
            p.stack.push(v);
            Ok(())
        }
        // An argument only a protocol implementation in phial code knows (a
        // struct's own Enumerable or String.Chars, a stream): convert it
        // there and call again.
        Err(e) => match native::foreign_value(&p.vm, &e) {
            Some(v) if native::halting(entry, &p.stack[at..], &v) => {
                let args: Vec<Value> = p.stack.drain(at..).collect();
                native::call_halting(p, cx, entry.name, args)
            }
            Some(v) => native::retry_converted(p, cx, f, argc, v),
            // A String function given bytes that are not UTF-8.
            None if bifs::support::invalid_utf8::applies(
                entry.module,
                entry.name,
                &p.stack[at..],
            ) =>
            {
                let args: Vec<Value> = p.stack.drain(at..).collect();
                let mut ctx = Ctx {
                    cx,
                    vm: &p.vm,
                    rare: Some(&mut p.rare),
                };
                let v = bifs::support::invalid_utf8::call(f, &mut ctx, &args)?;
                p.stack.push(v);
                Ok(())
            }
            None => {
                if let Some(name) = operator_bif(entry, &e) {
                    let args = p.stack[at..].to_vec();
                    p.rare().bif = Some((name, args));
                }
                p.stack.truncate(at);
                Err(e)
            }
        },
    }
}

/// The `:erlang` name of a builtin that is one of the BEAM's arithmetic
/// BIFs (`-x`, `Bitwise.band/2`, ...), when it failed with a bad argument:
/// the BEAM puts that BIF first in the trace, as it does for the binary
/// operators (see `stacktrace::bif_entry_for`).
#[cold]
fn operator_bif(entry: &bifs::Entry, e: &Raise) -> Option<&'static str> {
    let badarith = e.value.struct_name() == Some(Atom::ARITHMETIC_ERROR)
        || e.value.as_atom().is_some_and(|a| a.as_str() == "badarith");
    if !badarith {
        return None;
    }
    Some(match (entry.name.as_str(), entry.arity) {
        ("-", 1) => "-",
        ("+", 1) => "+",
        ("band" | "&&&", 2) => "band",
        ("bor" | "|||", 2) => "bor",
        ("bxor", 2) => "bxor",
        ("bsl" | "<<<", 2) => "bsl",
        ("bsr" | ">>>", 2) => "bsr",
        ("bnot" | "~~~", 1) => "bnot",
        _ => return None,
    })
}

pub(super) fn invoke(
    p: &mut Process,
    cx: Pcx,
    callee: Callee,
    argc: usize,
    tail: bool,
) -> Result<(), Raise> {
    match callee {
        Callee::Code(code) => {
            enter(&mut parts(p), cx, &code, argc, tail)?;
            Ok(())
        }
        Callee::Exception(module) => {
            let arg = p.stack.pop().unwrap_or(Value::Nil);
            p.stack.push(Value::Atom(module));
            p.stack.push(arg);
            let id = bifs::lookup(Atom::new("phial"), Atom::new("make_exception"), 2)
                .ok_or_else(error::badarg)?;
            invoke(p, cx, Callee::Bif(id), 2, tail)
        }
        Callee::Info(module) => {
            let key = p.stack.pop().unwrap_or(Value::Nil);
            p.stack.push(p.vm.module_info(module, &key)?);
            if tail {
                return_value(p);
            }
            Ok(())
        }
        Callee::Bif(id) if matches!(bifs::entry(id).f, bifs::Imp::Step(_)) => {
            native::call_native(p, cx, id, argc, tail)
        }
        Callee::Bif(id) => {
            call_bif(p, cx, id, argc)?;
            if tail {
                return_value(p);
            }
            Ok(())
        }
    }
}

/// Pops the current frame, leaving the top value as its result. Returns
/// the value instead when that was the last frame.
#[inline(always)]
pub(super) fn return_value(p: &mut Process) -> Option<Value> {
    // The frame is read field by field and dropped in place: it was written
    // a moment ago (a leaf call), and copying it out whole would wait on
    // those stores (see `stack::push_in_place`).
    let depth = p.frames.len();
    let base = p.frames.last()?.base;
    p.frames.truncate(depth - 1);
    if depth == 1 {
        let v = p.stack.take_top();
        p.stack.cut(base);
        return Some(v);
    }
    p.stack.collapse_to(base);
    None
}

/// Calls the function value sitting below `argc` arguments.
pub(super) fn call_fun_value(
    p: &mut Process,
    cx: Pcx,
    argc: usize,
    tail: bool,
) -> Result<(), Raise> {
    let at = p.stack.len() - argc - 1;
    let f = p.stack.remove(at);
    match f {
        Value::Fun(fun) => match &*fun {
            Fun::Closure { .. } => {
                enter_fun(&mut parts(p), cx, fun, argc, tail)?;
                Ok(())
            }
            Fun::External {
                module,
                name,
                arity,
            } => {
                if *arity as usize != argc {
                    let args = p.stack.split_off(p.stack.len() - argc);
                    return Err(error::bad_arity_error(Value::Fun(fun.clone()), args));
                }
                let callee = resolve(p, None, *module, *name, argc)?;
                invoke(p, cx, callee, argc, tail)
            }
        },
        other => {
            p.stack.truncate(at);
            Err(error::bad_function_error(other))
        }
    }
}

/// Pushes the elements of a list (for `apply`); returns how many.
pub(super) fn spread(p: &mut Process, list: &Value) -> Result<usize, Raise> {
    let items = list.list_to_vec().ok_or_else(error::badarg)?;
    let n = items.len();
    p.stack.extend(items);
    Ok(n)
}

/// `module.name(args)` where `module` is a value below the arguments.
#[inline(never)]
pub(super) fn call_dynamic(
    p: &mut Process,
    cx: Pcx,
    caller: Atom,
    name: Atom,
    argc: usize,
    tail: bool,
) -> Result<(), Raise> {
    let at = p.stack.len() - argc - 1;
    let module = p.stack.remove(at);
    let Value::Atom(m) = module else {
        p.stack.truncate(at);
        return Err(error::argument_error(format!(
            "you attempted to apply a function named {} on {}. If you are using Kernel.apply/3, make sure the module is an atom. If you are using the dot syntax, such as module.function(), make sure the left-hand side of the dot is an atom representing a module",
            crate::format::inspect(&Value::Atom(name)),
            crate::format::inspect(&module)
        )));
    };
    let callee = resolve(p, Some(caller), m, name, argc)?;
    invoke(p, cx, callee, argc, tail)
}

/// `apply(fun, args)` (`argc` 2) or `apply(module, name, args)` (3).
#[inline(never)]
pub(super) fn apply(
    p: &mut Process,
    cx: Pcx,
    caller: Atom,
    argc: u8,
    tail: bool,
) -> Result<(), Raise> {
    let args = p.stack.pop().unwrap_or(Value::Nil);
    if argc == 2 {
        let n = spread(p, &args)?;
        return call_fun_value(p, cx, n, tail);
    }
    let fname = p.stack.pop_top();
    let module = p.stack.pop_top();
    let (Value::Atom(m), Value::Atom(f)) = (&module, &fname) else {
        return Err(error::badarg());
    };
    let n = spread(p, &args)?;
    let callee = resolve(p, Some(caller), *m, *f, n)?;
    invoke(p, cx, callee, n, tail)
}

/// A closure over `code.lambdas[i]`, capturing from the frame at `base`.
#[inline(never)]
pub(super) fn make_closure(p: &mut Process, code: &FnCode, base: usize, i: usize) {
    let lambda = code.lambdas[i].clone();
    let captured: Box<[Value]> = lambda
        .captures
        .iter()
        .map(|(outer, _)| p.stack[base + *outer as usize].clone())
        .collect();
    p.stack.push(Value::Fun(Arc::new(Fun::Closure {
        code: lambda,
        captured,
    })));
}

/// Erlang/OTP modules that exist on the BEAM even where phial implements
/// few of their functions (so a missing function reads "is undefined or
/// private", not "module is not available").
pub(super) fn erlang_module(m: Atom) -> bool {
    matches!(
        m.as_str(),
        "erlang"
            | "lists"
            | "maps"
            | "timer"
            | "math"
            | "io"
            | "string"
            | "binary"
            | "ets"
            | "proplists"
            | "os"
            | "code"
            | "unicode"
            | "io_lib"
    )
}
