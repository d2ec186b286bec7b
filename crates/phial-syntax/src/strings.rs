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
        let plain = sc.plain_run(i, close.as_bytes().first().copied().unwrap_or(b'\\'));
        if plain > i {
            i = plain;
            continue;
        }
        i = sc.step(i, close, mode, interp, errors)?;
    }
}

/// Scans a heredoc whose opening `"""` ends at `after_open`. The body starts on
/// the next line; the closing delimiter is the first line whose content starts
/// with three quotes, and its indentation is stripped from every body line (as
/// Elixir does).
///
/// One pass: the closing line is looked for at each line start outside
/// interpolations (`#{"""..."""}` holds a heredoc of its own, whose closing
/// line is not ours), so the indentation to strip is known only at the end;
/// where each line's leading blanks landed in the output is noted on the
/// way and they are removed afterwards. (Finding the closing line first
/// would lex every interpolation twice, and nested heredocs 2^depth times.)
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
    let mut sc = Scanner {
        src,
        parts: Vec::new(),
        buf: String::new(),
    };
    // Per body line: (part index, byte offset in that part, leading blanks).
    // Blanks are copied as they are, so they sit at that offset.
    let mut line_marks: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = body_start;
    let mut at_line_start = true;
    let indent = loop {
        if i >= src.len() {
            return None;
        }
        if at_line_start {
            let line = &src[i..];
            let trimmed = line.trim_start_matches([' ', '\t']);
            let blanks = line.len() - trimmed.len();
            if trimmed.starts_with(&delim) {
                i += blanks;
                break blanks;
            }
            line_marks.push((sc.parts.len(), sc.buf.len(), blanks));
        }
        let plain = sc.plain_run(i, b'\n');
        if plain > i {
            i = plain;
            at_line_start = false;
            continue;
        }
        // A heredoc has no single-character terminator; use an impossible one.
        i = sc.step(i, "\u{0}\u{0}", mode, interp, errors)?;
        // After a newline, or a line continuation (`\` and a newline).
        at_line_start = src.as_bytes()[i - 1] == b'\n';
    };
    sc.flush();
    // Later marks first, so earlier offsets in the same part stay valid.
    for &(part, offset, blanks) in line_marks.iter().rev() {
        if let Some(RawPart::Lit(text)) = sc.parts.get_mut(part) {
            let strip = blanks.min(indent);
            if offset + strip <= text.len() {
                text.replace_range(offset..offset + strip, "");
            }
        }
    }
    sc.parts
        .retain(|p| !matches!(p, RawPart::Lit(text) if text.is_empty()));
    Some((sc.parts, i + 3))
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

    /// Copies the text from `i` up to the next backslash, `#` or `stop`
    /// byte (all ASCII, so the end is a character boundary) in one go;
    /// returns where it stopped. `step` would take it a character at a
    /// time, and docs make long runs of plain text (lexing Kernel's source
    /// at start-up).
    fn plain_run(&mut self, i: usize, stop: u8) -> usize {
        let n = self.src.as_bytes()[i..]
            .iter()
            .take_while(|&&b| b != b'\\' && b != b'#' && b != stop)
            .count();
        self.buf.push_str(&self.src[i..i + n]);
        i + n
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
    let braced = body.starts_with('{');
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
    let stand_in = |n: u32| {
        // `\xHH` is a byte; the old `\x{H+}` is a code point.
        if c == 'x' && !braced && (0x80..=0xFF).contains(&n) {
            crate::ast::RAW_BYTE_BASE + n
        } else {
            n
        }
    };
    match u32::from_str_radix(hex, 16)
        .ok()
        .map(stand_in)
        .and_then(char::from_u32)
    {
        Some(ch) => (Some(ch), 1 + used),
        None => (Some(c), 1),
    }
}

/// The code point of a `?c` literal body (`a`, `\n`, `\\`).
pub(crate) fn char_value(body: &str) -> u32 {
    if let Some(rest) = body.strip_prefix('\\') {
        return escape(rest)
            .0
            .map(|c| crate::ast::raw_byte(c).map_or(c as u32, u32::from))
            .unwrap_or(10);
    }
    body.chars().next().map(|c| c as u32).unwrap_or(0)
}
