//! `String` natives, grapheme-aware like Elixir's (`String.length("é")` is 1
//! however it is encoded), with Elixir 1.14's errors for wrong arguments:
//! `FunctionClauseError` naming the clause Elixir's guard lives in
//! (`String.upcase/2`), or the Erlang-style `ArgumentError` where Elixir
//! hands the value straight to a BIF (`String.to_integer/1`).
//!
//! Not here: the distance functions and deprecated aliases (`string.ex`),
//! `to_string`/`inspect` rules (`format`).

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::library::support::collections::{clause, proper};
use crate::library::support::strings::parse_int_exact;
use crate::library::{def, step, Ctx, Native, Step, Target};
use crate::value::Value;
use unicode_segmentation::UnicodeSegmentation;

pub const NATIVES: &[Native] = &[
    def("length", 1, |_, a| {
        Ok(Value::Int(
            s(&a[0], "length", 1, a)?.graphemes(true).count() as i64,
        ))
    })
    .doc(
        r#"length(string)"#,
        r#"The number of graphemes in `string`.

    iex> String.length("naïve")
    5"#,
    ),
    def("normalize", 2, |_, a| {
        use unicode_normalization::UnicodeNormalization;
        let (Some(text), Some(form)) = (a[0].as_str(), a[1].as_atom()) else {
            return Err(clause("String", "normalize", 2, &[&a[0], &a[1]]));
        };
        Ok(Value::str(match form.as_str() {
            "nfd" => text.nfd().collect::<String>(),
            "nfc" => text.nfc().collect(),
            "nfkd" => text.nfkd().collect(),
            "nfkc" => text.nfkc().collect(),
            _ => return Err(clause("String", "normalize", 2, &[&a[0], &a[1]])),
        }))
    })
    .doc(
        r#"normalize(string, form)"#,
        r#"`string` in Unicode normalisation form `:nfc`, `:nfd`, `:nfkc` or `:nfkd`.

    iex> String.length(String.normalize("é", :nfd))
    1"#,
    ),
    def("upcase", 1, |_, a| {
        Ok(Value::str(s(&a[0], "upcase", 2, a)?.to_uppercase()))
    }),
    def("upcase", 2, |_, a| {
        Ok(Value::str(s(&a[0], "upcase", 2, a)?.to_uppercase()))
    })
    .doc(
        r#"upcase(string, mode \\ :default)"#,
        r#"`string` in upper case, by Unicode's rules (`mode` `:ascii` touches only
a-z).

    iex> String.upcase("straße")
    "STRASSE""#,
    ),
    def("downcase", 1, |_, a| {
        Ok(Value::str(s(&a[0], "downcase", 2, a)?.to_lowercase()))
    }),
    def("downcase", 2, |_, a| {
        Ok(Value::str(s(&a[0], "downcase", 2, a)?.to_lowercase()))
    })
    .doc(
        r#"downcase(string, mode \\ :default)"#,
        r#"`string` in lower case.

    iex> String.downcase("HeLLo")
    "hello""#,
    ),
    def("capitalize", 1, |_, a| {
        let st = s(&a[0], "capitalize", 2, a)?;
        Ok(Value::str(capitalize(st, "default")))
    }),
    def("capitalize", 2, |_, a| {
        let st = s(&a[0], "capitalize", 2, a)?;
        match a[1].as_atom().map(|m| m.as_str()) {
            Some(mode @ ("default" | "ascii" | "greek" | "turkic")) => {
                Ok(Value::str(capitalize(st, mode)))
            }
            // Elixir titlecases the first letter, then fails in downcase/2.
            _ => Err(clause("String", "downcase", 2, &[&a[0], &a[1]])),
        }
    })
    .doc(
        r#"capitalize(string, mode \\ :default)"#,
        r#"The first grapheme in title case, the rest in lower case.

    iex> String.capitalize("hELLO world")
    "Hello world""#,
    ),
    def("reverse", 1, |_, a| {
        Ok(Value::str(
            s(&a[0], "reverse", 1, a)?
                .graphemes(true)
                .rev()
                .collect::<String>(),
        ))
    })
    .doc(
        r#"reverse(string)"#,
        r#"The graphemes of `string` in the opposite order.

    iex> String.reverse("abc")
    "cba""#,
    ),
    def("graphemes", 1, |_, a| {
        Ok(Value::list(
            s(&a[0], "graphemes", 1, a)?
                .graphemes(true)
                .map(Value::str)
                .collect(),
        ))
    })
    .doc(
        r#"graphemes(string)"#,
        r#"The graphemes of `string`, as a list of strings.

    iex> String.graphemes("añb")
    ["a", "ñ", "b"]"#,
    ),
    def("codepoints", 1, |_, a| {
        Ok(Value::list(
            s(&a[0], "codepoints", 1, a)?
                .chars()
                .map(|c| Value::str(c.to_string()))
                .collect(),
        ))
    })
    .doc(
        r#"codepoints(string)"#,
        r#"The code points of `string`, each as a string.

    iex> String.codepoints("ab")
    ["a", "b"]"#,
    ),
    def("first", 1, |_, a| {
        Ok(s(&a[0], "first", 1, a)?
            .graphemes(true)
            .next()
            .map(Value::str)
            .unwrap_or(Value::NIL_ATOM))
    })
    .doc(
        r#"first(string)"#,
        r#"The first grapheme, or `nil` for an empty string.

    iex> String.first("élan")
    "é""#,
    ),
    def("last", 1, |_, a| {
        Ok(s(&a[0], "last", 1, a)?
            .graphemes(true)
            .next_back()
            .map(Value::str)
            .unwrap_or(Value::NIL_ATOM))
    })
    .doc(
        r#"last(string)"#,
        r#"The last grapheme, or `nil` for an empty string.

    iex> String.last("abc")
    "c""#,
    ),
    def("at", 2, |_, a| {
        let st = s(&a[0], "at", 2, a)?;
        let Value::Int(i) = a[1] else {
            return Err(sfce("at", 2, a));
        };
        let g: Vec<&str> = st.graphemes(true).collect();
        let len = g.len() as i64;
        let i = if i < 0 { len + i } else { i };
        Ok(if (0..len).contains(&i) {
            Value::str(g[i as usize])
        } else {
            Value::NIL_ATOM
        })
    })
    .doc(
        r#"at(string, position)"#,
        r#"The grapheme at `position` (negative counts from the end), or `nil`.

    iex> String.at("abc", -1)
    "c""#,
    ),
    def("slice", 3, |_, a| {
        let st = s(&a[0], "slice", 3, a)?;
        let (Value::Int(start), Value::Int(len)) = (&a[1], &a[2]) else {
            return Err(sfce("slice", 3, a));
        };
        if *len < 0 {
            return Err(sfce("slice", 3, a));
        }
        let g: Vec<&str> = st.graphemes(true).collect();
        let n = g.len() as i64;
        let start = if *start < 0 {
            (n + start).max(0)
        } else {
            *start
        };
        if start >= n {
            return Ok(Value::str(""));
        }
        Ok(Value::str(
            g[start as usize..]
                .iter()
                .take(*len as usize)
                .copied()
                .collect::<String>(),
        ))
    })
    .doc(
        r#"slice(string, start, length)"#,
        r#"Up to `length` graphemes from position `start`.

    iex> String.slice("hello", 1, 3)
    "ell""#,
    ),
    def("slice", 2, |_, a| {
        let st = s(&a[0], "slice", 2, a)?;
        let Some((first, last, step)) = a[1].as_range() else {
            return Err(sfce("slice", 2, a));
        };
        let g: Vec<&str> = st.graphemes(true).collect();
        let n = g.len() as i64;
        let step = if step < 0 { 1 } else { step };
        let first = if first < 0 { (first + n).max(0) } else { first };
        let last = if last < 0 { last + n } else { last };
        if first > last || first >= n {
            return Ok(Value::str(""));
        }
        let last = last.min(n - 1);
        Ok(Value::str(
            (first..=last)
                .step_by(step as usize)
                .map(|i| g[i as usize])
                .collect::<String>(),
        ))
    })
    .doc(
        r#"slice(string, range)"#,
        r#"The graphemes at the positions of `range`; negative positions count from
the end.

    iex> String.slice("hello", 1..-2//1)
    "ell""#,
    ),
    def("split_at", 2, |_, a| {
        let st = s(&a[0], "split_at", 2, a)?;
        let Value::Int(i) = a[1] else {
            return Err(sfce("split_at", 2, a));
        };
        let g: Vec<&str> = st.graphemes(true).collect();
        let n = g.len() as i64;
        let at = if i < 0 { (n + i).max(0) } else { i.min(n) } as usize;
        Ok(Value::tuple(vec![
            Value::str(g[..at].concat()),
            Value::str(g[at..].concat()),
        ]))
    })
    .doc(
        r#"split_at(string, position)"#,
        r#"`{graphemes before position, the rest}`.

    iex> String.split_at("hello", 2)
    {"he", "llo"}"#,
    ),
    def("contains?", 2, |_, a| {
        let st = s(&a[0], "contains?", 2, a)?;
        let pats = patterns(&a[1]).ok_or_else(|| error::badarg_at(2, "not a valid pattern"))?;
        Ok(Value::bool(pats.iter().any(|p| st.contains(p.as_str()))))
    })
    .doc(
        r#"contains?(string, contents)"#,
        r#"Whether `string` contains `contents`, a string or a list of strings (any
of them).

    iex> String.contains?("elixir", ["x", "z"])
    true"#,
    ),
    def("starts_with?", 2, |_, a| {
        let st = s(&a[0], "starts_with?", 2, a)?;
        let pats = patterns(&a[1]).ok_or_else(|| error::badarg_at(2, "not a valid pattern"))?;
        Ok(Value::bool(pats.iter().any(|p| st.starts_with(p.as_str()))))
    })
    .doc(
        r#"starts_with?(string, prefix)"#,
        r#"Whether `string` begins with `prefix` (or one of a list of prefixes).

    iex> String.starts_with?("phial", "ph")
    true"#,
    ),
    def("ends_with?", 2, |_, a| {
        let st = s(&a[0], "ends_with?", 2, a)?;
        let pats = patterns(&a[1]).ok_or_else(|| error::badarg_at(2, "not a valid pattern"))?;
        Ok(Value::bool(pats.iter().any(|p| st.ends_with(p.as_str()))))
    })
    .doc(
        r#"ends_with?(string, suffix)"#,
        r#"Whether `string` ends with `suffix` (or one of a list of suffixes).

    iex> String.ends_with?("file.ex", [".ex", ".exs"])
    true"#,
    ),
    def("duplicate", 2, |_, a| match (a[0].as_str(), &a[1]) {
        // Past the limits Elixir dies ("binary_alloc: Cannot allocate").
        (Some(st), Value::Int(n)) if *n >= 0 => Ok(Value::str(
            crate::library::support::collections::repeat_str(st, *n as u64)?,
        )),
        (Some(_), _) => Err(error::badarg_at(2, "out of range")),
        _ => Err(error::badarg_at(1, "not a binary")),
    })
    .doc(
        r#"duplicate(subject, n)"#,
        r#"`subject` repeated `n` times.

    iex> String.duplicate("ab", 3)
    "ababab""#,
    ),
    def("split", 1, |_, a| match a[0].as_str() {
        Some(st) => Ok(Value::list(st.split_whitespace().map(Value::str).collect())),
        _ => Err(error::badarg_at(1, "not a binary")),
    })
    .doc(
        r#"split(string)"#,
        r#"Splits at runs of whitespace, dropping leading and trailing whitespace.

    iex> String.split("  one two\tthree ")
    ["one", "two", "three"]"#,
    ),
    def("split", 2, |_, a| split(&a[0], &a[1], &Value::Nil, a)),
    def("split", 3, |_, a| split(&a[0], &a[1], &a[2], a)).doc(
        r#"split(string, pattern, options \\ [])"#,
        r#"Splits at each `pattern` (a string, a list of strings or a regex);
`parts:` limits the number of parts, `trim: true` drops empty ones.

    iex> String.split("a,b,,c", ",", trim: true)
    ["a", "b", "c"]"#,
    ),
    def("trim", 1, |_, a| {
        Ok(Value::str(s(&a[0], "trim", 1, a)?.trim()))
    })
    .doc(
        r#"trim(string)"#,
        r#"`string` without leading and trailing whitespace.

    iex> String.trim("  hi\n")
    "hi""#,
    ),
    def("trim", 2, |_, a| {
        let (st, chars) = trim_args(a, "trim")?;
        Ok(Value::str(trim_end(trim_start(st, &chars), &chars)))
    })
    .doc(
        r#"trim(string, to_trim)"#,
        r#"`string` without leading and trailing repeats of `to_trim`.

    iex> String.trim("--hi--", "-")
    "hi""#,
    ),
    def("trim_leading", 1, |_, a| match a[0].as_str() {
        Some(st) => Ok(Value::str(st.trim_start())),
        _ => Err(clause("String.Break", "trim_leading", 1, &[&a[0]])),
    }),
    def("trim_leading", 2, |_, a| {
        let (st, chars) = trim_args(a, "trim_leading")?;
        Ok(Value::str(trim_start(st, &chars)))
    })
    .doc(
        r#"trim_leading(string, to_trim \\ whitespace)"#,
        r#"`string` without leading whitespace (or repeats of `to_trim`).

    iex> String.trim_leading("  hi ")
    "hi ""#,
    ),
    def("trim_trailing", 1, |_, a| match a[0].as_str() {
        Some(st) => Ok(Value::str(st.trim_end())),
        _ => Err(clause("String.Break", "trim_trailing", 1, &[&a[0]])),
    }),
    def("trim_trailing", 2, |_, a| {
        let (st, chars) = trim_args(a, "trim_trailing")?;
        Ok(Value::str(trim_end(st, &chars)))
    })
    .doc(
        r#"trim_trailing(string, to_trim \\ whitespace)"#,
        r#"`string` without trailing whitespace (or repeats of `to_trim`).

    iex> String.trim_trailing("  hi ")
    "  hi""#,
    ),
    def("pad_leading", 2, |_, a| {
        pad(&a[0], &a[1], &Value::str(" "), true, a)
    }),
    def("pad_leading", 3, |_, a| pad(&a[0], &a[1], &a[2], true, a)).doc(
        r#"pad_leading(string, count, padding \\ " ")"#,
        r#"Pads `string` at the front to `count` graphemes with `padding`.

    iex> String.pad_leading("7", 3, "0")
    "007""#,
    ),
    def("pad_trailing", 2, |_, a| {
        pad(&a[0], &a[1], &Value::str(" "), false, a)
    }),
    def("pad_trailing", 3, |_, a| pad(&a[0], &a[1], &a[2], false, a)).doc(
        r#"pad_trailing(string, count, padding \\ " ")"#,
        r#"Pads `string` at the end to `count` graphemes with `padding`.

    iex> String.pad_trailing("ab", 4, ".")
    "ab..""#,
    ),
    step("replace", 3, |_, a| {
        replace_or_regex(&a[0], &a[1], &a[2], &Value::Nil, a)
    }),
    step("replace", 4, |_, a| {
        replace_or_regex(&a[0], &a[1], &a[2], &a[3], a)
    })
    .doc(
        r#"replace(subject, pattern, replacement, options \\ [])"#,
        r#"Replaces every `pattern` (a string, list of strings or regex) with
`replacement`, a string or a function of the match; `global: false`
replaces only the first.

    iex> String.replace("a-b-c", "-", "+")
    "a+b+c""#,
    ),
    // Elixir's String.match?/2 is Regex.match?/2 with the arguments swapped.
    def("match?", 2, |_, a| {
        if a[0].as_str().is_none() {
            return Err(clause("String", "match?", 2, &[&a[0], &a[1]]));
        }
        crate::library::elixir::regex::match_(&a[1], &a[0])
    })
    .doc(
        r#"match?(string, regex)"#,
        r#"Whether `regex` matches somewhere in `string`.

    iex> String.match?("abc123", ~r/\d+/)
    true"#,
    ),
    def("replace_prefix", 3, |_, a| {
        match (a[0].as_str(), a[1].as_str(), a[2].as_str()) {
            (Some(st), Some(p), Some(r)) => Ok(match st.strip_prefix(p) {
                Some(rest) => Value::str(format!("{r}{rest}")),
                None => a[0].clone(),
            }),
            _ => Err(sfce("replace_prefix", 3, a)),
        }
    })
    .doc(
        r#"replace_prefix(string, match, replacement)"#,
        r#"Replaces `match` at the start of `string`, if it is there.

    iex> String.replace_prefix("v1.2", "v", "")
    "1.2""#,
    ),
    def("replace_suffix", 3, |_, a| {
        match (a[0].as_str(), a[1].as_str(), a[2].as_str()) {
            (Some(st), Some(p), Some(r)) => Ok(match st.strip_suffix(p) {
                Some(rest) => Value::str(format!("{rest}{r}")),
                None => a[0].clone(),
            }),
            _ => Err(sfce("replace_suffix", 3, a)),
        }
    })
    .doc(
        r#"replace_suffix(string, match, replacement)"#,
        r#"Replaces `match` at the end of `string`, if it is there.

    iex> String.replace_suffix("main.ex", ".ex", ".exs")
    "main.exs""#,
    ),
    def("to_integer", 1, |_, a| match a[0].as_str() {
        Some(st) => parse_int_exact(st, 10)
            .ok_or_else(|| error::badarg_at(1, "not a textual representation of an integer")),
        _ => Err(error::badarg_at(1, "not a binary")),
    }),
    def("to_integer", 2, |_, a| match (a[0].as_str(), &a[1]) {
        (Some(st), Value::Int(b)) if (2..=36).contains(b) => parse_int_exact(st, *b as u32)
            .ok_or_else(|| error::badarg_at(1, "not a textual representation of an integer")),
        (Some(_), _) => Err(error::badarg_at(
            2,
            "not an integer in the range 2 through 36",
        )),
        _ => Err(error::badarg_at(1, "not a binary")),
    })
    .doc(
        r#"to_integer(string, base \\ 10)"#,
        r#"Reads the whole `string` as an integer in `base`; raises `ArgumentError`
when it is not one.

    iex> String.to_integer("-42")
    -42"#,
    ),
    def("to_float", 1, |_, a| match a[0].as_str() {
        Some(st) => match crate::library::support::numbers::parse_float_prefix(st) {
            Some((f, rest)) if rest.is_empty() && st.contains('.') => Ok(Value::Float(f)),
            _ => Err(error::badarg_at(
                1,
                "not a textual representation of a float",
            )),
        },
        _ => Err(error::badarg_at(1, "not a binary")),
    })
    .doc(
        r#"to_float(string)"#,
        r#"Reads the whole `string` as a float (it must have a decimal point).

    iex> String.to_float("2.5")
    2.5"#,
    ),
    def("to_atom", 1, |_, a| match a[0].as_str() {
        Some(st) => Value::new_atom(st),
        None if a[0].is_binary() => Err(error::badarg_at(1, "invalid UTF8 encoding")),
        _ => Err(error::badarg_at(1, "not a binary")),
    })
    .doc(
        r#"to_atom(string)"#,
        r#"The atom named `string`, made if needed.

    iex> String.to_atom("ok")
    :ok"#,
    ),
    def("to_existing_atom", 1, |_, a| match a[0].as_str() {
        Some(st) => crate::atom::Atom::existing(st)
            .map(Value::Atom)
            .ok_or_else(|| error::badarg_at(1, "not an already existing atom")),
        _ => Err(error::badarg_at(1, "not a binary")),
    })
    .doc(
        r#"to_existing_atom(string)"#,
        r#"The atom named `string`, which must already exist.

    iex> String.to_existing_atom("ok")
    :ok"#,
    ),
    def("to_charlist", 1, |_, a| match a[0].as_str() {
        Some(st) => Ok(Value::list(
            st.chars().map(|c| Value::Int(c as i64)).collect(),
        )),
        None if a[0].is_binary() => {
            crate::library::support::terms::to_charlist(&Value::list(vec![a[0].clone()]))
        }
        _ => Err(sfce("to_charlist", 1, a)),
    })
    .doc(
        r#"to_charlist(string)"#,
        r#"The code points of `string` as a charlist.

    iex> String.to_charlist("abc")
    'abc'"#,
    ),
    def("valid?", 1, |_, a| match &a[0] {
        Value::Bin(b) if b.is_binary() => Ok(Value::bool(b.as_str().is_some())),
        _ => Err(sfce("valid?", 1, a)),
    })
    .doc(
        r#"valid?(string)"#,
        r#"Whether `string` is valid UTF-8.

    iex> String.valid?(<<0xFF>>)
    false"#,
    ),
    def("printable?", 1, |_, a| match a[0].as_str() {
        None if a[0].is_binary() => Ok(Value::FALSE),
        Some(st) => Ok(Value::bool(crate::format::string_printable(st))),
        _ => Err(sfce("printable?", 2, a)),
    }),
    def("next_codepoint", 1, |_, a| {
        let st = s(&a[0], "next_codepoint", 1, a)?;
        Ok(match st.chars().next() {
            Some(c) => Value::tuple(vec![
                Value::str(c.to_string()),
                Value::str(&st[c.len_utf8()..]),
            ]),
            None => Value::NIL_ATOM,
        })
    })
    .doc(
        r#"next_codepoint(string)"#,
        r#"`{first code point, rest}`, or `nil` for an empty string.

    iex> String.next_codepoint("ab")
    {"a", "b"}"#,
    ),
    def("next_grapheme", 1, |_, a| {
        let st = s(&a[0], "next_grapheme", 1, a)?;
        Ok(match st.graphemes(true).next() {
            Some(g) => Value::tuple(vec![Value::str(g), Value::str(&st[g.len()..])]),
            None => Value::NIL_ATOM,
        })
    })
    .doc(
        r#"next_grapheme(string)"#,
        r#"`{first grapheme, rest}`, or `nil` for an empty string.

    iex> String.next_grapheme("éa")
    {"é", "a"}"#,
    ),
    def("next_grapheme_size", 1, |_, a| {
        let st = s(&a[0], "next_grapheme_size", 1, a)?;
        Ok(match st.graphemes(true).next() {
            Some(g) => Value::tuple(vec![Value::Int(g.len() as i64), Value::str(&st[g.len()..])]),
            None => Value::NIL_ATOM,
        })
    })
    .doc(
        r#"next_grapheme_size(string)"#,
        r#"`{byte size of the first grapheme, rest}`, or `nil` for an empty string.

    iex> String.next_grapheme_size("éa")
    {2, "a"}"#,
    ),
    def("valid_character?", 1, |_, a| {
        Ok(Value::bool(
            matches!(a[0].as_str(), Some(st) if st.chars().count() == 1),
        ))
    })
    .doc(
        r#"valid_character?(string)"#,
        r#"Whether `string` is exactly one valid code point.

    iex> String.valid_character?("a")
    true"#,
    ),
    def("printable?", 2, |_, a| match (a[0].as_str(), &a[1]) {
        (None, _) if a[0].is_binary() => Ok(Value::FALSE),
        (Some(st), Value::Atom(Atom::INFINITY)) => {
            Ok(Value::bool(crate::format::string_printable(st)))
        }
        (Some(st), Value::Int(n)) if *n >= 0 => {
            let prefix: String = st.chars().take(*n as usize).collect();
            Ok(Value::bool(crate::format::string_printable(&prefix)))
        }
        _ => Err(sfce("printable?", 2, a)),
    })
    .doc(
        r#"printable?(string, limit \\ :infinity)"#,
        r#"Whether `string` holds only printable characters.

    iex> String.printable?("tab\there")
    true"#,
    ),
    // Runs that are all valid UTF-8 or all not (`:valid`), or all
    // printable or all not (`:printable`, where invalid bytes are not).
    def("chunk", 2, |_, a| {
        let mode = a[1].as_atom().map(|m| m.as_str());
        let (Some(bytes), Some(mode @ ("valid" | "printable"))) = (a[0].as_bytes(), mode) else {
            return Err(sfce("chunk", 2, a));
        };
        let mut chunks: Vec<Value> = Vec::new();
        let mut cur: Vec<u8> = Vec::new();
        let mut flag = None;
        let mut push = |piece: &[u8], kind: bool| {
            if piece.is_empty() {
                return;
            }
            if flag.is_some_and(|f| f != kind) {
                chunks.push(Value::bytes(std::mem::take(&mut cur)));
            }
            flag = Some(kind);
            cur.extend_from_slice(piece);
        };
        for c in bytes.utf8_chunks() {
            if mode == "valid" {
                push(c.valid().as_bytes(), true);
            } else {
                for ch in c.valid().chars() {
                    let mut buf = [0; 4];
                    let text = ch.encode_utf8(&mut buf);
                    push(text.as_bytes(), crate::format::string_printable(text));
                }
            }
            if !c.invalid().is_empty() {
                push(c.invalid(), false);
            }
        }
        if !cur.is_empty() {
            chunks.push(Value::bytes(cur));
        }
        Ok(Value::list(chunks))
    })
    .doc(
        r#"chunk(string, trait)"#,
        r#"Splits `string` into runs that are all `:valid` UTF-8 or all
`:printable`, and runs that are not.

    iex> String.chunk("abc", :valid)
    ["abc"]"#,
    ),
    def("replace_leading", 3, |_, a| {
        let (st, m, r) = three_strings("replace_leading", a)?;
        let mut rest = st;
        let mut n = 0;
        while let Some(after) = rest.strip_prefix(m) {
            rest = after;
            n += 1;
        }
        Ok(Value::str(format!("{}{rest}", r.repeat(n))))
    })
    .doc(
        r#"replace_leading(string, match, replacement)"#,
        r#"Replaces every leading repeat of `match`.

    iex> String.replace_leading("000123", "0", " ")
    "   123""#,
    ),
    def("replace_trailing", 3, |_, a| {
        let (st, m, r) = three_strings("replace_trailing", a)?;
        let mut rest = st;
        let mut n = 0;
        while let Some(before) = rest.strip_suffix(m) {
            rest = before;
            n += 1;
        }
        Ok(Value::str(format!("{rest}{}", r.repeat(n))))
    })
    .doc(
        r#"replace_trailing(string, match, replacement)"#,
        r#"Replaces every trailing repeat of `match`.

    iex> String.replace_trailing("hi!!!", "!", "?")
    "hi???""#,
    ),
    def("equivalent?", 2, |_, a| {
        match (a[0].as_str(), a[1].as_str()) {
            // Canonically equivalent: equal once both are decomposed.
            (Some(x), Some(y)) => {
                use unicode_normalization::UnicodeNormalization;
                Ok(Value::bool(x.nfd().eq(y.nfd())))
            }
            _ => Err(sfce("equivalent?", 2, a)),
        }
    })
    .doc(
        r#"equivalent?(string1, string2)"#,
        r#"Whether two strings are the same after canonical normalisation.

    iex> String.equivalent?("é", "e\u0301")
    true"#,
    ),
];

pub(crate) fn sfce(name: &str, arity: u32, a: &[Value]) -> Raise {
    let args: Vec<&Value> = a.iter().take(arity as usize).collect();
    clause("String", name, arity, &args)
}

pub(crate) fn s<'v>(v: &'v Value, name: &str, arity: u32, a: &[Value]) -> Result<&'v str> {
    v.as_str().ok_or_else(|| sfce(name, arity, a))
}

/// A pattern argument: one string or a list of strings.
pub(crate) fn patterns(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Bin(_) => Some(vec![v.as_str()?.to_string()]),
        Value::Nil | Value::Cons(_) => proper(v)?
            .iter()
            .map(|p| p.as_str().map(str::to_string))
            .collect(),
        _ => None,
    }
}

pub(crate) fn opt_bool(opts: &Value, key: &str, default: bool) -> bool {
    match crate::library::support::terms::keyword_get(opts, key) {
        Some(v) => v.is_truthy(),
        None => default,
    }
}

pub(crate) fn split(st: &Value, pat: &Value, opts: &Value, a: &[Value]) -> Result<Value> {
    // `split(string, %Regex{} = pattern, options)` hands over to Regex.
    if pat.struct_name() == Some(Atom::alias("Regex")) && st.as_str().is_some() && opts.is_list() {
        return crate::library::elixir::regex::split(pat, st, opts);
    }
    let Some(st) = st.as_str() else {
        return Err(clause("String", "split", 3, &[st, pat, opts]));
    };
    let pats = match patterns(pat) {
        Some(p) => p,
        None => return Err(error::badarg_at(2, "not a valid pattern")),
    };
    let _ = a;
    let trim = opt_bool(opts, "trim", false);
    let parts = match crate::library::support::terms::keyword_get(opts, "parts") {
        Some(Value::Int(n)) if *n > 0 => Some(*n as usize),
        _ => None,
    };
    let mut pieces: Vec<String> = Vec::new();
    if pats.iter().any(|p| p.is_empty()) && pats.len() == 1 {
        // `String.split("abc", "")` splits between graphemes, with empty ends.
        let g: Vec<&str> = st.graphemes(true).collect();
        let limit = parts.unwrap_or(usize::MAX);
        pieces.push(String::new());
        let mut rest_start = 0;
        for (i, x) in g.iter().enumerate() {
            if pieces.len() >= limit {
                break;
            }
            pieces.push(x.to_string());
            rest_start = i + 1;
        }
        if pieces.len() >= limit {
            let last = pieces.pop().unwrap_or_default();
            pieces.push(last + &g[rest_start..].concat());
        } else {
            pieces.push(String::new());
        }
    } else {
        let mut rest: &str = st;
        loop {
            if let Some(n) = parts {
                if pieces.len() + 1 >= n {
                    break;
                }
            }
            let found = pats
                .iter()
                .filter(|p| !p.is_empty())
                .filter_map(|p| rest.find(p.as_str()).map(|i| (i, p.len())))
                .min_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
            match found {
                Some((i, l)) => {
                    let piece = &rest[..i];
                    rest = &rest[i + l..];
                    if !(trim && piece.is_empty()) {
                        pieces.push(piece.to_string());
                    }
                }
                None => break,
            }
        }
        pieces.push(rest.to_string());
    }
    if trim {
        pieces.retain(|p| !p.is_empty());
    }
    Ok(Value::list(pieces.into_iter().map(Value::str).collect()))
}

pub(crate) fn trim_args<'v>(a: &'v [Value], name: &str) -> Result<(&'v str, String)> {
    match (a[0].as_str(), a[1].as_str()) {
        (Some(st), Some(c)) => Ok((st, c.to_string())),
        _ => Err(sfce(name, 2, a)),
    }
}

pub(crate) fn trim_start<'x>(mut st: &'x str, pat: &str) -> &'x str {
    if pat.is_empty() {
        return st;
    }
    while let Some(r) = st.strip_prefix(pat) {
        st = r;
    }
    st
}

pub(crate) fn trim_end<'x>(mut st: &'x str, pat: &str) -> &'x str {
    if pat.is_empty() {
        return st;
    }
    while let Some(r) = st.strip_suffix(pat) {
        st = r;
    }
    st
}

pub(crate) fn pad(
    st: &Value,
    count: &Value,
    padding: &Value,
    leading: bool,
    a: &[Value],
) -> Result<Value> {
    let name = if leading {
        "pad_leading"
    } else {
        "pad_trailing"
    };
    // A list of graphemes pads as their concatenation does.
    let joined;
    let padding = match padding {
        Value::Nil | Value::Cons(_) => {
            let parts = padding.list_to_vec().unwrap_or_default();
            if parts.iter().any(|p| p.as_str().is_none()) {
                return Err(clause("String", name, 3, &[st, count, padding]));
            }
            joined = Value::str(parts.iter().filter_map(|p| p.as_str()).collect::<String>());
            &joined
        }
        p => p,
    };
    let original = st;
    let (Some(st), Value::Int(n), Some(p)) = (st.as_str(), count, padding.as_str()) else {
        return Err(clause("String", name, 3, &[st, count, padding]));
    };
    let _ = a;
    if *n < 0 || p.is_empty() {
        return Err(clause("String", name, 3, &[original, count, padding]));
    }
    let len = st.graphemes(true).count();
    let want = *n as usize;
    if len >= want {
        return Ok(original.clone());
    }
    let pg: Vec<&str> = p.graphemes(true).collect();
    // The fill is at least a byte a grapheme: checked as a repeat would be
    // before it is built (Elixir dies past what memory holds).
    let longest = pg.iter().map(|g| g.len()).max().unwrap_or(1) as u64;
    let bytes = longest.saturating_mul((want - len) as u64);
    if bytes > crate::library::support::collections::MAX_BUILD {
        return Err(error::system_limit_error());
    }
    if phial_runtime::over_limit(bytes as usize) {
        return Err(crate::library::support::processes::over_memory_limit());
    }
    let fill: String = (0..want - len).map(|i| pg[i % pg.len()]).collect();
    Ok(Value::str(if leading {
        fill + st
    } else {
        format!("{st}{fill}")
    }))
}

/// String.replace/4: a `%Regex{}` pattern goes to Regex.replace/4 (with
/// Elixir's guard: a binary subject, a binary or 1-ary function
/// replacement, a list of options).
fn replace_or_regex(
    st: &Value,
    pat: &Value,
    rep: &Value,
    opts: &Value,
    a: &[Value],
) -> Result<Step> {
    if pat.struct_name() != Some(Atom::alias("Regex")) {
        if matches!(rep, Value::Fun(f) if f.arity() == 1) {
            return replace_step(st, pat, rep, opts, a);
        }
        use crate::library::support::invalid_utf8;
        let args = [st.clone(), pat.clone(), rep.clone(), opts.clone()];
        if invalid_utf8::applies(Atom::alias("String"), Atom::new("replace"), &args) {
            let m = invalid_utf8::masked(&args);
            return replace(&m[0], &m[1], &m[2], &m[3], a)
                .map(|v| Step::Done(invalid_utf8::unmask(v)));
        }
        return replace(st, pat, rep, opts, a).map(Step::Done);
    }
    let rep_ok = rep.as_str().is_some() || matches!(rep, Value::Fun(f) if f.arity() == 1);
    if st.as_str().is_none() || !rep_ok || !opts.is_list() {
        return Err(clause("String", "replace", 4, &[st, pat, rep, opts]));
    }
    Ok(Step::Then(
        Target::Mfa(Atom::alias("Regex"), Atom::new("replace")),
        vec![pat.clone(), st.clone(), rep.clone(), opts.clone()],
    ))
}

/// `String.replace/3,4`: a string replacement is done at once; a
/// function is called with each match in turn (phial code, so through
/// the machine), its results (iodata) put in the matches' places.
fn replace_step(st: &Value, pat: &Value, rep: &Value, opts: &Value, a: &[Value]) -> Result<Step> {
    if !matches!(rep, Value::Fun(f) if f.arity() == 1) {
        return replace(st, pat, rep, opts, a).map(Step::Done);
    }
    let Some(text) = st.as_str() else {
        return Err(clause("String", "replace", 4, &[st, pat, rep, opts]));
    };
    // Find the matches with a marker replacement, then rebuild around them.
    let pats = patterns(pat).ok_or_else(|| error::badarg_at(2, "not a valid pattern"))?;
    let global = opt_bool(opts, "global", true);
    let mut parts: Vec<String> = Vec::new();
    let mut matches: Vec<String> = Vec::new();
    let mut rest: &str = text;
    loop {
        let found = pats
            .iter()
            .filter(|p| !p.is_empty())
            .filter_map(|p| rest.find(p.as_str()).map(|i| (i, p.len())))
            .min_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
        match found {
            Some((i, l)) if matches.is_empty() || global => {
                parts.push(rest[..i].to_string());
                matches.push(rest[i..i + l].to_string());
                rest = &rest[i + l..];
            }
            _ => break,
        }
    }
    parts.push(rest.to_string());
    next_replacement(rep.clone(), parts, matches, String::new(), 0)
}

fn next_replacement(
    fun: Value,
    parts: Vec<String>,
    matches: Vec<String>,
    mut out: String,
    i: usize,
) -> Result<Step> {
    out.push_str(&parts[i]);
    if i >= matches.len() {
        return Ok(Step::Done(Value::str(out)));
    }
    let m = Value::str(matches[i].clone());
    Ok(Step::Call(
        Target::Fun(fun.clone()),
        vec![m],
        Box::new(move |_: &mut Ctx, r: Value| -> Result<Step> {
            let bytes = crate::library::elixir::file::iodata_bytes(&r)
                .ok_or_else(|| error::badarg_at(1, "not an iodata term"))?;
            out.push_str(&String::from_utf8_lossy(&bytes));
            next_replacement(fun, parts, matches, out, i + 1)
        }),
    ))
}

pub(crate) fn replace(
    st: &Value,
    pat: &Value,
    rep: &Value,
    opts: &Value,
    a: &[Value],
) -> Result<Value> {
    let _ = a;
    let (Some(st), Some(r)) = (st.as_str(), rep.as_str()) else {
        return Err(clause("String", "replace", 4, &[st, pat, rep, opts]));
    };
    let pats = patterns(pat).ok_or_else(|| error::badarg_at(2, "not a valid pattern"))?;
    let global = opt_bool(opts, "global", true);
    if pats.len() == 1 && pats[0].is_empty() {
        // An empty pattern matches between every grapheme.
        let g: Vec<&str> = st.graphemes(true).collect();
        if !global {
            return Ok(Value::str(format!("{r}{st}")));
        }
        let mut out = r.to_string();
        for x in g {
            out.push_str(x);
            out.push_str(r);
        }
        return Ok(Value::str(out));
    }
    let mut out = String::new();
    let mut rest: &str = st;
    loop {
        let found = pats
            .iter()
            .filter(|p| !p.is_empty())
            .filter_map(|p| rest.find(p.as_str()).map(|i| (i, p.len())))
            .min_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
        match found {
            Some((i, l)) => {
                out.push_str(&rest[..i]);
                out.push_str(r);
                rest = &rest[i + l..];
                if !global {
                    break;
                }
            }
            None => break,
        }
    }
    out.push_str(rest);
    Ok(Value::str(out))
}

/// The three binaries of `replace_leading/3` and `replace_trailing/3`; an
/// empty match is refused as Elixir refuses it.
pub(crate) fn three_strings<'v>(name: &str, a: &'v [Value]) -> Result<(&'v str, &'v str, &'v str)> {
    match (a[0].as_str(), a[1].as_str(), a[2].as_str()) {
        (Some(st), Some(m), Some(r)) => {
            if m.is_empty() {
                return Err(error::argument_error(
                    "cannot use an empty string as the match to replace",
                ));
            }
            Ok((st, m, r))
        }
        _ => Err(sfce(name, 3, a)),
    }
}

/// `String.capitalize/2`: the first code point in title case (which
/// differs from upper case for digraphs and ligatures), the rest downcased
/// by `mode` (`"default"`, `"ascii"`, `"greek"`, `"turkic"`).
pub(crate) fn capitalize(st: &str, mode: &str) -> String {
    let mut chars = st.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let rest = chars.as_str();
    let head = match mode {
        "ascii" => first.to_ascii_uppercase().to_string(),
        "turkic" if first == 'i' => "\u{130}".to_string(),
        _ => titlecase(first),
    };
    let tail = match mode {
        "ascii" => rest.to_ascii_lowercase(),
        "turkic" => rest
            .replace('I', "\u{131}")
            .replace('\u{130}', "i")
            .to_lowercase(),
        _ => rest.to_lowercase(),
    };
    head + &tail
}

/// Unicode's title case of one code point: upper case except where
/// SpecialCasing/UnicodeData give a distinct title form.
pub(crate) fn titlecase(c: char) -> String {
    match c {
        '\u{1c4}'..='\u{1c6}' => "\u{1c5}".into(),
        '\u{1c7}'..='\u{1c9}' => "\u{1c8}".into(),
        '\u{1ca}'..='\u{1cc}' => "\u{1cb}".into(),
        '\u{1f1}'..='\u{1f3}' => "\u{1f2}".into(),
        '\u{df}' => "Ss".into(),
        '\u{fb00}' => "Ff".into(),
        '\u{fb01}' => "Fi".into(),
        '\u{fb02}' => "Fl".into(),
        '\u{fb03}' => "Ffi".into(),
        '\u{fb04}' => "Ffl".into(),
        '\u{fb05}' | '\u{fb06}' => "St".into(),
        '\u{587}' => "\u{535}\u{582}".into(),
        '\u{149}' => "\u{2bc}N".into(),
        _ => c.to_uppercase().collect(),
    }
}
