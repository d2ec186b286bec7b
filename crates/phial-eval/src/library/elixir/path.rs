//! `Path` natives: the pure string operations on Unix paths with the edge
//! cases of Erlang's `filename` module that Elixir's `Path` builds on
//! (`basename("a/")` is `"a"`, `rootname(".ex")` is `""`, `extname(".bashrc")`
//! is `""`), plus `expand`/`absname` against the working directory and
//! `wildcard` over the file system.
//!
//! Not here: anything that reads or writes files (`file.rs`). Windows
//! paths (drive letters, `\`) are not handled: phial runs on Unix.

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::support::collections::clause;
use crate::library::support::terms::keyword_get;
use crate::library::{def, Native};
use crate::value::Value;

/// What `h Path` shows (the unit has no source to hold a `@moduledoc`).
pub const MODULEDOC: &str = r#"Operations on file paths as strings: splitting, joining, extensions,
making paths absolute or relative. Only `expand`, `absname` and
`wildcard` look outside the string (at the working directory or the
file system); nothing here reads or writes a file (see `File`).

    iex> Path.join("lib", "app.ex") |> Path.rootname()
    "lib/app""#;

pub const NATIVES: &[Native] = &[
    def("basename", 1, |_, a| {
        Ok(Value::str(basename(&text(&a[0])?)))
    })
    .doc(
        r#"basename(path)"#,
        r#"The last component of `path`, after its final `/` (a trailing `/` is
ignored).

    iex> Path.basename("/usr/lib/notes.txt")
    "notes.txt""#,
    ),
    def("basename", 2, |_, a| {
        let base = basename(&text(&a[0])?).to_string();
        let ext = text(&a[1])?;
        Ok(Value::str(match base.strip_suffix(ext.as_str()) {
            Some(stem) => stem.to_string(),
            None => base,
        }))
    })
    .doc(
        r#"basename(path, extension)"#,
        r#"Like `basename/1`, with `extension` cut off the end when it is there.

    iex> Path.basename("/usr/lib/notes.txt", ".txt")
    "notes""#,
    ),
    def("dirname", 1, |_, a| Ok(Value::str(dirname(&text(&a[0])?)))).doc(
        r#"dirname(path)"#,
        r#"Everything in `path` before its last component.

    iex> Path.dirname("/usr/lib/notes.txt")
    "/usr/lib""#,
    ),
    def("extname", 1, |_, a| Ok(Value::str(extname(&text(&a[0])?)))).doc(
        r#"extname(path)"#,
        r#"The extension of the last component, dot included: only its last one,
and `""` for none or for a dot file.

    iex> Path.extname("archive.tar.gz")
    ".gz""#,
    ),
    def("rootname", 1, |_, a| {
        Ok(Value::str(rootname(&text(&a[0])?)))
    })
    .doc(
        r#"rootname(path)"#,
        r#"`path` with the extension of its last component removed.

    iex> Path.rootname("/a/b/notes.txt")
    "/a/b/notes""#,
    ),
    def("rootname", 2, |_, a| {
        let p = text(&a[0])?;
        let ext = text(&a[1])?;
        Ok(Value::str(rootname_ext(&p, &ext)))
    })
    .doc(
        r#"rootname(path, extension)"#,
        r#"`path` without `extension`, if it ends with it.

    iex> Path.rootname("archive.tar.gz", ".gz")
    "archive.tar""#,
    ),
    def("split", 1, |_, a| {
        Ok(Value::list(
            split(&text(&a[0])?).into_iter().map(Value::str).collect(),
        ))
    })
    .doc(
        r#"split(path)"#,
        r#"The components of `path` as a list, a leading `/` as its own element.

    iex> Path.split("/usr/local/bin")
    ["/", "usr", "local", "bin"]"#,
    ),
    def("type", 1, |_, a| {
        Ok(Value::atom(if text(&a[0])?.starts_with('/') {
            "absolute"
        } else {
            "relative"
        }))
    })
    .doc(
        r#"type(name)"#,
        r#"`:absolute` for a path starting at the root, `:relative` otherwise.

    iex> Path.type("lib/x")
    :relative"#,
    ),
    def("relative", 1, |_, a| {
        Ok(Value::str(relative(&text(&a[0])?)))
    })
    .doc(
        r#"relative(name)"#,
        r#"`name` with its leading root removed, so that it is relative.

    iex> Path.relative("/usr/local")
    "usr/local""#,
    ),
    def("join", 1, |_, a| {
        let parts = match crate::library::support::collections::proper(&a[0]) {
            Some(p) if !p.is_empty() => p,
            _ => return Err(clause("Path", "join", 1, &[&a[0]])),
        };
        let mut acc = text(&parts[0])?;
        for p in &parts[1..] {
            acc = join(&acc, &text(p)?);
        }
        Ok(Value::str(acc))
    })
    .doc(
        r#"join(list)"#,
        r#"Joins a list of components with `/`, removing doubled separators.

    iex> Path.join(["a", "b", "c.ex"])
    "a/b/c.ex""#,
    ),
    def("join", 2, |_, a| {
        Ok(Value::str(join(&text(&a[0])?, &text(&a[1])?)))
    })
    .doc(
        r#"join(left, right)"#,
        r#"Joins two paths with one `/`; a leading `/` on `right` does not make it
absolute.

    iex> Path.join("a/", "/b")
    "a/b""#,
    ),
    def("absname", 1, |_, a| {
        Ok(Value::str(absname(&text(&a[0])?, &cwd()?)))
    })
    .doc(
        r#"absname(path)"#,
        r#"`path` made absolute against the current directory, without resolving
`..` or `.` (see `expand/1` for that).

    iex> Path.absname("/a/../b")
    "/a/../b""#,
    ),
    def("absname", 2, |_, a| {
        Ok(Value::str(absname(&text(&a[0])?, &text(&a[1])?)))
    })
    .doc(
        r#"absname(path, relative_to)"#,
        r#"Like `absname/1`, against `relative_to` instead of the current
directory.

    iex> Path.absname("x", "/tmp")
    "/tmp/x""#,
    ),
    def("expand", 1, |_, a| {
        let p = expand_home(&text(&a[0])?)?;
        Ok(Value::str(expand_dot(&absname(&p, &cwd()?))))
    })
    .doc(
        r#"expand(path)"#,
        r#"`path` made absolute, with `..` and `.` resolved and a leading `~`
replaced by the home directory.

    iex> Path.expand("/a/b/../c")
    "/a/c""#,
    ),
    def("expand", 2, |_, a| {
        let p = expand_home(&text(&a[0])?)?;
        let base = expand_home(&text(&a[1])?)?;
        Ok(Value::str(expand_dot(&absname(
            &absname(&p, &base),
            &cwd()?,
        ))))
    })
    .doc(
        r#"expand(path, relative_to)"#,
        r#"Like `expand/1`, a relative `path` taken against `relative_to`.

    iex> Path.expand("x/./y", "/base")
    "/base/x/y""#,
    ),
    def("relative_to", 2, |_, a| {
        Ok(Value::str(relative_to(&text(&a[0])?, &text(&a[1])?)))
    })
    .doc(
        r#"relative_to(path, from)"#,
        r#"`path` relative to the directory `from`, when it lies below it;
otherwise `path` unchanged.

    iex> Path.relative_to("/usr/local/bin", "/usr")
    "local/bin""#,
    ),
    def("relative_to_cwd", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(Value::str(match cwd() {
            Ok(c) => relative_to(&p, &c),
            Err(_) => p,
        }))
    })
    .doc(
        r#"relative_to_cwd(path)"#,
        r#"`relative_to/2` against the current directory.

    iex> Path.relative_to_cwd("plain/relative")
    "plain/relative""#,
    ),
    def("safe_relative", 1, |_, a| {
        Ok(safe_relative(&text(&a[0])?, &cwd().unwrap_or_default()))
    })
    .doc(
        r#"safe_relative(path)"#,
        r#"`{:ok, path}` with `..` resolved when a relative `path` stays inside the
current directory, `:error` when it is absolute or climbs out.

    iex> Path.safe_relative("../b")
    :error"#,
    ),
    def("safe_relative_to", 2, |_, a| {
        Ok(safe_relative(&text(&a[0])?, &text(&a[1])?))
    })
    .doc(
        r#"safe_relative_to(path, relative_to)"#,
        r#"Like `safe_relative/1`, checking that `path` stays inside
`relative_to`.

    iex> Path.safe_relative_to("a/b/../c", "/x")
    {:ok, "a/c"}"#,
    ),
    def("wildcard", 1, |_, a| wildcard(&text(&a[0])?, false)),
    def("wildcard", 2, |_, a| {
        let dot = keyword_get(&a[1], "match_dot").is_some_and(Value::is_truthy);
        wildcard(&text(&a[0])?, dot)
    })
    .doc(
        r#"wildcard(glob, opts \\ [])"#,
        r#"The files matching `glob` (`*`, `?`, `**`, `{a,b}`, `[a-z]`), sorted.
Files starting with a dot match only with `match_dot: true`.

    iex> Path.wildcard("/nonexistent-dir-*/x")
    []"#,
    ),
];

/// A path argument as text: a string or chardata, as Elixir's
/// `IO.chardata_to_string/1` takes it (which raises for anything else).
pub(crate) fn text(v: &Value) -> Result<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if v.is_list() {
        if let Some(s) = crate::format::chardata_to_string(v) {
            return Ok(s);
        }
    }
    Err(clause("IO", "chardata_to_string", 1, &[v]))
}

/// The working directory, as `File.cwd!/0` gives it.
pub(crate) fn cwd() -> Result<String> {
    std::env::current_dir()
        .map(|p| p.to_string_lossy().into_owned())
        .map_err(|_| error::runtime_error("could not get current working directory"))
}

/// `__DIR__` of a source file: its absolute directory.
pub(crate) fn source_dir(file: &str) -> String {
    let abs = match cwd() {
        Ok(c) => expand_dot(&absname(file, &c)),
        Err(_) => file.to_string(),
    };
    dirname(&abs)
}

/// The last component: trailing slashes do not count (`"a/"` is `"a"`).
pub(crate) fn basename(p: &str) -> &str {
    let trimmed = p.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    }
}

/// All but the last component; trailing slashes of what is left go.
pub(crate) fn dirname(p: &str) -> String {
    match p.rfind('/') {
        None => ".".into(),
        Some(i) => {
            let head = p[..i].trim_end_matches('/');
            if head.is_empty() {
                "/".into()
            } else {
                head.into()
            }
        }
    }
}

/// The last component's extension from its last dot; a dot that starts a
/// component (`.bashrc`) is no extension.
fn extname(p: &str) -> &str {
    let Some(i) = p.rfind('.') else {
        return "";
    };
    if p[i..].contains('/') || i == 0 || p.as_bytes()[i - 1] == b'/' {
        return "";
    }
    &p[i..]
}

/// Erlang's `filename:rootname/1`: the path without the last component's
/// extension. A dot right after a slash is part of the name; one at the
/// very start is not (`rootname(".ex")` is `""`, as Erlang has it).
fn rootname(p: &str) -> String {
    let mut root = String::new();
    let mut ext = String::new();
    let mut prev_slash = false;
    for c in p.chars() {
        match c {
            '/' => {
                root.push_str(&ext);
                ext.clear();
                root.push('/');
            }
            '.' if !prev_slash => {
                root.push_str(&ext);
                ext.clear();
                ext.push('.');
            }
            c if !ext.is_empty() => ext.push(c),
            c => root.push(c),
        }
        prev_slash = c == '/';
    }
    root
}

/// `rootname/2`: `ext` cut from the end, unless it is a whole component
/// after a slash (Erlang keeps `"a/.ex"`).
fn rootname_ext(p: &str, ext: &str) -> String {
    match p.strip_suffix(ext) {
        Some(stem) if !ext.is_empty() && !stem.ends_with('/') => stem.to_string(),
        _ => p.to_string(),
    }
}

/// `["/", "a", "b"]` for `"/a//b/"`; `[]` for `""`.
pub(crate) fn split(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    if p.starts_with('/') {
        out.push("/".to_string());
    }
    out.extend(
        p.split('/')
            .filter(|s| !s.is_empty())
            .map(|s| s.to_string()),
    );
    out
}

/// A path without its leading slash (`"/"` alone is `"."`).
fn relative(p: &str) -> String {
    if p == "/" {
        ".".into()
    } else {
        p.strip_prefix('/').unwrap_or(p).to_string()
    }
}

/// One trailing slash off (not off `"/"` itself).
fn remove_dir_sep(p: &str) -> &str {
    if p.len() > 1 {
        p.strip_suffix('/').unwrap_or(p)
    } else {
        p
    }
}

/// Elixir's `Path.join/2`.
pub(crate) fn join(left: &str, right: &str) -> String {
    let joined = if right == "/" {
        remove_dir_sep(left).to_string()
    } else if left.is_empty() {
        relative(right)
    } else if left == "/" {
        format!("/{}", relative(right))
    } else {
        format!("{}/{}", remove_dir_sep(left), relative(right))
    };
    remove_dir_sep(&joined).to_string()
}

/// Elixir's `Path.absname/2`: `path` after `base` unless absolute, with
/// repeated slashes and `/./` squeezed (no `..` resolved).
pub(crate) fn absname(path: &str, base: &str) -> String {
    if path.starts_with('/') {
        absname_join(path, "")
    } else {
        let left = absname_join(base, "");
        absname_join(&left, &relative(path))
    }
}

/// Elixir's `do_absname_join` on Unix: `name` then `rel` after a slash,
/// `//` and `/./` squeezed, no trailing slash.
fn absname_join(name: &str, rel: &str) -> String {
    let mut out: Vec<u8> = Vec::new();
    let push = |bytes: &[u8], out: &mut Vec<u8>| {
        for &b in bytes {
            if b == b'/' {
                if out.ends_with(b"/.") {
                    out.pop();
                    continue;
                }
                if out.ends_with(b"/") {
                    continue;
                }
            }
            out.push(b);
        }
    };
    push(name.as_bytes(), &mut out);
    if !rel.is_empty() {
        if !out.ends_with(b"/") {
            out.push(b'/');
        }
        push(rel.as_bytes(), &mut out);
    }
    if out.len() > 1 && out.ends_with(b"/") {
        out.pop();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// `~` and `~/x` as the home directory.
fn expand_home(p: &str) -> Result<String> {
    match p.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => {
            let home = std::env::var("HOME").map_err(|_| {
                error::runtime_error(
                    "could not find the user home, please set the HOME environment variable",
                )
            })?;
            Ok(format!("{home}{rest}"))
        }
        _ => Ok(p.to_string()),
    }
}

/// `.` and `..` resolved (`..` past the root stays at the root).
pub(crate) fn expand_dot(p: &str) -> String {
    let (abs, rest) = match p.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, p),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in rest.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." => {}
            s => parts.push(s),
        }
    }
    let body = parts.join("/");
    if abs {
        format!("/{body}")
    } else {
        body
    }
}

/// Elixir's `Path.relative_to/2`: the components of `path` past those of
/// `from`, or `path` itself when `from` is not a prefix.
pub(crate) fn relative_to(path: &str, from: &str) -> String {
    let p = split(path);
    let f = split(from);
    if p == f {
        return ".".into();
    }
    if p.len() > f.len() && p[..f.len()] == f[..] {
        let rest = &p[f.len()..];
        let mut acc = rest[0].clone();
        for r in &rest[1..] {
            acc = join(&acc, r);
        }
        return acc;
    }
    path.to_string()
}

/// `Path.safe_relative_to/2`: `{:ok, relative}` unless the path is
/// absolute or climbs out with `..`.
fn safe_relative(path: &str, base: &str) -> Value {
    let rel = if path.starts_with('/') {
        let r = relative_to(path, base);
        if r.starts_with('/') {
            return Value::atom("error");
        }
        r
    } else {
        path.to_string()
    };
    let mut depth: i64 = 0;
    let mut kept: Vec<&str> = Vec::new();
    for seg in rel.split('/').filter(|s| !s.is_empty()) {
        match seg {
            "." => {}
            ".." => {
                depth -= 1;
                if depth < 0 {
                    return Value::atom("error");
                }
                kept.pop();
            }
            s => {
                depth += 1;
                kept.push(s);
            }
        }
    }
    let out = if kept.is_empty() {
        String::new()
    } else {
        kept.join("/")
    };
    Value::tuple(vec![Value::Atom(Atom::OK), Value::str(out)])
}

/// `Path.wildcard/2`: matches sorted as Erlang's `filelib:wildcard` gives
/// them; `*` and `?` skip dot files unless `match_dot`.
fn wildcard(glob: &str, match_dot: bool) -> Result<Value> {
    if glob.contains('\0') {
        return Err(error::argument_error(format!(
            "cannot execute Path.wildcard/2 for path with null byte, got: {}",
            crate::format::inspect(&Value::str(glob))
        )));
    }
    let opts = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: !match_dot,
    };
    let mut found: Vec<String> = Vec::new();
    for pattern in expand_braces(glob) {
        let Ok(paths) = glob::glob_with(&pattern, opts) else {
            continue;
        };
        for p in paths.flatten() {
            let s = p.to_string_lossy().into_owned();
            // The glob crate drops a leading `./`; Erlang keeps the
            // pattern's spelling.
            let s = if pattern.starts_with("./") && !s.starts_with("./") {
                format!("./{s}")
            } else {
                s
            };
            if !found.contains(&s) {
                found.push(s);
            }
        }
    }
    found.sort();
    Ok(Value::list(found.into_iter().map(Value::str).collect()))
}

/// `a{b,c}d` as `abd` and `acd` (the glob crate has no braces); nested
/// braces expand inside out.
fn expand_braces(p: &str) -> Vec<String> {
    let Some(open) = p.find('{') else {
        return vec![p.to_string()];
    };
    let bytes = p.as_bytes();
    let mut depth = 0;
    let mut close = None;
    let mut commas = Vec::new();
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            b',' if depth == 1 => commas.push(i),
            _ => {}
        }
    }
    let Some(close) = close else {
        return vec![p.to_string()];
    };
    let mut alts = Vec::new();
    let mut start = open + 1;
    for c in commas.into_iter().chain(std::iter::once(close)) {
        alts.push(&p[start..c]);
        start = c + 1;
    }
    let (head, tail) = (&p[..open], &p[close + 1..]);
    let mut out = Vec::new();
    for alt in alts {
        out.extend(expand_braces(&format!("{head}{alt}{tail}")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filename_edge_cases_are_erlangs() {
        assert_eq!(basename("//a//b//"), "b");
        assert_eq!(dirname("//a//b//"), "//a//b");
        assert_eq!(dirname("/a"), "/");
        assert_eq!(rootname(".ex"), "");
        assert_eq!(rootname("a/.ex"), "a/.ex");
        assert_eq!(rootname("a/.."), "a/.");
        assert_eq!(extname(".."), ".");
        assert_eq!(extname("a/.ex"), "");
        assert_eq!(rootname_ext("a/.ex", ".ex"), "a/.ex");
        assert_eq!(join("a//", "//b//"), "a///b/");
        assert_eq!(absname("x", "y"), "y/x");
        assert_eq!(expand_dot("/a/b/../../.."), "/");
        assert_eq!(expand_braces("a{b,c{d,e}}f"), ["abf", "acdf", "acef"]);
    }
}
