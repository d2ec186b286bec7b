//! `:file` natives: `format_error/1` (the texts of Erlang's POSIX
//! reasons, which `File.Error` messages use), `read_file_info/1,2` (the
//! `#file_info{}` record `File.stat` converts), `get_cwd/0`, and open
//! files: `open/2` gives a device (a resource, where Erlang gives a pid)
//! that `read_line/1`, `read/2`, `write/2`, `close/1` and `IO` take;
//! `copy/2,3`, `write_file_info/2,3`, `change_owner/2`, `change_group/2`,
//! `list_dir/1`, `make_symlink/2`, `read_link/1` (what `File.cp_r`,
//! `File.touch/2` and `File.write_stat` are built on).
//!
//! Not here: Elixir's `File` (`elixir/file.rs`, `file.ex`), which works
//! on strings where these take and give charlists.

use crate::atom::Atom;
use crate::error::Result;
use crate::library::elixir::file::{error, ok};
use crate::library::elixir::path::text;
use crate::library::support::terms::keyword_get;
use crate::library::{def, Native};
use crate::value::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::MetadataExt;

pub const NATIVES: &[Native] = &[
    def("format_error", 1, |_, a| Ok(charlist(format_error(&a[0])))),
    def("read_file_info", 1, |_, a| {
        file_info(&a[0], &Value::Nil, true)
    }),
    def("read_file_info", 2, |_, a| file_info(&a[0], &a[1], true)),
    def("read_link_info", 1, |_, a| {
        file_info(&a[0], &Value::Nil, false)
    }),
    def("read_link_info", 2, |_, a| file_info(&a[0], &a[1], false)),
    def("open", 2, |_, a| open(&a[0], &a[1])),
    def("close", 1, |_, a| {
        Ok(match device(&a[0]) {
            Some(d) => {
                d.0.lock().take();
                Value::OK
            }
            None => Value::tuple(vec![Value::atom("error"), Value::atom("badarg")]),
        })
    }),
    def("read_line", 1, |_, a| Ok(read(&a[0], None))),
    def("read", 2, |_, a| match a[1] {
        Value::Int(n) if n >= 0 => Ok(read(&a[0], Some(n as usize))),
        _ => Err(crate::error::badarg()),
    }),
    def("write", 2, |_, a| {
        let Some(bytes) = crate::library::elixir::file::iodata_bytes(&a[1]) else {
            return Err(crate::error::badarg());
        };
        Ok(write(&a[0], &bytes))
    }),
    def("copy", 2, |_, a| {
        copy(&a[0], &a[1], &Value::atom("infinity"))
    }),
    def("copy", 3, |_, a| copy(&a[0], &a[1], &a[2])),
    def("write_file_info", 2, |_, a| {
        write_file_info(&a[0], &a[1], &Value::Nil)
    }),
    def("write_file_info", 3, |_, a| {
        write_file_info(&a[0], &a[1], &a[2])
    }),
    def("change_owner", 2, |_, a| {
        let (Value::Int(uid), p) = (&a[1], text(&a[0])?) else {
            return Err(crate::error::badarg());
        };
        Ok(chown(&p, Some(*uid), None))
    }),
    def("change_group", 2, |_, a| {
        let (Value::Int(gid), p) = (&a[1], text(&a[0])?) else {
            return Err(crate::error::badarg());
        };
        Ok(chown(&p, None, Some(*gid)))
    }),
    def("list_dir", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::read_dir(&p) {
            Ok(entries) => {
                let names: Vec<Value> = entries
                    .filter_map(|e| e.ok())
                    .map(|e| charlist(&e.file_name().to_string_lossy()))
                    .collect();
                ok(Value::list(names))
            }
            Err(e) => error(&e),
        })
    }),
    def("make_symlink", 2, |_, a| {
        let (from, to) = (text(&a[0])?, text(&a[1])?);
        Ok(match std::os::unix::fs::symlink(&from, &to) {
            Ok(()) => Value::OK,
            Err(e) => error(&e),
        })
    }),
    def("read_link", 1, |_, a| {
        let p = text(&a[0])?;
        Ok(match std::fs::read_link(&p) {
            Ok(t) => ok(charlist(&t.to_string_lossy())),
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) => {
                Value::tuple(vec![Value::atom("error"), Value::atom("einval")])
            }
            Err(e) => error(&e),
        })
    }),
    def("get_cwd", 0, |_, _| {
        Ok(match std::env::current_dir() {
            Ok(p) => ok(charlist(&p.to_string_lossy())),
            Err(e) => error(&e),
        })
    }),
];

/// An open file: `:file.open/2`'s device. Closing empties it; a
/// closed device reads and writes as `{:error, :terminated}`.
pub(crate) struct Device(pub parking_lot::Mutex<Option<BufReader<std::fs::File>>>);

pub(crate) fn device(v: &Value) -> Option<&Device> {
    match v {
        Value::Resource(r) => r.get::<Device>(),
        _ => None,
    }
}

fn open(path: &Value, modes: &Value) -> Result<Value> {
    let p = text(path)?;
    let modes = modes.list_to_vec().unwrap_or_default();
    let has = |m: &str| {
        modes
            .iter()
            .any(|v| v.as_atom().map(|a| a.as_str()) == Some(m))
    };
    let mut o = std::fs::OpenOptions::new();
    let (read, write, append) = (has("read"), has("write"), has("append"));
    if append {
        o.append(true).create(true);
    } else if write {
        o.write(true).create(true);
        if has("exclusive") {
            o.create_new(true);
        } else if !read {
            o.truncate(true);
        }
    }
    if read || !(write || append) {
        o.read(true);
    }
    Ok(match o.open(&p) {
        Ok(f) => ok(crate::value::Resource::value(
            "file",
            Device(parking_lot::Mutex::new(Some(BufReader::new(f)))),
        )),
        Err(e) => error(&e),
    })
}

fn terminated() -> Value {
    Value::tuple(vec![Value::atom("error"), Value::atom("terminated")])
}

/// A line (with its newline) or up to `n` characters' bytes; `:eof` at the end.
pub(crate) fn read(dev: &Value, n: Option<usize>) -> Value {
    let Some(d) = device(dev) else {
        return terminated();
    };
    let mut guard = d.0.lock();
    let Some(f) = guard.as_mut() else {
        return terminated();
    };
    let mut buf = Vec::new();
    let r = match n {
        None => f.read_until(b'\n', &mut buf).map(|_| ()),
        Some(n) => f.by_ref().take(n as u64).read_to_end(&mut buf).map(|_| ()),
    };
    match r {
        Err(e) => error(&e),
        Ok(()) if buf.is_empty() && n != Some(0) => Value::atom("eof"),
        Ok(()) => ok(Value::str(String::from_utf8_lossy(&buf))),
    }
}

pub(crate) fn write(dev: &Value, bytes: &[u8]) -> Value {
    let Some(d) = device(dev) else {
        return terminated();
    };
    let mut guard = d.0.lock();
    let Some(f) = guard.as_mut() else {
        return terminated();
    };
    match f.get_mut().write_all(bytes) {
        Ok(()) => Value::OK,
        Err(e) => error(&e),
    }
}

fn charlist(s: &str) -> Value {
    Value::list(s.chars().map(|c| Value::Int(c as i64)).collect())
}

/// `file:format_error/1`: Erlang's text for a reason.
pub(crate) fn format_error(reason: &Value) -> &'static str {
    match reason.as_atom().map(|a| a.as_str()).unwrap_or("") {
        "enoent" => "no such file or directory",
        "eacces" => "permission denied",
        "eexist" => "file already exists",
        "enotdir" => "not a directory",
        "eisdir" => "illegal operation on a directory",
        "einval" => "invalid argument",
        "enotempty" => "directory not empty",
        "eperm" => "not owner",
        "ebusy" => "file busy",
        "exdev" => "cross-domain link",
        "enospc" => "no space left on device",
        "erofs" => "read-only file system",
        "eloop" => "too many levels of symbolic links",
        "enametoolong" => "file name too long",
        "emfile" => "too many open files",
        "ebadf" => "bad file number",
        "eio" => "I/O error",
        "enxio" => "no such device or address",
        "eagain" => "resource temporarily unavailable",
        "espipe" => "invalid seek",
        "epipe" => "broken pipe",
        "enodev" => "no such device",
        "efbig" => "file too large",
        "emlink" => "too many links",
        "badarg" => "bad argument",
        "terminated" => "the file server process is terminated",
        _ => "unknown POSIX error",
    }
}

/// `{:file_info, size, type, access, atime, mtime, ctime, mode, links,
/// major_device, minor_device, inode, uid, gid}` as Erlang's record; times
/// as `{{y, m, d}, {h, min, s}}` in UTC (`:local` is taken as UTC too), or
/// seconds with `time: :posix`.
fn file_info(path: &Value, opts: &Value, follow: bool) -> Result<Value> {
    let p = text(path)?;
    let m = match if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    } {
        Ok(m) => m,
        Err(e) => return Ok(error(&e)),
    };
    let posix = keyword_get(opts, "time").and_then(Value::as_atom) == Some(Atom::new("posix"));
    let time = |secs: i64| {
        if posix {
            Value::Int(secs)
        } else {
            datetime(secs)
        }
    };
    let ft = m.file_type();
    let kind = if ft.is_dir() {
        "directory"
    } else if ft.is_file() {
        "regular"
    } else if ft.is_symlink() {
        "symlink"
    } else {
        "other"
    };
    let access = {
        let path = std::ffi::CString::new(p.as_bytes()).unwrap_or_default();
        // SAFETY: `path` is a NUL-terminated string that outlives the calls.
        let (r, w) = unsafe {
            (
                libc::access(path.as_ptr(), libc::R_OK) == 0,
                libc::access(path.as_ptr(), libc::W_OK) == 0,
            )
        };
        match (r, w) {
            (true, true) => "read_write",
            (true, false) => "read",
            (false, true) => "write",
            (false, false) => "none",
        }
    };
    let rdev = m.rdev();
    Ok(ok(Value::tuple(vec![
        Value::atom("file_info"),
        Value::Int(m.size() as i64),
        Value::atom(kind),
        Value::atom(access),
        time(m.atime()),
        time(m.mtime()),
        time(m.ctime()),
        Value::Int(m.mode() as i64),
        Value::Int(m.nlink() as i64),
        Value::Int(m.dev() as i64),
        Value::Int(((rdev >> 8) & 0xfff) as i64),
        Value::Int(m.ino() as i64),
        Value::Int(m.uid() as i64),
        Value::Int(m.gid() as i64),
    ])))
}

/// A path, or `{path, modes}` as `:file.copy/3` takes its ends.
fn copy_end(v: &Value) -> Result<(String, bool)> {
    match v {
        Value::Tuple(t) if t.len() == 2 => {
            let exclusive = t[1]
                .iter_list()
                .any(|m| m.as_atom() == Some(Atom::new("exclusive")));
            Ok((text(&t[0])?, exclusive))
        }
        v => Ok((text(v)?, false)),
    }
}

/// `:file.copy/3`: up to `count` bytes (or `:infinity`) from one file to
/// another, `{:ok, copied}`; an `:exclusive` destination must not exist.
fn copy(from: &Value, to: &Value, count: &Value) -> Result<Value> {
    let (src, _) = copy_end(from)?;
    let (dest, exclusive) = copy_end(to)?;
    let limit = match count {
        Value::Int(n) if *n >= 0 => Some(*n as u64),
        Value::Atom(a) if a.as_str() == "infinity" => None,
        _ => {
            return Ok(Value::tuple(vec![
                Value::atom("error"),
                Value::atom("badarg"),
            ]))
        }
    };
    let mut input = match std::fs::File::open(&src) {
        Ok(f) => f,
        Err(e) => return Ok(error(&e)),
    };
    if input.metadata().is_ok_and(|m| m.is_dir()) {
        return Ok(Value::tuple(vec![
            Value::atom("error"),
            Value::atom("eisdir"),
        ]));
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if exclusive {
        options.create_new(true);
    } else {
        options.create(true).truncate(true);
    }
    let mut output = match options.open(&dest) {
        Ok(f) => f,
        Err(e) => return Ok(error(&e)),
    };
    let copied = match limit {
        Some(n) => std::io::copy(&mut (&mut input).take(n), &mut output),
        None => std::io::copy(&mut input, &mut output),
    };
    Ok(match copied {
        Ok(n) => ok(Value::Int(n as i64)),
        Err(e) => error(&e),
    })
}

fn chown(path: &str, uid: Option<i64>, gid: Option<i64>) -> Value {
    let Ok(c) = std::ffi::CString::new(path) else {
        return Value::tuple(vec![Value::atom("error"), Value::atom("einval")]);
    };
    // -1 leaves that id as it is.
    let uid = uid.map_or(u32::MAX, |u| u as u32);
    let gid = gid.map_or(u32::MAX, |g| g as u32);
    // SAFETY: `c` is NUL-terminated and outlives the call.
    if unsafe { libc::chown(c.as_ptr(), uid, gid) } == 0 {
        Value::OK
    } else {
        error(&std::io::Error::last_os_error())
    }
}

/// `:file.write_file_info/2,3`: the mode, owner, group and access and
/// modification times of a `#file_info{}` record, each unless
/// `:undefined` (anything else is `{:error, :badarg}`). Times are `{{y, m, d}, {h, min, s}}` (UTC; `:local` is
/// taken as UTC too, phial knowing no time zone) or, with `time: :posix`,
/// seconds.
fn write_file_info(path: &Value, info: &Value, opts: &Value) -> Result<Value> {
    let p = text(path)?;
    let Value::Tuple(t) = info else {
        return Ok(Value::tuple(vec![
            Value::atom("error"),
            Value::atom("badarg"),
        ]));
    };
    if t.len() != 14 || t[0].as_atom() != Some(Atom::new("file_info")) {
        return Ok(Value::tuple(vec![
            Value::atom("error"),
            Value::atom("badarg"),
        ]));
    }
    let posix = keyword_get(opts, "time").and_then(Value::as_atom) == Some(Atom::new("posix"));
    let badarg = || Value::tuple(vec![Value::atom("error"), Value::atom("badarg")]);
    let undefined = |v: &Value| matches!(v, Value::Atom(a) if a.as_str() == "undefined");
    let seconds = |v: &Value| -> Option<Option<i64>> {
        match v {
            v if undefined(v) => Some(None),
            Value::Int(n) if posix => Some(Some(*n)),
            v => datetime_seconds(v).map(Some),
        }
    };
    let id = |v: &Value| -> Option<Option<i64>> {
        match v {
            v if undefined(v) => Some(None),
            Value::Int(n) => Some(Some(*n)),
            _ => None,
        }
    };
    let (Some(atime), Some(mtime), Some(mode), Some(uid), Some(gid)) = (
        seconds(&t[4]),
        seconds(&t[5]),
        id(&t[7]),
        id(&t[12]),
        id(&t[13]),
    ) else {
        return Ok(badarg());
    };
    if let Some(mode) = mode {
        use std::os::unix::fs::PermissionsExt;
        let perms = std::fs::Permissions::from_mode(mode as u32 & 0o7777);
        if let Err(e) = std::fs::set_permissions(&p, perms) {
            return Ok(error(&e));
        }
    }
    if uid.is_some() || gid.is_some() {
        let r = chown(&p, uid, gid);
        if r != Value::OK {
            return Ok(r);
        }
    }
    // As Erlang's: a missing access time is now, a missing modification
    // time is the access time.
    let (atime, mtime) = match (atime, mtime) {
        (None, None) => (None, None),
        (a, m) => {
            let a = a.unwrap_or_else(|| crate::library::support::time::system_ns() / 1_000_000_000);
            (Some(a), Some(m.unwrap_or(a)))
        }
    };
    if atime.is_some() || mtime.is_some() {
        let Ok(c) = std::ffi::CString::new(p.as_bytes()) else {
            return Err(crate::error::badarg());
        };
        let spec = |s: Option<i64>| match s {
            Some(secs) => libc::timespec {
                tv_sec: secs as libc::time_t,
                tv_nsec: 0,
            },
            None => libc::timespec {
                tv_sec: 0,
                tv_nsec: libc::UTIME_OMIT,
            },
        };
        let times = [spec(atime), spec(mtime)];
        // SAFETY: `c` is NUL-terminated, `times` holds two timespecs; both
        // outlive the call.
        if unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), 0) } != 0 {
            return Ok(error(&std::io::Error::last_os_error()));
        }
    }
    Ok(Value::OK)
}

/// `{{y, m, d}, {h, min, s}}` (UTC) as seconds since 1970.
fn datetime_seconds(v: &Value) -> Option<i64> {
    let Value::Tuple(t) = v else { return None };
    let (Value::Tuple(date), Value::Tuple(time)) = (t.first()?, t.get(1)?) else {
        return None;
    };
    let int = |t: &[Value], i: usize| match t.get(i) {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    };
    let (y, m, d) = (int(date, 0)?, int(date, 1)?, int(date, 2)?);
    let (h, mi, s) = (int(time, 0)?, int(time, 1)?, int(time, 2)?);
    // Howard Hinnant's days-from-civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + mi * 60 + s)
}

/// Seconds since 1970 as Erlang's `{{y, m, d}, {h, min, s}}` (UTC).
pub(crate) fn datetime(secs: i64) -> Value {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(mo <= 2);
    Value::tuple(vec![
        Value::tuple(vec![Value::Int(y), Value::Int(mo), Value::Int(d)]),
        Value::tuple(vec![
            Value::Int(rem / 3600),
            Value::Int(rem % 3600 / 60),
            Value::Int(rem % 60),
        ]),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes_round_trip() {
        for secs in [0, 86_399, 951_782_400, 1_700_000_000, -86_400] {
            assert_eq!(datetime_seconds(&datetime(secs)), Some(secs));
        }
    }

    #[test]
    fn datetimes_are_civil_utc() {
        assert_eq!(
            crate::format::inspect(&datetime(0)),
            "{{1970, 1, 1}, {0, 0, 0}}"
        );
        assert_eq!(
            crate::format::inspect(&datetime(951_782_400 + 3661)),
            "{{2000, 2, 29}, {1, 1, 1}}"
        );
    }
}
