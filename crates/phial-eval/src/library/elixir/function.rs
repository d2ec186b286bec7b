//! `Function` natives: `info/1,2`, `capture/3`.
//!
//! Not here: `identity/1` (`function.ex`), calling function values
//! (`machine::calls`).

use crate::error::{badarg_at, Result};
use crate::library::support::terms::fun_info;
use crate::library::{def, Native};
use crate::value::{Fun, Value};

pub const NATIVES: &[Native] = &[
    def("info", 2, |_, a| fun_info(&a[0], &a[1])).doc(
        r#"info(fun, item)"#,
        r#"One fact about `fun`: `{item, value}`.

    iex> Function.info(fn a, b -> a + b end, :arity)
    {:arity, 2}"#,
    ),
    def("info", 1, |_, a| {
        let items = ["arity", "module", "name", "type"]
            .iter()
            .map(|k| fun_info(&a[0], &Value::atom(k)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Value::list(items))
    })
    .doc(
        r#"info(fun)"#,
        r#"Facts about `fun` as a keyword list (`:module`, `:name`, `:arity`,
`:type`, ...).

    iex> Keyword.get(Function.info(&Enum.map/2), :type)
    :external"#,
    ),
    def("capture", 3, |_, a| match (&a[0], &a[1], &a[2]) {
        (Value::Atom(m), Value::Atom(f), Value::Int(n)) if (0..=255).contains(n) => {
            Ok(Value::Fun(std::sync::Arc::new(Fun::External {
                module: *m,
                name: *f,
                arity: *n as u32,
            })))
        }
        // :erlang.make_fun refuses an arity past 255 without error info.
        (Value::Atom(_), Value::Atom(_), Value::Int(n)) if *n > 255 => Err(crate::error::badarg()),
        (Value::Atom(_), Value::Atom(_), Value::Int(_)) => Err(badarg_at(3, "out of range")),
        (Value::Atom(_), Value::Atom(_), _) => Err(badarg_at(3, "not an integer")),
        (Value::Atom(_), _, _) => Err(badarg_at(2, "not an atom")),
        _ => Err(badarg_at(1, "not an atom")),
    })
    .doc(
        r#"capture(module, function_name, arity)"#,
        r#"The function `&module.function_name/arity`, chosen at run time.

    iex> Function.capture(String, :length, 1).("abc")
    3"#,
    ),
];
