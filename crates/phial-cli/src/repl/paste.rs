//! Transcript paste: lines copied from an iex session (`iex(3)> x = 1`,
//! `...(3)>   end`, also after Markdown heading marks as in the seed's
//! `## iex(3)> `) have their prompt stripped; once such a line has been seen,
//! lines without a prompt are the transcript's printed output and are
//! skipped, until the user types again (the caller says when that is:
//! `reset` on a tty when no input is pending, never for piped stdin).
//!
//! Not here: reading lines, deciding when an expression is complete.

/// What to do with one input line.
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// Evaluate (or add to the pending expression) this text.
    Code(&'a str),
    /// A transcript prompt with nothing after it (`iex(6)>`): nothing to run.
    EmptyPrompt,
    /// Printed output of a pasted transcript: ignore.
    Skip,
}

#[derive(Default)]
pub struct PasteFilter {
    in_transcript: bool,
}

impl PasteFilter {
    /// The user is typing again: lines without a prompt are code again.
    pub fn reset(&mut self) {
        self.in_transcript = false;
    }

    pub fn filter<'a>(&mut self, line: &'a str) -> Line<'a> {
        match strip_prompt(line) {
            Some(rest) => {
                self.in_transcript = true;
                if rest.trim().is_empty() {
                    Line::EmptyPrompt
                } else {
                    Line::Code(rest)
                }
            }
            None if self.in_transcript => Line::Skip,
            None => Line::Code(line),
        }
    }
}

/// The text after an iex prompt, if `line` starts with one (after optional
/// Markdown `#` marks). The prompt must be followed by a space or end the line,
/// so `iex(3)>x` is left alone.
pub fn strip_prompt(line: &str) -> Option<&str> {
    let mut s = line;
    // Markdown heading marks: `## iex(3)> ...`
    let hashes = s.len() - s.trim_start_matches('#').len();
    if hashes > 0 {
        s = s[hashes..].strip_prefix(' ')?;
    }
    let after = if let Some(r) = s.strip_prefix("iex") {
        r
    } else {
        s.strip_prefix("...")?
    };
    let after = match after.strip_prefix('(') {
        Some(r) => {
            // `(N)` or `(node)N` forms: accept anything without spaces up to `)`.
            let close = r.find(')')?;
            if r[..close].contains(char::is_whitespace) {
                return None;
            }
            &r[close + 1..]
        }
        None => after,
    };
    let rest = after.strip_prefix('>')?;
    if rest.is_empty() {
        return Some(rest);
    }
    rest.strip_prefix(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_all_prompt_forms() {
        assert_eq!(strip_prompt("iex(3)> pid = 1"), Some("pid = 1"));
        assert_eq!(strip_prompt("iex> 1 + 2"), Some("1 + 2"));
        assert_eq!(strip_prompt("...(3)>   end"), Some("  end"));
        assert_eq!(strip_prompt("...>   end"), Some("  end"));
        assert_eq!(
            strip_prompt("## iex(3)> pid = spawn fn ->"),
            Some("pid = spawn fn ->")
        );
        assert_eq!(strip_prompt("iex(6)>"), Some(""));
        assert_eq!(strip_prompt("iex(6)> "), Some(""));
        assert_eq!(strip_prompt("#PID<0.79.0>"), None);
        assert_eq!(strip_prompt("{#PID<0.58.0>, :ping}"), None);
        assert_eq!(strip_prompt("iex(3)>x"), None);
        assert_eq!(strip_prompt("x = 1"), None);
        assert_eq!(strip_prompt("...x"), None);
    }

    #[test]
    fn output_lines_are_skipped_only_inside_a_transcript() {
        let mut f = PasteFilter::default();
        assert_eq!(f.filter("x = 1"), Line::Code("x = 1"));
        assert_eq!(
            f.filter("iex(4)> pid <- {self, :ping}"),
            Line::Code("pid <- {self, :ping}")
        );
        assert_eq!(f.filter("{#PID<0.58.0>, :ping}"), Line::Skip);
        assert_eq!(f.filter("Got ping"), Line::Skip);
        assert_eq!(f.filter(""), Line::Skip);
        assert_eq!(f.filter("iex(6)>"), Line::EmptyPrompt);
        f.reset();
        assert_eq!(f.filter("self()"), Line::Code("self()"));
    }
}
