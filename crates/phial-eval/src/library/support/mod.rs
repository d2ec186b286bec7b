//! Rust helpers that several units share (arithmetic, conversions, the
//! clocks, ...), so that no unit reaches into another unit's file and
//! nothing is written twice. A helper only one unit uses lives in that
//! unit's file instead.
//!
//! Not here: any native row (every row belongs to a unit).

pub mod arith;
pub mod calendar;
pub mod collections;
pub mod enumerables;
pub mod exceptions;
pub mod invalid_utf8;
pub mod iodata;
pub mod macro_text;
pub mod numbers;
pub mod processes;
pub mod strings;
pub mod structs;
pub mod terms;
pub mod time;
pub mod timers;
