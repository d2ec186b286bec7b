//! The clocks `System` and `:erlang` share: monotonic and system time in
//! nanoseconds, unique integers, time-unit conversion.
//!
//! Not here: timers (`phial_runtime`).

use crate::error::{self, Result};
use crate::value::Value;

pub(crate) fn start() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

pub(crate) fn monotonic_ns() -> i64 {
    // Negative like the BEAM's, so nobody mistakes it for wall-clock time.
    start().elapsed().as_nanos() as i64 - 576_460_752_303_423_488
}

pub(crate) fn system_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0)
}

pub(crate) fn unique() -> i64 {
    static N: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);
    N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Nanoseconds in the unit Elixir names (`:millisecond`, `:second`, ...).
pub(crate) fn convert(ns: i64, unit: &Value) -> Result<i64> {
    let per = match unit {
        Value::Atom(a) => match a.as_str() {
            "second" | "seconds" => 1_000_000_000,
            "millisecond" | "milli_seconds" => 1_000_000,
            "microsecond" | "micro_seconds" => 1_000,
            "nanosecond" | "nano_seconds" | "native" => 1,
            _ => return Err(error::argument_error(format!("unsupported time unit. Expected :second, :millisecond, :microsecond, :nanosecond, or a positive integer, got {}", crate::format::inspect(unit)))),
        },
        Value::Int(n) if *n > 0 => return Ok(((ns as i128) * (*n as i128) / 1_000_000_000) as i64),
        _ => return Err(error::badarg()),
    };
    Ok(ns.div_euclid(per))
}
