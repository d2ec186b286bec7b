//! EPMD, the Erlang Port Mapper: the client requests a node needs
//! (`ALIVE2_REQ` to register its name and port, `PORT_PLEASE2_REQ` to find
//! a peer's port) and a small compatible server for when no `epmd` runs and
//! none can be started.
//!
//! The wire format is EPMD's own (a two-byte length, then a request tag),
//! so Erlang nodes and `epmd -names` talk to the server as to the real one.
//! Not here: the distribution handshake (`handshake`), choosing the node's
//! name (`lib.rs`).

use parking_lot::Mutex;
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

const ALIVE2_REQ: u8 = 120;
const ALIVE2_RESP: u8 = 121;
const ALIVE2_X_RESP: u8 = 118;
const PORT_PLEASE2_REQ: u8 = 122;
const PORT2_RESP: u8 = 119;
const NAMES_REQ: u8 = 110;

/// EPMD's port: `ERL_EPMD_PORT`, else 4369, as Erlang reads it.
pub fn port() -> u16 {
    std::env::var("ERL_EPMD_PORT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4369)
}

fn request(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 2);
    out.extend_from_slice(&(body.len() as u16).to_be_bytes());
    out.extend_from_slice(body);
    out
}

/// A registration: the open connection EPMD keeps the name under (the
/// name is dropped when it closes), and the creation EPMD handed out.
pub struct Registration {
    _conn: TcpStream,
    pub creation: u32,
}

/// Registers `alive` (the part before `@`) at `port` with the local EPMD.
pub fn register(alive: &str, port: u16) -> io::Result<Registration> {
    let mut conn = TcpStream::connect_timeout(
        &SocketAddr::from((Ipv4Addr::LOCALHOST, self::port())),
        Duration::from_secs(5),
    )?;
    conn.set_nodelay(true)?;
    let mut body = vec![ALIVE2_REQ];
    body.extend_from_slice(&port.to_be_bytes());
    body.push(77); // a normal (visible) node
    body.push(0); // TCP/IPv4
    body.extend_from_slice(&6u16.to_be_bytes()); // highest version
    body.extend_from_slice(&5u16.to_be_bytes()); // lowest version
    body.extend_from_slice(&(alive.len() as u16).to_be_bytes());
    body.extend_from_slice(alive.as_bytes());
    body.extend_from_slice(&0u16.to_be_bytes()); // no extra
    conn.write_all(&request(&body))?;
    conn.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut tag = [0u8; 2];
    conn.read_exact(&mut tag)?;
    let creation = match tag {
        [ALIVE2_X_RESP, 0] => {
            let mut c = [0u8; 4];
            conn.read_exact(&mut c)?;
            u32::from_be_bytes(c)
        }
        [ALIVE2_RESP, 0] => {
            let mut c = [0u8; 2];
            conn.read_exact(&mut c)?;
            u16::from_be_bytes(c) as u32
        }
        _ => {
            return Err(io::Error::new(
                io::ErrorKind::AddrInUse,
                "the name is taken (epmd refused the registration)",
            ))
        }
    };
    conn.set_read_timeout(None)?;
    Ok(Registration {
        _conn: conn,
        creation,
    })
}

/// The distribution port of `alive` on `host`, from that host's EPMD.
pub fn port_please(alive: &str, host: &str) -> io::Result<Option<u16>> {
    let addr = (host, port())
        .to_socket_addrs()?
        .find(|a| a.is_ipv4())
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no address for host"))?;
    let mut conn = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    conn.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut body = vec![PORT_PLEASE2_REQ];
    body.extend_from_slice(alive.as_bytes());
    conn.write_all(&request(&body))?;
    let mut head = [0u8; 2];
    conn.read_exact(&mut head)?;
    if head != [PORT2_RESP, 0] {
        return Ok(None);
    }
    let mut p = [0u8; 2];
    conn.read_exact(&mut p)?;
    Ok(Some(u16::from_be_bytes(p)))
}

/// Whether an EPMD answers on this host.
pub fn running() -> bool {
    TcpStream::connect_timeout(
        &SocketAddr::from((Ipv4Addr::LOCALHOST, port())),
        Duration::from_millis(500),
    )
    .is_ok()
}

/// Makes sure an EPMD runs, as `erl` does: Erlang's own (`epmd -daemon`)
/// when it is installed, else this crate's server on a thread of this
/// process (which then serves other nodes too, for as long as it lives).
pub fn ensure() -> io::Result<()> {
    if running() {
        return Ok(());
    }
    let started = std::process::Command::new("epmd")
        .arg("-daemon")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if started {
        for _ in 0..50 {
            if running() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }
    serve()
}

/// The address the built-in server listens on: `ERL_EPMD_ADDRESS` (its
/// first address, as epmd reads that variable), else every interface.
fn server_addr() -> IpAddr {
    std::env::var("ERL_EPMD_ADDRESS")
        .ok()
        .and_then(|s| s.split(',').next().and_then(|a| a.trim().parse().ok()))
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

struct Entry {
    port: u16,
    node_type: u8,
    protocol: u8,
    high: u16,
    low: u16,
    extra: Vec<u8>,
}

/// Starts the built-in EPMD on a thread of its own.
pub fn serve() -> io::Result<()> {
    let listener = TcpListener::bind((server_addr(), port()))?;
    let names: Arc<Mutex<HashMap<String, Entry>>> = Arc::default();
    std::thread::Builder::new()
        .name("epmd".into())
        .spawn(move || {
            let mut creation: u32 = 1;
            for conn in listener.incoming().flatten() {
                creation = creation.wrapping_add(1).max(1);
                let names = names.clone();
                let c = creation;
                let _ = std::thread::Builder::new()
                    .name("epmd-conn".into())
                    .spawn(move || {
                        let _ = serve_one(conn, &names, c);
                    });
            }
        })?;
    Ok(())
}

fn serve_one(
    mut conn: TcpStream,
    names: &Mutex<HashMap<String, Entry>>,
    creation: u32,
) -> io::Result<()> {
    conn.set_nodelay(true)?;
    let mut len = [0u8; 2];
    conn.read_exact(&mut len)?;
    let mut body = vec![0u8; u16::from_be_bytes(len) as usize];
    conn.read_exact(&mut body)?;
    match body.first() {
        Some(&ALIVE2_REQ) if body.len() >= 13 => {
            let port = u16::from_be_bytes([body[1], body[2]]);
            let nlen = u16::from_be_bytes([body[9], body[10]]) as usize;
            let Some(name) = body.get(11..11 + nlen) else {
                return Ok(());
            };
            let name = String::from_utf8_lossy(name).into_owned();
            let extra = body.get(13 + nlen..).unwrap_or(&[]).to_vec();
            {
                let mut table = names.lock();
                if table.contains_key(&name) {
                    conn.write_all(&[ALIVE2_X_RESP, 1, 0, 0, 0, 0])?;
                    return Ok(());
                }
                table.insert(
                    name.clone(),
                    Entry {
                        port,
                        node_type: body[3],
                        protocol: body[4],
                        high: u16::from_be_bytes([body[5], body[6]]),
                        low: u16::from_be_bytes([body[7], body[8]]),
                        extra,
                    },
                );
            }
            let mut resp = vec![ALIVE2_X_RESP, 0];
            resp.extend_from_slice(&creation.to_be_bytes());
            conn.write_all(&resp)?;
            // The name lives as long as this connection.
            let mut sink = [0u8; 64];
            while matches!(conn.read(&mut sink), Ok(n) if n > 0) {}
            names.lock().remove(&name);
        }
        Some(&PORT_PLEASE2_REQ) => {
            let name = String::from_utf8_lossy(&body[1..]).into_owned();
            let table = names.lock();
            match table.get(&name) {
                Some(e) => {
                    let mut resp = vec![PORT2_RESP, 0];
                    resp.extend_from_slice(&e.port.to_be_bytes());
                    resp.push(e.node_type);
                    resp.push(e.protocol);
                    resp.extend_from_slice(&e.high.to_be_bytes());
                    resp.extend_from_slice(&e.low.to_be_bytes());
                    resp.extend_from_slice(&(name.len() as u16).to_be_bytes());
                    resp.extend_from_slice(name.as_bytes());
                    resp.extend_from_slice(&(e.extra.len() as u16).to_be_bytes());
                    resp.extend_from_slice(&e.extra);
                    conn.write_all(&resp)?;
                }
                None => conn.write_all(&[PORT2_RESP, 1])?,
            }
        }
        Some(&NAMES_REQ) => {
            let mut resp = (port() as u32).to_be_bytes().to_vec();
            for (name, e) in names.lock().iter() {
                resp.extend_from_slice(format!("name {name} at port {}\n", e.port).as_bytes());
            }
            conn.write_all(&resp)?;
        }
        _ => {}
    }
    Ok(())
}
