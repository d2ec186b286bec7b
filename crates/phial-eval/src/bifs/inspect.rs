//! The natives behind `Inspect.Algebra` (`prelude/inspect.ex`): `to_doc`
//! of any value, and laying out a document phial code built.
//!
//! A document from phial code is Elixir's representation (binaries and
//! `{:doc_cons, a, b}`-style tuples); `pretty::from_algebra` reads it.
//! `to_doc` returns the value's text as a document: it does not keep the
//! nested layout choices, which only matter for values too wide for a line.
//!
//! Not here: the layout engine (`pretty`).

use super::kernel::inspect_opts;
use super::{def, Def};
use crate::atom::Atom;
use crate::error;
use crate::format::InspectOpts;
use crate::value::Value;

pub const BIFS: &[Def] = &[
    def(":phial", "to_doc", 2, |_, a| {
        let o = opts_of(&a[1]);
        Ok(Value::str(crate::format::inspect_checked(
            &a[0],
            &o,
            usize::MAX,
        )?))
    }),
    def(":phial", "doc_to_string", 2, |_, a| {
        let width = match &a[1] {
            Value::Int(w) if *w >= 0 => *w as usize,
            _ => usize::MAX,
        };
        let doc = crate::pretty::from_algebra(&a[0]).ok_or_else(|| {
            error::argument_error(format!(
                "expected an Inspect.Algebra document, got: {}",
                crate::format::inspect(&a[0])
            ))
        })?;
        Ok(Value::str(crate::pretty::render(&doc, width)))
    }),
];

/// Inspect options from an `%Inspect.Opts{}` or a keyword list.
fn opts_of(v: &Value) -> InspectOpts {
    if v.is_list() {
        return inspect_opts(v);
    }
    let mut o = InspectOpts::default();
    match v.map_get(Atom::new("limit")) {
        Some(Value::Int(n)) => o.limit = (*n).max(0) as usize,
        Some(Value::Atom(Atom::INFINITY)) => o.limit = usize::MAX,
        _ => {}
    }
    if let Some(Value::Int(w)) = v.map_get(Atom::new("width")) {
        o.width = (*w).max(0) as usize;
    }
    if let Some(Value::Atom(Atom::FALSE)) = v.map_get(Atom::new("structs")) {
        o.structs = false;
    }
    if let Some(Value::Atom(a)) = v.map_get(Atom::new("charlists")) {
        o.charlists_as_lists = a.as_str() == "as_lists";
    }
    o
}
