//! `:math`: every function Erlang/OTP 25 exports, over floats, with
//! `ArithmeticError` for a non-number or a result outside the floats
//! (`:math.sqrt(-1)`, `:math.log(0)`).
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
    def("tan", 1, |_, a| math1(&a[0], f64::tan)),
    def("asin", 1, |_, a| math1(&a[0], f64::asin)),
    def("acos", 1, |_, a| math1(&a[0], f64::acos)),
    def("atan", 1, |_, a| math1(&a[0], f64::atan)),
    def("sinh", 1, |_, a| math1(&a[0], f64::sinh)),
    def("cosh", 1, |_, a| math1(&a[0], f64::cosh)),
    def("tanh", 1, |_, a| math1(&a[0], f64::tanh)),
    def("asinh", 1, |_, a| math1(&a[0], c::asinh)),
    def("acosh", 1, |_, a| math1(&a[0], c::acosh)),
    def("atanh", 1, |_, a| math1(&a[0], c::atanh)),
    def("erf", 1, |_, a| math1(&a[0], c::erf)),
    def("erfc", 1, |_, a| math1(&a[0], c::erfc)),
    def("atan2", 2, |_, a| math2(&a[0], &a[1], f64::atan2)),
    def("fmod", 2, |_, a| math2(&a[0], &a[1], |x, y| x % y)),
    def("pi", 0, |_, _| Ok(Value::Float(std::f64::consts::PI))),
    def("pow", 2, |_, a| {
        match (crate::term::to_f64(&a[0]), crate::term::to_f64(&a[1])) {
            (Some(x), Some(y)) if x.powf(y).is_finite() => Ok(Value::Float(x.powf(y))),
            (Some(_), Some(_)) => Err(error::arithmetic_error()),
            (None, _) => Err(error::badarg_at(1, "not a number")),
            (_, None) => Err(error::badarg_at(2, "not a number")),
        }
    }),
];

/// A two-argument float function: a non-number is Erlang's `badarg`, a
/// result that is not a finite float its `badarith`.
fn math2(x: &Value, y: &Value, f: fn(f64, f64) -> f64) -> Result<Value> {
    match (crate::term::to_f64(x), crate::term::to_f64(y)) {
        (Some(x), Some(y)) if f(x, y).is_finite() => Ok(Value::Float(f(x, y))),
        (Some(_), Some(_)) => Err(error::arithmetic_error()),
        (None, _) => Err(error::badarg_at(1, "not a number")),
        (_, None) => Err(error::badarg_at(2, "not a number")),
    }
}

/// The C library's functions the BEAM calls and Rust's std does not (or
/// computes in Rust, a last bit apart): the same library, so the same bits.
mod c {
    mod sys {
        extern "C" {
            pub fn erf(x: f64) -> f64;
            pub fn erfc(x: f64) -> f64;
            pub fn asinh(x: f64) -> f64;
            pub fn acosh(x: f64) -> f64;
            pub fn atanh(x: f64) -> f64;
        }
    }
    // SAFETY (all): pure functions of one double, defined for every
    // input (NaN or an infinity outside their domain), no pointers.
    pub fn erf(x: f64) -> f64 {
        unsafe { sys::erf(x) }
    }
    pub fn erfc(x: f64) -> f64 {
        unsafe { sys::erfc(x) }
    }
    pub fn asinh(x: f64) -> f64 {
        unsafe { sys::asinh(x) }
    }
    pub fn acosh(x: f64) -> f64 {
        unsafe { sys::acosh(x) }
    }
    pub fn atanh(x: f64) -> f64 {
        unsafe { sys::atanh(x) }
    }
}

pub(crate) fn math1(v: &Value, f: fn(f64) -> f64) -> Result<Value> {
    match crate::term::to_f64(v).map(f) {
        Some(r) if r.is_finite() => Ok(Value::Float(r)),
        Some(_) => Err(error::arithmetic_error()),
        None => Err(error::badarg_at(1, "not a number")),
    }
}
