//! `:string` natives, Erlang's string functions over chardata: a
//! binary argument gives binaries back, a charlist charlists
//! (`to_upper`, `trim`, `tokens`, `split`, `replace`, `find`, `pad`, ...).
//!
//! Not here: Elixir's `String` (`elixir/string.rs`).

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::support::collections::clause;
use crate::library::{def, Native};
use crate::value::Value;
use unicode_segmentation::UnicodeSegmentation;

pub const NATIVES: &[Native] = &[
    def("to_upper", 1, |_, a| case(&a[0], "to_upper", true)),
    def("to_lower", 1, |_, a| case(&a[0], "to_lower", false)),
    def("uppercase", 1, |_, a| {
        map_text(&a[0], "uppercase", |s| s.to_uppercase())
    }),
    def("lowercase", 1, |_, a| {
        map_text(&a[0], "lowercase", |s| s.to_lowercase())
    }),
    def("casefold", 1, |_, a| {
        map_text(&a[0], "casefold", |s| s.to_lowercase())
    }),
    def("titlecase", 1, |_, a| {
        map_text(&a[0], "titlecase", |s| {
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
    }),
    def("trim", 1, |_, a| trim(&a[0], "both", None)),
    def("trim", 2, |_, a| {
        trim(&a[0], a[1].as_atom().map_or("", |x| x.as_str()), None)
    }),
    def("trim", 3, |_, a| {
        let chars = chars_of(&a[2])?;
        trim(
            &a[0],
            a[1].as_atom().map_or("", |x| x.as_str()),
            Some(chars),
        )
    }),
    def("strip", 1, |_, a| strip(&a[0], "both", ' ')),
    def("strip", 2, |_, a| {
        strip(&a[0], a[1].as_atom().map_or("", |x| x.as_str()), ' ')
    }),
    def("strip", 3, |_, a| match a[2] {
        Value::Int(c) => strip(
            &a[0],
            a[1].as_atom().map_or("", |x| x.as_str()),
            char::from_u32(c as u32).unwrap_or(' '),
        ),
        _ => Err(error::badarg()),
    }),
    def("chomp", 1, |_, a| {
        let (s, bin) = text(&a[0], "chomp")?;
        let t = s
            .strip_suffix("\r\n")
            .or_else(|| s.strip_suffix('\n'))
            .unwrap_or(&s);
        Ok(back(t, bin))
    }),
    def("tokens", 2, |_, a| {
        let (s, bin) = text(&a[0], "tokens")?;
        let seps = chars_of(&a[1])?;
        Ok(Value::list(
            s.split(|c| seps.contains(&c))
                .filter(|t| !t.is_empty())
                .map(|t| back(t, bin))
                .collect(),
        ))
    }),
    def("lexemes", 2, |_, a| {
        let (s, bin) = text(&a[0], "lexemes")?;
        let seps = chars_of(&a[1])?;
        Ok(Value::list(
            s.split(|c| seps.contains(&c))
                .filter(|t| !t.is_empty())
                .map(|t| back(t, bin))
                .collect(),
        ))
    }),
    def("split", 2, |_, a| split(&a[0], &a[1], "leading")),
    def("split", 3, |_, a| {
        split(&a[0], &a[1], a[2].as_atom().map_or("", |x| x.as_str()))
    }),
    def("replace", 3, |_, a| replace(&a[0], &a[1], &a[2], "leading")),
    def("replace", 4, |_, a| {
        replace(
            &a[0],
            &a[1],
            &a[2],
            a[3].as_atom().map_or("", |x| x.as_str()),
        )
    }),
    def("find", 2, |_, a| find(&a[0], &a[1], false)),
    def("find", 3, |_, a| {
        find(&a[0], &a[1], a[2].as_atom() == Some(Atom::new("trailing")))
    }),
    def("length", 1, |_, a| {
        let (s, _) = text(&a[0], "length")?;
        Ok(Value::Int(s.graphemes(true).count() as i64))
    }),
    def("len", 1, |_, a| {
        let (s, _) = text(&a[0], "len")?;
        Ok(Value::Int(s.chars().count() as i64))
    }),
    def("is_empty", 1, |_, a| {
        let (s, _) = text(&a[0], "is_empty")?;
        Ok(Value::bool(s.is_empty()))
    }),
    def("reverse", 1, |_, a| {
        let (s, _) = text(&a[0], "reverse")?;
        let r: String = s.graphemes(true).rev().collect();
        Ok(charlist(&r))
    }),
    def("slice", 2, |_, a| slice(&a[0], &a[1], None)),
    def("slice", 3, |_, a| slice(&a[0], &a[1], Some(&a[2]))),
    def("equal", 2, |_, a| {
        let (x, _) = text(&a[0], "equal")?;
        let (y, _) = text(&a[1], "equal")?;
        Ok(Value::bool(x == y))
    }),
    def("join", 2, |_, a| {
        let parts = crate::library::support::collections::proper(&a[0])
            .ok_or_else(|| clause(":string", "join", 2, &[&a[0], &a[1]]))?;
        let sep = text(&a[1], "join")?.0;
        let texts: Vec<String> = parts
            .iter()
            .map(|p| text(p, "join").map(|t| t.0))
            .collect::<Result<_>>()?;
        Ok(charlist(&texts.join(&sep)))
    }),
    def("concat", 2, |_, a| {
        let (x, _) = text(&a[0], "concat")?;
        let (y, _) = text(&a[1], "concat")?;
        Ok(charlist(&(x + &y)))
    }),
    def("copies", 2, |_, a| match a[1] {
        Value::Int(n) if n >= 0 => {
            let (x, _) = text(&a[0], "copies")?;
            Ok(charlist(&crate::library::support::collections::repeat_str(
                &x, n as u64,
            )?))
        }
        _ => Err(error::badarg()),
    }),
    def("pad", 2, |_, a| pad(&a[0], &a[1], "trailing", ' ')),
    def("pad", 3, |_, a| {
        pad(&a[0], &a[1], a[2].as_atom().map_or("", |x| x.as_str()), ' ')
    }),
    def("pad", 4, |_, a| match a[3] {
        Value::Int(c) => pad(
            &a[0],
            &a[1],
            a[2].as_atom().map_or("", |x| x.as_str()),
            char::from_u32(c as u32).unwrap_or(' '),
        ),
        _ => Err(error::badarg()),
    }),
    def("to_integer", 1, |_, a| {
        let (s, bin) = text(&a[0], "to_integer")?;
        let digits = s.trim_start_matches(['+', '-']);
        let signed = s.len() - digits.len();
        let n = digits.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || signed > 1 {
            return Ok(no("no_integer"));
        }
        let v = crate::library::support::strings::parse_int_exact(&s[..signed + n], 10)
            .ok_or_else(error::badarg)?;
        Ok(Value::tuple(vec![v, back(&s[signed + n..], bin)]))
    }),
    def("to_float", 1, |_, a| {
        let (s, bin) = text(&a[0], "to_float")?;
        match crate::library::support::numbers::parse_float_prefix(&s) {
            // Erlang wants a fraction: "1" is no float.
            Some((f, rest)) if s[..s.len() - rest.len()].contains('.') => {
                Ok(Value::tuple(vec![Value::Float(f), back(rest, bin)]))
            }
            _ => Ok(no("no_float")),
        }
    }),
];

fn no(what: &str) -> Value {
    Value::tuple(vec![Value::atom("error"), Value::atom(what)])
}

fn charlist(s: &str) -> Value {
    Value::list(s.chars().map(|c| Value::Int(c as i64)).collect())
}

/// The result in the argument's kind: a binary for a binary.
fn back(s: &str, binary: bool) -> Value {
    if binary {
        Value::str(s)
    } else {
        charlist(s)
    }
}

/// Chardata as text, and whether it was a binary.
fn text(v: &Value, name: &str) -> Result<(String, bool)> {
    if let Some(s) = v.as_str() {
        return Ok((s.to_string(), true));
    }
    match v
        .is_list()
        .then(|| crate::format::chardata_to_string(v))
        .flatten()
    {
        Some(s) => Ok((s, false)),
        None => Err(clause(":string", name, 1, &[v])),
    }
}

/// A list of characters (a charlist or one character).
fn chars_of(v: &Value) -> Result<Vec<char>> {
    if let Value::Int(c) = v {
        return char::from_u32(*c as u32)
            .map(|c| vec![c])
            .ok_or_else(error::badarg);
    }
    Ok(text(v, "chars")?.0.chars().collect())
}

fn map_text(v: &Value, name: &str, f: impl Fn(&str) -> String) -> Result<Value> {
    let (s, bin) = text(v, name)?;
    Ok(back(&f(&s), bin))
}

/// `to_upper/1`, `to_lower/1`: a character or a charlist (Latin-1 case
/// mapping in Erlang; Unicode's here, the same on that range).
fn case(v: &Value, name: &str, upper: bool) -> Result<Value> {
    let conv = |c: char| -> char {
        let mut m: Box<dyn Iterator<Item = char>> = if upper {
            Box::new(c.to_uppercase())
        } else {
            Box::new(c.to_lowercase())
        };
        match (m.next(), m.next()) {
            (Some(x), None) => x,
            _ => c,
        }
    };
    match v {
        Value::Int(c) => Ok(Value::Int(
            char::from_u32(*c as u32).map_or(*c, |ch| conv(ch) as i64),
        )),
        v if v.as_str().is_none() => {
            let (s, _) = text(v, name)?;
            Ok(charlist(&s.chars().map(conv).collect::<String>()))
        }
        v => Err(clause(":string", name, 1, &[v])),
    }
}

fn trim(v: &Value, dir: &str, chars: Option<Vec<char>>) -> Result<Value> {
    let (s, bin) = text(v, "trim")?;
    let test = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => c.is_whitespace(),
    };
    let t = match dir {
        "leading" => s.trim_start_matches(test),
        "trailing" => s.trim_end_matches(test),
        "both" => s.trim_matches(test),
        _ => return Err(error::badarg()),
    };
    Ok(back(t, bin))
}

fn strip(v: &Value, dir: &str, c: char) -> Result<Value> {
    let (s, bin) = text(v, "strip")?;
    let t = match dir {
        "left" => s.trim_start_matches(c),
        "right" => s.trim_end_matches(c),
        "both" => s.trim_matches(c),
        _ => return Err(error::badarg()),
    };
    Ok(back(t, bin))
}

fn split(v: &Value, pat: &Value, how: &str) -> Result<Value> {
    let (s, bin) = text(v, "split")?;
    let (p, _) = text(pat, "split")?;
    if p.is_empty() {
        return Ok(Value::list(vec![back(&s, bin)]));
    }
    let parts: Vec<&str> = match how {
        "leading" => s.splitn(2, p.as_str()).collect(),
        "trailing" => {
            let mut r: Vec<&str> = s.rsplitn(2, p.as_str()).collect();
            r.reverse();
            r
        }
        "all" => s.split(p.as_str()).collect(),
        _ => return Err(error::badarg()),
    };
    Ok(Value::list(
        parts.into_iter().map(|x| back(x, bin)).collect(),
    ))
}

/// `replace/3,4`: chardata with the replacement between the parts, as
/// Erlang builds it.
fn replace(v: &Value, pat: &Value, rep: &Value, how: &str) -> Result<Value> {
    let parts = split(v, pat, how)?.list_to_vec().unwrap_or_default();
    let mut out = Vec::new();
    let n = parts.len();
    for (i, p) in parts.into_iter().enumerate() {
        out.push(p);
        if i + 1 < n {
            out.push(rep.clone());
        }
    }
    Ok(Value::list(out))
}

fn find(v: &Value, pat: &Value, trailing: bool) -> Result<Value> {
    let (s, bin) = text(v, "find")?;
    let (p, _) = text(pat, "find")?;
    let at = if trailing { s.rfind(&p) } else { s.find(&p) };
    Ok(match at {
        Some(i) => back(&s[i..], bin),
        None => Value::atom("nomatch"),
    })
}

fn slice(v: &Value, start: &Value, len: Option<&Value>) -> Result<Value> {
    let (s, bin) = text(v, "slice")?;
    let Value::Int(st) = start else {
        return Err(error::badarg());
    };
    let take = match len {
        None => usize::MAX,
        Some(Value::Int(n)) if *n >= 0 => *n as usize,
        Some(Value::Atom(a)) if a.as_str() == "infinity" => usize::MAX,
        Some(_) => return Err(error::badarg()),
    };
    let t: String = s
        .graphemes(true)
        .skip((*st).max(0) as usize)
        .take(take)
        .collect();
    Ok(back(&t, bin))
}

fn pad(v: &Value, len: &Value, dir: &str, c: char) -> Result<Value> {
    let (s, _) = text(v, "pad")?;
    let Value::Int(n) = len else {
        return Err(error::badarg());
    };
    let have = s.graphemes(true).count() as i64;
    let missing = (*n - have).max(0) as u64;
    // A pad longer than memory can hold is an error, never an abort.
    if missing > crate::library::support::collections::MAX_BUILD / 16 {
        return Err(error::system_limit_error());
    }
    if phial_runtime::over_limit(missing as usize * 16) {
        return Err(crate::library::support::processes::over_memory_limit());
    }
    let missing = missing as usize;
    let fill = |k: usize| Value::list(vec![Value::Int(c as i64); k]);
    let body = v.clone();
    Ok(match dir {
        "trailing" => {
            let mut out = vec![body];
            out.extend(vec![Value::Int(c as i64); missing]);
            Value::list(out)
        }
        "leading" => Value::list(vec![fill(missing), body]),
        "both" => {
            let left = missing / 2;
            Value::list(vec![fill(left), body, fill(missing - left)])
        }
        _ => return Err(error::badarg()),
    })
}
