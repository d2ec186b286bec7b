//! `:io_lib` natives and Erlang's formatting that `:io.format` shares:
//! the control sequences of `io_lib:format/2` (`~p ~w ~s ~b ~B ~x ~X ~f ~e
//! ~g ~c ~i ~n ~~` with field width, precision, pad character, `*` from
//! the arguments and the `t`/`l` modifiers), and Erlang's way of writing a
//! term (`~w`: `{ok,<<98,105,110>>}`; `~p`: `{ok,<<"bin">>}`, charlists as
//! strings, broken over lines of 80 columns as `io_lib_pretty` does).
//!
//! The result is chardata shaped as Erlang's: the format's characters
//! as code points, each control sequence's output a list of its own.
//!
//! Not here: writing to a device (`io.rs`), Elixir's `inspect`
//! (`format`, `pretty`).

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("format", 2, |_, a| Ok(chardata(format(&a[0], &a[1])?))),
    def("fwrite", 2, |_, a| Ok(chardata(format(&a[0], &a[1])?))),
    def("write", 1, |_, a| {
        Ok(chardata(vec![Piece::Text(write(&a[0]))]))
    }),
    def("print", 1, |_, a| {
        Ok(chardata(vec![Piece::Text(pretty(&a[0], 0, 0, false))]))
    }),
    def("write_atom", 1, |_, a| match a[0].as_atom() {
        Some(x) => Ok(chardata(vec![Piece::Text(atom_text(x))])),
        None => Err(error::badarg()),
    }),
];

/// A part of formatted output: the format's own characters (and those of
/// `~c`, `~n`, `~~`), or what one control sequence wrote, which Erlang
/// returns as a nested list of its own.
pub(crate) enum Piece {
    Text(String),
    Sub(String),
}

/// Formatted output as the chardata `io_lib:format` returns.
fn chardata(pieces: Vec<Piece>) -> Value {
    let mut out = Vec::new();
    let codes = |s: &str| s.chars().map(|c| Value::Int(c as i64)).collect::<Vec<_>>();
    for p in pieces {
        match p {
            Piece::Text(s) => out.extend(codes(&s)),
            Piece::Sub(s) => out.push(Value::list(codes(&s))),
        }
    }
    Value::list(out)
}

/// Formatted output as text (for writing it out).
pub(crate) fn text(pieces: &[Piece]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) | Piece::Sub(t) => s.push_str(t),
        }
    }
    s
}

/// `io_lib:format(Format, Args)`: a bad format, an argument of the wrong
/// type or too few or many arguments raise `ArgumentError`.
pub(crate) fn format(fmt: &Value, args: &Value) -> Result<Vec<Piece>> {
    let fmt: Vec<char> = match fmt.as_str() {
        Some(s) => s.chars().collect(),
        None if fmt.is_list() => crate::format::chardata_to_string(fmt)
            .ok_or_else(error::badarg)?
            .chars()
            .collect(),
        None => match fmt.as_atom() {
            Some(a) => a.as_str().chars().collect(),
            None => return Err(error::badarg()),
        },
    };
    let args = crate::library::support::collections::proper(args).ok_or_else(error::badarg)?;
    let mut args = args.into_iter();
    let mut out: Vec<Piece> = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    // The column the output has reached, for `~p`'s line breaking.
    let col = |plain: &str, out: &[Piece]| -> usize {
        let mut all = text(out);
        all.push_str(plain);
        match all.rfind('\n') {
            Some(n) => all[n + 1..].chars().count(),
            None => all.chars().count(),
        }
    };
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c != '~' {
            plain.push(c);
            continue;
        }
        let next_num =
            |i: &mut usize, args: &mut std::vec::IntoIter<Value>| -> Result<Option<i64>> {
                let neg = fmt.get(*i) == Some(&'-');
                if neg {
                    *i += 1;
                }
                if fmt.get(*i) == Some(&'*') {
                    *i += 1;
                    return match args.next() {
                        Some(Value::Int(n)) => {
                            field_size(n)?;
                            Ok(Some(if neg { -n } else { n }))
                        }
                        _ => Err(error::badarg()),
                    };
                }
                let start = *i;
                while fmt.get(*i).is_some_and(|c| c.is_ascii_digit()) {
                    *i += 1;
                }
                if *i == start {
                    return if neg { Err(error::badarg()) } else { Ok(None) };
                }
                let n: i64 = fmt[start..*i]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .map_err(|_| error::badarg())?;
                field_size(n)?;
                Ok(Some(if neg { -n } else { n }))
            };
        let width = next_num(&mut i, &mut args)?;
        let mut precision = None;
        let mut pad = ' ';
        if fmt.get(i) == Some(&'.') {
            i += 1;
            precision = next_num(&mut i, &mut args)?;
            if fmt.get(i) == Some(&'.') {
                i += 1;
                match fmt.get(i) {
                    Some('*') => {
                        i += 1;
                        pad = match args.next() {
                            Some(Value::Int(n)) => {
                                char::from_u32(n as u32).ok_or_else(error::badarg)?
                            }
                            _ => return Err(error::badarg()),
                        };
                    }
                    Some(&c) => {
                        i += 1;
                        pad = c;
                    }
                    None => return Err(error::badarg()),
                }
            }
        }
        let mut unicode = false;
        let mut lists_as_lists = false;
        while let Some(&m) = fmt.get(i) {
            match m {
                't' => unicode = true,
                'l' => lists_as_lists = true,
                'k' | 'K' => {}
                _ => break,
            }
            i += 1;
        }
        let Some(&control) = fmt.get(i) else {
            return Err(error::badarg());
        };
        i += 1;
        let spec = Spec {
            width,
            precision,
            pad,
        };
        let mut arg = || args.next().ok_or_else(error::badarg);
        let piece: String = match control {
            'n' => {
                plain.push('\n');
                continue;
            }
            '~' => {
                plain.push('~');
                continue;
            }
            'i' => {
                arg()?;
                continue;
            }
            'c' => {
                let ch = match arg()? {
                    Value::Int(n) => char::from_u32(n as u32).ok_or_else(error::badarg)?,
                    _ => return Err(error::badarg()),
                };
                let times = spec.precision.or(spec.width).unwrap_or(1).max(0) as usize;
                let s: String = std::iter::repeat_n(ch, times).collect();
                if spec.width.is_none() && spec.precision.is_none() {
                    plain.push_str(&s);
                    continue;
                }
                spec.adjust(s, false)
            }
            's' => {
                let a = arg()?;
                let s = string_arg(&a, unicode)?;
                let s = match spec.precision {
                    Some(p) if p >= 0 => s.chars().take(p as usize).collect(),
                    _ => s,
                };
                spec.adjust(s, true)
            }
            'w' | 'W' => {
                let a = arg()?;
                if control == 'W' {
                    arg()?;
                }
                spec.adjust(write(&a), true)
            }
            'p' | 'P' => {
                let a = arg()?;
                if control == 'P' {
                    arg()?;
                }
                let at = col(&plain, &out);
                let printed = pretty(&a, at, 0, lists_as_lists);
                spec.adjust(printed, true)
            }
            'b' | 'B' | 'x' | 'X' | '#' | '+' => {
                let n = match arg()? {
                    v @ (Value::Int(_) | Value::BigInt(_)) => v,
                    _ => return Err(error::badarg()),
                };
                let base = spec.precision.unwrap_or(10);
                if !(2..=36).contains(&base) {
                    return Err(error::badarg());
                }
                let mut digits = int_text(&n, base as u32);
                if matches!(control, 'b' | 'x' | '+') {
                    digits = digits.to_lowercase();
                }
                let (neg, body) = match digits.strip_prefix('-') {
                    Some(b) => (true, b.to_string()),
                    None => (false, digits),
                };
                let prefix = match control {
                    // Erlang takes a charlist or an atom as the prefix.
                    'x' | 'X' => match arg()? {
                        p if p.as_str().is_some() => return Err(error::badarg()),
                        p => string_arg(&p, true)?,
                    },
                    '#' | '+' => format!("{base}#"),
                    _ => String::new(),
                };
                let s = format!("{}{prefix}{body}", if neg { "-" } else { "" });
                spec.number(s)
            }
            'f' | 'e' | 'g' => {
                let x = match arg()? {
                    Value::Float(f) => f,
                    _ => return Err(error::badarg()),
                };
                let p = spec.precision.unwrap_or(6);
                if p < 1 {
                    return Err(error::badarg());
                }
                let p = p as usize;
                let s = match control {
                    'f' => fixed(x, p),
                    'e' => scientific(x, p),
                    _ => {
                        let a = x.abs();
                        // Erlang's `~g`: `~f` from 0.1 up to 10000.
                        if (0.1..10_000.0).contains(&a) {
                            let e = a.log10().floor() as i64;
                            fixed(x, (p as i64 - 1 - e).max(0) as usize)
                        } else {
                            scientific(x, p)
                        }
                    }
                };
                spec.number(s)
            }
            _ => return Err(error::badarg()),
        };
        out.push(Piece::Text(std::mem::take(&mut plain)));
        out.push(Piece::Sub(piece));
    }
    if args.next().is_some() {
        return Err(error::badarg());
    }
    out.push(Piece::Text(plain));
    Ok(out)
}

/// Field width, precision and pad character of one control sequence.
struct Spec {
    width: Option<i64>,
    precision: Option<i64>,
    pad: char,
}

impl Spec {
    /// Padded to the field width (left-justified for a negative one);
    /// text longer than the field is cut to it when `cut`.
    fn adjust(&self, s: String, cut: bool) -> String {
        let Some(w) = self.width else {
            return s;
        };
        let n = w.unsigned_abs() as usize;
        let len = s.chars().count();
        if len >= n {
            return if cut && len > n {
                s.chars().take(n).collect()
            } else {
                s
            };
        }
        let fill: String = std::iter::repeat_n(self.pad, n - len).collect();
        if w < 0 {
            s + &fill
        } else {
            fill + &s
        }
    }

    /// A number in its field: `*`s when it does not fit, as Erlang does.
    fn number(&self, s: String) -> String {
        match self.width {
            Some(w) if s.chars().count() > w.unsigned_abs() as usize => {
                "*".repeat(w.unsigned_abs() as usize)
            }
            _ => self.adjust(s, false),
        }
    }
}

fn int_text(n: &Value, base: u32) -> String {
    match n {
        Value::Int(i) => {
            let b = num_bigint::BigInt::from(*i);
            b.to_str_radix(base).to_uppercase()
        }
        Value::BigInt(b) => b.to_str_radix(base).to_uppercase(),
        _ => String::new(),
    }
}

/// `~s`'s argument as text: a binary, an atom, or chardata (code points
/// past 255 only with the `t` modifier).
fn string_arg(v: &Value, unicode: bool) -> Result<String> {
    if let Some(s) = v.as_str() {
        // Without `t` a binary is bytes, each written as the character
        // of that code (`~s` of "é" writes "Ã©", as Erlang does).
        return Ok(if unicode {
            s.to_string()
        } else {
            s.bytes().map(char::from).collect()
        });
    }
    if let Some(a) = v.as_atom() {
        return Ok(a.as_str().to_string());
    }
    if v.is_list() {
        if let Some(s) = crate::format::chardata_to_string(v) {
            // Code points past 255 need `~ts` in Erlang; phial's output is
            // UTF-8 either way, so both are written as they are.
            let _ = unicode;
            return Ok(s);
        }
    }
    Err(error::badarg())
}

/// The exact decimal digits of `x.abs()` (integer part, fraction part).
fn exact(x: f64) -> (String, String) {
    // 1100 fraction digits hold every f64 exactly (the smallest has 1074).
    let s = format!("{:.1100}", x.abs());
    let (i, f) = s.split_once('.').unwrap_or((&s, ""));
    (i.to_string(), f.trim_end_matches('0').to_string())
}

/// Decimal digits rounded half away from zero at `keep` fraction digits
/// (Erlang's `~f`: 2.25 is `2.3` with one decimal).
fn round_digits(int: &str, frac: &str, keep: usize) -> (String, String) {
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let point = int.len();
    while digits.len() < point + keep {
        digits.push(b'0');
    }
    let round_up = digits.get(point + keep).is_some_and(|d| *d >= b'5');
    digits.truncate(point + keep);
    let mut int_len = point;
    if round_up {
        let mut k = digits.len();
        loop {
            if k == 0 {
                digits.insert(0, b'1');
                int_len += 1;
                break;
            }
            k -= 1;
            if digits[k] == b'9' {
                digits[k] = b'0';
            } else {
                digits[k] += 1;
                break;
            }
        }
    }
    let s = String::from_utf8(digits).unwrap_or_default();
    (s[..int_len].to_string(), s[int_len..].to_string())
}

/// `~.Pf`.
pub(crate) fn fixed(x: f64, p: usize) -> String {
    let (i, f) = exact(x);
    let (i, f) = round_digits(&i, &f, p);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if p == 0 {
        format!("{sign}{i}")
    } else {
        format!("{sign}{i}.{f}")
    }
}

/// `~.Pe`: `P` significant digits, `d.ddde+X`.
pub(crate) fn scientific(x: f64, p: usize) -> String {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0.{}e+0", "0".repeat(p.saturating_sub(1)));
    }
    let (i, f) = exact(x);
    let all = format!("{i}{f}");
    let first = all.bytes().position(|b| b != b'0').unwrap_or(0);
    let exp = i.len() as i64 - 1 - first as i64;
    let sig = &all[first..];
    let (head, tail) = round_digits(&sig[..1], &sig[1..], p - 1);
    let (head, tail, exp) = if head.len() > 1 {
        // Rounding carried into a new digit: 9.99 -> 10.0 -> 1.00e+1.
        let mut t = head[1..].to_string();
        t.push_str(&tail);
        t.truncate(p - 1);
        (head[..1].to_string(), t, exp + 1)
    } else {
        (head, tail, exp)
    };
    let es = if exp < 0 {
        format!("-{}", -exp)
    } else {
        format!("+{exp}")
    };
    if p == 1 {
        format!("{sign}{head}e{es}")
    } else {
        format!("{sign}{head}.{tail}e{es}")
    }
}

/// An atom as Erlang writes it: bare when it reads back as itself.
pub(crate) fn atom_text(a: Atom) -> String {
    let s = a.as_str();
    const RESERVED: &[&str] = &[
        "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
        "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
        "rem", "try", "when", "xor", "maybe", "else",
    ];
    let plain = s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@')
        && !RESERVED.contains(&s);
    if plain {
        s.to_string()
    } else {
        let mut out = String::from("'");
        for c in s.chars() {
            match c {
                '\'' => out.push_str("\\'"),
                '\\' => out.push_str("\\\\"),
                c => push_escaped(&mut out, c),
            }
        }
        out.push('\'');
        out
    }
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\u{1b}' => out.push_str("\\e"),
        '\u{7f}' => out.push_str("\\d"),
        c if (c as u32) < 32 => out.push_str(&format!("\\{:o}", c as u32)),
        c => out.push(c),
    }
}

/// A string as Erlang quotes it: `"a\"b"`.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => push_escaped(&mut out, c),
        }
    }
    out.push('"');
    out
}

/// The characters of a list `~p` prints as a string (Erlang's printable
/// Latin-1 range, as `io_lib:printable_list/1`).
fn printable_list(v: &Value) -> Option<String> {
    if matches!(v, Value::Nil) {
        return None;
    }
    let mut s = String::new();
    for item in v.iter_list() {
        let Value::Int(n) = item else {
            return None;
        };
        let ok = matches!(*n, 32..=126 | 160..=255 | 8..=13 | 27);
        if !ok {
            return None;
        }
        s.push(char::from_u32(*n as u32)?);
    }
    // An improper list is no string.
    v.list_to_vec().map(|_| s)
}

/// A binary as `~p` shows it: `<<"text">>` with its bytes read as
/// Latin-1 when every byte is printable (`"é"` is `<<"Ã©">>`, as Erlang
/// prints it without the `t` modifier).
fn printable_binary(s: &str) -> Option<String> {
    s.bytes()
        .all(|b| matches!(b, 32..=126 | 8..=13 | 27 | 160..=255))
        .then(|| s.bytes().map(char::from).collect())
}

fn binary_bytes(s: &str) -> String {
    let bytes: Vec<String> = s.bytes().map(|b| b.to_string()).collect();
    format!("<<{}>>", bytes.join(","))
}

/// What a pid, reference or function prints as in Erlang.
fn opaque(v: &Value) -> String {
    let shown = crate::format::inspect(v);
    match v {
        Value::Pid(_) => shown.trim_start_matches("#PID").to_string(),
        Value::Ref(_) => shown.replace("#Reference", "#Ref"),
        _ => shown,
    }
}

/// Map entries in Erlang's order (term order of the keys).
fn sorted_entries(m: &crate::value::MapInner) -> Vec<(&Value, &Value)> {
    let mut es: Vec<(&Value, &Value)> = m.iter().collect();
    es.sort_by(|a, b| crate::term::compare(a.0, b.0));
    es
}

/// `~w`/`~p` on one line: `pretty` selects `~p`'s spelling (strings for
/// printable charlists and binaries, spaces around `=>`). Written with an
/// explicit stack, so any depth of term is safe.
fn flat(v: &Value, pretty: bool, lists_as_lists: bool) -> String {
    enum Job<'a> {
        Val(&'a Value),
        Text(&'static str),
    }
    let mut out = String::new();
    let mut jobs: Vec<Job> = vec![Job::Val(v)];
    while let Some(job) = jobs.pop() {
        let v = match job {
            Job::Text(t) => {
                out.push_str(t);
                continue;
            }
            Job::Val(v) => v,
        };
        match v {
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::BigInt(b) => out.push_str(&b.to_string()),
            Value::Float(f) => out.push_str(&crate::format::float_to_string(*f)),
            Value::Atom(a) => out.push_str(&atom_text(*a)),
            Value::Nil => out.push_str("[]"),
            Value::Cons(_) => {
                if pretty && !lists_as_lists {
                    if let Some(s) = printable_list(v) {
                        out.push_str(&quoted(&s));
                        continue;
                    }
                }
                out.push('[');
                let mut items: Vec<Job> = Vec::new();
                let mut cur = v;
                let mut first = true;
                loop {
                    match cur {
                        Value::Cons(c) => {
                            if !first {
                                items.push(Job::Text(","));
                            }
                            first = false;
                            items.push(Job::Val(&c.head));
                            cur = &c.tail;
                        }
                        Value::Nil => break,
                        tail => {
                            items.push(Job::Text("|"));
                            items.push(Job::Val(tail));
                            break;
                        }
                    }
                }
                items.push(Job::Text("]"));
                jobs.extend(items.into_iter().rev());
            }
            Value::Tuple(t) => {
                out.push('{');
                jobs.push(Job::Text("}"));
                for (k, x) in t.iter().enumerate().rev() {
                    jobs.push(Job::Val(x));
                    if k > 0 {
                        jobs.push(Job::Text(","));
                    }
                }
            }
            Value::Map(m) => {
                out.push_str("#{");
                jobs.push(Job::Text("}"));
                let es = sorted_entries(m);
                let n = es.len();
                for (k, (key, val)) in es.into_iter().enumerate().rev() {
                    jobs.push(Job::Val(val));
                    jobs.push(Job::Text(" => "));
                    jobs.push(Job::Val(key));
                    if k > 0 && n > 1 {
                        jobs.push(Job::Text(","));
                    }
                }
            }
            v => match v.as_str() {
                Some("") => out.push_str("<<>>"),
                Some(s) if pretty && printable_binary(s).is_some() => {
                    out.push_str("<<");
                    out.push_str(&quoted(&printable_binary(s).unwrap_or_default()));
                    out.push_str(">>");
                }
                Some(s) => out.push_str(&binary_bytes(s)),
                None => out.push_str(&opaque(v)),
            },
        }
    }
    out
}

/// `~w`.
pub(crate) fn write(v: &Value) -> String {
    flat(v, false, false)
}

/// The widest line `~p` writes (Erlang's line length 80, less the two
/// columns `io_lib_pretty` keeps free).
const LINE: usize = 78;

/// How deep `pretty` breaks terms over lines; deeper parts are written on
/// one line (by `flat`, which keeps its own stack).
const MAX_PRETTY_DEPTH: usize = 100;

/// `~p` starting at column `col`, with `tail` more characters (closing
/// brackets, a comma) to follow on its last line.
pub(crate) fn pretty(v: &Value, col: usize, tail: usize, lists_as_lists: bool) -> String {
    pp(v, col, tail, lists_as_lists, 0)
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn pp(v: &Value, col: usize, tail: usize, lal: bool, depth: usize) -> String {
    let f = flat(v, true, lal);
    if col + width(&f) + tail <= LINE || depth > MAX_PRETTY_DEPTH {
        return f;
    }
    match v {
        Value::Cons(_) if lal || printable_list(v).is_none() => match v.list_to_vec() {
            Some(items) => {
                let body = fill(&items, col + 1, tail + 1, lal, depth);
                format!("[{body}]")
            }
            None => f,
        },
        Value::Tuple(t) if !t.is_empty() => {
            if let (Some(tag), true) = (t[0].as_atom(), t.len() > 1) {
                let head = format!("{{{},", atom_text(tag));
                let body = fill(&t[1..], col + width(&head), tail + 1, lal, depth);
                format!("{head}{body}}}")
            } else {
                let body = fill(t, col + 1, tail + 1, lal, depth);
                format!("{{{body}}}")
            }
        }
        Value::Map(m) if !m.is_empty() => {
            let es = sorted_entries(m);
            let n = es.len();
            let indent = col + 2;
            let mut out = String::from("#{");
            for (k, (key, val)) in es.into_iter().enumerate() {
                let last = k + 1 == n;
                let t = if last { tail + 1 } else { 1 };
                if k > 0 {
                    out.push_str(",\n");
                    out.push_str(&" ".repeat(indent));
                }
                let kf = pp(key, indent, 0, lal, depth + 1);
                let vf = flat(val, true, lal);
                let at = indent + width(&kf) + 4;
                if at + width(&vf) + t <= LINE {
                    out.push_str(&format!("{kf} => {vf}"));
                } else {
                    let vi = indent + 4;
                    out.push_str(&format!("{kf} =>\n{}", " ".repeat(vi)));
                    out.push_str(&pp(val, vi, t, lal, depth + 1));
                }
            }
            out.push('}');
            out
        }
        _ => f,
    }
}

/// Elements separated by commas, as many to a line as fit, each line
/// after the first indented to `indent`; an element broken over lines
/// ends its line.
fn fill(items: &[Value], indent: usize, tail: usize, lal: bool, depth: usize) -> String {
    let mut out = String::new();
    let mut c = indent;
    let mut line_start = true;
    let mut broke = false;
    let n = items.len();
    for (k, item) in items.iter().enumerate() {
        let t = if k + 1 == n { tail } else { 1 };
        let f = flat(item, true, lal);
        // A list, tuple or map gets lines of its own; simple terms fill.
        let complex = match item {
            Value::Cons(_) => lal || printable_list(item).is_none(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Map(m) => !m.is_empty(),
            _ => false,
        };
        if !line_start && (broke || complex || c + width(&f) + t > LINE) {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            c = indent;
            broke = false;
        }
        if c + width(&f) + t <= LINE {
            out.push_str(&f);
            c += width(&f);
        } else {
            let p = pp(item, c, t, lal, depth + 1);
            match p.rfind('\n') {
                Some(at) => {
                    c = width(&p[at + 1..]);
                    broke = true;
                }
                None => c += width(&p),
            }
            out.push_str(&p);
        }
        line_start = false;
        broke |= complex;
        if k + 1 < n {
            out.push(',');
            c += 1;
        }
    }
    out
}

/// A field width or precision is the size of text to build: one wider
/// than memory can hold is `SystemLimitError`, one past the process's
/// memory limit stops it, before any padding is made.
fn field_size(n: i64) -> Result<()> {
    let n = n.unsigned_abs();
    if n > crate::library::support::collections::MAX_BUILD {
        return Err(error::system_limit_error());
    }
    if phial_runtime::over_limit(n as usize) {
        return Err(crate::library::support::processes::over_memory_limit());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_half_away_from_zero_on_the_exact_value() {
        assert_eq!(fixed(2.25, 1), "2.3");
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(2.675, 2), "2.67");
        assert_eq!(fixed(-0.04, 1), "-0.0");
        assert_eq!(fixed(9.99, 1), "10.0");
        assert_eq!(scientific(12345.678, 6), "1.23457e+4");
        assert_eq!(scientific(0.0, 6), "0.00000e+0");
        assert_eq!(scientific(9.9999999, 3), "1.00e+1");
        assert_eq!(scientific(-1.0e-10, 6), "-1.00000e-10");
    }

    #[test]
    fn atoms_are_quoted_as_erlang_quotes_them() {
        assert_eq!(atom_text(Atom::new("ok")), "ok");
        assert_eq!(atom_text(Atom::alias("Foo")), "'Elixir.Foo'");
        assert_eq!(atom_text(Atom::new("end")), "'end'");
    }
}
