//! Stepping natives: builtins that call phial code without running it on
//! the Rust stack.
//!
//! A stepping native (`library::StepFn`) returns a `library::Step`. `Done` is its
//! value. `Then` asks for a call whose result is the native's result: the
//! call simply replaces the native (this is how a protocol function
//! dispatches to its implementation). `Call` asks for a call and gives a
//! continuation for its result: the machine pushes a frame running
//! `FnCode::trampoline` (`Resume`, `Return`), parks the continuation in
//! `Process::natives` tagged with that frame's depth, and makes the call.
//! When the call returns into the trampoline frame, `Resume` hands the
//! result to the continuation, which answers with another `Step`. So a
//! native `Enum.map` over a user's Enumerable is a chain of ordinary
//! frames: it is charged reductions, preempted, parked in `receive` and
//! unwound by exceptions like any phial code.
//!
//! Invariant: a continuation lives exactly as long as its trampoline frame.
//! `Resume` pops it; unwinding past the frame drops it (`drop_natives`).
//!
//! Not here: the natives themselves (`library`), entering phial functions
//! (`enter`).

use super::{call_fun_value, invoke, resolve, return_value, Pcx};
use crate::atom::Atom;
use crate::code::FnCode;
use crate::error::Raise;
use crate::library::{self as bifs, Ctx, Step, Target};
use crate::process::{Frame, Process};
use crate::value::Value;

/// Runs stepping native `id` on the `argc` arguments on top of the stack.
/// Afterwards the native's value is on the stack, or a frame has been
/// pushed that will produce it.
pub(super) fn call_native(
    p: &mut Process,
    cx: Pcx,
    id: bifs::BifId,
    argc: usize,
    tail: bool,
) -> Result<(), Raise> {
    let bifs::Imp::Step(f) = bifs::entry(id).f else {
        return super::call_bif(p, cx, id, argc);
    };
    let at = p.stack.len() - argc;
    let step = {
        let mut ctx = Ctx {
            cx,
            vm: &p.vm,
            rare: Some(&mut p.rare),
        };
        f(&mut ctx, &p.stack[at..])
    };
    p.stack.truncate(at);
    let step = step?;
    if tail {
        // In tail position the native's value is the frame's: return at
        // once, or let what it calls replace the frame (nothing runs in
        // it after the native).
        if let Step::Done(v) = step {
            p.stack.push(v);
            return_value(p);
            return Ok(());
        }
        leave_frame(p);
    }
    follow(p, cx, step)
}

/// Pops the current frame for a tail call out of a native: the frame's
/// slots go (a native's arguments are already off the stack).
fn leave_frame(p: &mut Process) {
    if let Some(f) = p.frames.pop() {
        p.stack.truncate(f.base);
    }
}

/// Does what `step` asks, in the current frame.
fn follow(p: &mut Process, cx: Pcx, step: Step) -> Result<(), Raise> {
    match step {
        Step::Done(v) => {
            p.stack.push(v);
            Ok(())
        }
        Step::Then(target, args) => call_target(p, cx, target, args),
        Step::Call(target, args, k) => {
            let base = p.stack.len();
            p.frames
                .push(Frame::module_fn(FnCode::trampoline(), 0, base));
            p.natives.push((p.frames.len() as u32, k));
            call_target(p, cx, target, args)
        }
    }
}

/// `Op::Resume`: the value on top is the result of the call the innermost
/// continuation waits for. The frame's `pc` is already past `Resume`.
pub(super) fn resume(p: &mut Process, cx: Pcx) -> Result<(), Raise> {
    let result = p.stack.pop().unwrap_or(Value::Nil);
    let Some((_, k)) = p.natives.pop() else {
        // Unreachable: every trampoline frame is pushed with its
        // continuation. Return the value rather than crash the VM.
        p.stack.push(result);
        return Ok(());
    };
    let step = {
        let mut ctx = Ctx {
            cx,
            vm: &p.vm,
            rare: Some(&mut p.rare),
        };
        k.resume(&mut ctx, result)?
    };
    match step {
        Step::Call(target, args, k) => {
            // Wait here again: come back to `Resume` with this call's result.
            if let Some(f) = p.frames.last_mut() {
                f.pc = 0;
            }
            p.natives.push((p.frames.len() as u32, k));
            call_target(p, cx, target, args)
        }
        other => follow(p, cx, other),
    }
}

/// Drops the continuations of trampoline frames above `depth` (unwinding).
pub(super) fn drop_natives(p: &mut Process, depth: usize) {
    while p.natives.last().is_some_and(|(d, _)| *d as usize > depth) {
        p.natives.pop();
    }
}

/// A non-tail call of `target` with `args`.
fn call_target(p: &mut Process, cx: Pcx, target: Target, args: Vec<Value>) -> Result<(), Raise> {
    let n = args.len();
    match target {
        Target::Fun(f) => {
            p.stack.push(f);
            p.stack.extend(args);
            call_fun_value(p, cx, n, false)
        }
        Target::Mfa(m, name) => {
            p.stack.extend(args);
            let callee = resolve(p, None, m, name, n)?;
            invoke(p, cx, callee, n, false)
        }
    }
}

/// A value a builtin could not use because only a protocol
/// implementation in phial code knows it (a struct's own Enumerable or
/// String.Chars, a stream function), with the function that converts it
/// to what the builtin takes (a list, a string). `e` is the builtin's
/// `Protocol.UndefinedError`.
pub(super) struct Foreign {
    value: Value,
    via: (Atom, Atom),
    /// The conversion is the text inspect prints for `value` (its own
    /// Inspect implementation), given to the printer instead of replacing
    /// an argument (`pretty::with_substitutes`).
    printed: bool,
}

pub(super) fn foreign_value(vm: &crate::vm::Vm, e: &Raise) -> Option<Foreign> {
    let v = &e.value;
    if v.struct_name() != Some(Atom::PROTOCOL_UNDEFINED_ERROR) {
        return None;
    }
    let protocol = v.map_get(Atom::PROTOCOL)?.as_atom()?;
    let value = v.map_get(Atom::VALUE)?;
    let via = match protocol.as_str() {
        "Elixir.Enumerable" if !value.is_list() => (Atom::new("phial_enum"), Atom::new("to_list")),
        "Elixir.String.Chars" if value.struct_name().is_some() => {
            (protocol, Atom::new("to_string"))
        }
        "Elixir.Inspect" => {
            return Some(Foreign {
                value: value.clone(),
                via: (Atom::new("phial_inspect"), Atom::new("render")),
                printed: true,
            })
        }
        _ => return None,
    };
    crate::protocols::impl_for(vm, protocol, value, false)?;
    Some(Foreign {
        value: value.clone(),
        via,
        printed: false,
    })
}

/// Calls plain builtin `f` again once `foreign` (one of the `argc`
/// arguments on the stack, or inside one) has been converted by phial code.
pub(super) fn retry_converted(
    p: &mut Process,
    cx: Pcx,
    f: bifs::BifFn,
    argc: usize,
    foreign: Foreign,
) -> Result<(), Raise> {
    let at = p.stack.len() - argc;
    let args: Vec<Value> = p.stack.drain(at..).collect();
    follow(p, cx, convert(f, args, foreign, Vec::new()))
}

/// Converts `foreign`, then calls `f` again; `printed` holds the texts of
/// structs already inspected by their own implementations.
fn convert(
    f: bifs::BifFn,
    args: Vec<Value>,
    foreign: Foreign,
    mut printed: Vec<(usize, String)>,
) -> Step {
    let Foreign {
        value,
        via,
        printed: is_text,
    } = foreign;
    Step::Call(
        Target::Mfa(via.0, via.1),
        vec![value.clone()],
        Box::new(
            move |ctx: &mut Ctx, converted: Value| -> Result<Step, Raise> {
                let args: Vec<Value> = if is_text {
                    // `args` keeps `value` alive, so its address stays its key.
                    if let (Some(key), Value::Bin(s)) =
                        (crate::pretty::substitute_key(&value), &converted)
                    {
                        printed.push((key, s.to_string_lossy().into_owned()));
                    }
                    args
                } else {
                    args.into_iter()
                        .map(|a| replace(a, &value, &converted))
                        .collect()
                };
                let result = crate::pretty::with_substitutes(&printed, || f(ctx, &args));
                match result {
                    Ok(v) => Ok(Step::Done(v)),
                    Err(e) => match foreign_value(ctx.vm, &e) {
                        // The same struct again: its implementation printed
                        // nothing usable; stop rather than loop.
                        Some(next)
                            if !(next.printed
                                && printed.iter().any(|(k, _)| {
                                    Some(*k) == crate::pretty::substitute_key(&next.value)
                                })) =>
                        {
                            Ok(convert(f, args, next, printed))
                        }
                        _ => Err(e),
                    },
                }
            },
        ),
    )
}

/// `a` with `old` replaced by `new`, where `old` is `a` or an element of
/// the list `a` (chardata such as `["total: ", money]`).
fn replace(a: Value, old: &Value, new: &Value) -> Value {
    if crate::term::strict_equal(&a, old) {
        return new.clone();
    }
    match a.list_to_vec() {
        Some(items) if items.iter().any(|x| crate::term::strict_equal(x, old)) => Value::list(
            items
                .into_iter()
                .map(|x| {
                    if crate::term::strict_equal(&x, old) {
                        new.clone()
                    } else {
                        x
                    }
                })
                .collect(),
        ),
        _ => a,
    }
}

/// Whether builtin `entry` may stop before the end of its first argument,
/// the protocol-only enumerable `foreign` (`Enum.take(stream, 3)` on an
/// infinite stream): then its phial version in `:phial_enum_halting`,
/// which pulls only what it needs, runs instead of a conversion to a list.
pub(super) fn halting(entry: &bifs::Entry, args: &[Value], foreign: &Foreign) -> bool {
    !foreign.printed
        && entry.module == Atom::ELIXIR_ENUM
        && matches!(
            entry.name.as_str(),
            "take" | "at" | "fetch" | "fetch!" | "empty?" | "zip" | "slice"
        )
        && args
            .iter()
            .any(|a| crate::term::strict_equal(a, &foreign.value))
}

/// Calls `:phial_enum_halting.name(args)` in place of the builtin.
pub(super) fn call_halting(
    p: &mut Process,
    cx: Pcx,
    name: Atom,
    args: Vec<Value>,
) -> Result<(), Raise> {
    follow(
        p,
        cx,
        Step::Then(Target::Mfa(Atom::new("phial_enum_halting"), name), args),
    )
}
