//! `:lists` natives: `reverse/1`, `sort/1`, `seq/2`, `flatten/1,2`; the
//! rest of the module is phial source (`lists.ex`).
//!
//! Not here: `List` (`elixir/list.rs`).

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("reverse", 1, |ctx, a| call_named(ctx, "Enum", "reverse", a)),
    def("sort", 1, |ctx, a| call_named(ctx, "Enum", "sort", a)),
    def("flatten", 1, |ctx, a| call_named(ctx, "List", "flatten", a)),
    def("flatten", 2, |ctx, a| call_named(ctx, "List", "flatten", a)),
    def("seq", 2, |_, a| match (&a[0], &a[1]) {
        (Value::Int(f), Value::Int(l)) if l.saturating_add(1) >= *f => {
            // Sized before it is built, as List.duplicate is.
            let n = (*l as i128 - *f as i128 + 1).max(0) as u64;
            if n > crate::library::support::collections::MAX_BUILD / 32 {
                return Err(error::system_limit_error());
            }
            if phial_runtime::over_limit(n as usize * crate::library::elixir::list::CONS_BYTES) {
                return Err(crate::library::support::processes::over_memory_limit());
            }
            Ok(Value::list((*f..=*l).map(Value::Int).collect()))
        }
        _ => Err(error::function_clause_error(
            Atom::new("lists"),
            Atom::new("seq"),
            2,
            a.to_vec(),
        )),
    }),
];

/// Calls another module's builtin (for Erlang spellings of Elixir functions).
pub(crate) fn call_named(
    ctx: &mut crate::library::Ctx,
    module: &str,
    name: &str,
    args: &[Value],
) -> Result<Value> {
    match crate::library::lookup(Atom::alias(module), Atom::new(name), args.len()) {
        Some(id) => match crate::library::entry(id).plain() {
            Some(f) => f(ctx, args),
            None => Err(error::badarg()),
        },
        None => Err(error::badarg()),
    }
}
