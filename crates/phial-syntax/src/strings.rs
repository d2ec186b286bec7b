//! Bodies of string-like literals: strings, charlists, heredocs, sigils and
//! quoted atoms — escapes, heredoc indentation stripping and `#{...}`
//! interpolation (lexed recursively by `lexer::lex`).
//!
//! It is not the place where interpolations are *parsed*: it returns their
//! token lists, which the parse driver turns into expressions.

use crate::ast::Span;
use crate::diagnostics::SyntaxError;
use crate::lexer;
use crate::token::RawPart;

/// How backslashes are treated.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum EscMode {
    /// Strings, charlists, lowercase sigils: `\n`, `\t`, `\x41`, `\u{1F600}`, ...
    Full,
    /// Uppercase sigils and `~r`: backslashes are kept for the sigil's consumer
    /// (the regex engine), except that an escaped closing delimiter is unescaped.
    Raw,
}

/// Scans a single-line-delimited body starting at `start` (just past the
/// opening delimiter) up to `close`. Returns the parts and the offset past the
/// closing delimiter, or `None` if the input ends first.
pub(crate) fn scan_quoted(
    src: &str,
    start: usize,
    close: &str,
    mode: EscMode,
    interp: bool,
    errors: &mut Vec<SyntaxError>,
) -> Option<(Vec<RawPart>, usize)> {
    let mut sc = Scanner {
        src,
        parts: Vec::new(),
        buf: String::new(),
    };
    let mut i = start;
    loop {
        if i >= src.len() {
            return None;
        }
        if src[i..].starts_with(close) {
            sc.flush();
            return Some((sc.parts, i + close.len()));
        }
        i = sc.step(i, close, mode, interp, errors)?;
    }
}

/// Scans a heredoc whose opening `"""` ends at `after_open`. The body starts on
/// the next line; the closing delimiter is the first line whose content starts
/// with three quotes, and its indentation is stripped from every body line (as
/// Elixir does).
pub(crate) fn scan_heredoc(
    src: &str,
    after_open: usize,
    q: char,
    mode: EscMode,
    interp: bool,
    errors: &mut Vec<SyntaxError>,
) -> Option<(Vec<RawPart>, usize)> {
    let delim: String = std::iter::repeat_n(q, 3).collect();
    let nl = src[after_open..].find('\n')?;
    let body_start = after_open + nl + 1;
    // Find the closing line: the first line that starts (after blanks) with
    // the delimiter, outside any interpolation (`#{"""..."""}` holds a
    // heredoc of its own, whose closing line is not ours).
    let bytes = src.as_bytes();
    let mut i = body_start;
    let mut at_line_start = true;
    let mut scratch = Vec::new();
    let (close_line, indent) = loop {
        if i >= src.len() {
            return None;
        }
        if at_line_start {
            let line = &src[i..];
            let trimmed = line.trim_start_matches([' ', '\t']);
            if trimmed.starts_with(&delim) {
                break (i, line.len() - trimmed.len());
            }
            at_line_start = false;
        }
        match bytes[i] {
            b'\n' => {
                at_line_start = true;
                i += 1;
            }
            b'\\' => {
                let next = src[i + 1..].chars().next().map_or(0, char::len_utf8);
                at_line_start = src[i + 1..].starts_with('\n');
                i += 1 + next;
            }
            b'#' if interp && src[i..].starts_with("#{") => {
                // Its errors are reported when the body is scanned below.
                let lexed = lexer::lex(src, i + 2, true, &mut scratch);
                if !lexed.closed {
                    return None;
                }
                i = lexed.end;
            }
            _ => i += src[i..].chars().next().map_or(1, char::len_utf8),
        }
    };
    let mut sc = Scanner {
        src,
        parts: Vec::new(),
        buf: String::new(),
    };
    let mut i = body_start;
    let mut at_line_start = true;
    while i < close_line {
        if at_line_start {
            let mut n = 0;
            while n < indent && i < close_line && matches!(src.as_bytes()[i], b' ' | b'\t') {
                i += 1;
                n += 1;
            }
            at_line_start = false;
            continue;
        }
        if src.as_bytes()[i] == b'\n' {
            at_line_start = true;
        }
        // A heredoc has no single-character terminator; use an impossible one.
        i = sc.step(i, "\u{0}\u{0}", mode, interp, errors)?;
    }
    sc.flush();
    Some((sc.parts, close_line + indent + 3))
}

struct Scanner<'a> {
    src: &'a str,
    parts: Vec<RawPart>,
    buf: String,
}

impl Scanner<'_> {
    fn flush(&mut self) {
        if !self.buf.is_empty() {
            self.parts.push(RawPart::Lit(std::mem::take(&mut self.buf)));
        }
    }

    /// Consumes one character, escape or interpolation at `i`; returns the next offset.
    fn step(
        &mut self,
        i: usize,
        close: &str,
        mode: EscMode,
        interp: bool,
        errors: &mut Vec<SyntaxError>,
    ) -> Option<usize> {
        let src = self.src;
        let rest = &src[i..];
        let c = rest.chars().next()?;
        if c == '\\' {
            let next = rest[1..].chars().next()?;
            if mode == EscMode::Raw {
                if close.starts_with(next) {
                    self.buf.push(next);
                } else {
                    self.buf.push('\\');
                    self.buf.push(next);
                }
                return Some(i + 1 + next.len_utf8());
            }
            let (value, used) = escape(&rest[1..]);
            if let Some(v) = value {
                self.buf.push(v);
            }
            return Some(i + 1 + used);
        }
        if interp && rest.starts_with("#{") {
            self.flush();
            let lexed = lexer::lex(src, i + 2, true, errors);
            if !lexed.closed {
                return None;
            }
            self.parts
                .push(RawPart::Interp(lexed.tokens, Span::new(i, lexed.end)));
            return Some(lexed.end);
        }
        self.buf.push(c);
        Some(i + c.len_utf8())
    }
}

/// Decodes the escape after a backslash: the character (or `None` for a line
/// continuation) and how many bytes of `s` it used.
fn escape(s: &str) -> (Option<char>, usize) {
    let mut chars = s.chars();
    let Some(c) = chars.next() else {
        return (Some('\\'), 0);
    };
    let simple = match c {
        'n' => Some('\n'),
        't' => Some('\t'),
        'r' => Some('\r'),
        's' => Some(' '),
        'e' => Some('\u{1b}'),
        '0' => Some('\0'),
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        'f' => Some('\u{c}'),
        'v' => Some('\u{b}'),
        'd' => Some('\u{7f}'),
        '\n' => return (None, 1),
        'x' | 'u' => None,
        other => return (Some(other), other.len_utf8()),
    };
    if let Some(v) = simple {
        return (Some(v), 1);
    }
    // \xHH, \x{H+}, \uHHHH, \u{H+}
    let body = &s[1..];
    let (hex, used) = if let Some(inner) = body.strip_prefix('{') {
        match inner.find('}') {
            Some(end) => (&inner[..end], end + 2),
            None => return (Some(c), 1),
        }
    } else {
        let want = if c == 'x' { 2 } else { 4 };
        let n = body
            .chars()
            .take(want)
            .take_while(|ch| ch.is_ascii_hexdigit())
            .count();
        (&body[..n], n)
    };
    match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
        Some(ch) => (Some(ch), 1 + used),
        None => (Some(c), 1),
    }
}

/// The code point of a `?c` literal body (`a`, `\n`, `\\`).
pub(crate) fn char_value(body: &str) -> u32 {
    if let Some(rest) = body.strip_prefix('\\') {
        return escape(rest).0.map(|c| c as u32).unwrap_or(10);
    }
    body.chars().next().map(|c| c as u32).unwrap_or(0)
}
