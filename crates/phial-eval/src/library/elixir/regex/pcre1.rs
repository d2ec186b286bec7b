//! Where PCRE2 and the PCRE 8.44 inside Erlang/OTP 25 read a pattern
//! differently, PCRE 8.44's way, so a pattern means and reports what it
//! does under Elixir 1.14:
//!
//! - `rewrite`: what PCRE2 accepts with another meaning, written so PCRE2
//!   reads it as PCRE 8.44 did (`x{,3}` and `x{ 3 }` are literal text
//!   there, quantifiers in PCRE2).
//! - `accept`: what PCRE2 refuses but PCRE 8.44 took, rewritten after the
//!   refusal (a `-` after a class escape in a class is literal, `\8` and
//!   `\9` without such a group are the digits).
//! - `report`: an error in PCRE 8.44's words and at its offset, in the
//!   pattern as the program gave it.
//!
//! Both rewrites only ever add or remove a backslash; `Edits` records
//! where, to count offsets in the original pattern.
//!
//! Not here: calling PCRE2 (`engine`).

use super::engine::{pcre2_text, CompileError, RawError};

/// Backslashes added (`true`) or removed at positions of the pattern as
/// it was when the edit was made, oldest first.
#[derive(Default)]
pub(super) struct Edits(Vec<(usize, bool)>);

impl Edits {
    /// An offset in the rewritten pattern as an offset in the original.
    fn original(&self, mut offset: usize) -> usize {
        for &(at, added) in self.0.iter().rev() {
            if added && offset > at {
                offset -= 1;
            } else if !added && offset >= at {
                offset += 1;
            }
        }
        offset
    }
}

/// Escapes each `{` that PCRE2 takes for a quantifier and PCRE 8.44 did
/// not: PCRE 8.44's counted repeat is exactly `{n}`, `{n,}` or `{n,m}`;
/// PCRE2 10.43 also reads `{,m}` and allows spaces and tabs inside.
///
/// Also escapes each `-` in a class that follows a class escape or a
/// POSIX class and does not end the class: PCRE 8.44 read `[\w-.]` as
/// `\w`, `-`, `.`; PCRE2 refuses it as a range.
pub(super) fn rewrite(p: &[u8], edits: &mut Edits) -> Vec<u8> {
    if !p.contains(&b'{') && !p.contains(&b'-') {
        return p.to_vec();
    }
    let mut out = Vec::with_capacity(p.len() + 4);
    let mut i = 0;
    let mut quoted = false;
    while i < p.len() {
        let c = p[i];
        if quoted {
            // Inside \Q...\E everything is literal.
            if c == b'\\' && p.get(i + 1) == Some(&b'E') {
                quoted = false;
                out.extend_from_slice(b"\\E");
                i += 2;
            } else {
                out.push(c);
                i += 1;
            }
            continue;
        }
        match c {
            b'\\' => {
                let next = p.get(i + 1).copied();
                if next == Some(b'Q') {
                    quoted = true;
                }
                out.push(c);
                i += 1;
                if let Some(n) = next {
                    out.push(n);
                    i += 1;
                    // `\x{..}`, `\p{..}`, `\g{..}`: the braces are the
                    // escape's own.
                    if matches!(n, b'x' | b'o' | b'p' | b'P' | b'g' | b'k' | b'N')
                        && p.get(i) == Some(&b'{')
                    {
                        while i < p.len() && p[i] != b'}' {
                            out.push(p[i]);
                            i += 1;
                        }
                    }
                }
            }
            b'[' => i = rewrite_class(p, i, &mut out, edits),
            b'{' if pcre2_repeat(&p[i + 1..]) && !pcre1_repeat(&p[i + 1..]) => {
                edits.0.push((out.len(), true));
                out.extend_from_slice(b"\\{");
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Copies the class opened at `open` into `out`, escaping a `-` after a
/// class escape (`\d`, `\w`, `\p{..}`, ...) or a POSIX class; returns the
/// offset past the class.
fn rewrite_class(p: &[u8], open: usize, out: &mut Vec<u8>, edits: &mut Edits) -> usize {
    let mut i = open;
    out.push(b'[');
    i += 1;
    if p.get(i) == Some(&b'^') {
        out.push(b'^');
        i += 1;
    }
    if p.get(i) == Some(&b']') {
        out.push(b']');
        i += 1;
    }
    let mut after_class = false;
    while i < p.len() {
        let c = p[i];
        match c {
            b']' => {
                out.push(c);
                return i + 1;
            }
            b'\\' => {
                let next = p.get(i + 1).copied();
                let end = match next {
                    Some(b'p' | b'P') if p.get(i + 2) == Some(&b'{') => p[i..]
                        .iter()
                        .position(|&b| b == b'}')
                        .map_or(p.len(), |k| i + k + 1),
                    Some(b'p' | b'P') => (i + 3).min(p.len()),
                    Some(b'Q') => find(p, i + 2, b"\\E").map_or(p.len(), |k| k + 2),
                    Some(_) => i + 2,
                    None => i + 1,
                };
                after_class = matches!(
                    next,
                    Some(
                        b'd' | b'D'
                            | b's'
                            | b'S'
                            | b'w'
                            | b'W'
                            | b'h'
                            | b'H'
                            | b'v'
                            | b'V'
                            | b'p'
                            | b'P'
                    )
                );
                out.extend_from_slice(&p[i..end]);
                i = end;
            }
            b'[' if matches!(p.get(i + 1), Some(b':' | b'.' | b'=')) => {
                let delim = p[i + 1];
                let end = (i + 2..p.len().saturating_sub(1))
                    .find(|&k| p[k] == delim && p[k + 1] == b']')
                    .map_or(p.len(), |k| k + 2);
                after_class = delim == b':';
                out.extend_from_slice(&p[i..end]);
                i = end;
            }
            b'-' if after_class && p.get(i + 1).is_some_and(|&n| n != b']') => {
                edits.0.push((out.len(), true));
                out.extend_from_slice(b"\\-");
                after_class = false;
                i += 1;
            }
            _ => {
                out.push(c);
                after_class = false;
                i += 1;
            }
        }
    }
    i
}

/// The offset of `needle` in `p` at or after `from`.
fn find(p: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    p.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|k| from + k)
}

/// PCRE 8.44's `is_counted_repeat` on what follows a `{`.
fn pcre1_repeat(p: &[u8]) -> bool {
    let digits = |from: usize| p[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let n = digits(0);
    if n == 0 {
        return false;
    }
    match p.get(n) {
        Some(b'}') => true,
        Some(b',') => {
            let m = digits(n + 1);
            p.get(n + 1 + m) == Some(&b'}')
        }
        _ => false,
    }
}

/// PCRE2 10.46's `read_repeat_counts` syntax check on what follows a `{`.
fn pcre2_repeat(p: &[u8]) -> bool {
    let blanks = |mut i: usize| {
        while i < p.len() && matches!(p[i], b' ' | b'\t') {
            i += 1;
        }
        i
    };
    let digits = |mut i: usize| {
        while i < p.len() && p[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let start = blanks(0);
    let after_min = digits(start);
    let had_min = after_min > start;
    let mut i = blanks(after_min);
    match p.get(i) {
        None => false,
        Some(b'}') => had_min,
        Some(b',') => {
            i = blanks(i + 1);
            let after_max = digits(i);
            if after_max == i && !had_min {
                return false;
            }
            p.get(blanks(after_max)) == Some(&b'}')
        }
        _ => false,
    }
}

/// The offset past the `]` closing the class opened at `open` (a `]` first
/// in the class is literal; escapes and `[:name:]` are skipped).
fn class_end(p: &[u8], open: usize) -> Option<usize> {
    let mut i = open + 1;
    if p.get(i) == Some(&b'^') {
        i += 1;
    }
    if p.get(i) == Some(&b']') {
        i += 1;
    }
    while i < p.len() {
        match p[i] {
            b'\\' => i += 2,
            b'[' if matches!(p.get(i + 1), Some(b':' | b'.' | b'=')) => {
                let delim = p[i + 1];
                let mut j = i + 2;
                while j + 1 < p.len() && !(p[j] == delim && p[j + 1] == b']') {
                    j += 1;
                }
                i = j + 2;
            }
            b']' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The offset of the `)` closing the group opened at `open`.
fn closing_paren(p: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < p.len() {
        match p[i] {
            b'\\' => i += 1,
            b'[' => {
                i = class_end(p, i)?;
                continue;
            }
            b'(' => depth += 1,
            b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether the byte at `i` is escaped (an odd run of backslashes before it).
fn escaped(p: &[u8], i: usize) -> bool {
    p[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

/// The pattern rewritten so PCRE2 takes what PCRE 8.44 took, if the error
/// is one PCRE 8.44 did not raise.
pub(super) fn accept(p: &[u8], e: RawError, edits: &mut Edits) -> Option<Vec<u8>> {
    match e.code {
        // "invalid range in character class" right after `-`: PCRE 8.44
        // reads `[\d-z]` as `\d`, `-`, `z`.
        50 if e.offset >= 1 && p.get(e.offset - 1) == Some(&b'-') => {
            let at = e.offset - 1;
            edits.0.push((at, true));
            let mut next = p.to_vec();
            next.insert(at, b'\\');
            Some(next)
        }
        // "reference to non-existent subpattern" for `\8` or `\9`: PCRE
        // 8.44 reads them as the digits.
        15 => {
            let from = e.offset.min(p.len().saturating_sub(1));
            let at = (from.saturating_sub(12)..=from).rev().find(|&i| {
                p[i] == b'\\' && matches!(p.get(i + 1), Some(b'8' | b'9')) && !escaped(p, i)
            })?;
            edits.0.push((at, false));
            let mut next = p.to_vec();
            next.remove(at);
            Some(next)
        }
        _ => None,
    }
}

/// PCRE2's error as PCRE 8.44 reports the same mistake.
pub(super) fn report(p: &[u8], e: RawError, edits: &Edits) -> CompileError {
    let (text, offset) = pcre1_error(p, e);
    let message = text.map_or_else(|| pcre2_text(e.code), str::to_string);
    CompileError {
        message,
        offset: edits.original(offset),
    }
}

fn pcre1_error(p: &[u8], e: RawError) -> (Option<&'static str>, usize) {
    let o = e.offset.min(p.len());
    let at_end = o == p.len();
    let text = pcre1_text(e.code);
    match e.code {
        // Offsets PCRE 8.44 counts one further back or on.
        37 | 43 | 47 | 69 => (text, o.saturating_sub(1)),
        28 | 29 => (text, o + 1),
        97 => (text, p.len()),
        // "invalid range" (not after a `-`, which `accept` takes): PCRE
        // 8.44 names the range's last character.
        50 => (text, o.saturating_sub(1)),
        // A lookbehind that is not fixed-length: PCRE 8.44 names its end.
        25 | 35 | 87 | 100 => (text, closing_paren(p, o).unwrap_or(o)),
        // An unknown POSIX class: the name's start; a collating element:
        // its bracket.
        30 | 13 => {
            let open = (0..o.min(p.len().saturating_sub(1)))
                .rev()
                .find(|&i| p[i] == b'[' && matches!(p[i + 1], b':' | b'.' | b'='));
            match open {
                Some(i) if e.code == 30 => (text, i + 2),
                Some(i) => (text, i),
                None => (text, o),
            }
        }
        // A missing group: PCRE 8.44 names the end of the reference (past
        // a condition's parentheses, past a name or number).
        15 => {
            if p.get(o) == Some(&b'(') {
                return (text, closing_paren(p, o).map_or(o, |c| c + 1));
            }
            let len = p[o..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count();
            (text, o + len)
        }
        // An unfinished `(?` at the end of the pattern.
        14 if at_end => (unfinished_group(p).or(text), o),
        62 if at_end && p.ends_with(b"(?<") => (Some("unrecognized character after (?<"), o),
        42 => {
            let name_start = (0..o)
                .rev()
                .take_while(|&i| p[i].is_ascii_alphanumeric() || p[i] == b'_')
                .last()
                .unwrap_or(o);
            if p[..name_start].ends_with(b"(?(") {
                (Some("malformed number or name after (?("), o)
            } else {
                (text, o)
            }
        }
        57 if at_end => (
            Some("a numbered reference must not be zero"),
            o.saturating_sub(1),
        ),
        _ => (text, o),
    }
}

/// What PCRE 8.44 says of a pattern ending inside `(?...` where PCRE2
/// says only "missing closing parenthesis".
fn unfinished_group(p: &[u8]) -> Option<&'static str> {
    let start = (0..p.len().saturating_sub(1))
        .rev()
        .find(|&i| p[i] == b'(' && p[i + 1] == b'?' && !escaped(p, i))?;
    let tail = &p[start + 2..];
    if tail.contains(&b')') {
        return None;
    }
    if tail == b"P" {
        return Some("unrecognized character after (?P");
    }
    let digits = tail
        .strip_prefix(b"+")
        .or_else(|| tail.strip_prefix(b"-"))
        .unwrap_or(tail);
    if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
        return Some("(?R or (?[+-]digits must be followed by )");
    }
    if tail.iter().all(|b| b.is_ascii_alphabetic() || *b == b'-') {
        return Some("unrecognized character after (? or (?-");
    }
    None
}

/// PCRE 8.44's text for an error PCRE2 words differently (the rest are
/// worded alike, or new in PCRE2).
fn pcre1_text(code: i32) -> Option<&'static str> {
    Some(match code {
        7 => "invalid escape sequence in character class",
        9 => "nothing to repeat",
        14 => "missing )",
        18 => "missing ) after comment",
        // Erlang guards PCRE's compile stack with its own check, which
        // answers this for groups nested too deep.
        19 | 84 => "regular expression is too complicated",
        21 => "failed to get memory",
        22 => "unmatched parentheses",
        24 => "malformed number or name after (?(",
        25 | 35 | 87 | 100 => "lookbehind assertion is not fixed length",
        26 => "a numbered reference must not be zero",
        27 => "conditional group contains more than two branches",
        28 => "assertion expected after (?( or (?(?C)",
        29 => "digit expected after (?+",
        34 => "character value in \\x{} or \\o{} is too large",
        36 => "\\C not allowed in lookbehind assertion",
        37 => "PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u",
        38 => "number after (?C is > 255",
        39 => "closing ) for (?C expected",
        42 => "syntax error in subpattern name (missing terminator)",
        43 => "two named subpatterns have the same name",
        44 => "group name must start with a non-digit",
        45 => "support for \\P, \\p, and \\X has not been compiled",
        47 => "unknown property name after \\P or \\p",
        48 => "subpattern name is too long (maximum 32 characters)",
        49 => "too many named subpatterns (maximum 10000)",
        54 => "DEFINE group contains more than one branch",
        58 => "(?R or (?[+-]digits must be followed by )",
        61 => "number is too big",
        68 => "\\c must be followed by an ASCII character",
        74 => "setting UTF is disabled by the application",
        77 => "character value in \\u.... sequence is too large",
        78 => "digits missing in \\x{} or \\o{}",
        97 => "regular expression is too large",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_pcre2_reads_as_quantifiers_are_escaped() {
        let mut e = Edits::default();
        assert_eq!(
            rewrite(b"a{,3}b{2}c{ 1}", &mut e),
            b"a\\{,3}b{2}c\\{ 1}".to_vec()
        );
        assert_eq!(e.original(9), 8);
        let mut e = Edits::default();
        assert_eq!(
            rewrite(br"\x{41}[{,3}]\Q{,3}\E", &mut e),
            br"\x{41}[{,3}]\Q{,3}\E".to_vec()
        );
    }

    #[test]
    fn hyphens_after_class_escapes_are_literal() {
        let mut e = Edits::default();
        assert_eq!(
            rewrite(br"[\w-.][a-z][\d-][[:alpha:]-x]", &mut e),
            br"[\w\-.][a-z][\d-][[:alpha:]\-x]".to_vec()
        );
    }

    #[test]
    fn groups_and_classes_are_skipped() {
        assert_eq!(closing_paren(b"(?<=(a|[)]))x", 0), Some(11));
        assert_eq!(class_end(b"[]a]x", 0), Some(4));
        assert_eq!(class_end(b"[[:alpha:]]", 0), Some(11));
    }
}
