//! `:unicode`'s normalisation functions: `characters_to_nfd_binary/1` and
//! its nfc, nfkd and nfkc siblings, over chardata (a string, or a list of
//! code points and strings), as Elixir programs call them directly.
//!
//! Not here: `String.normalize/2` (the String unit), the rest of
//! `:unicode` (encodings other than UTF-8 have no representation yet).

use crate::error::{self, Result};
use crate::library::{def, Native};
use crate::value::Value;
use unicode_normalization::UnicodeNormalization;

pub const NATIVES: &[Native] = &[
    def("characters_to_nfd_binary", 1, |_, a| {
        normalized(&a[0], |s| s.nfd().collect())
    }),
    def("characters_to_nfc_binary", 1, |_, a| {
        normalized(&a[0], |s| s.nfc().collect())
    }),
    def("characters_to_nfkd_binary", 1, |_, a| {
        normalized(&a[0], |s| s.nfkd().collect())
    }),
    def("characters_to_nfkc_binary", 1, |_, a| {
        normalized(&a[0], |s| s.nfkc().collect())
    }),
];

fn normalized(v: &Value, form: fn(&str) -> String) -> Result<Value> {
    if let Some(s) = v.as_str() {
        return Ok(Value::str(form(s)));
    }
    match v
        .is_list()
        .then(|| crate::format::chardata_to_string(v))
        .flatten()
    {
        Some(s) => Ok(Value::str(form(&s))),
        None => Err(error::badarg()),
    }
}
