//! The distribution handshake, both sides, in its OTP 23 form (`N`
//! messages with 64-bit flags and the creation), with the cookie
//! challenge: each side proves it knows the cookie by the MD5 of the cookie
//! followed by the other's challenge in decimal.
//!
//! Handshake messages are framed by a two-byte length. Not here: what
//! happens once the connection is up (`lib.rs`: four-byte frames, ticks).

use md5::{Digest, Md5};
use std::io::{self, Read, Write};
use std::net::TcpStream;

pub const PUBLISHED: u64 = 0x1;
pub const EXTENDED_REFERENCES: u64 = 0x4;
pub const DIST_MONITOR: u64 = 0x8;
pub const FUN_TAGS: u64 = 0x10;
pub const DIST_MONITOR_NAME: u64 = 0x20;
pub const NEW_FUN_TAGS: u64 = 0x80;
pub const EXTENDED_PIDS_PORTS: u64 = 0x100;
pub const EXPORT_PTR_TAG: u64 = 0x200;
pub const BIT_BINARIES: u64 = 0x400;
pub const NEW_FLOATS: u64 = 0x800;
pub const UNICODE_IO: u64 = 0x1000;
pub const SMALL_ATOM_TAGS: u64 = 0x4000;
pub const UTF8_ATOMS: u64 = 0x10000;
pub const MAP_TAG: u64 = 0x20000;
pub const BIG_CREATION: u64 = 0x40000;
pub const HANDSHAKE_23: u64 = 0x100_0000;
pub const MANDATORY_25_DIGEST: u64 = 0x400_0000;
pub const SPAWN: u64 = 1 << 32;
pub const ALIAS: u64 = 1 << 35;

/// What this node advertises. No atom cache (`DIST_HDR_ATOM_CACHE`), so
/// every message is a pass-through `p` frame of plain terms; no fragments,
/// `SPAWN`, which `:rpc.call` needs (OTP 25 runs it as a distributed spawn
/// of `:erpc`); `ALIAS`, without which a BEAM drops what it sends to an
/// alias, and so its `GenServer` replies to callers on this node.
pub const FLAGS: u64 = PUBLISHED
    | EXTENDED_REFERENCES
    | DIST_MONITOR
    | FUN_TAGS
    | DIST_MONITOR_NAME
    | NEW_FUN_TAGS
    | EXTENDED_PIDS_PORTS
    | EXPORT_PTR_TAG
    | BIT_BINARIES
    | NEW_FLOATS
    | UNICODE_IO
    | SMALL_ATOM_TAGS
    | UTF8_ATOMS
    | MAP_TAG
    | BIG_CREATION
    | HANDSHAKE_23
    | MANDATORY_25_DIGEST
    | SPAWN
    | ALIAS;

/// Why a handshake failed.
#[derive(Debug)]
pub enum Failure {
    Io(io::Error),
    /// The peer refused us (`nok`, `not_allowed`), or we refused it.
    Refused(String),
    /// The challenge reply did not prove the cookie.
    BadCookie,
    /// Not the protocol we speak.
    Protocol(&'static str),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

pub fn digest(challenge: u32, cookie: &str) -> [u8; 16] {
    let mut h = Md5::new();
    h.update(cookie.as_bytes());
    h.update(challenge.to_string().as_bytes());
    h.finalize().into()
}

pub fn challenge() -> u32 {
    let mut b = [0u8; 4];
    if getrandom::fill(&mut b).is_err() {
        // No OS randomness: still a different number per connection.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos() ^ d.as_secs() as u32)
            .unwrap_or(0x5eed);
        return t;
    }
    u32::from_be_bytes(b)
}

pub fn send(s: &mut TcpStream, body: &[u8]) -> io::Result<()> {
    let mut out = Vec::with_capacity(body.len() + 2);
    out.extend_from_slice(&(body.len() as u16).to_be_bytes());
    out.extend_from_slice(body);
    s.write_all(&out)
}

pub fn recv(s: &mut TcpStream) -> io::Result<Vec<u8>> {
    let mut len = [0u8; 2];
    s.read_exact(&mut len)?;
    let mut body = vec![0u8; u16::from_be_bytes(len) as usize];
    s.read_exact(&mut body)?;
    Ok(body)
}

fn be_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_be_bytes(a)
}

fn be_u32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// The peer a handshake ended with.
pub struct Peer {
    pub name: String,
    pub flags: u64,
    pub creation: u32,
}

/// The connecting side. `alive_answer` is asked when the peer says it
/// already has a connection from us (`alive`): true continues (ours is
/// stale), false gives up.
pub fn client(
    s: &mut TcpStream,
    me: &str,
    creation: u32,
    cookie: &str,
    alive_answer: impl FnOnce() -> bool,
) -> Result<Peer, Failure> {
    let mut name = vec![b'N'];
    name.extend_from_slice(&FLAGS.to_be_bytes());
    name.extend_from_slice(&creation.to_be_bytes());
    name.extend_from_slice(&(me.len() as u16).to_be_bytes());
    name.extend_from_slice(me.as_bytes());
    send(s, &name)?;
    let status = recv(s)?;
    match status.as_slice() {
        b"sok" | b"sok_simultaneous" => {}
        b"salive" => {
            // The answer the peer waits for (erl_dist 0.8 never sent it).
            if alive_answer() {
                send(s, b"strue")?;
            } else {
                send(s, b"sfalse")?;
                return Err(Failure::Refused("alive".into()));
            }
        }
        other => {
            return Err(Failure::Refused(
                String::from_utf8_lossy(other.get(1..).unwrap_or(&[])).into_owned(),
            ))
        }
    }
    let ch = recv(s)?;
    let (flags, their_challenge, their_creation, their_name) = match ch.first() {
        Some(b'N') if ch.len() >= 19 => {
            let nlen = u16::from_be_bytes([ch[17], ch[18]]) as usize;
            let name = ch
                .get(19..19 + nlen)
                .ok_or(Failure::Protocol("challenge"))?;
            (
                be_u64(&ch[1..9]),
                be_u32(&ch[9..13]),
                be_u32(&ch[13..17]),
                String::from_utf8_lossy(name).into_owned(),
            )
        }
        _ => return Err(Failure::Protocol("challenge")),
    };
    let mine = challenge();
    let mut reply = vec![b'r'];
    reply.extend_from_slice(&mine.to_be_bytes());
    reply.extend_from_slice(&digest(their_challenge, cookie));
    send(s, &reply)?;
    let ack = match recv(s) {
        Ok(a) => a,
        // A peer that found our digest wrong just closes.
        Err(_) => return Err(Failure::BadCookie),
    };
    if ack.len() != 17 || ack[0] != b'a' || ack[1..] != digest(mine, cookie) {
        return Err(Failure::BadCookie);
    }
    Ok(Peer {
        name: their_name,
        flags,
        creation: their_creation,
    })
}

/// The accepting side, up to the status: the peer's name and flags.
pub fn accept_name(s: &mut TcpStream) -> Result<(String, u64, u32), Failure> {
    let m = recv(s)?;
    match m.first() {
        Some(b'N') if m.len() >= 15 => {
            let nlen = u16::from_be_bytes([m[13], m[14]]) as usize;
            let name = m.get(15..15 + nlen).ok_or(Failure::Protocol("send_name"))?;
            Ok((
                String::from_utf8_lossy(name).into_owned(),
                be_u64(&m[1..9]),
                be_u32(&m[9..13]),
            ))
        }
        Some(b'n') if m.len() >= 7 => {
            let flags = be_u32(&m[3..7]) as u64;
            if flags & HANDSHAKE_23 == 0 {
                return Err(Failure::Protocol("a peer older than OTP 23"));
            }
            Ok((String::from_utf8_lossy(&m[7..]).into_owned(), flags, 0))
        }
        _ => Err(Failure::Protocol("send_name")),
    }
}

/// The accepting side after `sok`: challenge, check the reply, ack.
pub fn accept_rest(
    s: &mut TcpStream,
    me: &str,
    creation: u32,
    cookie: &str,
) -> Result<(), Failure> {
    let mine = challenge();
    let mut ch = vec![b'N'];
    ch.extend_from_slice(&FLAGS.to_be_bytes());
    ch.extend_from_slice(&mine.to_be_bytes());
    ch.extend_from_slice(&creation.to_be_bytes());
    ch.extend_from_slice(&(me.len() as u16).to_be_bytes());
    ch.extend_from_slice(me.as_bytes());
    send(s, &ch)?;
    let mut r = recv(s)?;
    // A peer that sent the old `n` name may complement its flags first.
    if r.first() == Some(&b'c') {
        r = recv(s)?;
    }
    if r.len() != 21 || r[0] != b'r' {
        return Err(Failure::Protocol("challenge_reply"));
    }
    if r[5..] != digest(mine, cookie) {
        return Err(Failure::BadCookie);
    }
    let theirs = be_u32(&r[1..5]);
    let mut ack = vec![b'a'];
    ack.extend_from_slice(&digest(theirs, cookie));
    send(s, &ack)?;
    Ok(())
}
