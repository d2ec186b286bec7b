//! Timers of the runtime as `Process` and `:erlang` give them:
//! `send_after`, `start_timer`, `cancel_timer`, `read_timer`. The two
//! modules take the same arguments in different orders, so both call here.
//!
//! Not here: `:timer`'s interval and apply timers (processes written in
//! phial, `erlang/timer.ex`).

use crate::error::{badarg_at, Result};
use crate::library::support::processes::dest;
use crate::library::Ctx;
use crate::value::Value;
use phial_runtime::TimerRef;
use std::time::Duration;

/// A timer's time in ms. Elixir's errors name `erlang:send_after/3`'s
/// arguments, where the time is the 1st; the BEAM takes up to about 2^43
/// ms (278 years).
fn time_ms(t: &Value) -> Result<u64> {
    match t {
        Value::Int(ms) if *ms < 0 => Err(badarg_at(1, "out of range")),
        Value::Int(ms) if *ms > 1 << 43 => {
            Err(badarg_at(1, "exceeds the maximum supported time value"))
        }
        Value::Int(ms) => Ok(*ms as u64),
        Value::BigInt(_) => Err(badarg_at(1, "exceeds the maximum supported time value")),
        _ => Err(badarg_at(1, "not an integer")),
    }
}

pub(crate) fn send_after(ctx: &mut Ctx, to: &Value, msg: &Value, time: &Value) -> Result<Value> {
    let ms = time_ms(time)?;
    let to = dest(ctx, to)?;
    let t = ctx
        .cx
        .send_after(to, msg.clone(), Duration::from_millis(ms));
    Ok(Value::Ref(t.as_ref()))
}

/// Sends `{:timeout, timer_ref, msg}`.
pub(crate) fn start_timer(ctx: &mut Ctx, to: &Value, msg: &Value, time: &Value) -> Result<Value> {
    let ms = time_ms(time)?;
    let to = dest(ctx, to)?;
    let msg = msg.clone();
    let t = ctx.cx.start_timer(
        to,
        move |r| Value::tuple(vec![Value::atom("timeout"), Value::Ref(r), msg]),
        Duration::from_millis(ms),
    );
    Ok(Value::Ref(t.as_ref()))
}

fn timer_ref(v: &Value) -> Result<TimerRef> {
    match v {
        Value::Ref(r) => Ok(TimerRef::new(*r)),
        _ => Err(badarg_at(1, "not a reference")),
    }
}

/// The ms that were left, or `false` if the timer fired or was cancelled.
fn left(d: Option<Duration>) -> Value {
    match d {
        Some(d) => Value::Int(d.as_millis() as i64),
        None => Value::FALSE,
    }
}

pub(crate) fn cancel_timer(ctx: &mut Ctx, r: &Value) -> Result<Value> {
    let t = timer_ref(r)?;
    Ok(left(ctx.cx.cancel_timer(t)))
}

pub(crate) fn read_timer(ctx: &mut Ctx, r: &Value) -> Result<Value> {
    let t = timer_ref(r)?;
    Ok(left(ctx.cx.read_timer(t)))
}
