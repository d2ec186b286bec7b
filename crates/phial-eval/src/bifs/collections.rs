//! `Map`, `List`, `Tuple` and `Keyword` builtins (those that take no function
//! argument).
//!
//! Not here: `Enum` (`enum_core` and the prelude).

use super::{def, Def};
use crate::error::{self, Result};
use crate::value::Value;

pub static BIFS: &[Def] = &[
    def("Map", "get", 2, |_, a| map_get(&a[0], &a[1], Value::NIL_ATOM)),
    def("Map", "get", 3, |_, a| map_get(&a[0], &a[1], a[2].clone())),
    def("Map", "put", 3, |_, a| match &a[0] {
        Value::Map(m) => {
            let mut m = (**m).clone();
            m.insert(a[1].clone(), a[2].clone());
            Ok(Value::map(m))
        }
        other => Err(error::bad_map_error(other.clone())),
    }),
];

fn map_get(m: &Value, k: &Value, default: Value) -> Result<Value> {
    match m {
        Value::Map(m) => Ok(m.get(k).cloned().unwrap_or(default)),
        other => Err(error::bad_map_error(other.clone())),
    }
}
