//! `:timer`'s native half: `seconds/1`, `minutes/1`, `hours/1`.
//!
//! Not here: `:timer.sleep/1` (`timer.ex`: it waits, so it is phial code).

use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("seconds", 1, |_, a| {
        crate::library::support::arith::mul(&a[0], &Value::Int(1000))
    }),
    def("minutes", 1, |_, a| {
        crate::library::support::arith::mul(&a[0], &Value::Int(60_000))
    }),
    def("hours", 1, |_, a| {
        crate::library::support::arith::mul(&a[0], &Value::Int(3_600_000))
    }),
];
