//! `Regex` natives: Elixir 1.14's Regex module over PCRE2 (`engine`).
//!
//! A regex is Elixir's struct, `%Regex{opts:, re_pattern:, re_version:,
//! source:}`, whose `re_pattern` is a `Value::Resource` holding the
//! compiled `engine::Code`. Compiled codes are shared by (source, options)
//! while any regex holds them, so two regexes compiled from the same
//! source and options are `==`, as Elixir's are (their `re_pattern`
//! binaries are equal), and recompiling a pattern costs a lookup.
//!
//! The functions follow Elixir's `regex.ex` clause by clause over what
//! `:re.run/3` returns: `run`, `scan`, `split` (its `do_split`), `replace`
//! (its `precompile_replacement`/`apply_list`; a function replacement is
//! called through the machine, so this is a stepping native), with
//! Elixir's errors (`FunctionClauseError` naming Elixir's clause,
//! `ArgumentError` where `:re` raises `badarg`).
//!
//! Also here, for the units that hand regexes over: the `~r` literal the
//! compiler folds to a constant (`literal`), `Kernel.sigil_r/2`,
//! `Kernel.=~/2` on a regex, `String.split/3` and `String.replace/4` on a
//! regex, and the `~r/.../` text inspect prints (`inspect_doc`).
//!
//! Not here: the struct and `Regex.CompileError` definitions (`regex.ex`),
//! the PCRE2 calls (`engine`).

mod engine;
mod pcre1;

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::library::support::collections::clause;
use crate::library::support::terms::keyword_get;
use crate::library::{def, step, Ctx, Native, Step, Target};
use crate::value::{Resource, Value};
use engine::{Code, Matcher, Options};
use parking_lot::Mutex;
use pcre2_sys as sys;
use rustc_hash::FxHashMap;
use std::sync::{Arc, OnceLock, Weak};

pub const NATIVES: &[Native] = &[
    def("compile", 1, |ctx, a| {
        compile_value(ctx, &a[0], &Value::str(""), 2)
    }),
    def("compile", 2, |ctx, a| compile_value(ctx, &a[0], &a[1], 2)).doc(
        r#"compile(source, options \\ "")"#,
        r#"Compiles the pattern `source` into a regex: `{:ok, regex}`, or `{:error,
{reason, position}}`. `options` is a string of modifier letters (`"i"`,
`"m"`, `"s"`, `"x"`, `"u"`, ...) or a list of atoms.

    iex> Regex.compile("(")
    {:error, {'missing )', 1}}"#,
    ),
    def("compile!", 1, |ctx, a| {
        compile_bang(ctx, &a[0], &Value::str(""))
    }),
    def("compile!", 2, |ctx, a| compile_bang(ctx, &a[0], &a[1])).doc(
        r#"compile!(source, options \\ "")"#,
        r#"Like `compile/2`, giving the regex or raising `Regex.CompileError`.

    iex> Regex.compile!("x*") |> Regex.source()
    "x*""#,
    ),
    def("recompile", 1, |ctx, a| recompile(ctx, &a[0])).doc(
        r#"recompile(regex)"#,
        r#"Compiles `regex` again when it was made by another version of the
regex engine: `{:ok, regex}`.

    iex> Regex.recompile(~r/a/) |> elem(0)
    :ok"#,
    ),
    def("recompile!", 1, |ctx, a| {
        let r = recompile(ctx, &a[0])?;
        ok_or_raise(r)
    })
    .doc(
        r#"recompile!(regex)"#,
        r#"Like `recompile/1`, giving the regex or raising.

    iex> Regex.recompile!(~r/a/) |> Regex.source()
    "a""#,
    ),
    def("version", 0, |_, _| Ok(version_value().clone())).doc(
        r#"version()"#,
        r#"The version of the regex engine, as stored in compiled regexes.

    iex> Regex.version() |> is_tuple()
    true"#,
    ),
    def("match?", 2, |_, a| match_(&a[0], &a[1])).doc(
        r#"match?(regex, string)"#,
        r#"Whether `regex` matches anywhere in `string`.

    iex> Regex.match?(~r/\d+/, "abc 42")
    true"#,
    ),
    def("regex?", 1, |_, a| Ok(Value::bool(is_regex(&a[0])))).doc(
        r#"regex?(term)"#,
        r#"Whether `term` is a compiled regex.

    iex> Regex.regex?("a")
    false"#,
    ),
    def("run", 2, |_, a| run(&a[0], &a[1], &Value::Nil)),
    def("run", 3, |_, a| run(&a[0], &a[1], &a[2])).doc(
        r#"run(regex, string, options \\ [])"#,
        r#"The first match in `string`: a list of the whole match and its groups,
or `nil`. `return: :index` gives `{start, length}` pairs, `capture:`
picks the groups.

    iex> Regex.run(~r/(\w+)@(\w+)/, "me@host")
    ["me@host", "me", "host"]"#,
    ),
    def("scan", 2, |_, a| scan(&a[0], &a[1], &Value::Nil)),
    def("scan", 3, |_, a| scan(&a[0], &a[1], &a[2])).doc(
        r#"scan(regex, string, options \\ [])"#,
        r#"Every match in `string`, each as the list `run/3` would give.

    iex> Regex.scan(~r/\d+/, "a1b22c333")
    [["1"], ["22"], ["333"]]"#,
    ),
    def("named_captures", 2, |_, a| {
        named_captures(&a[0], &a[1], &Value::Nil)
    }),
    def("named_captures", 3, |_, a| {
        named_captures(&a[0], &a[1], &a[2])
    })
    .doc(
        r#"named_captures(regex, string, options \\ [])"#,
        r#"The named groups of the first match as a map of name to text, or `nil`
without a match.

    iex> Regex.named_captures(~r/(?<key>\w+)=(?<val>\w+)/, "size=10")
    %{"key" => "size", "val" => "10"}"#,
    ),
    def("names", 1, |_, a| names(&a[0])).doc(
        r#"names(regex)"#,
        r#"The names of the named groups of `regex`, sorted.

    iex> Regex.names(~r/(?<year>\d+)-(?<month>\d+)/)
    ["month", "year"]"#,
    ),
    def("re_pattern", 1, |_, a| {
        field_of(&a[0], "re_pattern", "re_pattern")
    })
    .doc(
        r#"re_pattern(regex)"#,
        r#"The compiled pattern inside `regex`, as Erlang's `:re` takes it.

    iex> Regex.re_pattern(~r/a/) |> elem(0)
    :re_pattern"#,
    ),
    def("source", 1, |_, a| field_of(&a[0], "source", "source")).doc(
        r#"source(regex)"#,
        r#"The pattern text `regex` was compiled from.

    iex> Regex.source(~r/a+b/i)
    "a+b""#,
    ),
    def("opts", 1, |_, a| field_of(&a[0], "opts", "opts")).doc(
        r#"opts(regex)"#,
        r#"The modifiers `regex` was compiled with, as a string.

    iex> Regex.opts(~r/a+b/i)
    "i""#,
    ),
    def("split", 2, |_, a| split(&a[0], &a[1], &Value::Nil)),
    def("split", 3, |_, a| split(&a[0], &a[1], &a[2])).doc(
        r#"split(regex, string, options \\ [])"#,
        r#"Splits `string` at each match of `regex`. `parts:` limits the number of
pieces, `trim: true` drops empty ones, `include_captures: true` keeps the
matches.

    iex> Regex.split(~r/,/, "a,b,c", parts: 2)
    ["a", "b,c"]"#,
    ),
    step("replace", 3, |_, a| {
        replace(&a[0], &a[1], &a[2], &Value::Nil)
    }),
    step("replace", 4, |_, a| replace(&a[0], &a[1], &a[2], &a[3])).doc(
        r#"replace(regex, string, replacement, options \\ [])"#,
        r#"Replaces every match (only the first with `global: false`) with
`replacement`: a string where `\0`, `\1`, ... stand for the groups, or
a function given the match and its groups.

    iex> Regex.replace(~r/\d/, "a1b2", fn d -> "<" <> d <> ">" end)
    "a<1>b<2>""#,
    ),
    def("escape", 1, |_, a| match a[0].as_str() {
        Some(s) => Ok(Value::str(escape(s))),
        None => Err(clause("Regex", "escape", 1, &[&a[0]])),
    })
    .doc(
        r#"escape(string)"#,
        r#"`string` with every character that means something in a pattern
escaped, so that it matches literally.

    iex> Regex.escape("1.5*x")
    "1\\.5\\*x""#,
    ),
    def("unescape_map", 1, |_, a| Ok(unescape_map(&a[0]))).doc(
        r#"unescape_map(char)"#,
        r#"What an escape such as `\n` in a replacement stands for: the character
code, or `false` for none. Used by the `~r` sigil.

    iex> Regex.unescape_map(?n)
    10"#,
    ),
];

/// The atoms a regex is made of, interned once.
struct Names {
    regex: Atom,
    compile_error: Atom,
    opts: Atom,
    re_pattern: Atom,
    re_version: Atom,
    source: Atom,
}

fn names_() -> &'static Names {
    static N: OnceLock<Names> = OnceLock::new();
    N.get_or_init(|| Names {
        regex: Atom::alias("Regex"),
        compile_error: Atom::alias("Regex.CompileError"),
        opts: Atom::new("opts"),
        re_pattern: Atom::new("re_pattern"),
        re_version: Atom::new("re_version"),
        source: Atom::new("source"),
    })
}

/// The kind name of the compiled pattern's resource.
const KIND: &str = "regex";

/// `Regex.version/0`: `{"10.46 2025-08-27", :little}`, the engine's
/// version and the machine's endianness, as Elixir pairs `:re.version()`.
fn version_value() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| {
        let endian = if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        };
        Value::tuple(vec![Value::str(engine::version()), Value::atom(endian)])
    })
}

// ---------------------------------------------------------------- compiling

type CacheKey = (Box<str>, Options);

/// The codes, and the table size at which dead entries are next swept.
type Cache = (FxHashMap<CacheKey, Weak<Resource>>, usize);

/// Compiled codes by (source, options), weakly: a code lives as long as a
/// regex holds it, and compiling the same pattern again finds it.
fn cache() -> &'static Mutex<Cache> {
    static C: OnceLock<Mutex<Cache>> = OnceLock::new();
    C.get_or_init(Default::default)
}

/// The compiled code of `source` with `opts`, as a resource value.
fn compiled(source: &str, opts: Options) -> std::result::Result<Value, engine::CompileError> {
    let key: CacheKey = (source.into(), opts);
    if let Some(r) = cache().lock().0.get(&key).and_then(Weak::upgrade) {
        return Ok(Value::Resource(r));
    }
    // Compiled outside the lock: another process may compile the same
    // pattern meanwhile, and then the first one stored is kept.
    let code = engine::compile(source.as_bytes(), &opts)?;
    let fresh = Arc::new(Resource {
        kind: KIND,
        data: Box::new(code),
    });
    let mut c = cache().lock();
    let (map, sweep_at) = &mut *c;
    if let Some(r) = map.get(&key).and_then(Weak::upgrade) {
        return Ok(Value::Resource(r));
    }
    map.insert(key, Arc::downgrade(&fresh));
    // Forget dead entries whenever the table has doubled since the last
    // sweep, so a program compiling endless distinct patterns does not
    // keep their keys.
    if map.len() > (*sweep_at).max(64) {
        map.retain(|_, w| w.strong_count() > 0);
        *sweep_at = map.len() * 2;
    }
    Ok(Value::Resource(fresh))
}

/// Elixir's modifier letters (`"ims"`) as options; `Err` holds the rest of
/// the string from the first letter that is not one (Elixir's
/// `{:invalid_option, rest}`). `warn` receives the deprecation of `r`.
fn modifiers(mods: &str, warn: &mut dyn FnMut(&str)) -> std::result::Result<Options, String> {
    let mut o = Options::default();
    for (i, c) in mods.char_indices() {
        match c {
            'u' => o.flags |= sys::PCRE2_UTF | sys::PCRE2_UCP,
            'i' => o.flags |= sys::PCRE2_CASELESS,
            'x' => o.flags |= sys::PCRE2_EXTENDED,
            'f' => o.flags |= sys::PCRE2_FIRSTLINE,
            'U' => o.flags |= sys::PCRE2_UNGREEDY,
            's' => {
                o.flags |= sys::PCRE2_DOTALL;
                o.newline = sys::PCRE2_NEWLINE_ANYCRLF;
            }
            'm' => o.flags |= sys::PCRE2_MULTILINE,
            'r' => {
                warn("warning: the /r modifier in regular expressions is deprecated, please use /U instead\n");
                o.flags |= sys::PCRE2_UNGREEDY;
            }
            _ => return Err(mods[i..].to_string()),
        }
    }
    Ok(o)
}

/// Erlang `re:compile/2`'s option list; `None` if an element is not one
/// (`:re` raises `badarg`).
fn erlang_options(list: &Value) -> Option<Options> {
    let mut o = Options::default();
    for item in list.list_to_vec()? {
        if let Value::Tuple(t) = &item {
            if t.len() != 2 || t[0].as_atom()?.as_str() != "newline" {
                return None;
            }
            o.newline = match t[1].as_atom()?.as_str() {
                "cr" => sys::PCRE2_NEWLINE_CR,
                "lf" => sys::PCRE2_NEWLINE_LF,
                "crlf" => sys::PCRE2_NEWLINE_CRLF,
                "anycrlf" => sys::PCRE2_NEWLINE_ANYCRLF,
                "any" => sys::PCRE2_NEWLINE_ANY,
                "nul" => sys::PCRE2_NEWLINE_NUL,
                _ => return None,
            };
            continue;
        }
        match item.as_atom()?.as_str() {
            "unicode" => o.flags |= sys::PCRE2_UTF,
            "anchored" => o.flags |= sys::PCRE2_ANCHORED,
            "caseless" => o.flags |= sys::PCRE2_CASELESS,
            "dollar_endonly" => o.flags |= sys::PCRE2_DOLLAR_ENDONLY,
            "dotall" => o.flags |= sys::PCRE2_DOTALL,
            "extended" => o.flags |= sys::PCRE2_EXTENDED,
            "firstline" => o.flags |= sys::PCRE2_FIRSTLINE,
            "multiline" => o.flags |= sys::PCRE2_MULTILINE,
            "no_auto_capture" => o.flags |= sys::PCRE2_NO_AUTO_CAPTURE,
            "dupnames" => o.flags |= sys::PCRE2_DUPNAMES,
            "ungreedy" => o.flags |= sys::PCRE2_UNGREEDY,
            "no_start_optimize" => o.flags |= sys::PCRE2_NO_START_OPTIMIZE,
            "ucp" => o.flags |= sys::PCRE2_UCP,
            "never_utf" => o.flags |= sys::PCRE2_NEVER_UTF,
            "bsr_anycrlf" => o.bsr = sys::PCRE2_BSR_ANYCRLF,
            "bsr_unicode" => o.bsr = sys::PCRE2_BSR_UNICODE,
            _ => return None,
        }
    }
    Some(o)
}

/// A compile failure as `:re` reports it: `{'missing )', 1}`.
fn compile_reason(e: &engine::CompileError) -> Value {
    Value::tuple(vec![charlist(&e.message), Value::Int(e.offset as i64)])
}

fn charlist(s: &str) -> Value {
    Value::list(s.chars().map(|c| Value::Int(c as i64)).collect())
}

/// The struct around a compiled code. `re_pattern` has the shape of
/// Erlang's compiled pattern, `{:re_pattern, groups, unicode, ucp, code}`,
/// with the code as a resource where Erlang has a binary.
fn make(source: &Value, code: Value, doc_opts: Value) -> Value {
    let n = names_();
    let (groups, utf, ucp) = match &code {
        Value::Resource(r) => r
            .get::<Code>()
            .map_or((0, false, false), |c| (c.captures, c.utf, c.ucp)),
        _ => (0, false, false),
    };
    let code = Value::tuple(vec![
        Value::atom("re_pattern"),
        Value::Int(i64::from(groups)),
        Value::Int(i64::from(utf)),
        Value::Int(i64::from(ucp)),
        code,
    ]);
    Value::make_struct(
        n.regex,
        &[
            (n.opts, doc_opts),
            (n.re_pattern, code),
            (n.re_version, version_value().clone()),
            (n.source, source.clone()),
        ],
    )
}

/// `Regex.compile/2`'s answer: `Ok(regex)` or `Err(reason)` (the
/// `{:error, reason}`), or a raise for arguments Elixir rejects.
fn compile_parts(
    source: &Value,
    opts: &Value,
    warn: &mut dyn FnMut(&str),
    arity: u32,
) -> Result<std::result::Result<Value, Value>> {
    let Some(text) = source.as_str() else {
        return Err(clause("Regex", "compile", arity, &[source, opts]));
    };
    let (options, doc_opts) = if let Some(mods) = opts.as_str() {
        match modifiers(mods, warn) {
            Ok(o) => (o, opts.clone()),
            Err(rest) => {
                return Ok(Err(Value::tuple(vec![
                    Value::atom("invalid_option"),
                    Value::str(rest),
                ])))
            }
        }
    } else if opts.is_list() {
        match erlang_options(opts) {
            Some(o) => {
                // Elixir's format_doc_opts: `[]` shows as `""`.
                let doc = if matches!(opts, Value::Nil) {
                    Value::str("")
                } else {
                    opts.clone()
                };
                (o, doc)
            }
            None => return Err(error::badarg_at(2, "invalid options")),
        }
    } else {
        return Err(clause(
            "Regex",
            "compile",
            3,
            &[source, opts, version_value()],
        ));
    };
    Ok(match compiled(text, options) {
        Ok(code) => Ok(make(source, code, doc_opts)),
        Err(e) => Err(compile_reason(&e)),
    })
}

/// Where a deprecation warning goes: the VM's stderr.
fn stderr_warner(ctx: &Ctx) -> impl FnMut(&str) {
    let vm = ctx.vm.clone();
    move |text: &str| vm.out.stderr(text)
}

fn compile_value(ctx: &mut Ctx, source: &Value, opts: &Value, arity: u32) -> Result<Value> {
    let mut warn = stderr_warner(ctx);
    Ok(ok_error(compile_parts(source, opts, &mut warn, arity)?))
}

fn ok_error(r: std::result::Result<Value, Value>) -> Value {
    match r {
        Ok(v) => Value::tuple(vec![Value::OK, v]),
        Err(e) => Value::tuple(vec![Value::atom("error"), e]),
    }
}

fn compile_bang(ctx: &mut Ctx, source: &Value, opts: &Value) -> Result<Value> {
    let mut warn = stderr_warner(ctx);
    if source.as_str().is_none() {
        return Err(clause("Regex", "compile!", 2, &[source, opts]));
    }
    match compile_parts(source, opts, &mut warn, 2)? {
        Ok(v) => Ok(v),
        Err(reason) => Err(compile_error(&reason)),
    }
}

/// `{:ok, regex}` to the regex, `{:error, {reason, at}}` to the raise.
fn ok_or_raise(r: Value) -> Result<Value> {
    match &r {
        Value::Tuple(t) if t.len() == 2 && t[0] == Value::OK => Ok(t[1].clone()),
        Value::Tuple(t) if t.len() == 2 => Err(compile_error(&t[1])),
        _ => Err(error::badarg()),
    }
}

/// `Regex.CompileError` with Elixir's `"#{reason} at position #{at}"`.
fn compile_error(reason: &Value) -> Raise {
    Raise::error(compile_error_value(&compile_message(reason)))
}

fn compile_message(reason: &Value) -> String {
    let (what, at) = match reason {
        Value::Tuple(t) if t.len() == 2 => (&t[0], &t[1]),
        other => (other, &Value::Nil),
    };
    let show = |v: &Value| crate::format::to_string(v).unwrap_or_else(|| crate::format::inspect(v));
    format!("{} at position {}", show(what), show(at))
}

fn compile_error_value(message: &str) -> Value {
    Value::make_struct(
        names_().compile_error,
        &[
            (Atom::EXCEPTION, Value::TRUE),
            (Atom::MESSAGE, Value::str(message)),
        ],
    )
}

/// The `~r`/`~R` literal the compiler folds into a constant: `Ok(regex)`,
/// or `Err(message)` of the `Regex.CompileError` Elixir raises while
/// compiling. `source` is already unescaped (for `~r`).
pub(crate) fn literal(
    source: &str,
    mods: &str,
    warn: &mut dyn FnMut(&str),
) -> std::result::Result<Value, String> {
    match compile_parts(&Value::str(source), &Value::str(mods), warn, 2) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(reason)) => Err(compile_message(&reason)),
        Err(_) => Err("invalid regex".to_string()),
    }
}

/// `Regex.recompile/1`: the regex itself when its engine version is this
/// one, else compiled again from its source and options.
fn recompile(ctx: &mut Ctx, r: &Value) -> Result<Value> {
    if !is_regex(r) {
        return Err(clause("Regex", "recompile", 1, &[r]));
    }
    let n = names_();
    if r.map_get(n.re_version) == Some(version_value()) {
        return Ok(Value::tuple(vec![Value::OK, r.clone()]));
    }
    let source = r.map_get(n.source).cloned().unwrap_or(Value::Nil);
    let opts = r.map_get(n.opts).cloned().unwrap_or(Value::Nil);
    let mut warn = stderr_warner(ctx);
    Ok(ok_error(compile_parts(&source, &opts, &mut warn, 3)?))
}

/// The Regex escapes of `~r` (Elixir's `Regex.unescape_map/1` through
/// `unescape_string`): `\n`, `\t`, `\r`, `\f`, `\v`, `\a` become the
/// character, a backslash before a newline joins the lines, every other
/// backslash stays for PCRE.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('\n') => {
                chars.next();
            }
            Some('\r') => {
                chars.next();
                if chars.peek() == Some(&'\n') {
                    chars.next();
                } else {
                    out.push_str("\\\r");
                }
            }
            Some(e) => {
                chars.next();
                match e {
                    'f' => out.push('\x0C'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'v' => out.push('\x0B'),
                    'a' => out.push('\x07'),
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
            None => out.push('\\'),
        }
    }
    out
}

fn unescape_map(v: &Value) -> Value {
    if v.as_atom().map(|a| a.as_str()) == Some("newline") {
        return Value::TRUE;
    }
    let Value::Int(c) = v else {
        return Value::FALSE;
    };
    let to = match u8::try_from(*c).map(char::from) {
        Ok('f') => 0x0C,
        Ok('n') => 0x0A,
        Ok('r') => 0x0D,
        Ok('t') => 0x09,
        Ok('v') => 0x0B,
        Ok('a') => 0x07,
        _ => return Value::FALSE,
    };
    Value::Int(to)
}

/// `Kernel.sigil_r/2`: the text unescaped as `~r` does, then compiled.
pub(crate) fn sigil_r(ctx: &mut Ctx, a: &[Value]) -> Result<Value> {
    let Some(text) = a[0].as_str() else {
        return Err(clause("Kernel", "sigil_r", 2, &[&a[0], &a[1]]));
    };
    let source = Value::str(unescape(text));
    sigil(ctx, &source, &a[1])
}

/// `Kernel.sigil_R/2`: the text as written, compiled.
pub(crate) fn sigil_upper_r(ctx: &mut Ctx, a: &[Value]) -> Result<Value> {
    if a[0].as_str().is_none() {
        return Err(clause("Kernel", "sigil_R", 2, &[&a[0], &a[1]]));
    }
    sigil(ctx, &a[0], &a[1])
}

fn sigil(ctx: &mut Ctx, source: &Value, mods: &Value) -> Result<Value> {
    let mods = match mods.as_str() {
        Some(_) => mods.clone(),
        None => match crate::format::chardata_to_string(mods) {
            Some(s) => Value::str(s),
            None => return Err(error::badarg()),
        },
    };
    compile_bang(ctx, source, &mods)
}

// ---------------------------------------------------------------- matching

fn is_regex(v: &Value) -> bool {
    v.struct_name() == Some(names_().regex)
}

/// A regex's compiled code, held by the resource value that owns it.
struct Held(Value);

impl Held {
    fn code(&self) -> &Code {
        match &self.0 {
            Value::Resource(r) => r.get::<Code>().expect("checked when held"),
            _ => unreachable!("only resources are held"),
        }
    }
}

/// The compiled code of a `%Regex{}` (Elixir's `safe_run`: compiled again
/// from the source when the regex comes from another engine version).
/// `None` when `r` is not a Regex struct (the caller's FunctionClauseError).
fn code_of(r: &Value) -> Option<Result<Held>> {
    if !is_regex(r) {
        return None;
    }
    let n = names_();
    let version = r.map_get(n.re_version);
    if version == Some(version_value()) {
        let code = match r.map_get(n.re_pattern) {
            Some(Value::Tuple(t)) if t.len() == 5 => Some(&t[4]),
            _ => None,
        };
        return Some(match code {
            Some(v @ Value::Resource(res)) if res.get::<Code>().is_some() => Ok(Held(v.clone())),
            // `:re.run` on something that is not a compiled pattern.
            _ => Err(error::badarg()),
        });
    }
    let source = r.map_get(n.source).and_then(Value::as_str);
    let opts = r.map_get(n.opts);
    let options = match opts {
        Some(o) if o.as_str().is_some() => o.as_str().and_then(|m| modifiers(m, &mut |_| {}).ok()),
        Some(o) => erlang_options(o),
        None => None,
    };
    Some(match (source, options) {
        (Some(s), Some(o)) => compiled(s, o).map(Held).map_err(|_| error::badarg()),
        _ => Err(error::badarg()),
    })
}

/// What `:capture` asks for.
enum Capture {
    All,
    First,
    AllButFirst,
    None,
    AllNames,
    /// Group numbers (`None`: a name the pattern lacks, always unset).
    List(Vec<Option<usize>>),
}

/// How captures are returned (`:return`).
#[derive(Clone, Copy, PartialEq)]
enum Return {
    Binary,
    Index,
    List,
}

struct RunOpts {
    capture: Capture,
    ret: Return,
    offset: usize,
}

/// Reads `:return`, `:capture` and `:offset` as Elixir's run/scan do
/// (`Keyword.get`), checked as `:re.run` checks them.
fn run_opts(code: &Code, opts: &Value, subject: &str, default_ret: Return) -> Result<RunOpts> {
    if !opts.is_list() {
        return Err(clause(
            "Keyword",
            "get",
            3,
            &[opts, &Value::atom("return"), &Value::atom("binary")],
        ));
    }
    let ret = match keyword_get(opts, "return").and_then(Value::as_atom) {
        None if keyword_get(opts, "return").is_none() => default_ret,
        Some(a) => match a.as_str() {
            "binary" => Return::Binary,
            "index" => Return::Index,
            "list" => Return::List,
            _ => return Err(error::badarg()),
        },
        None => return Err(error::badarg()),
    };
    let capture = match keyword_get(opts, "capture") {
        None => Capture::All,
        Some(spec) => capture_spec(code, spec)?,
    };
    let offset = match keyword_get(opts, "offset") {
        None => 0,
        Some(Value::Int(n)) if *n >= 0 => *n as usize,
        Some(_) => return Err(error::badarg_at(3, "invalid options")),
    };
    if offset > subject.len() {
        return Err(error::badarg_at(3, "invalid options"));
    }
    Ok(RunOpts {
        capture,
        ret,
        offset,
    })
}

fn capture_spec(code: &Code, spec: &Value) -> Result<Capture> {
    if let Some(a) = spec.as_atom() {
        return Ok(match a.as_str() {
            "all" => Capture::All,
            "first" => Capture::First,
            "all_but_first" => Capture::AllButFirst,
            "none" => Capture::None,
            "all_names" => Capture::AllNames,
            _ => return Err(error::badarg()),
        });
    }
    let Some(items) = spec.list_to_vec() else {
        return Err(error::badarg());
    };
    let mut groups = Vec::with_capacity(items.len());
    for item in &items {
        let g = match item {
            Value::Int(i) if *i >= 0 => usize::try_from(*i).ok(),
            Value::Int(_) => return Err(error::badarg()),
            Value::Atom(a) => code.group_of(a.as_str()).map(|g| g as usize),
            other => match other.as_str().map(str::to_string).or_else(|| {
                other
                    .is_list()
                    .then(|| crate::format::chardata_to_string(other))
                    .flatten()
            }) {
                Some(name) => code.group_of(&name).map(|g| g as usize),
                None => return Err(error::badarg()),
            },
        };
        groups.push(g);
    }
    Ok(Capture::List(groups))
}

/// The ranges the capture spec selects from the matcher's last match
/// (`None` for a group that did not take part).
fn selected(m: &Matcher, capture: &Capture) -> Vec<Option<(usize, usize)>> {
    match capture {
        Capture::All => (0..m.set_count()).map(|i| m.group(i)).collect(),
        Capture::AllButFirst => (1..m.set_count()).map(|i| m.group(i)).collect(),
        Capture::First => vec![m.group(0)],
        Capture::None => Vec::new(),
        Capture::AllNames => m
            .code()
            .names
            .iter()
            .map(|(_, g)| m.group(*g as usize))
            .collect(),
        Capture::List(groups) => groups.iter().map(|g| g.and_then(|g| m.group(g))).collect(),
    }
}

/// A byte range of the subject as a value: the string piece.
fn piece(subject: &str, s: usize, e: usize) -> Value {
    match subject.get(s..e) {
        Some(p) => Value::str(p),
        // A range that cuts a character (a byte-mode `.` on "é"): the
        // bytes, a binary that is not UTF-8, as Elixir gives them.
        None => Value::bytes(subject.as_bytes().get(s..e).unwrap_or_default().to_vec()),
    }
}

fn render(subject: &str, range: Option<(usize, usize)>, ret: Return, utf: bool) -> Value {
    match (ret, range) {
        (Return::Index, Some((s, e))) => {
            Value::tuple(vec![Value::Int(s as i64), Value::Int((e - s) as i64)])
        }
        (Return::Index, None) => Value::tuple(vec![Value::Int(-1), Value::Int(0)]),
        (Return::Binary, Some((s, e))) => piece(subject, s, e),
        (Return::Binary, None) => Value::str(""),
        (Return::List, None) => Value::Nil,
        (Return::List, Some((s, e))) => {
            let bytes = subject.as_bytes().get(s..e).unwrap_or_default();
            match (utf, std::str::from_utf8(bytes)) {
                (true, Ok(t)) => charlist(t),
                _ => Value::list(bytes.iter().map(|b| Value::Int(i64::from(*b))).collect()),
            }
        }
    }
}

fn selection(m: &Matcher, subject: &str, o: &RunOpts) -> Value {
    let utf = m.code().utf;
    Value::list(
        selected(m, &o.capture)
            .into_iter()
            .map(|r| render(subject, r, o.ret, utf))
            .collect(),
    )
}

fn matcher(code: &Code) -> Result<Matcher<'_>> {
    Matcher::new(code).ok_or_else(error::system_limit_error)
}

fn match_failed(e: engine::MatchError) -> Option<Raise> {
    match e {
        engine::MatchError::BadUtf => Some(error::badarg()),
        // `re:run` without `report_errors` answers `nomatch`.
        engine::MatchError::Limit => None,
    }
}

/// One match attempt at `offset`: whether it matched.
fn first(m: &mut Matcher, subject: &str, offset: usize) -> Result<bool> {
    match m.exec(subject.as_bytes(), offset, 0) {
        Ok(found) => Ok(found),
        Err(e) => match match_failed(e) {
            Some(r) => Err(r),
            None => Ok(false),
        },
    }
}

/// Every match from `offset` (Erlang's `global`), each as `each` makes it.
fn all(
    m: &mut Matcher,
    subject: &str,
    offset: usize,
    mut each: impl FnMut(&Matcher) -> bool,
) -> Result<()> {
    match m.each(subject.as_bytes(), offset, &mut each) {
        Ok(()) => Ok(()),
        Err(e) => match match_failed(e) {
            Some(r) => Err(r),
            None => Ok(()),
        },
    }
}

pub(crate) fn match_(r: &Value, s: &Value) -> Result<Value> {
    let (Some(held), Some(subject)) = (code_of(r), s.as_str()) else {
        return Err(clause("Regex", "match?", 2, &[r, s]));
    };
    let held = held?;
    let mut m = matcher(held.code())?;
    Ok(Value::bool(first(&mut m, subject, 0)?))
}

fn run(r: &Value, s: &Value, opts: &Value) -> Result<Value> {
    let (Some(held), Some(subject)) = (code_of(r), s.as_str()) else {
        return Err(clause("Regex", "run", 3, &[r, s, opts]));
    };
    let held = held?;
    let o = run_opts(held.code(), opts, subject, Return::Binary)?;
    let mut m = matcher(held.code())?;
    if !first(&mut m, subject, o.offset)? {
        return Ok(Value::NIL_ATOM);
    }
    Ok(selection(&m, subject, &o))
}

fn scan(r: &Value, s: &Value, opts: &Value) -> Result<Value> {
    let (Some(held), Some(subject)) = (code_of(r), s.as_str()) else {
        return Err(clause("Regex", "scan", 3, &[r, s, opts]));
    };
    let held = held?;
    let o = run_opts(held.code(), opts, subject, Return::Binary)?;
    let mut m = matcher(held.code())?;
    let mut out = Vec::new();
    all(&mut m, subject, o.offset, |m| {
        out.push(selection(m, subject, &o));
        true
    })?;
    // `:re.run` with `capture: :none` answers `:match`: scan gives `[]`.
    if matches!(o.capture, Capture::None) {
        return Ok(Value::Nil);
    }
    Ok(Value::list(out))
}

fn named_captures(r: &Value, s: &Value, opts: &Value) -> Result<Value> {
    if s.as_str().is_none() {
        return Err(clause("Regex", "named_captures", 3, &[r, s, opts]));
    }
    let names = names(r)?;
    // Keyword.put(options, :capture, names): the option replaced.
    let mut kept: Vec<Value> = match opts.list_to_vec() {
        Some(items) => items
            .into_iter()
            .filter(|i| !matches!(i, Value::Tuple(t) if t.len() == 2 && t[0].as_atom().map(|a| a.as_str()) == Some("capture")))
            .collect(),
        None => return Err(clause("Keyword", "put", 3, &[opts, &Value::atom("capture"), &names])),
    };
    kept.insert(0, Value::tuple(vec![Value::atom("capture"), names.clone()]));
    let results = run(r, s, &Value::list(kept))?;
    if !results.is_truthy() {
        return Ok(Value::NIL_ATOM);
    }
    let mut map = crate::value::MapInner::new();
    for (k, v) in names.iter_list().zip(results.iter_list()) {
        map.insert(k.clone(), v.clone());
    }
    Ok(Value::map(map))
}

fn names(r: &Value) -> Result<Value> {
    let Some(held) = code_of(r) else {
        return Err(clause("Regex", "names", 1, &[r]));
    };
    let held = held?;
    Ok(Value::list(
        held.code()
            .names
            .iter()
            .map(|(n, _)| Value::str(n.as_str()))
            .collect(),
    ))
}

fn field_of(r: &Value, field: &str, fun: &str) -> Result<Value> {
    match r.map_get(Atom::new(field)) {
        Some(v) if is_regex(r) => Ok(v.clone()),
        _ => Err(clause("Regex", fun, 1, &[r])),
    }
}

// ---------------------------------------------------------------- split

/// Every match's selected `{start, length}` pairs (global, index return).
fn index_matches(
    held: &Held,
    subject: &str,
    capture: &Capture,
    global: bool,
) -> Result<Vec<Vec<(i64, i64)>>> {
    let mut m = matcher(held.code())?;
    let mut out = Vec::new();
    let pairs = |m: &Matcher| -> Vec<(i64, i64)> {
        selected(m, capture)
            .into_iter()
            .map(|r| match r {
                Some((s, e)) => (s as i64, (e - s) as i64),
                None => (-1, 0),
            })
            .collect()
    };
    if global {
        all(&mut m, subject, 0, |m| {
            out.push(pairs(m));
            true
        })?;
    } else if first(&mut m, subject, 0)? {
        out.push(pairs(&m));
    }
    Ok(out)
}

pub(crate) fn split(r: &Value, s: &Value, opts: &Value) -> Result<Value> {
    let (Some(held), Some(subject)) = (code_of(r), s.as_str()) else {
        return Err(clause("Regex", "split", 3, &[r, s, opts]));
    };
    if !opts.is_list() {
        return Err(clause("Regex", "split", 3, &[r, s, opts]));
    }
    let trim = keyword_get(opts, "trim").cloned().unwrap_or(Value::FALSE);
    if subject.is_empty() {
        return Ok(if trim.is_truthy() {
            Value::Nil
        } else {
            Value::list(vec![Value::str("")])
        });
    }
    let held = held?;
    let capture = match keyword_get(opts, "on") {
        None => Capture::First,
        Some(spec) => capture_spec(held.code(), spec)?,
    };
    let matches = index_matches(&held, subject, &capture, true)?;
    if matches.is_empty() || matches!(capture, Capture::None) {
        return Ok(Value::list(vec![s.clone()]));
    }
    let counter = match keyword_get(opts, "parts") {
        None => 0,
        Some(Value::Atom(Atom::INFINITY)) => 0,
        Some(Value::Int(n)) if *n > 0 => *n,
        Some(other) => return Err(clause("Regex", "parts_to_index", 1, &[other])),
    };
    let with_captures = keyword_get(opts, "include_captures") == Some(&Value::TRUE);
    Ok(Value::list(do_split(
        subject,
        &matches,
        counter,
        trim == Value::TRUE,
        trim.is_truthy(),
        with_captures,
    )))
}

/// Elixir's `do_split/6`, as a loop: `trim_end` is its `true` clause (an
/// exhausted string ends the list), `trim` the `keep == 0 and trim` test.
fn do_split(
    subject: &str,
    matches: &[Vec<(i64, i64)>],
    mut counter: i64,
    trim_end: bool,
    trim: bool,
    with_captures: bool,
) -> Vec<Value> {
    let len = subject.len() as i64;
    let cut = |from: i64, to: i64| piece(subject, from as usize, to as usize);
    let mut out = Vec::new();
    let mut offset = 0i64;
    let mut pairs = matches.iter().flatten();
    loop {
        if trim_end && len <= offset {
            return out;
        }
        if counter == 1 {
            out.push(cut(offset, len));
            return out;
        }
        let Some(&(pos, length)) = pairs.next() else {
            out.push(cut(offset, len));
            return out;
        };
        if pos < offset {
            continue;
        }
        let keep = pos - offset;
        if with_captures {
            if !(keep == 0 && trim) {
                out.push(cut(offset, pos));
            }
            out.push(cut(pos, pos + length));
            counter -= 1;
        } else if !(keep == 0 && trim) {
            out.push(cut(offset, pos));
            counter -= 1;
        }
        offset = pos + length;
    }
}

// ---------------------------------------------------------------- replace

/// A piece of a string replacement: text, or a group's match.
enum Part {
    Text(String),
    Group(usize),
}

/// Elixir's `precompile_replacement/1` for a string: `\N` and `\g{N}` are
/// groups (`\0` the whole match), `\\` a backslash, anything else itself.
fn parse_replacement(r: &str) -> Result<Vec<Part>> {
    let b = r.as_bytes();
    let mut parts: Vec<Part> = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let digits_from = |mut j: usize| {
        let start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        (start, j)
    };
    let number = |s: &str| -> usize { s.parse::<usize>().unwrap_or(usize::MAX) };
    while i < b.len() {
        if b[i] == b'\\'
            && b.get(i + 1) == Some(&b'g')
            && b.get(i + 2) == Some(&b'{')
            && i + 3 < b.len()
        {
            let (s, e) = digits_from(i + 3);
            if b.get(e) != Some(&b'}') {
                // `{ns, <<?}, rest::binary>>} = pick_int(rest)` fails.
                return Err(error::match_error(Value::tuple(vec![
                    charlist(&r[s..e]),
                    Value::str(&r[e..]),
                ])));
            }
            if s == e {
                return Err(error::badarg_at(
                    1,
                    "not a textual representation of an integer",
                ));
            }
            flush(&mut parts, &mut text);
            parts.push(Part::Group(number(&r[s..e])));
            i = e + 1;
        } else if b[i] == b'\\' && b.get(i + 1) == Some(&b'\\') {
            text.push('\\');
            i += 2;
        } else if b[i] == b'\\' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            let (s, e) = digits_from(i + 1);
            flush(&mut parts, &mut text);
            parts.push(Part::Group(number(&r[s..e])));
            i = e;
        } else {
            // Whole characters: the tests above only look at ASCII bytes.
            let ch = r[i..].chars().next().unwrap_or('\u{FFFD}');
            text.push(ch);
            i += ch.len_utf8().max(1);
        }
    }
    flush(&mut parts, &mut text);
    Ok(parts)
}

fn flush(parts: &mut Vec<Part>, text: &mut String) {
    if !text.is_empty() {
        parts.push(Part::Text(std::mem::take(text)));
    }
}

/// A match's text for group `(pos, len)`; `""` when unset.
fn group_text(subject: &str, (pos, len): (i64, i64)) -> Value {
    if pos < 0 {
        return Value::str("");
    }
    piece(subject, pos as usize, (pos + len) as usize)
}

fn replace(r: &Value, s: &Value, rep: &Value, opts: &Value) -> Result<Step> {
    let (Some(held), Some(subject)) = (code_of(r), s.as_str()) else {
        return Err(clause("Regex", "replace", 4, &[r, s, rep, opts]));
    };
    if !opts.is_list() {
        return Err(clause("Regex", "replace", 4, &[r, s, rep, opts]));
    }
    let held = held?;
    let global = keyword_get(opts, "global") != Some(&Value::FALSE);
    let matches = index_matches(&held, subject, &Capture::All, global)?;
    if matches.is_empty() {
        return Ok(Step::Done(s.clone()));
    }
    if let Value::Fun(f) = rep {
        let job = Replace {
            subject: s.clone(),
            fun: rep.clone(),
            arity: f.arity() as usize,
            matches,
            next: 0,
            pos: 0,
            out: String::with_capacity(subject.len()),
        };
        return job.step();
    }
    let Some(rep_text) = rep.as_str() else {
        return Err(clause("Regex", "precompile_replacement", 1, &[rep]));
    };
    let parts = parse_replacement(rep_text)?;
    let mut out = String::with_capacity(subject.len());
    let mut pos = 0usize;
    for m in &matches {
        let (mpos, mlen) = m.first().copied().unwrap_or((pos as i64, 0));
        let (mpos, mend) = (
            mpos.max(pos as i64) as usize,
            (mpos + mlen).max(pos as i64) as usize,
        );
        out.push_str(subject.get(pos..mpos).unwrap_or_default());
        for p in &parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Group(g) => {
                    if let Some(range) = m.get(*g) {
                        if let Some(t) = group_text(subject, *range).as_str() {
                            out.push_str(t);
                        }
                    }
                }
            }
        }
        pos = mend;
    }
    out.push_str(subject.get(pos..).unwrap_or_default());
    Ok(Step::Done(Value::str(out)))
}

/// A replacement by a function, one call per match through the machine.
struct Replace {
    subject: Value,
    fun: Value,
    arity: usize,
    matches: Vec<Vec<(i64, i64)>>,
    next: usize,
    pos: usize,
    out: String,
}

impl Replace {
    fn step(mut self) -> Result<Step> {
        let subject = self.subject.as_str().unwrap_or_default();
        let Some(m) = self.matches.get(self.next) else {
            self.out
                .push_str(subject.get(self.pos..).unwrap_or_default());
            return Ok(Step::Done(Value::str(self.out)));
        };
        let (mpos, mlen) = m.first().copied().unwrap_or((self.pos as i64, 0));
        let mpos = mpos.max(self.pos as i64) as usize;
        let mend = (mpos as i64 + mlen).max(mpos as i64) as usize;
        self.out
            .push_str(subject.get(self.pos..mpos).unwrap_or_default());
        // Elixir's get_indexes: one argument per arity, `""` past the
        // groups the match has.
        let args: Vec<Value> = (0..self.arity)
            .map(|i| match m.get(i) {
                Some(range) => group_text(subject, *range),
                None => Value::str(""),
            })
            .collect();
        self.pos = mend;
        self.next += 1;
        let fun = self.fun.clone();
        Ok(Step::Call(
            Target::Fun(fun),
            args,
            Box::new(move |_: &mut Ctx, result: Value| -> Result<Step> {
                let text = iodata_text(&result)?;
                let mut job = self;
                job.out.push_str(&text);
                job.step()
            }),
        ))
    }
}

/// `IO.iodata_to_binary/1` of a replacement function's result.
fn iodata_text(v: &Value) -> Result<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if v.is_list() {
        if let Some(s) = crate::format::chardata_to_string(v) {
            return Ok(s);
        }
    }
    Err(error::badarg_at(1, "not an iodata term"))
}

// ---------------------------------------------------------------- escape

/// `Regex.escape/1`: a backslash before each character PCRE treats
/// specially (and before whitespace, which `x` would drop).
fn escape(s: &str) -> String {
    const ESCAPABLE: &[char] = &[
        '.', '^', '$', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '#', '-', '\\', '\t',
        '\n', '\x0B', '\x0C', '\r', ' ',
    ];
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if ESCAPABLE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------- inspect

/// How inspect prints a `%Regex{}` (Elixir's `Inspect.Regex`):
/// `~r/source/opts`, or `Regex.compile!("source", [opts])` when compiled
/// from an option list. `None` for a struct whose fields do not fit.
pub(crate) fn inspect_parts(v: &Value) -> Option<Inspected> {
    if !is_regex(v) {
        return None;
    }
    let n = names_();
    let source = v.map_get(n.source)?.as_str()?;
    let opts = v.map_get(n.opts)?;
    if opts.is_list() {
        return Some(Inspected::Call(v.map_get(n.source)?.clone(), opts.clone()));
    }
    Some(Inspected::Sigil(sigil_text(source, opts.as_str()?)))
}

pub(crate) enum Inspected {
    /// The whole text.
    Sigil(String),
    /// `Regex.compile!(source, opts)`, both to be inspected.
    Call(Value, Value),
}

/// `~r/.../mods` with Elixir's escaping: an escaped `/` written plain and
/// then every `/` escaped, `#{` escaped, control characters as escapes.
fn sigil_text(source: &str, mods: &str) -> String {
    let mut norm = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some('\\')) => {
                norm.push_str("\\\\");
                chars.next();
            }
            ('\\', Some('/')) => {
                norm.push('/');
                chars.next();
            }
            _ => norm.push(c),
        }
    }
    let mut out = String::with_capacity(norm.len() + 8);
    out.push_str("~r/");
    let mut chars = norm.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' => out.push_str("\\/"),
            '#' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push_str("\\#{");
            }
            '\x07' => out.push_str("\\a"),
            '\x0C' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0B' => out.push_str("\\v"),
            '\0' => out.push_str("\\0"),
            '\u{FEFF}' => out.push_str("\\uFEFF"),
            c if matches!(c as u32, 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..) => {
                out.push(c)
            }
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02X}", c as u32)),
            c => out.push_str(&format!("\\x{{{:04X}}}", c as u32)),
        }
    }
    out.push('/');
    out.push_str(mods);
    out
}

// ---------------------------------------------------------------- tests

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescape_keeps_pcre_escapes() {
        assert_eq!(unescape(r"a\nb"), "a\nb");
        assert_eq!(unescape(r"\d+\.\\n"), r"\d+\.\\n");
        assert_eq!(unescape("a\\\nb"), "ab");
        assert_eq!(unescape(r"\x41\u0041"), r"\x41\u0041");
    }

    #[test]
    fn replacement_parts() {
        let Ok(p) = parse_replacement(r"<\1\g{12}\\x\0>") else {
            panic!("a valid replacement");
        };
        let shown: Vec<String> = p
            .iter()
            .map(|p| match p {
                Part::Text(t) => format!("T{t}"),
                Part::Group(g) => format!("G{g}"),
            })
            .collect();
        assert_eq!(shown, ["T<", "G1", "G12", "T\\x", "G0", "T>"]);
        assert!(parse_replacement(r"\g{1").is_err());
    }

    #[test]
    fn sigil_text_escapes_as_elixir() {
        assert_eq!(sigil_text("a/b", ""), r"~r/a\/b/");
        assert_eq!(sigil_text(r"a\/b", "i"), r"~r/a\/b/i");
        assert_eq!(sigil_text("a\\\\/b", ""), r"~r/a\\\/b/");
        assert_eq!(sigil_text("\n\t\"#{x}", ""), "~r/\\n\\t\"\\#{x}/");
    }

    #[test]
    fn same_source_shares_code() {
        let a = compiled("a+b", Options::default()).unwrap();
        let b = compiled("a+b", Options::default()).unwrap();
        assert!(crate::term::equal(&a, &b));
        let mut caseless = Options::default();
        caseless.flags |= sys::PCRE2_CASELESS;
        let c = compiled("a+b", caseless).unwrap();
        assert!(!crate::term::equal(&a, &c));
    }
}
