//! `:math` natives over floats.
//!
//! Not here: integer arithmetic (`support::arith`).

use crate::error::{self, Result};
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("sqrt", 1, |_, a| math1(&a[0], f64::sqrt)),
    def("log", 1, |_, a| math1(&a[0], f64::ln)),
    def("log2", 1, |_, a| math1(&a[0], f64::log2)),
    def("log10", 1, |_, a| math1(&a[0], f64::log10)),
    def("exp", 1, |_, a| math1(&a[0], f64::exp)),
    def("sin", 1, |_, a| math1(&a[0], f64::sin)),
    def("cos", 1, |_, a| math1(&a[0], f64::cos)),
    def("floor", 1, |_, a| math1(&a[0], f64::floor)),
    def("ceil", 1, |_, a| math1(&a[0], f64::ceil)),
    def("pi", 0, |_, _| Ok(Value::Float(std::f64::consts::PI))),
    def("pow", 2, |_, a| {
        match (crate::term::to_f64(&a[0]), crate::term::to_f64(&a[1])) {
            (Some(x), Some(y)) if x.powf(y).is_finite() => Ok(Value::Float(x.powf(y))),
            _ => Err(error::arithmetic_error()),
        }
    }),
];

pub(crate) fn math1(v: &Value, f: fn(f64) -> f64) -> Result<Value> {
    match crate::term::to_f64(v).map(f) {
        Some(r) if r.is_finite() => Ok(Value::Float(r)),
        _ => Err(error::arithmetic_error()),
    }
}
