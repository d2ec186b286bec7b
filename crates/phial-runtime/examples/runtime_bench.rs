//! Runtime benchmarks: prints the figures quoted in docs/scheduler.md.
//!
//! Run with `cargo run --release --example runtime_bench -p phial-runtime`.
//! Bodies are small hand-written state machines (an enum), standing in for
//! evaluator processes; the term type is a small enum. Not a test: it
//! asserts only that nothing was lost.

use crossbeam_utils::CachePadded;
use phial_runtime::{Body, Config, Cx, Pid, Ref, Runtime, Step, Term};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Clone, Debug, PartialEq)]
enum BT {
    Normal,
    Kill,
    Killed,
    Noproc,
    Int(u64),
    Other,
}

impl Term for BT {
    fn normal() -> Self {
        BT::Normal
    }
    fn kill() -> Self {
        BT::Kill
    }
    fn killed() -> Self {
        BT::Killed
    }
    fn noproc() -> Self {
        BT::Noproc
    }
    fn is_normal(&self) -> bool {
        *self == BT::Normal
    }
    fn is_kill(&self) -> bool {
        *self == BT::Kill
    }
    fn exit_message(_: Pid, _: Self) -> Self {
        BT::Other
    }
    fn down_message(_: Ref, _: Pid, _: Self) -> Self {
        BT::Other
    }
}

enum B {
    /// Parks on first run (counting itself in `parked`), exits on a message
    /// (counting itself in `ended`).
    Parked {
        c: Arc<Counters>,
        first: bool,
    },
    /// Spawns `left` Parked processes, 4000 per slice.
    Spawner {
        c: Arc<Counters>,
        left: u64,
    },
    /// Sends one message to each pid in `next..end`, 4000 per slice.
    Waker {
        next: u64,
        end: u64,
    },
    Ping {
        peer: Option<Pid>,
        left: u64,
        c: Arc<Counters>,
    },
    Pong,
    /// Ring member forwarding to `next`; the head counts hops.
    Ring {
        next: Option<Pid>,
        head: bool,
        left: u64,
        c: Arc<Counters>,
    },
    Sender {
        to: Pid,
        left: u64,
    },
    Receiver {
        want: u64,
        got: u64,
        c: Arc<Counters>,
    },
}

/// Padded so that the counters bumped by processes on both workers do not
/// share a cache line (the bench should measure the runtime, not that).
#[derive(Default)]
struct Counters {
    parked: CachePadded<AtomicU64>,
    ended: CachePadded<AtomicU64>,
    first_pid: CachePadded<AtomicU64>,
    done: CachePadded<AtomicU64>,
}

fn take_any(cx: &mut Cx<'_, BT, B>) -> Option<BT> {
    if cx.mailbox_len() > 0 {
        Some(cx.take_message(0))
    } else {
        None
    }
}

impl Body<BT> for B {
    fn run(&mut self, cx: &mut Cx<'_, BT, Self>) -> Step<BT> {
        const WAIT: Step<BT> = Step::Wait { deadline: None };
        match self {
            B::Parked { c, first } => {
                if take_any(cx).is_some() {
                    c.ended.fetch_add(1, Ordering::Relaxed);
                    return Step::Exit(BT::Normal);
                }
                if *first {
                    *first = false;
                    c.parked.fetch_add(1, Ordering::Relaxed);
                }
                WAIT
            }
            B::Spawner { c, left } => {
                for _ in 0..4000 {
                    if *left == 0 {
                        return Step::Exit(BT::Normal);
                    }
                    let (pid, _) = cx.spawn(
                        B::Parked {
                            c: c.clone(),
                            first: true,
                        },
                        false,
                        false,
                    );
                    if c.first_pid.load(Ordering::Relaxed) == 0 {
                        c.first_pid.store(pid.id(), Ordering::Relaxed);
                    }
                    *left -= 1;
                }
                Step::Yield
            }
            B::Waker { next, end } => {
                for _ in 0..4000 {
                    if *next == *end {
                        return Step::Exit(BT::Normal);
                    }
                    cx.send(Pid::new(0, *next), BT::Int(1));
                    *next += 1;
                }
                Step::Yield
            }
            B::Ping { peer, left, c } => {
                let me = cx.self_pid();
                let peer = *peer.get_or_insert_with(|| {
                    let (p, _) = cx.spawn(B::Pong, false, false);
                    p
                });
                if let Some(BT::Int(_)) = take_any(cx) {
                    *left -= 1;
                    if *left == 0 {
                        c.done.store(1, Ordering::Release);
                        cx.exit(peer, BT::Kill);
                        return Step::Exit(BT::Normal);
                    }
                }
                cx.send(peer, BT::Int(me.id()));
                WAIT
            }
            B::Pong => {
                while let Some(BT::Int(from)) = take_any(cx) {
                    cx.send(Pid::new(0, from), BT::Int(0));
                }
                WAIT
            }
            B::Ring {
                next,
                head,
                left,
                c,
            } => {
                if *head && next.is_none() {
                    // Build a ring of 1000: each member forwards to the one
                    // spawned before it; the last one is our successor.
                    let mut prev = cx.self_pid();
                    for _ in 1..1000 {
                        let (p, _) = cx.spawn(
                            B::Ring {
                                next: Some(prev),
                                head: false,
                                left: 0,
                                c: c.clone(),
                            },
                            false,
                            false,
                        );
                        prev = p;
                    }
                    *next = Some(prev);
                    cx.send(prev, BT::Int(0));
                    return WAIT;
                }
                let to = next.unwrap_or(cx.self_pid());
                while let Some(m) = take_any(cx) {
                    if *head {
                        *left -= 1;
                        if *left == 0 {
                            c.done.store(1, Ordering::Release);
                            return Step::Exit(BT::Normal);
                        }
                    }
                    cx.send(to, m);
                }
                WAIT
            }
            B::Sender { to, left } => {
                for _ in 0..4000 {
                    if *left == 0 {
                        return Step::Exit(BT::Normal);
                    }
                    cx.send(*to, BT::Int(*left));
                    *left -= 1;
                }
                Step::Yield
            }
            B::Receiver { want, got, c } => {
                while let Some(_m) = take_any(cx) {
                    *got += 1;
                    if *got == *want {
                        c.done.store(1, Ordering::Release);
                        return Step::Exit(BT::Normal);
                    }
                }
                WAIT
            }
        }
    }
}

fn rss() -> u64 {
    let s = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = s
        .split_whitespace()
        .nth(1)
        .and_then(|x| x.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes the struct we pass.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(ru.ru_utime) + tv(ru.ru_stime)
}

fn wait_for(f: impl Fn() -> bool) {
    while !f() {
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn main() {
    const N: u64 = 1_000_000;
    let rt: Runtime<BT, B> = Runtime::new(Config::default());
    println!(
        "phial-runtime bench: {} worker threads",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    // --- 1M parked processes: memory, and spawn + wake + end time ---
    for round in 0..2 {
        std::thread::sleep(Duration::from_millis(100));
        let base = rss();
        let c = Arc::new(Counters::default());
        let t0 = Instant::now();
        rt.spawn_detached(B::Spawner {
            c: c.clone(),
            left: N,
        });
        wait_for(|| c.parked.load(Ordering::Relaxed) == N);
        let t_parked = t0.elapsed();
        let parked_rss = rss();
        let t1 = Instant::now();
        let first = c.first_pid.load(Ordering::Relaxed);
        rt.spawn_detached(B::Waker {
            next: first,
            end: first + N,
        });
        wait_for(|| c.ended.load(Ordering::Relaxed) == N);
        let t_end = t1.elapsed();
        std::thread::sleep(Duration::from_millis(50));
        let after = rss();
        println!(
            "round {round}: 1M spawn+park {:.3} s, wake+end {:.3} s, total {:.3} s",
            t_parked.as_secs_f64(),
            t_end.as_secs_f64(),
            (t_parked + t_end).as_secs_f64()
        );
        println!(
            "  RSS baseline {:.1} MB, 1M parked {:.1} MB => {} B per parked process; after exit {:.1} MB",
            base as f64 / 1e6,
            parked_rss as f64 / 1e6,
            (parked_rss.saturating_sub(base)) / N,
            after as f64 / 1e6
        );
        // SAFETY: malloc_trim only releases free heap memory to the OS.
        #[cfg(target_env = "gnu")]
        unsafe {
            libc::malloc_trim(0);
        }
        println!("  after malloc_trim {:.1} MB", rss() as f64 / 1e6);
    }

    // --- ping-pong ---
    {
        let c = Arc::new(Counters::default());
        const RT: u64 = 1_000_000;
        let t = Instant::now();
        rt.spawn_detached(B::Ping {
            peer: None,
            left: RT,
            c: c.clone(),
        });
        wait_for(|| c.done.load(Ordering::Acquire) == 1);
        let e = t.elapsed();
        println!(
            "ping-pong: {RT} round trips in {:.3} s => {:.0} ns per round trip",
            e.as_secs_f64(),
            e.as_nanos() as f64 / RT as f64
        );
    }

    // --- ring ---
    {
        let c = Arc::new(Counters::default());
        const HOPS: u64 = 1_000_000; // 1000 processes x 1000 rounds
        let t = Instant::now();
        rt.spawn_detached(B::Ring {
            next: None,
            head: true,
            left: HOPS / 1000,
            c: c.clone(),
        });
        wait_for(|| c.done.load(Ordering::Acquire) == 1);
        let e = t.elapsed();
        println!(
            "ring: 1000 processes x 1000 rounds in {:.3} s => {:.0} ns per hop",
            e.as_secs_f64(),
            e.as_nanos() as f64 / HOPS as f64
        );
        std::thread::sleep(Duration::from_millis(20));
        for p in rt.processes() {
            rt.exit(p, BT::Kill);
        }
    }

    // --- 4 senders x 1M to one receiver ---
    {
        let c = Arc::new(Counters::default());
        let t = Instant::now();
        let r = rt.spawn_detached(B::Receiver {
            want: 4 * N,
            got: 0,
            c: c.clone(),
        });
        for _ in 0..4 {
            rt.spawn_detached(B::Sender { to: r, left: N });
        }
        wait_for(|| c.done.load(Ordering::Acquire) == 1);
        let e = t.elapsed();
        println!(
            "4 senders x 1M messages to one receiver: {:.3} s, all {} received",
            e.as_secs_f64(),
            4 * N
        );
    }

    // --- idle CPU ---
    {
        std::thread::sleep(Duration::from_millis(100));
        let live = rt.processes().len();
        let before = cpu_time();
        std::thread::sleep(Duration::from_secs(1));
        let used = cpu_time() - before;
        println!(
            "idle: {live} processes, CPU used over 1 s of idling: {} us",
            used.as_micros()
        );
    }
    let t = Instant::now();
    rt.shutdown();
    println!("shutdown: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
}
