//! The PCRE2 binding behind `Regex`: compiling a pattern with the options
//! Erlang's `re` takes, matching at a byte offset with the match flags
//! Erlang's `global` matching uses, the name table, and compile errors in
//! the words of the PCRE 8.44 that Erlang/OTP 25 (Elixir 1.14's) bundles.
//!
//! Elixir runs PCRE through `:re`; PCRE2 is that library's maintained
//! successor with the same pattern language, so matching is PCRE's own
//! (offsets in bytes, Perl's leftmost-first alternation, lookbehind,
//! backreferences, `\p{..}`), not an imitation. Where PCRE2 decided
//! differently from PCRE 8.44 the compile context puts the old behaviour
//! back (fixed-length lookbehind, `\K` in lookarounds).
//!
//! This is the only file with `unsafe` for Regex: every pointer PCRE2 hands
//! out is owned by a `Code` or a `Matcher` and freed by its `Drop`.
//!
//! Not here: Elixir's functions over these (`regex.rs`), option and capture
//! parsing from values.

use super::pcre1;
use pcre2_sys as sys;
use std::ptr::{self, NonNull};
use std::sync::OnceLock;

/// How a pattern is compiled: PCRE2's option bits and the newline and `\R`
/// conventions (Erlang's `{newline, _}`, `bsr_anycrlf`/`bsr_unicode`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Options {
    pub flags: u32,
    pub newline: u32,
    pub bsr: u32,
}

impl Default for Options {
    /// Erlang's PCRE is built with LF newlines and Unicode `\R`.
    fn default() -> Options {
        Options {
            flags: 0,
            newline: sys::PCRE2_NEWLINE_LF,
            bsr: sys::PCRE2_BSR_UNICODE,
        }
    }
}

/// A compiled pattern. PCRE2 never writes to compiled code while matching,
/// and documents that one pattern may be matched by several threads at
/// once (each with its own match data), so it is shared between processes.
pub struct Code {
    raw: NonNull<sys::pcre2_code_8>,
    /// The number of capturing groups (not counting the whole match).
    pub captures: u32,
    /// Named groups in PCRE2's name-table order, which is alphabetical:
    /// the order `:re.inspect(mp, :namelist)` and `capture: :all_names` use.
    pub names: Vec<(String, u32)>,
    /// UTF mode (from the options or a leading `(*UTF)`): a "character" is
    /// then a code point, not a byte.
    pub utf: bool,
    /// Unicode properties for `\w`, `\d`, `[[:alpha:]]` (the `u` of `~r`).
    pub ucp: bool,
    /// The newline convention includes CRLF (an empty match before `\r\n`
    /// moves past both bytes).
    pub crlf: bool,
}

// SAFETY: see the type's comment; the pointer is owned and only read.
unsafe impl Send for Code {}
// SAFETY: matching only reads the compiled code.
unsafe impl Sync for Code {}

impl Drop for Code {
    fn drop(&mut self) {
        // SAFETY: `raw` came from pcre2_compile and is freed once, here.
        unsafe { sys::pcre2_code_free_8(self.raw.as_ptr()) }
    }
}

/// A failed compile as Erlang reports it: PCRE 8.44's message and the
/// byte offset in the pattern as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub message: String,
    pub offset: usize,
}

/// PCRE2's own answer: its error number (without the 100) and offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RawError {
    pub code: i32,
    pub offset: usize,
}

/// Compiles `pattern` as PCRE 8.44 would: what PCRE2 reads differently is
/// written the old way first (`pcre1::rewrite`), what PCRE2 refuses but
/// PCRE 8.44 accepted is rewritten and tried again (`pcre1::accept`), and
/// an error is reported in PCRE 8.44's words at its offset
/// (`pcre1::report`), counted in the pattern as given.
pub fn compile(pattern: &[u8], opts: &Options) -> Result<Code, CompileError> {
    let mut edits = pcre1::Edits::default();
    let mut current = pcre1::rewrite(pattern, &mut edits);
    // Each retry removes one cause of refusal. Past a few hundred the
    // pattern is reported as PCRE2 refuses it, so that a pattern built
    // from thousands of them cannot cost thousands of compiles.
    for _ in 0..256 {
        match compile_raw(&current, opts) {
            Ok(code) => return Ok(code),
            Err(e) => match pcre1::accept(&current, e, &mut edits) {
                Some(next) => current = next,
                None => return Err(pcre1::report(&current, e, &edits)),
            },
        }
    }
    match compile_raw(&current, opts) {
        Ok(code) => Ok(code),
        Err(e) => Err(pcre1::report(&current, e, &edits)),
    }
}

/// One PCRE2 compile of `pattern`, nothing rewritten.
fn compile_raw(pattern: &[u8], opts: &Options) -> Result<Code, RawError> {
    // Out of memory (PCRE2's error 121) when a context cannot be made.
    const NOMEM: RawError = RawError {
        code: 121,
        offset: 0,
    };
    // SAFETY: every pointer passed is valid for the call (the pattern slice,
    // the two out-parameters, the context made here); the context is freed
    // before returning and the code is owned by the `Code` made from it.
    unsafe {
        let ctx = sys::pcre2_compile_context_create_8(ptr::null_mut());
        if ctx.is_null() {
            return Err(NOMEM);
        }
        sys::pcre2_set_character_tables_8(ctx, latin1_tables().as_ptr());
        sys::pcre2_set_newline_8(ctx, opts.newline);
        // The deepest nesting of groups Erlang/OTP 25 compiles (its stack
        // check refuses 799 nested groups).
        sys::pcre2_set_parens_nest_limit_8(ctx, 798);
        sys::pcre2_set_bsr_8(ctx, opts.bsr);
        // PCRE 8.44 allowed `\K` inside lookarounds; PCRE2 10.38 made it an
        // error unless asked.
        sys::pcre2_set_compile_extra_options_8(ctx, sys::PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK);
        // PCRE 8.44 accepts only lookbehinds of fixed length (each branch
        // its own); PCRE2 10.43 allows bounded variable ones unless the
        // limit is zero.
        sys::pcre2_set_max_varlookbehind_8(ctx, 0);
        let mut code = 0i32;
        let mut offset = 0usize;
        // An empty slice's pointer may dangle; PCRE2 reads nothing of a
        // zero-length pattern but refuses NULL only with a length.
        let raw = sys::pcre2_compile_8(
            pattern.as_ptr(),
            pattern.len(),
            opts.flags,
            &mut code,
            &mut offset,
            ctx,
        );
        sys::pcre2_compile_context_free_8(ctx);
        let Some(raw) = NonNull::new(raw) else {
            return Err(RawError {
                code: code - 100,
                offset,
            });
        };
        let all = info_u32(raw, sys::PCRE2_INFO_ALLOPTIONS);
        let newline = info_u32(raw, sys::PCRE2_INFO_NEWLINE);
        Ok(Code {
            raw,
            captures: info_u32(raw, sys::PCRE2_INFO_CAPTURECOUNT),
            names: name_table(raw),
            utf: all & sys::PCRE2_UTF != 0,
            ucp: all & sys::PCRE2_UCP != 0,
            crlf: matches!(
                newline,
                sys::PCRE2_NEWLINE_CRLF | sys::PCRE2_NEWLINE_ANY | sys::PCRE2_NEWLINE_ANYCRLF
            ),
        })
    }
}

/// PCRE2's character tables for a Latin-1 locale, as Erlang's PCRE is
/// built with: bytes 128-255 are ISO-8859-1 characters when the pattern is
/// not in UTF mode, so `\w` matches the byte 0xC3 of a UTF-8 "é" and
/// `[[:alpha:]]` the Latin-1 letters (Elixir's docs note the effect).
/// The layout is `pcre2_maketables`' (lower case, flipped case, class
/// bitmaps, type bits); compiled patterns point into it, so it lives for
/// the whole run.
fn latin1_tables() -> &'static [u8; 1088] {
    static T: OnceLock<Box<[u8; 1088]>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Box::new([0u8; 1088]);
        for i in 0..=255u8 {
            let c = latin1(i);
            let b = usize::from(i);
            t[b] = if c.upper { c.other } else { i };
            t[256 + b] = c.other;
            let mut set = |class: usize, on: bool| {
                if on {
                    t[512 + class + b / 8] |= 1 << (b % 8);
                }
            };
            set(0, c.space);
            set(32, c.xdigit);
            set(64, c.digit);
            set(96, c.upper);
            set(128, c.lower);
            set(160, c.word);
            set(192, c.graph);
            set(224, c.print);
            set(256, c.punct);
            set(288, c.cntrl);
            t[832 + b] = u8::from(c.space)
                | u8::from(c.alpha) << 1
                | u8::from(c.lower) << 2
                | u8::from(c.digit) << 3
                | u8::from(c.word) << 4;
        }
        t
    })
}

/// What the C library's ISO-8859-1 locale says of a byte.
struct Latin1 {
    space: bool,
    xdigit: bool,
    digit: bool,
    upper: bool,
    lower: bool,
    alpha: bool,
    word: bool,
    graph: bool,
    print: bool,
    punct: bool,
    cntrl: bool,
    /// The other case (itself when there is none within Latin-1).
    other: u8,
}

fn latin1(i: u8) -> Latin1 {
    // Above ASCII: the letters are 0xC0-0xFE but for the two signs 0xD7 and
    // 0xF7; ª, µ and º are lower-case letters without an upper case; ß and
    // ÿ have no upper case in Latin-1; 0x80-0x9F are controls.
    let upper = i.is_ascii_uppercase() || ((0xC0..=0xDE).contains(&i) && i != 0xD7);
    let lower =
        i.is_ascii_lowercase() || matches!(i, 0xAA | 0xB5 | 0xBA) || (i >= 0xDF && i != 0xF7);
    let alpha = upper || lower;
    let digit = i.is_ascii_digit();
    let cntrl = i < 0x20 || (0x7F..=0x9F).contains(&i);
    let graph = !cntrl && i != b' ';
    let other = if i.is_ascii_alphabetic() {
        i ^ 0x20
    } else if upper && i >= 0xC0 {
        i + 0x20
    } else if lower && (0xE0..=0xFE).contains(&i) {
        i - 0x20
    } else {
        i
    };
    Latin1 {
        space: matches!(i, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'),
        xdigit: i.is_ascii_hexdigit(),
        digit,
        upper,
        lower,
        alpha,
        word: alpha || digit || i == b'_',
        graph,
        print: graph || i == b' ',
        punct: graph && !alpha && !digit,
        cntrl,
        other,
    }
}

/// A `u32` item of `pcre2_pattern_info` (0 if PCRE2 refuses, which it
/// does only for unknown items).
fn info_u32(raw: NonNull<sys::pcre2_code_8>, what: u32) -> u32 {
    let mut out = 0u32;
    // SAFETY: every item asked for here is documented as a uint32_t.
    unsafe {
        sys::pcre2_pattern_info_8(raw.as_ptr(), what, (&mut out as *mut u32).cast());
    }
    out
}

/// The name table: entries of `entry_size` bytes, each a big-endian group
/// number followed by the NUL-terminated name, sorted by name.
fn name_table(raw: NonNull<sys::pcre2_code_8>) -> Vec<(String, u32)> {
    let count = info_u32(raw, sys::PCRE2_INFO_NAMECOUNT) as usize;
    let size = info_u32(raw, sys::PCRE2_INFO_NAMEENTRYSIZE) as usize;
    if count == 0 || size < 3 {
        return Vec::new();
    }
    let mut table: *const u8 = ptr::null();
    // SAFETY: NAMETABLE is a PCRE2_SPTR; the table it points to lives as
    // long as the code and holds `count * size` bytes.
    let bytes = unsafe {
        sys::pcre2_pattern_info_8(
            raw.as_ptr(),
            sys::PCRE2_INFO_NAMETABLE,
            (&mut table as *mut *const u8).cast(),
        );
        if table.is_null() {
            return Vec::new();
        }
        std::slice::from_raw_parts(table, count * size)
    };
    bytes
        .chunks_exact(size)
        .map(|e| {
            let number = u32::from(e[0]) << 8 | u32::from(e[1]);
            let name = &e[2..];
            let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
            (String::from_utf8_lossy(&name[..end]).into_owned(), number)
        })
        .collect()
}

impl Code {
    /// The group number of a named group.
    pub fn group_of(&self, name: &str) -> Option<u32> {
        self.names.iter().find(|(n, _)| n == name).map(|(_, g)| *g)
    }
}

/// Why a match attempt failed other than by not matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchError {
    /// The subject is not valid UTF-8 or the offset is inside a character
    /// (UTF mode): Erlang raises `badarg`.
    BadUtf,
    /// A resource limit (backtracking, depth, heap): Erlang's `re:run`
    /// reports `nomatch` for these.
    Limit,
}

/// Match data for one pattern: where a match attempt leaves its offsets.
/// One is made per call of a Regex function and reused across a global
/// scan.
pub struct Matcher<'c> {
    code: &'c Code,
    data: NonNull<sys::pcre2_match_data_8>,
    /// The subject's UTF-8 was checked by an earlier attempt (PCRE2 checks
    /// the whole subject each time unless told not to, which would make a
    /// global scan quadratic).
    checked: bool,
    /// Pairs set by the last successful attempt.
    set: usize,
}

impl Drop for Matcher<'_> {
    fn drop(&mut self) {
        // SAFETY: `data` came from pcre2_match_data_create_from_pattern and
        // is freed once, here.
        unsafe { sys::pcre2_match_data_free_8(self.data.as_ptr()) }
    }
}

impl<'c> Matcher<'c> {
    /// `None` only if PCRE2 cannot allocate the match data.
    pub fn new(code: &'c Code) -> Option<Matcher<'c>> {
        // SAFETY: `code.raw` is a live compiled pattern.
        let data = unsafe {
            sys::pcre2_match_data_create_from_pattern_8(code.raw.as_ptr(), ptr::null_mut())
        };
        Some(Matcher {
            code,
            data: NonNull::new(data)?,
            checked: false,
            set: 0,
        })
    }

    pub fn code(&self) -> &'c Code {
        self.code
    }

    /// One attempt at `start` with PCRE2 match `flags`: `Ok(true)` when it
    /// matched (offsets in `group`).
    pub fn exec(&mut self, subject: &[u8], start: usize, flags: u32) -> Result<bool, MatchError> {
        if start > subject.len() {
            return Err(MatchError::BadUtf);
        }
        let flags = if self.checked {
            flags | sys::PCRE2_NO_UTF_CHECK
        } else {
            flags
        };
        // SAFETY: the subject slice, the code and the match data are all
        // live for the call; PCRE2 reads `subject.len()` bytes at most.
        let rc = unsafe {
            sys::pcre2_match_8(
                self.code.raw.as_ptr(),
                subject.as_ptr(),
                subject.len(),
                start,
                flags,
                self.data.as_ptr(),
                ptr::null_mut(),
            )
        };
        if rc >= 0 || rc == sys::PCRE2_ERROR_NOMATCH || rc == sys::PCRE2_ERROR_PARTIAL {
            self.checked = true;
        }
        if rc > 0 {
            self.set = rc as usize;
            return Ok(true);
        }
        if rc == 0 {
            // The match data is made from the pattern, so it always has
            // room for every group; treat "too small" as all of them.
            self.set = self.code.captures as usize + 1;
            return Ok(true);
        }
        match rc {
            sys::PCRE2_ERROR_NOMATCH | sys::PCRE2_ERROR_PARTIAL => Ok(false),
            sys::PCRE2_ERROR_BADUTFOFFSET => Err(MatchError::BadUtf),
            rc if (sys::PCRE2_ERROR_UTF8_ERR21..=sys::PCRE2_ERROR_UTF8_ERR1).contains(&rc) => {
                Err(MatchError::BadUtf)
            }
            _ => Err(MatchError::Limit),
        }
    }

    /// How many groups the last match set, counting the whole match: one
    /// past the highest group that took part (Erlang's `all` returns
    /// exactly these).
    pub fn set_count(&self) -> usize {
        self.set
    }

    /// Group `i`'s byte range in the last match; `None` when it did not
    /// take part (or does not exist).
    pub fn group(&self, i: usize) -> Option<(usize, usize)> {
        if i >= self.set {
            return None;
        }
        // SAFETY: the ovector has captures + 1 pairs (made from the
        // pattern) and `i < set <= captures + 1`.
        let (s, e) = unsafe {
            let ov = sys::pcre2_get_ovector_pointer_8(self.data.as_ptr());
            (*ov.add(2 * i), *ov.add(2 * i + 1))
        };
        if s == sys::PCRE2_UNSET || e < s {
            // `e < s` happens only with `\K` in a lookahead; Erlang then
            // reports the start, and an empty capture.
            return (s != sys::PCRE2_UNSET).then_some((s, s));
        }
        Some((s, e))
    }

    /// Erlang's global matching from `start`: every match, left to right;
    /// after an empty match the same place is tried again for a non-empty
    /// one anchored there, and failing that the scan moves one character
    /// on. `each` sees the matcher after each match and says whether to go
    /// on.
    pub fn each(
        &mut self,
        subject: &[u8],
        start: usize,
        mut each: impl FnMut(&Matcher) -> bool,
    ) -> Result<(), MatchError> {
        let mut at = start;
        let mut flags = 0;
        loop {
            if !self.exec(subject, at, flags)? {
                if flags == 0 || at >= subject.len() {
                    return Ok(());
                }
                // The retry after an empty match failed: one character on.
                at = self.next_char(subject, at);
                flags = 0;
                continue;
            }
            let (s, e) = self.group(0).unwrap_or((at, at));
            if !each(self) {
                return Ok(());
            }
            if e == s {
                flags = sys::PCRE2_NOTEMPTY_ATSTART | sys::PCRE2_ANCHORED;
            } else {
                flags = 0;
            }
            at = e;
        }
    }

    /// The offset one character past `at`: a code point in UTF mode, a byte
    /// otherwise, both bytes of a CRLF when CRLF is a newline.
    fn next_char(&self, subject: &[u8], at: usize) -> usize {
        if self.code.crlf && subject[at..].starts_with(b"\r\n") {
            return at + 2;
        }
        let mut next = at + 1;
        if self.code.utf {
            while next < subject.len() && subject[next] & 0xC0 == 0x80 {
                next += 1;
            }
        }
        next
    }
}

/// `"10.46 2025-08-27"`: PCRE2's version, as `:re.version/0` gives PCRE's.
pub fn version() -> String {
    let mut buf = [0u8; 64];
    // SAFETY: PCRE2_CONFIG_VERSION writes a NUL-terminated string of at
    // most 24 code units into the buffer given.
    let n = unsafe { sys::pcre2_config_8(sys::PCRE2_CONFIG_VERSION, buf.as_mut_ptr().cast()) };
    let n = usize::try_from(n)
        .unwrap_or(0)
        .saturating_sub(1)
        .min(buf.len());
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

/// PCRE2's own message for a compile error (`code` without the 100).
pub(super) fn pcre2_text(code: i32) -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer and its length are valid; PCRE2 writes a
    // NUL-terminated message and returns its length, or a negative code.
    let n = unsafe { sys::pcre2_get_error_message_8(code + 100, buf.as_mut_ptr(), buf.len()) };
    let n = usize::try_from(n).unwrap_or(0).min(buf.len());
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_classes_are_erlangs() {
        // Checked against Erlang/OTP 25's `re` byte by byte.
        let t = latin1_tables();
        let word = |b: usize| t[512 + 160 + b / 8] & (1 << (b % 8)) != 0;
        assert!(word(0xC3) && word(0xAA) && word(b'_' as usize));
        assert!(!word(0xAF) && !word(0xD7) && !word(0xA0));
        assert_eq!(t[256 + 0xE9], 0xC9);
        assert_eq!(t[256 + 0xDF], 0xDF);
        assert_eq!(t[0xC9], 0xE9);
    }
}
