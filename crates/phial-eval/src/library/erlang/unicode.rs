//! `:unicode`: converting chardata between encodings
//! (`characters_to_binary/1,2,3`, `characters_to_list/1,2`) and the
//! normalisation forms, with OTP's `{:error, good, rest}` and
//! `{:incomplete, good, rest}` results for bad or cut-short input.
//!
//! Not here: walking chardata (`support::iodata`), Elixir's `String`.

use crate::error::{self, Result};
use crate::library::support::iodata::{chardata_text, CharsError, Encoding};
use crate::library::{def, Native};
use crate::value::Value;
use unicode_normalization::UnicodeNormalization;

pub const NATIVES: &[Native] = &[
    def("characters_to_binary", 1, |_, a| {
        to_binary(&a[0], Encoding::Utf8, Encoding::Utf8)
    }),
    def("characters_to_binary", 2, |_, a| {
        to_binary(&a[0], encoding(&a[1], 2)?, Encoding::Utf8)
    }),
    def("characters_to_binary", 3, |_, a| {
        to_binary(&a[0], encoding(&a[1], 2)?, encoding(&a[2], 3)?)
    }),
    def("characters_to_list", 1, |_, a| {
        to_list(&a[0], Encoding::Utf8)
    }),
    def("characters_to_list", 2, |_, a| {
        to_list(&a[0], encoding(&a[1], 2)?)
    }),
    def("characters_to_nfc_binary", 1, |_, a| {
        normalized(&a[0], |s| s.nfc().collect())
    }),
    def("characters_to_nfd_binary", 1, |_, a| {
        normalized(&a[0], |s| s.nfd().collect())
    }),
    def("characters_to_nfkc_binary", 1, |_, a| {
        normalized(&a[0], |s| s.nfkc().collect())
    }),
    def("characters_to_nfkd_binary", 1, |_, a| {
        normalized(&a[0], |s| s.nfkd().collect())
    }),
];

fn encoding(v: &Value, arg: usize) -> Result<Encoding> {
    Encoding::of(v).ok_or_else(|| error::badarg_at(arg, "invalid encoding"))
}

fn failure(e: CharsError, good: impl Fn(String) -> Value) -> Result<Value> {
    match e {
        CharsError::BadArg => Err(error::badarg()),
        CharsError::Invalid(ok, rest) => {
            Ok(Value::tuple(vec![Value::atom("error"), good(ok), rest]))
        }
        CharsError::Incomplete(ok, rest) => Ok(Value::tuple(vec![
            Value::atom("incomplete"),
            good(ok),
            rest,
        ])),
    }
}

fn to_binary(v: &Value, from: Encoding, to: Encoding) -> Result<Value> {
    let encode = |s: String| match to.encode(&s) {
        Some(bytes) => Value::bytes(bytes),
        None => Value::str(""),
    };
    match chardata_text(v, from) {
        Ok(s) => match to {
            Encoding::Utf8 => Ok(Value::str(s)),
            _ => match to.encode(&s) {
                Some(bytes) => Ok(Value::bytes(bytes)),
                // A character latin1 cannot hold: what came before it, and
                // the rest from it, as OTP's `{:error, good, rest}`.
                None => {
                    let at = s
                        .char_indices()
                        .find(|(_, c)| *c as u32 > 255)
                        .map_or(0, |(i, _)| i);
                    let good = to.encode(&s[..at]).unwrap_or_default();
                    Ok(Value::tuple(vec![
                        Value::atom("error"),
                        Value::bytes(good),
                        Value::str(&s[at..]),
                    ]))
                }
            },
        },
        Err(e) => failure(e, encode),
    }
}

fn codepoints(s: &str) -> Value {
    Value::list(s.chars().map(|c| Value::Int(c as i64)).collect())
}

fn to_list(v: &Value, from: Encoding) -> Result<Value> {
    match chardata_text(v, from) {
        Ok(s) => Ok(codepoints(&s)),
        Err(e) => failure(e, |s| codepoints(&s)),
    }
}

fn normalized(v: &Value, f: fn(&str) -> String) -> Result<Value> {
    match chardata_text(v, Encoding::Utf8) {
        Ok(s) => Ok(Value::str(f(&s))),
        Err(e) => failure(e, |s| Value::str(f(&s))),
    }
}
