//! String helpers several units share: parsing a whole string as an integer.
//!
//! Not here: `String`'s own rows (`elixir/string.rs`).

use crate::value::Value;

/// A whole string as an integer in `base` (optional sign), or `None`.
pub fn parse_int_exact(st: &str, base: u32) -> Option<Value> {
    let (v, rest) = crate::library::support::numbers::parse_int_prefix(st, base)?;
    rest.is_empty().then_some(v)
}
