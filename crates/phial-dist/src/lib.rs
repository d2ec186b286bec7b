//! phial's side of the Erlang distribution protocol: a node's listener and
//! EPMD registration, the connection table (one connection per peer, made
//! on demand, simultaneous attempts settled by the protocol's name rule),
//! and per connection a reader and a writer thread with ticks.
//!
//! The crate moves bytes: a message is a frame of External Term Format
//! terms (control message, then the payload), which the host encodes and
//! decodes. All I/O runs on this crate's own threads with blocking sockets,
//! never on a scheduler worker: the host hands frames to a connection's
//! writer through a channel, and the reader hands frames it receives to
//! [`Host::frame`].
//!
//! Not here: terms, pids, what a control message means (the host's, in
//! `phial-eval`'s `dist` module), the flags that start a node (`phial-cli`).

pub mod epmd;
pub mod handshake;

use parking_lot::Mutex;
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Shutdown, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What the distribution reports to the node it serves.
pub trait Host: Send + Sync + 'static {
    /// A message from `node`: the bytes after the pass-through tag, a
    /// control term and, for most, a payload term, each with its version
    /// byte.
    fn frame(&self, node: &str, bytes: &[u8]);
    /// A connection to `node` is up.
    fn node_up(&self, node: &str);
    /// The connection to `node` went down.
    fn node_down(&self, node: &str);
    /// A connection to `node` could not be made: what waited for it (the
    /// frames queued) is lost.
    fn unreachable(&self, node: &str);
    /// `node` was silent for `net_ticktime`; its connection goes down next
    /// (Erlang logs this as an error).
    fn not_responding(&self, node: &str);
    /// A connection attempt from `node` was refused: its challenge reply
    /// did not prove our cookie (Erlang logs this as an error).
    fn bad_cookie(&self, node: &str);
}

/// How a node starts.
pub struct Config {
    /// The full node name, `alive@host`.
    pub name: String,
    pub cookie: String,
    /// The interface the distribution listener binds.
    pub interface: IpAddr,
    /// `net_ticktime`: a peer silent this long is down; a tick goes out
    /// after a quarter of it without traffic.
    pub ticktime: Duration,
}

type Waiter = Box<dyn FnOnce(bool) + Send>;

enum Conn {
    /// A handshake in progress: frames and `connect` callers wait for it.
    /// `attempt` is the dialling thread's id, 0 when an accepted
    /// connection is the one in progress.
    Pending {
        attempt: u64,
        queue: Vec<Vec<u8>>,
        waiters: Vec<Waiter>,
    },
    Up {
        id: u64,
        tx: mpsc::Sender<Vec<u8>>,
        stream: TcpStream,
    },
}

/// A running node's distribution.
pub struct Dist {
    name: String,
    cookie: String,
    creation: u32,
    ticktime: Duration,
    port: u16,
    table: Mutex<HashMap<String, Conn>>,
    host: Arc<dyn Host>,
    ids: AtomicU64,
    _registration: epmd::Registration,
}

impl Dist {
    /// Listens, makes sure an EPMD runs, registers the name, and starts
    /// accepting connections.
    pub fn start(cfg: Config, host: Arc<dyn Host>) -> io::Result<Arc<Dist>> {
        let listener = TcpListener::bind((cfg.interface, 0))?;
        let port = listener.local_addr()?.port();
        epmd::ensure()?;
        let alive = cfg.name.split('@').next().unwrap_or("");
        let registration = epmd::register(alive, port)?;
        let dist = Arc::new(Dist {
            name: cfg.name,
            cookie: cfg.cookie,
            creation: registration.creation,
            ticktime: cfg.ticktime,
            port,
            table: Mutex::new(HashMap::new()),
            host,
            ids: AtomicU64::new(1),
            _registration: registration,
        });
        let d = dist.clone();
        std::thread::Builder::new()
            .name("dist-accept".into())
            .spawn(move || {
                for s in listener.incoming().flatten() {
                    let d = d.clone();
                    let _ = std::thread::Builder::new()
                        .name("dist-handshake".into())
                        .spawn(move || d.accept(s));
                }
            })?;
        Ok(dist)
    }

    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn creation(&self) -> u32 {
        self.creation
    }
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The peers with a connection up, in connection order.
    pub fn nodes(&self) -> Vec<String> {
        let t = self.table.lock();
        let mut up: Vec<(u64, String)> = t
            .iter()
            .filter_map(|(n, c)| match c {
                Conn::Up { id, .. } => Some((*id, n.clone())),
                Conn::Pending { .. } => None,
            })
            .collect();
        up.sort();
        up.into_iter().map(|(_, n)| n).collect()
    }

    /// Connects to `node` (if not connected) and calls `done` with whether
    /// the connection is up. `done` runs on a distribution thread or here.
    pub fn connect(self: &Arc<Self>, node: &str, done: Waiter) {
        if node == self.name {
            return done(true);
        }
        let mut t = self.table.lock();
        match t.get_mut(node) {
            Some(Conn::Up { .. }) => {
                drop(t);
                done(true)
            }
            Some(Conn::Pending { waiters, .. }) => waiters.push(done),
            None => {
                let attempt = self.ids.fetch_add(1, Ordering::Relaxed);
                t.insert(
                    node.to_string(),
                    Conn::Pending {
                        attempt,
                        queue: Vec::new(),
                        waiters: vec![done],
                    },
                );
                drop(t);
                self.dial(node.to_string(), attempt);
            }
        }
    }

    /// Sends a frame (control term, payload term) to `node`, connecting
    /// first if there is no connection, as the BEAM does.
    pub fn send(self: &Arc<Self>, node: &str, frame: Vec<u8>) {
        if node == self.name {
            return;
        }
        let mut t = self.table.lock();
        match t.get_mut(node) {
            Some(Conn::Up { tx, .. }) => {
                let _ = tx.send(frame);
            }
            Some(Conn::Pending { queue, .. }) => queue.push(frame),
            None => {
                let attempt = self.ids.fetch_add(1, Ordering::Relaxed);
                t.insert(
                    node.to_string(),
                    Conn::Pending {
                        attempt,
                        queue: vec![frame],
                        waiters: Vec::new(),
                    },
                );
                drop(t);
                self.dial(node.to_string(), attempt);
            }
        }
    }

    /// Closes the connection to `node`; false if there was none.
    pub fn disconnect(&self, node: &str) -> bool {
        match self.table.lock().get(node) {
            Some(Conn::Up { stream, .. }) => {
                let _ = stream.shutdown(Shutdown::Both);
                true
            }
            _ => false,
        }
    }

    fn dial(self: &Arc<Self>, node: String, attempt: u64) {
        let d = self.clone();
        let target = node.clone();
        let spawned = std::thread::Builder::new()
            .name("dist-connect".into())
            .spawn(move || match d.dial_now(&target) {
                Ok((stream, peer)) => d.established(&peer.name, stream, Some(attempt)),
                Err(_) => d.failed(&target, attempt),
            });
        if spawned.is_err() {
            self.failed(&node, attempt);
        }
    }

    fn dial_now(&self, node: &str) -> Result<(TcpStream, handshake::Peer), handshake::Failure> {
        let (alive, host) = node
            .split_once('@')
            .ok_or(handshake::Failure::Protocol("node name without @"))?;
        let port = epmd::port_please(alive, host)?
            .ok_or_else(|| handshake::Failure::Refused("not registered".into()))?;
        let addr = (host, port)
            .to_socket_addrs()?
            .find(|a| a.is_ipv4())
            .ok_or(handshake::Failure::Protocol("no address"))?;
        let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(7))?;
        s.set_nodelay(true)?;
        s.set_read_timeout(Some(Duration::from_secs(7)))?;
        let peer = handshake::client(&mut s, &self.name, self.creation, &self.cookie, || true)?;
        if peer.name != node {
            return Err(handshake::Failure::Protocol("the peer has another name"));
        }
        s.set_read_timeout(None)?;
        Ok((s, peer))
    }

    /// A handshake we were waiting for failed: tell who waited. An
    /// attempt superseded by an accepted connection changes nothing.
    fn failed(&self, node: &str, attempt: u64) {
        let mut t = self.table.lock();
        let ours = matches!(t.get(node), Some(Conn::Pending { attempt: a, .. }) if *a == attempt);
        if !ours {
            return;
        }
        if let Some(Conn::Pending { waiters, .. }) = t.remove(node) {
            drop(t);
            self.host.unreachable(node);
            for w in waiters {
                w(false);
            }
        }
    }

    fn accept(self: Arc<Self>, mut s: TcpStream) {
        let _ = s.set_nodelay(true);
        let _ = s.set_read_timeout(Some(Duration::from_secs(7)));
        let Ok((peer, _flags, _creation)) = handshake::accept_name(&mut s) else {
            return;
        };
        // The status, by the state of the table.
        let status: &[u8] = {
            let mut t = self.table.lock();
            match t.get_mut(&peer) {
                None => {
                    t.insert(
                        peer.clone(),
                        Conn::Pending {
                            attempt: 0,
                            queue: Vec::new(),
                            waiters: Vec::new(),
                        },
                    );
                    b"sok"
                }
                Some(Conn::Pending { attempt, .. }) if *attempt != 0 => {
                    // Both sides dialled: the greater name's attempt wins.
                    if peer.as_str() > self.name.as_str() {
                        *attempt = 0;
                        b"sok_simultaneous"
                    } else {
                        b"snok"
                    }
                }
                Some(Conn::Pending { .. }) => b"snok",
                Some(Conn::Up { .. }) => b"salive",
            }
        };
        if handshake::send(&mut s, status).is_err() {
            return self.failed(&peer, 0);
        }
        if status == b"snok" {
            return;
        }
        if status == b"salive" {
            // The peer says whether our connection is a stale one.
            match handshake::recv(&mut s) {
                Ok(a) if a == b"strue" => {
                    if let Some(Conn::Up { stream, .. }) = self.table.lock().remove(&peer) {
                        let _ = stream.shutdown(Shutdown::Both);
                    }
                    self.host.node_down(&peer);
                    self.table.lock().insert(
                        peer.clone(),
                        Conn::Pending {
                            attempt: 0,
                            queue: Vec::new(),
                            waiters: Vec::new(),
                        },
                    );
                }
                _ => return,
            }
        }
        match handshake::accept_rest(&mut s, &self.name, self.creation, &self.cookie) {
            Ok(()) => {
                let _ = s.set_read_timeout(None);
                self.established(&peer, s, None)
            }
            Err(e) => {
                if matches!(e, handshake::Failure::BadCookie) {
                    self.host.bad_cookie(&peer);
                }
                self.failed(&peer, 0)
            }
        }
    }

    /// A handshake succeeded: the connection's threads start, waiting
    /// frames go out, waiting callers hear `true`.
    fn established(self: &Arc<Self>, node: &str, stream: TcpStream, attempt: Option<u64>) {
        let (tx, rx) = mpsc::channel::<Vec<u8>>();
        let id = self.ids.fetch_add(1, Ordering::Relaxed);
        let (Ok(reader), Ok(writer)) = (stream.try_clone(), stream.try_clone()) else {
            return self.failed(node, attempt.unwrap_or(0));
        };
        let (queue, waiters) = {
            let mut t = self.table.lock();
            let pending = match t.get(node) {
                Some(Conn::Pending { attempt: a, .. }) => attempt.is_none_or(|x| x == *a),
                _ => false,
            };
            if !pending {
                // Superseded (a simultaneous attempt won): drop this one.
                let _ = stream.shutdown(Shutdown::Both);
                return;
            }
            let Some(Conn::Pending { queue, waiters, .. }) = t.insert(
                node.to_string(),
                Conn::Up {
                    id,
                    tx: tx.clone(),
                    stream,
                },
            ) else {
                return;
            };
            (queue, waiters)
        };
        for f in queue {
            let _ = tx.send(f);
        }
        drop(tx);
        let tick = self.ticktime / 4;
        let _ = std::thread::Builder::new()
            .name("dist-write".into())
            .spawn(move || write_loop(writer, rx, tick));
        let d = self.clone();
        let peer = node.to_string();
        let _ = std::thread::Builder::new()
            .name("dist-read".into())
            .spawn(move || {
                d.read_loop(&peer, reader);
                d.down(&peer, id);
            });
        self.host.node_up(node);
        for w in waiters {
            w(true);
        }
    }

    fn down(&self, node: &str, id: u64) {
        let mut t = self.table.lock();
        if matches!(t.get(node), Some(Conn::Up { id: i, .. }) if *i == id) {
            if let Some(Conn::Up { stream, .. }) = t.remove(node) {
                let _ = stream.shutdown(Shutdown::Both);
            }
            drop(t);
            self.host.node_down(node);
        }
    }

    fn read_loop(&self, node: &str, mut s: TcpStream) {
        let _ = s.set_read_timeout(Some(self.ticktime / 4));
        let mut last = Instant::now();
        let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            // Whole frames first.
            let mut at = 0;
            while buf.len() - at >= 4 {
                let n =
                    u32::from_be_bytes([buf[at], buf[at + 1], buf[at + 2], buf[at + 3]]) as usize;
                if buf.len() - at - 4 < n {
                    break;
                }
                let body = &buf[at + 4..at + 4 + n];
                if body.first() == Some(&112) {
                    self.host.frame(node, &body[1..]);
                }
                at += 4 + n;
            }
            buf.drain(..at);
            match s.read(&mut chunk) {
                Ok(0) => return,
                Ok(n) => {
                    last = Instant::now();
                    buf.extend_from_slice(&chunk[..n]);
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    if last.elapsed() >= self.ticktime {
                        // Silent past net_ticktime: the peer is gone.
                        self.host.not_responding(node);
                        return;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return,
            }
        }
    }
}

/// Writes frames as they come, batching what is already queued into one
/// write; a tick (an empty frame) after `tick` without traffic.
///
/// In a stream (the last batch held more than one frame) the thread
/// yields a few times before it blocks: a sender that finds it awake
/// queues without a wake-up, the cost that dominates pipelined sends.
fn write_loop(mut s: TcpStream, rx: mpsc::Receiver<Vec<u8>>, tick: Duration) {
    const YIELDS: u32 = 64;
    let mut out: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut streaming = false;
    loop {
        let mut next = None;
        if streaming {
            for _ in 0..YIELDS {
                if let Ok(f) = rx.try_recv() {
                    next = Some(Ok(f));
                    break;
                }
                std::thread::yield_now();
            }
        }
        let next = match next {
            Some(n) => n,
            None => rx.recv_timeout(tick),
        };
        let mut frames = 0;
        match next {
            Ok(f) => {
                push_frame(&mut out, &f);
                frames += 1;
                while out.len() < 256 * 1024 {
                    match rx.try_recv() {
                        Ok(f) => {
                            push_frame(&mut out, &f);
                            frames += 1;
                        }
                        Err(_) => break,
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => out.extend_from_slice(&[0, 0, 0, 0]),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
        streaming = frames > 1;
        if s.write_all(&out).is_err() {
            let _ = s.shutdown(Shutdown::Both);
            return;
        }
        out.clear();
    }
}

fn push_frame(out: &mut Vec<u8>, f: &[u8]) {
    out.extend_from_slice(&((f.len() + 1) as u32).to_be_bytes());
    out.push(112);
    out.extend_from_slice(f);
}
