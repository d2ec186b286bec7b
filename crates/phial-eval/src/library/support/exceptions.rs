//! What `raise` and `Exception.message` share: whether an exception module
//! defines a function of its own.
//!
//! Not here: the rows (`elixir/exception.rs`, `internal/phial.rs`).

use crate::atom::Atom;
use crate::library::Ctx;

/// Whether `module` is phial code defining `name/1` (a `defexception`
/// module, or one written by hand).
pub(crate) fn defines(ctx: &Ctx, module: Atom, name: &str) -> bool {
    ctx.vm.function(module, Atom::new(name), 1).is_some()
}
