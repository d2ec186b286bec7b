//! Starting a distributed node from the command line, with `elixir`'s
//! flags: `--sname NAME`, `--name NAME[@HOST]`, `--cookie COOKIE`. The
//! cookie is `~/.erlang.cookie` when no flag gives one, created as Erlang
//! creates it (20 uppercase letters, readable by the owner only).
//!
//! Environment: `PHIAL_DIST_INTERFACE` (the address the distribution
//! listener binds; every interface when unset, as Erlang's default),
//! `PHIAL_NET_TICKTIME` (seconds, `net_ticktime`, 60 by default).
//!
//! Not here: the protocol (`phial-dist`), the node table (`phial_eval::dist`).

use phial_eval::Vm;
use std::sync::{Arc, OnceLock};

/// The node flags given on the command line.
#[derive(Default, Clone)]
pub struct Flags {
    /// `(name, long)`: `--name` is long, `--sname` short.
    pub name: Option<(String, bool)>,
    pub cookie: Option<String>,
}

static FLAGS: OnceLock<Flags> = OnceLock::new();

/// Takes the node flags off the front of `args` (they come before the
/// script, `-e` or nothing, as with `elixir`). An error is a usage message.
pub fn take_flags(args: &mut Vec<String>) -> Result<(), String> {
    let mut flags = Flags::default();
    while let Some(first) = args.first() {
        let (long, cookie) = match first.as_str() {
            "--sname" => (false, false),
            "--name" => (true, false),
            "--cookie" => (false, true),
            _ => break,
        };
        let flag = args.remove(0);
        if args.is_empty() {
            return Err(format!("{flag} : missing argument"));
        }
        let value = args.remove(0);
        if cookie {
            flags.cookie = Some(value);
        } else {
            flags.name = Some((value, long));
        }
    }
    let _ = FLAGS.set(flags);
    Ok(())
}

/// The flags taken, if any.
pub fn flags() -> Flags {
    FLAGS.get().cloned().unwrap_or_default()
}

fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname writes at
    // most that many bytes.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return "localhost".into();
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// The full node name for `--sname`/`--name`.
pub fn full_name(name: &str, long: bool) -> String {
    if name.contains('@') {
        return name.to_string();
    }
    let host = hostname();
    if long {
        format!("{name}@{host}")
    } else {
        let short = host.split('.').next().unwrap_or(&host).to_string();
        format!("{name}@{short}")
    }
}

/// `~/.erlang.cookie`'s cookie, creating the file when there is none.
fn home_cookie() -> Result<String, String> {
    let home = std::env::var("HOME").map_err(|_| "HOME is not set".to_string())?;
    let path = std::path::Path::new(&home).join(".erlang.cookie");
    match std::fs::read_to_string(&path) {
        Ok(s) => Ok(s.trim().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // 20 uppercase letters from the OS's random source.
            let mut bytes = [0u8; 20];
            std::io::Read::read_exact(
                &mut std::fs::File::open("/dev/urandom").map_err(|e| e.to_string())?,
                &mut bytes,
            )
            .map_err(|e| e.to_string())?;
            for b in bytes.iter_mut() {
                *b = b'A' + *b % 26;
            }
            let cookie = String::from_utf8_lossy(&bytes).into_owned();
            use std::os::unix::fs::OpenOptionsExt;
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o400)
                .open(&path)
                .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
            std::io::Write::write_all(&mut f, cookie.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok(cookie)
        }
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// Starts the node the flags ask for (nothing without `--sname`/`--name`).
/// Returns the exit code on failure, the message printed as `erl` prints
/// its start-up failures.
pub fn start(vm: &Arc<Vm>) -> Result<(), i32> {
    let flags = flags();
    let Some((name, long)) = flags.name else {
        return Ok(());
    };
    let full = full_name(&name, long);
    let cookie = match flags.cookie {
        Some(c) => c,
        None => match home_cookie() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("phial: {e}");
                return Err(1);
            }
        },
    };
    let interface = match std::env::var("PHIAL_DIST_INTERFACE") {
        Ok(s) => match s.parse() {
            Ok(ip) => ip,
            Err(_) => {
                eprintln!("phial: PHIAL_DIST_INTERFACE is not an IP address: {s}");
                return Err(1);
            }
        },
        Err(_) => std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
    };
    let ticktime = std::env::var("PHIAL_NET_TICKTIME")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(60);
    match phial_eval::dist::start(
        vm,
        &full,
        &cookie,
        interface,
        std::time::Duration::from_secs(ticktime),
    ) {
        Ok(()) => Ok(()),
        Err(e) => {
            eprintln!("Protocol 'inet_tcp': the name {full} could not be registered: {e}");
            Err(1)
        }
    }
}
