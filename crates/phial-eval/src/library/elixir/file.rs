//! `File` natives: the functions that return `:ok`, `{:ok, value}` or
//! `{:error, posix}` (Erlang's reason atoms, `:enoent`, `:eexist`, ...),
//! done with `std::fs` on the calling scheduler thread (file system calls
//! are short; the BEAM, too, runs them on the caller's behalf).
//!
//! Not here: the bang versions, `stat` (the `File.Stat` struct),
//! `stream!`, `open`, and what copies, touches or writes stats
//! (`file.ex`, on `:file`'s natives), reason texts (`erlang/file.rs`).
//! File contents are read as UTF-8 text (invalid bytes replaced) until
//! phial's strings become binaries.

use crate::atom::Atom;
use crate::error::Result;
use crate::library::elixir::path::text;
use crate::library::support::collections::proper;
use crate::library::{def, Native};
use crate::value::Value;
use std::io::{ErrorKind, Write};

pub const NATIVES: &[Native] = &[
    def("read", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::read(&p) {
            Ok(bytes) => ok(Value::str(String::from_utf8_lossy(&bytes))),
            Err(e) => error(&e),
        })
    })
    .doc(
        r#"read(path)"#,
        r#"Reads the whole file at `path`: `{:ok, binary}`, or `{:error, reason}`
with a POSIX reason such as `:enoent`.

    iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
    iex> File.write!(path, "hi")
    iex> File.read(path)
    {:ok, "hi"}"#,
    ),
    def("write", 2, |_, a| write(&a[0], &a[1], &Value::Nil)).doc(
        r#"write(path, content)"#,
        r#"Writes `content` (iodata) to `path`, creating or replacing the file;
`:ok` or `{:error, reason}`.

    iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
    iex> File.write(path, "hi")
    :ok"#,
    ),
    def("write", 3, |_, a| write(&a[0], &a[1], &a[2])).doc(
        r#"write(path, content, modes)"#,
        r#"Like `write/2`, opened with `modes` (`:append` adds to the end instead
of replacing).

    iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
    iex> File.write!(path, "hi")
    iex> File.write(path, "!", [:append])
    :ok"#,
    ),
    def("exists?", 1, |_, a| exists(&a[0], true)).doc(
        r#"exists?(path)"#,
        r#"Whether something (file, directory, ...) is at `path`.

    iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
    iex> File.write!(path, "hi")
    iex> File.exists?(path)
    true"#,
    ),
    def("exists?", 2, |_, a| exists(&a[0], follow(&a[1]))).doc(
        r#"exists?(path, opts)"#,
        r#"Like `exists?/1`; `raw: true` is accepted for compatibility.

    iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
    iex> File.write!(path, "hi")
    iex> File.exists?(path, [])
    true"#,
    ),
    def("regular?", 1, |_, a| is_kind(&a[0], true, |m| m.is_file())).doc(
        r#"regular?(path)"#,
        r#"Whether `path` is a regular file (not a directory, not missing).

    iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
    iex> File.write!(path, "hi")
    iex> File.regular?(path)
    true"#,
    ),
    def("regular?", 2, |_, a| {
        is_kind(&a[0], follow(&a[1]), |m| m.is_file())
    })
    .doc(
        r#"regular?(path, opts)"#,
        r#"Like `regular?/1`, with options as for `exists?/2`.

    iex> File.regular?(System.tmp_dir!(), [])
    false"#,
    ),
    def("dir?", 1, |_, a| is_kind(&a[0], true, |m| m.is_dir())).doc(
        r#"dir?(path)"#,
        r#"Whether `path` is a directory.

    iex> File.dir?(System.tmp_dir!())
    true"#,
    ),
    def("dir?", 2, |_, a| {
        is_kind(&a[0], follow(&a[1]), |m| m.is_dir())
    })
    .doc(
        r#"dir?(path, opts)"#,
        r#"Like `dir?/1`, with options as for `exists?/2`.

    iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
    iex> File.write!(path, "hi")
    iex> File.dir?(path, [])
    false"#,
    ),
    def("rm", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::remove_file(&p) {
            // Erlang reports unlinking a directory as `:eperm`.
            Err(e) if e.raw_os_error() == Some(libc::EISDIR) => err_atom("eperm"),
            r => unit(r),
        })
    })
    .doc(
        r#"rm(path)"#,
        r#"Removes the file at `path`: `:ok` or `{:error, reason}`. Directories
need `rmdir/1` or `rm_rf/1`.

    iex> File.rm("/no/such/file")
    {:error, :enoent}"#,
    ),
    def("rmdir", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::remove_dir(&p) {
            Ok(()) => Value::OK,
            // Erlang reports a directory that is not empty as `:eexist`.
            Err(e) if e.raw_os_error() == Some(libc::ENOTEMPTY) => err_atom("eexist"),
            Err(e) => error(&e),
        })
    })
    .doc(
        r#"rmdir(path)"#,
        r#"Removes the empty directory at `path`.

    iex> dir = Path.join(System.tmp_dir!(), "phial_doc_dir")
    iex> File.rm_rf!(dir)
    iex> File.mkdir_p!(dir)
    iex> File.rmdir(dir)
    :ok"#,
    ),
    def("rm_rf", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(rm_rf(&p))
    })
    .doc(
        r#"rm_rf(path)"#,
        r#"Removes `path` and, for a directory, everything under it: `{:ok,
removed_paths}`; a missing path gives `{:ok, []}`.

    iex> File.rm_rf("/no/such/dir")
    {:ok, []}"#,
    ),
    def("mkdir", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(unit(std::fs::create_dir(&p)))
    })
    .doc(
        r#"mkdir(path)"#,
        r#"Makes the directory `path`; its parent must exist. `{:error, :eexist}`
when it is already there.

    iex> dir = Path.join(System.tmp_dir!(), "phial_doc_dir")
    iex> File.rm_rf!(dir)
    iex> File.mkdir(dir)
    :ok"#,
    ),
    def("mkdir_p", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::create_dir_all(&p) {
            Ok(()) => Value::OK,
            // A file in the way of a directory to make.
            Err(e) if e.kind() == ErrorKind::AlreadyExists => err_atom("eexist"),
            Err(e) => error(&e),
        })
    })
    .doc(
        r#"mkdir_p(path)"#,
        r#"Makes the directory `path` and any missing parents; `:ok` when it
already exists.

    iex> dir = Path.join(System.tmp_dir!(), "phial_doc_dir")
    iex> File.mkdir_p(Path.join(dir, "a/b"))
    :ok"#,
    ),
    def("ls", 0, |_, _| Ok(ls("."))).doc(
        r#"ls()"#,
        r#"`ls/1` of the current directory.

    iex> File.ls() |> elem(0)
    :ok"#,
    ),
    def("ls", 1, |_, a| Ok(ls(&text(&a[0])?))).doc(
        r#"ls(path)"#,
        r#"The names in the directory `path` (not full paths, in no set order):
`{:ok, names}` or `{:error, reason}`.

    iex> dir = Path.join(System.tmp_dir!(), "phial_doc_dir")
    iex> File.rm_rf!(dir)
    iex> File.mkdir_p!(Path.join(dir, "b"))
    iex> File.ls(dir)
    {:ok, ["b"]}"#,
    ),
    def("cwd", 0, |_, _| {
        Ok(match std::env::current_dir() {
            Ok(p) => ok(Value::str(p.to_string_lossy())),
            Err(e) => error(&e),
        })
    })
    .doc(
        r#"cwd()"#,
        r#"The current working directory: `{:ok, path}`.

    iex> File.cwd() |> elem(0)
    :ok"#,
    ),
    def("cd", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(unit(std::env::set_current_dir(&p)))
    })
    .doc(
        r#"cd(path)"#,
        r#"Changes the current working directory of the whole VM to `path`.

    iex> File.cd(".")
    :ok"#,
    ),
    def("rename", 2, |_, a| {
        let (from, to) = (text(&a[0])?, text(&a[1])?);
        Ok(unit(std::fs::rename(&from, &to)))
    })
    .doc(
        r#"rename(source, destination)"#,
        r#"Moves `source` to `destination`, replacing a file already there.

    iex> copy = Path.join(System.tmp_dir!(), "phial_doc_copy.txt")
    iex> File.write!(copy, "x")
    iex> File.rename(copy, copy <> ".bak")
    :ok"#,
    ),
    def("ln_s", 2, |_, a| {
        let (from, to) = (text(&a[0])?, text(&a[1])?);
        Ok(unit(std::os::unix::fs::symlink(&from, &to)))
    })
    .doc(
        r#"ln_s(existing, new)"#,
        r#"Makes `new` a symbolic link to `existing` (which need not exist).

    iex> File.ln_s("/no/such/target", "/no/such/link")
    {:error, :enoent}"#,
    ),
    def("ln", 2, |_, a| {
        let (from, to) = (text(&a[0])?, text(&a[1])?);
        Ok(unit(std::fs::hard_link(&from, &to)))
    })
    .doc(
        r#"ln(existing, new)"#,
        r#"Makes `new` a hard link to the file `existing`.

    iex> File.ln("/no/such/file", "/no/such/link")
    {:error, :enoent}"#,
    ),
    def("read_link", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::read_link(&p) {
            Ok(t) => ok(Value::str(t.to_string_lossy())),
            Err(e) if e.kind() == ErrorKind::InvalidInput => err_atom("einval"),
            Err(e) => error(&e),
        })
    })
    .doc(
        r#"read_link(path)"#,
        r#"Where the symbolic link `path` points: `{:ok, target}`, or `{:error,
:einval}` when `path` is not a link.

    iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
    iex> File.write!(path, "hi")
    iex> File.read_link(path)
    {:error, :einval}"#,
    ),
    def("chmod", 2, |_, a| {
        use std::os::unix::fs::PermissionsExt;
        let p = text(&a[0])?;
        let Value::Int(mode) = a[1] else {
            return Err(crate::library::support::collections::clause(
                "File",
                "chmod",
                2,
                &[&a[0], &a[1]],
            ));
        };
        let perms = std::fs::Permissions::from_mode(mode as u32);
        Ok(unit(std::fs::set_permissions(&p, perms)))
    })
    .doc(
        r#"chmod(path, mode)"#,
        r#"Sets the permission bits of `path` to the integer `mode`.

    iex> path = Path.join(System.tmp_dir!(), "phial_doc.txt")
    iex> File.write!(path, "hi")
    iex> File.chmod(path, 0o644)
    :ok"#,
    ),
];

pub(crate) fn ok(v: Value) -> Value {
    Value::tuple(vec![Value::Atom(Atom::OK), v])
}

fn err_atom(reason: &str) -> Value {
    Value::tuple(vec![Value::atom("error"), Value::atom(reason)])
}

/// `{:error, posix}` for an OS error.
pub(crate) fn error(e: &std::io::Error) -> Value {
    Value::tuple(vec![Value::atom("error"), posix(e)])
}

fn unit(r: std::io::Result<()>) -> Value {
    match r {
        Ok(()) => Value::OK,
        Err(e) => error(&e),
    }
}

/// Erlang's POSIX reason atom for an OS error.
pub(crate) fn posix(e: &std::io::Error) -> Value {
    let name = match e.raw_os_error() {
        Some(libc::ENOENT) => "enoent",
        Some(libc::EACCES) => "eacces",
        Some(libc::EEXIST) => "eexist",
        Some(libc::ENOTDIR) => "enotdir",
        Some(libc::EISDIR) => "eisdir",
        Some(libc::EINVAL) => "einval",
        Some(libc::ENOTEMPTY) => "enotempty",
        Some(libc::EPERM) => "eperm",
        Some(libc::EBUSY) => "ebusy",
        Some(libc::EXDEV) => "exdev",
        Some(libc::ENOSPC) => "enospc",
        Some(libc::EROFS) => "erofs",
        Some(libc::ELOOP) => "eloop",
        Some(libc::ENAMETOOLONG) => "enametoolong",
        Some(libc::EMFILE) => "emfile",
        Some(libc::EBADF) => "ebadf",
        Some(libc::EIO) => "eio",
        Some(libc::ENXIO) => "enxio",
        Some(libc::EAGAIN) => "eagain",
        Some(libc::ESPIPE) => "espipe",
        Some(libc::EPIPE) => "epipe",
        Some(libc::ENODEV) => "enodev",
        Some(libc::EFBIG) => "efbig",
        Some(libc::EMLINK) => "emlink",
        _ => match e.kind() {
            ErrorKind::NotFound => "enoent",
            ErrorKind::PermissionDenied => "eacces",
            ErrorKind::AlreadyExists => "eexist",
            _ => "eio",
        },
    };
    Value::atom(name)
}

/// `follow: false`-style options: `[:raw]` is accepted and ignored.
fn follow(opts: &Value) -> bool {
    !crate::library::support::terms::keyword_get(opts, "follow_link")
        .is_some_and(|v| matches!(v, Value::Atom(Atom::FALSE)))
}

fn meta(p: &str, follow: bool) -> std::io::Result<std::fs::Metadata> {
    if follow {
        std::fs::metadata(p)
    } else {
        std::fs::symlink_metadata(p)
    }
}

fn exists(p: &Value, follow: bool) -> Result<Value> {
    let p = text(p)?;
    Ok(Value::bool(meta(&p, follow).is_ok()))
}

fn is_kind(p: &Value, follow: bool, test: fn(&std::fs::Metadata) -> bool) -> Result<Value> {
    let p = text(p)?;
    Ok(Value::bool(meta(&p, follow).is_ok_and(|m| test(&m))))
}

/// iodata as bytes: strings, bytes 0..=255 and nested lists.
pub(crate) fn iodata_bytes(v: &Value) -> Option<Vec<u8>> {
    crate::library::support::iodata::to_binary(v).map(|b| b.bytes().to_vec())
}

fn write(path: &Value, content: &Value, modes: &Value) -> Result<Value> {
    let p = text(path)?;
    let bytes = match iodata_bytes(content) {
        Some(b) => b,
        // `:utf8` writes chardata: code points past 255 as UTF-8.
        None => match crate::format::chardata_to_string(content) {
            Some(s) => s.into_bytes(),
            None => return Err(crate::error::badarg_at(2, "not valid iodata")),
        },
    };
    let modes: Vec<Value> = proper(modes).unwrap_or_default();
    let has = |m: &str| {
        modes
            .iter()
            .any(|v| v.as_atom().map(|a| a.as_str()) == Some(m))
    };
    let mut o = std::fs::OpenOptions::new();
    if has("append") {
        o.append(true).create(true);
    } else if has("exclusive") {
        o.write(true).create_new(true);
    } else {
        o.write(true).create(true).truncate(true);
    }
    Ok(match o.open(&p).and_then(|mut f| f.write_all(&bytes)) {
        Ok(()) => Value::OK,
        Err(e) => error(&e),
    })
}

fn ls(p: &str) -> Value {
    match std::fs::read_dir(p) {
        Ok(rd) => ok(Value::list(
            rd.flatten()
                .map(|e| Value::str(e.file_name().to_string_lossy()))
                .collect(),
        )),
        Err(e) => error(&e),
    }
}

/// `File.cp/2`: a file's bytes and permissions; a directory is `:eisdir`.
/// `File.rm_rf/1`: everything under `p` removed, children before their
/// directory; `{:ok, removed}` (a missing path removes nothing) or
/// `{:error, reason, path}`. Walks with its own stack.
fn rm_rf(p: &str) -> Value {
    let mut removed: Vec<Value> = Vec::new();
    // (path, children listed yet)
    let mut stack: Vec<(String, bool)> = vec![(p.to_string(), false)];
    while let Some((path, listed)) = stack.pop() {
        let m = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) if matches!(e.raw_os_error(), Some(libc::ENOENT | libc::ENOTDIR)) => continue,
            Err(e) => return rm_rf_error(&e, &path),
        };
        if m.is_dir() && !listed {
            stack.push((path.clone(), true));
            match std::fs::read_dir(&path) {
                Ok(rd) => {
                    for e in rd.flatten() {
                        let child = crate::library::elixir::path::join(
                            &path,
                            &e.file_name().to_string_lossy(),
                        );
                        stack.push((child, false));
                    }
                }
                Err(e) => return rm_rf_error(&e, &path),
            }
            continue;
        }
        let r = if m.is_dir() {
            std::fs::remove_dir(&path)
        } else {
            std::fs::remove_file(&path)
        };
        match r {
            Ok(()) => removed.push(Value::str(path)),
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return rm_rf_error(&e, &path),
        }
    }
    removed.reverse();
    ok(Value::list(removed))
}

fn rm_rf_error(e: &std::io::Error, path: &str) -> Value {
    Value::tuple(vec![Value::atom("error"), posix(e), Value::str(path)])
}
