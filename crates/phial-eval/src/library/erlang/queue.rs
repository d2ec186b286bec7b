//! `:queue`'s one native: `in/2`, whose name is an operator that phial
//! source cannot define (`def in(...)` does not parse, in Elixir either). It
//! keeps OTP's shapes: inserting into a one-element rear with an empty front
//! moves that element to the front. The rest of `:queue` is `queue.ex`.
//!
//! Not here: any other queue operation.

use crate::error::badarg;
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[def("in", 2, |_, a| insert_rear(&a[0], &a[1]))];

fn insert_rear(x: &Value, q: &Value) -> Result<Value, crate::error::Raise> {
    let Value::Tuple(t) = q else {
        return Err(badarg());
    };
    let [rear, front] = &t[..] else {
        return Err(badarg());
    };
    if !rear.is_list() || !front.is_list() {
        return Err(badarg());
    }
    // {[_] = r, []} -> {[x], r}
    if let (Value::Cons(cell), Value::Nil) = (rear, front) {
        if matches!(cell.tail, Value::Nil) {
            return Ok(Value::tuple(vec![
                Value::cons(x.clone(), Value::Nil),
                rear.clone(),
            ]));
        }
    }
    Ok(Value::tuple(vec![
        Value::cons(x.clone(), rear.clone()),
        front.clone(),
    ]))
}
