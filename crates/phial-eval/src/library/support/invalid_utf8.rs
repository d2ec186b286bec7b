//! `String` over binaries that are not valid UTF-8, as Elixir runs it: an
//! invalid byte is a code point and a grapheme of its own, unchanged by
//! case mapping, kept as it is in every result (`String.length(<<?a, 255>>)`
//! is 2, `String.upcase` leaves the 255 alone).
//!
//! `String`'s natives work on `&str`. When one refuses an argument that is
//! a binary but not UTF-8, the machine calls it again with each invalid
//! byte stood in for by a private-use code point (`U+10FF00 + byte`, one
//! grapheme, no case) and turns those back into bytes in the result. The
//! valid path pays nothing. Text that already holds those private-use code
//! points *and* invalid bytes would come back altered: an accepted gap.
//!
//! Not here: the natives themselves (`elixir/string.rs`).

use crate::atom::Atom;
use crate::error::Raise;
use crate::library::{BifFn, Ctx};
use crate::value::Value;

// The same stand-ins the lexer uses for `\xFF` escapes.
const BASE: u32 = phial_syntax::ast::RAW_BYTE_BASE;

/// Functions whose answer differs for invalid input in a way a stand-in
/// cannot give (they raise or say `false`): these are not retried.
const NOT_RETRIED: &[&str] = &[
    "valid?",
    "printable?",
    "to_atom",
    "to_existing_atom",
    "to_charlist",
    "to_integer",
    "to_float",
    "normalize",
    "equivalent?",
];

/// Does `args` hold a binary that is not UTF-8, for a native that can
/// take one?
pub fn applies(module: Atom, name: Atom, args: &[Value]) -> bool {
    module == Atom::alias("String")
        && !NOT_RETRIED.contains(&name.as_str())
        && args
            .iter()
            .any(|a| matches!(a, Value::Bin(b) if b.is_binary() && b.as_str().is_none()))
}

fn mask(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push(char::from_u32(BASE + *b as u32).unwrap_or('\u{FFFD}'));
        }
    }
    out
}

fn unmask_str(s: &str) -> Value {
    if !s.chars().any(|c| (BASE..=BASE + 255).contains(&(c as u32))) {
        return Value::str(s);
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if (BASE..=BASE + 255).contains(&n) {
            out.push((n - BASE) as u8);
        } else {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    Value::bytes(out)
}

/// A result with its stand-ins turned back into bytes: strings, and the
/// lists and tuples of strings String's functions return.
pub fn unmask(v: Value) -> Value {
    match &v {
        Value::Bin(b) => match b.as_str() {
            Some(s) => unmask_str(s),
            None => v,
        },
        Value::Cons(_) => Value::list(v.iter_list().cloned().map(unmask).collect()),
        Value::Tuple(t) => Value::tuple(t.iter().cloned().map(unmask).collect()),
        _ => v,
    }
}

/// Calls `f` with stand-ins for the invalid bytes of `args`.
pub fn call(f: BifFn, ctx: &mut Ctx, args: &[Value]) -> Result<Value, Raise> {
    f(ctx, &masked(args)).map(unmask)
}

/// The arguments with stand-ins for the invalid bytes of their binaries.
pub fn masked(args: &[Value]) -> Vec<Value> {
    args.iter()
        .map(|a| match a {
            Value::Bin(b) if b.is_binary() && b.as_str().is_none() => Value::str(mask(b.bytes())),
            other => other.clone(),
        })
        .collect()
}
