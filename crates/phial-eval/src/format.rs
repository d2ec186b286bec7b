//! Turning values into text: `inspect/1` (flat, never wraps), `to_string`
//! (`String.Chars`), float printing, atom and string quoting.
//!
//! The pretty printer used by `IO.inspect` (width 80, Inspect.Algebra's
//! layout) builds on these in `pretty`. Not here: parsing, errors.

use crate::atom::Atom;
use crate::value::{Fun, Value};
use std::fmt::Write;

/// Options that change how `inspect` prints (the subset phial supports).
#[derive(Clone, Copy)]
pub struct InspectOpts {
    /// Print at most this many elements of a list/map/tuple, then `...`.
    pub limit: usize,
    /// `charlists: :as_lists`
    pub charlists_as_lists: bool,
    /// `pretty: true` makes `inspect/2` lay out at `width` like `IO.inspect`.
    pub pretty: bool,
    pub width: usize,
    /// `structs: false` prints structs as the maps they are.
    pub structs: bool,
    /// `binaries:` `:infer` (a printable binary as a string), `:as_strings`
    /// (every UTF-8 binary as a string, escaped) or `:as_binaries`.
    pub binaries: Binaries,
    /// `base:` `:binary` (2), `:octal` (8), `:decimal` (10) or `:hex` (16):
    /// integers print in it with Elixir's prefix (`0xFF`), and any base but
    /// 10 prints binaries as their bytes.
    pub base: u32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Binaries {
    Infer,
    AsStrings,
    AsBinaries,
}

impl Default for InspectOpts {
    fn default() -> Self {
        InspectOpts {
            limit: 50,
            charlists_as_lists: false,
            pretty: false,
            width: 80,
            structs: true,
            binaries: Binaries::Infer,
            base: 10,
        }
    }
}

pub fn inspect(v: &Value) -> String {
    inspect_with(v, &InspectOpts::default())
}

/// `inspect/2`: the same document as `IO.inspect` builds, rendered at
/// infinite width, so limits and `...` agree between the two.
pub fn inspect_with(v: &Value, opts: &InspectOpts) -> String {
    let width = if opts.pretty { opts.width } else { usize::MAX };
    crate::pretty::pretty(v, opts, width)
}

/// `inspect_with`, or the struct whose own Inspect implementation (phial
/// code) must run first, as the error the natives retry on (see
/// `machine::native`).
pub fn inspect_checked(
    v: &Value,
    opts: &InspectOpts,
    width: usize,
) -> crate::error::Result<String> {
    let _ = crate::pretty::take_missing();
    let out = crate::pretty::pretty(v, opts, width);
    match crate::pretty::take_missing() {
        Some(s) => Err(crate::error::protocol_undefined("Inspect", s, "")),
        None => Ok(out),
    }
}

/// Shortest round-trip digits and decimal exponent of a finite float:
/// `1234.5` -> ("12345", 3) meaning 1.2345e3.
fn float_parts(f: f64) -> (bool, String, i32) {
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    (
        f.is_sign_negative() && f != 0.0 || (f == 0.0 && f.is_sign_negative()),
        digits,
        exp.parse().unwrap_or(0),
    )
}

fn float_decimal(neg: bool, digits: &str, exp: i32) -> String {
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if exp < 0 {
        s.push_str("0.");
        for _ in 0..(-exp - 1) {
            s.push('0');
        }
        s.push_str(digits);
    } else {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            s.push_str(digits);
            for _ in digits.len()..int_len {
                s.push('0');
            }
            s.push_str(".0");
        } else {
            s.push_str(&digits[..int_len]);
            s.push('.');
            s.push_str(&digits[int_len..]);
        }
    }
    s
}

fn float_scientific(neg: bool, digits: &str, exp: i32) -> String {
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    s.push_str(&digits[..1]);
    s.push('.');
    if digits.len() > 1 {
        s.push_str(&digits[1..]);
    } else {
        s.push('0');
    }
    let _ = write!(s, "e{exp}");
    s
}

/// A float as `inspect` prints it (Elixir 1.14's `Inspect.Float`): a whole
/// number below 1.0e16 as `1000.0`, anything else as `to_string` does.
pub fn float_inspect(f: f64) -> String {
    let a = f.abs();
    if (1.0..1.0e16).contains(&a) && a.trunc() == a {
        return format!("{}.0", f as i64);
    }
    float_to_string(f)
}

/// A float as `to_string`/interpolation prints it (Erlang's `[short]`
/// format): the shorter of the decimal and scientific forms, decimal on a
/// tie, except that a whole number of 2^53 or more is always scientific.
pub fn float_to_string(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (neg, digits, exp) = float_parts(f);
    let sci = float_scientific(neg, &digits, exp);
    let integral = exp >= 0 && digits.len() <= exp as usize + 1;
    if integral && f.abs() >= 9_007_199_254_740_992.0 {
        return sci;
    }
    let dec = float_decimal(neg, &digits, exp);
    if sci.len() < dec.len() {
        sci
    } else {
        dec
    }
}

/// Does this atom print bare after `:` (`:ok`, `:"a b"` otherwise)?
fn atom_is_plain(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    if is_operator_atom(s) {
        return true;
    }
    let mut chars = s.chars();
    let first = chars.next().unwrap();
    if !(first.is_alphabetic() || first == '_') {
        return false;
    }
    let body: Vec<char> = s.chars().collect();
    for (i, c) in body.iter().enumerate() {
        let last = i == body.len() - 1;
        if c.is_alphanumeric() || *c == '_' || *c == '@' {
            continue;
        }
        if last && (*c == '?' || *c == '!') {
            continue;
        }
        return false;
    }
    true
}

fn is_operator_atom(s: &str) -> bool {
    matches!(
        s,
        "+" | "-"
            | "*"
            | "/"
            | "++"
            | "--"
            | "<>"
            | "=="
            | "!="
            | "==="
            | "!=="
            | "<"
            | ">"
            | "<="
            | ">="
            | "&&"
            | "||"
            | "!"
            | "|>"
            | "<-"
            | "=~"
            | "->"
            | "\\\\"
            | "|"
            | "^"
            | "&"
            | ".."
            | "**"
            | "<<<"
            | ">>>"
            | "&&&"
            | "|||"
            | "<~"
            | "~>"
            | "<~>"
            | "="
            | "."
            | "..."
            | "+++"
            | "---"
            | "~>>"
            | "<<~"
            | "..//"
            | "%"
            | "%{}"
            | "{}"
            | "<<>>"
            | "@"
    )
}

/// Erlang's map key order: term order, except that every integer key
/// comes before every float key (maps compare keys exactly).
pub fn map_key_cmp(a: &Value, b: &Value) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (Value::Int(_) | Value::BigInt(_), Value::Float(_)) => Ordering::Less,
        (Value::Float(_), Value::Int(_) | Value::BigInt(_)) => Ordering::Greater,
        _ => a.cmp(b),
    }
}

/// A map's entries in the order Elixir prints and enumerates them.
pub fn map_entries(m: &crate::value::MapInner) -> Vec<(&Value, &Value)> {
    let mut v: Vec<(&Value, &Value)> = m.iter().collect();
    if v.iter().any(|(k, _)| matches!(k, Value::Float(_))) {
        v.sort_by(|x, y| map_key_cmp(x.0, y.0));
    }
    v
}

/// Is this an alias atom (`Elixir.Foo.Bar`) that prints as `Foo.Bar`?
fn alias_text(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("Elixir.")?;
    let ok = rest.split('.').all(|seg| {
        let mut cs = seg.chars();
        matches!(cs.next(), Some(c) if c.is_ascii_uppercase())
            && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    ok.then_some(rest)
}

pub fn inspect_atom(a: Atom) -> String {
    let s = a.as_str();
    match s {
        "nil" | "true" | "false" => return s.to_string(),
        "Elixir" => return "Elixir".into(),
        _ => {}
    }
    if let Some(alias) = alias_text(s) {
        return alias.to_string();
    }
    if atom_is_plain(s) {
        format!(":{s}")
    } else {
        format!(":{}", quote_string(s, '"'))
    }
}

/// The key part of a keyword pair: `a: `, `"a b": `.
pub fn keyword_key(a: Atom) -> String {
    let s = a.as_str();
    if atom_is_plain(s) {
        format!("{s}: ")
    } else {
        format!("{}: ", quote_string(s, '"'))
    }
}

/// `"text"` with Elixir's escapes.
pub fn quote_string(s: &str, quote: char) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\0' => out.push_str("\\0"),
            '\u{7f}' => out.push_str("\\d"),
            '\\' => out.push_str("\\\\"),
            '#' => out.push('#'),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    // `#{` must be escaped so the output reads back as the same string.
    out.replace("#{", "\\#{")
}

/// Would Elixir 1.14 print this string in quotes (`String.printable?/1`)?
/// Otherwise it is shown as bytes, `<<0, 120>>`.
pub fn string_printable(s: &str) -> bool {
    s.chars().all(|c| {
        let u = c as u32;
        matches!(
            c,
            '\n' | '\r' | '\t' | '\u{b}' | '\u{8}' | '\u{c}' | '\u{1b}' | '\u{7f}' | '\u{7}'
        ) || (0x20..=0x7e).contains(&u)
            || (0xa0..=0xd7ff).contains(&u)
            || (0xe000..=0xfffd).contains(&u)
            || (0x10000..=0x10ffff).contains(&u)
    })
}

/// A binary as `inspect` shows it: quoted when printable, else its bytes.
/// A binary as a quoted string, when `opts` print it so.
pub fn binary_as_string(b: &crate::binary::Binary, opts: &InspectOpts) -> Option<String> {
    let s = b.as_str()?;
    // Elixir's Inspect.BitString prints a binary as a string only in base
    // 10, whatever `binaries:` says.
    if opts.base != 10 {
        return None;
    }
    match opts.binaries {
        Binaries::AsBinaries => None,
        Binaries::AsStrings => Some(quote_string(s, '"')),
        Binaries::Infer => string_printable(s).then(|| quote_string(s, '"')),
    }
}

/// The elements of a bitstring as `inspect` writes them between `<<` and
/// `>>`: its bytes, and a partial last byte as `value::size(bits)`.
pub fn bitstring_elements(
    b: &crate::binary::Binary,
    base: u32,
) -> impl Iterator<Item = String> + '_ {
    let bytes = b.bytes();
    let tail = b.tail_bits();
    bytes.iter().enumerate().map(move |(i, &x)| {
        if tail != 0 && i + 1 == bytes.len() {
            format!(
                "{}::size({tail})",
                int_in_base(i64::from(x >> (8 - tail)), base)
            )
        } else {
            int_in_base(i64::from(x), base)
        }
    })
}

/// An integer as `inspect` prints it in `base` (see `InspectOpts::base`):
/// `255`, `0xFF`, `-0o17`, `0b101`.
pub fn int_in_base(i: i64, base: u32) -> String {
    if base == 10 {
        return i.to_string();
    }
    based(i < 0, &num_bigint::BigInt::from(i.unsigned_abs()), base)
}

/// `int_in_base` for a big integer.
pub fn bigint_in_base(b: &num_bigint::BigInt, base: u32) -> String {
    if base == 10 {
        return b.to_string();
    }
    let negative = b.sign() == num_bigint::Sign::Minus;
    based(
        negative,
        &num_bigint::BigInt::from(b.magnitude().clone()),
        base,
    )
}

fn based(negative: bool, magnitude: &num_bigint::BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let sign = if negative { "-" } else { "" };
    let digits = magnitude.to_str_radix(base).to_uppercase();
    format!("{sign}{prefix}{digits}")
}

/// Is this list printable as a charlist (`'abc'`)? Elixir 1.14 asks
/// `List.ascii_printable?/1`: ASCII text and the usual escapes only.
pub fn printable_charlist(v: &Value) -> Option<String> {
    let mut s = String::new();
    let mut cur = v;
    loop {
        match cur {
            Value::Nil => break,
            Value::Cons(c) => {
                match &c.head {
                    Value::Int(i) => {
                        let ch = char::from_u32(u32::try_from(*i).ok()?)?;
                        let printable = match ch {
                            '\n' | '\t' | '\r' | '\u{b}' | '\u{c}' | '\u{8}' | '\u{1b}'
                            | '\u{7}' => true,
                            c => (32..127).contains(&(c as u32)),
                        };
                        if !printable {
                            return None;
                        }
                        s.push(ch);
                    }
                    _ => return None,
                }
                cur = &c.tail;
            }
            _ => return None,
        }
    }
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

/// Is this a keyword list (`[a: 1]`): a non-empty proper list of `{atom, _}`.
pub fn is_keyword(v: &Value) -> bool {
    let mut cur = v;
    let mut any = false;
    loop {
        match cur {
            Value::Nil => return any,
            Value::Cons(c) => {
                match &c.head {
                    Value::Tuple(t)
                        if t.len() == 2
                            && matches!(t[0], Value::Atom(a) if !a.as_str().starts_with("Elixir.")) =>
                        {}
                    _ => return false,
                }
                any = true;
                cur = &c.tail;
            }
            _ => return false,
        }
    }
}

pub fn inspect_fun(f: &Fun) -> String {
    match f {
        Fun::External {
            module,
            name,
            arity,
        } => {
            let m = inspect_atom(*module);
            let n = name.as_str();
            let shown = if atom_is_plain(n) && !is_operator_atom(n) {
                n.to_string()
            } else {
                quote_string(n, '"')
            };
            format!("&{m}.{shown}/{arity}")
        }
        Fun::Closure { code, .. } => {
            let addr = std::sync::Arc::as_ptr(code) as usize;
            format!(
                "#Function<{}.{}/{} in {}>",
                (addr >> 4) % 1000,
                (addr >> 12) % 100_000_000,
                code.arity,
                code_owner(code)
            )
        }
    }
}

fn code_owner(code: &crate::code::FnCode) -> String {
    let m = code.module.as_str();
    match alias_text(m) {
        Some(alias) => alias.to_string(),
        None => ":elixir_compiler_0.__FILE__/1".to_string(),
    }
}

/// `String.Chars.to_string/1`: `None` when the type has no implementation
/// (tuples, maps, pids, ... raise Protocol.UndefinedError).
pub fn to_string(v: &Value) -> Option<String> {
    match v {
        Value::Bin(s) => Some(s.to_string_lossy().into_owned()),
        Value::Int(i) => Some(i.to_string()),
        Value::BigInt(b) => Some(b.to_string()),
        Value::Float(f) => Some(float_to_string(*f)),
        Value::Atom(a) => Some(match a.as_str() {
            "nil" => String::new(),
            s => s.to_string(),
        }),
        Value::Nil | Value::Cons(_) => chardata_to_string(v),
        Value::Map(_) if v.as_range().is_some() => None,
        // Date, Time, NaiveDateTime, DateTime in the ISO calendar.
        Value::Map(_) => crate::library::support::calendar::to_string(v),
        _ => None,
    }
}

/// A charlist or iodata-ish list (integers, strings, nested lists) as a
/// string. The lists being walked are an explicit stack (innermost last):
/// chardata nested to any depth is read without recursion.
pub fn chardata_to_string(v: &Value) -> Option<String> {
    let mut out = String::new();
    let mut rests = vec![v];
    while let Some(cur) = rests.pop() {
        match cur {
            Value::Nil => {}
            Value::Cons(c) => {
                rests.push(&c.tail);
                match &c.head {
                    Value::Int(i) => out.push(char::from_u32(u32::try_from(*i).ok()?)?),
                    Value::Bin(s) => out.push_str(s.as_str()?),
                    l @ (Value::Cons(_) | Value::Nil) => rests.push(l),
                    _ => return None,
                }
            }
            // A binary as the tail of a list, or as the whole.
            Value::Bin(s) => out.push_str(s.as_str()?),
            _ => return None,
        }
    }
    Some(out)
}
