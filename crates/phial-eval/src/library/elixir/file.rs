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
    }),
    def("write", 2, |_, a| write(&a[0], &a[1], &Value::Nil)),
    def("write", 3, |_, a| write(&a[0], &a[1], &a[2])),
    def("exists?", 1, |_, a| exists(&a[0], true)),
    def("exists?", 2, |_, a| exists(&a[0], follow(&a[1]))),
    def("regular?", 1, |_, a| is_kind(&a[0], true, |m| m.is_file())),
    def("regular?", 2, |_, a| {
        is_kind(&a[0], follow(&a[1]), |m| m.is_file())
    }),
    def("dir?", 1, |_, a| is_kind(&a[0], true, |m| m.is_dir())),
    def("dir?", 2, |_, a| {
        is_kind(&a[0], follow(&a[1]), |m| m.is_dir())
    }),
    def("rm", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::remove_file(&p) {
            // Erlang reports unlinking a directory as `:eperm`.
            Err(e) if e.raw_os_error() == Some(libc::EISDIR) => err_atom("eperm"),
            r => unit(r),
        })
    }),
    def("rmdir", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::remove_dir(&p) {
            Ok(()) => Value::OK,
            // Erlang reports a directory that is not empty as `:eexist`.
            Err(e) if e.raw_os_error() == Some(libc::ENOTEMPTY) => err_atom("eexist"),
            Err(e) => error(&e),
        })
    }),
    def("rm_rf", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(rm_rf(&p))
    }),
    def("mkdir", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(unit(std::fs::create_dir(&p)))
    }),
    def("mkdir_p", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::create_dir_all(&p) {
            Ok(()) => Value::OK,
            // A file in the way of a directory to make.
            Err(e) if e.kind() == ErrorKind::AlreadyExists => err_atom("eexist"),
            Err(e) => error(&e),
        })
    }),
    def("ls", 0, |_, _| Ok(ls("."))),
    def("ls", 1, |_, a| Ok(ls(&text(&a[0])?))),
    def("cwd", 0, |_, _| {
        Ok(match std::env::current_dir() {
            Ok(p) => ok(Value::str(p.to_string_lossy())),
            Err(e) => error(&e),
        })
    }),
    def("cd", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(unit(std::env::set_current_dir(&p)))
    }),
    def("rename", 2, |_, a| {
        let (from, to) = (text(&a[0])?, text(&a[1])?);
        Ok(unit(std::fs::rename(&from, &to)))
    }),
    def("ln_s", 2, |_, a| {
        let (from, to) = (text(&a[0])?, text(&a[1])?);
        Ok(unit(std::os::unix::fs::symlink(&from, &to)))
    }),
    def("ln", 2, |_, a| {
        let (from, to) = (text(&a[0])?, text(&a[1])?);
        Ok(unit(std::fs::hard_link(&from, &to)))
    }),
    def("read_link", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::read_link(&p) {
            Ok(t) => ok(Value::str(t.to_string_lossy())),
            Err(e) if e.kind() == ErrorKind::InvalidInput => err_atom("einval"),
            Err(e) => error(&e),
        })
    }),
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
    }),
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
