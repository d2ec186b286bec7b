//! Scheduling rules: a CPU hog does not starve others (shown by interleaving
//! order), no wake-up is ever lost (stress with random parking, repeated),
//! introspection, and prompt shutdown. Not here: message semantics.

mod common;
use common::*;
use phial_runtime::{Pid, Status, Step};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// Two hogs on one worker thread: every slice ends in Yield and goes to the
/// back of the queue, so their slices strictly alternate.
#[test]
fn cpu_hogs_interleave() {
    let rt = rt(1);
    let log = Arc::new(Mutex::new(Vec::new()));
    // Both hogs idle (yielding, unlogged) until both exist: otherwise the
    // first could finish all its slices before the test thread spawns the
    // second on a loaded machine.
    let go = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let hog = |id: u8, log: Arc<Mutex<Vec<u8>>>, go: Arc<std::sync::atomic::AtomicBool>| {
        let mut slices = 0;
        body(move |_cx| {
            if !go.load(std::sync::atomic::Ordering::Acquire) {
                return Step::Yield;
            }
            // Stand-in for 4000 reductions of work.
            let mut x = 0u64;
            for i in 0..10_000u64 {
                x = x.wrapping_mul(31).wrapping_add(i);
            }
            std::hint::black_box(x);
            log.lock().unwrap().push(id);
            slices += 1;
            if slices == 50 {
                Step::Exit(atom("normal"))
            } else {
                Step::Yield
            }
        })
    };
    let a = rt.spawn(hog(b'a', log.clone(), go.clone()));
    let b = rt.spawn(hog(b'b', log.clone(), go.clone()));
    go.store(true, std::sync::atomic::Ordering::Release);
    rt.wait_exit(a);
    rt.wait_exit(b);
    let log = log.lock().unwrap().clone();
    assert_eq!(log.len(), 100);
    // Once both have run, no process runs two slices in a row.
    let first_b = log.iter().position(|&c| c == b'b').unwrap();
    assert!(first_b <= 1, "{}", String::from_utf8_lossy(&log));
    for w in log.windows(2).take(98) {
        assert_ne!(w[0], w[1], "{}", String::from_utf8_lossy(&log));
    }
    rt.shutdown();
}

/// An endless hog and an echo process on one worker: the echo answers every
/// request while the hog keeps running.
#[test]
fn hog_does_not_starve_echo() {
    let rt = rt(1);
    let log = Arc::new(Mutex::new(Vec::new()));
    let l2 = log.clone();
    let hog = rt.spawn(body(move |_cx| {
        l2.lock().unwrap().push('h');
        Step::Yield
    }));
    let (tx, rx) = mpsc::channel();
    let l3 = log.clone();
    let echo = rt.spawn(body(move |cx| match recv(cx, any) {
        Some(m) => {
            l3.lock().unwrap().push('e');
            tx.send(m).unwrap();
            WAIT
        }
        None => WAIT,
    }));
    for i in 0..100 {
        rt.send(echo, TT::Int(i));
        assert_eq!(rx.recv().unwrap(), TT::Int(i));
    }
    rt.exit(hog, atom("kill"));
    assert_eq!(rt.wait_exit(hog), Some(atom("killed")));
    let log = log.lock().unwrap();
    assert_eq!(log.iter().filter(|&&c| c == 'e').count(), 100);
    assert!(log.iter().filter(|&&c| c == 'h').count() >= 100);
    rt.shutdown();
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Millions of sends; senders and receivers park at random (untimed waits,
/// short timed waits, yields). Every message must arrive exactly once and
/// every process must finish: a lost wake-up would hang the test.
#[test]
fn no_lost_wakeup_stress() {
    const SENDERS: usize = 4;
    const RECEIVERS: usize = 4;
    const PER_SENDER: u64 = 300_000;
    const REPS: u64 = 10;
    for rep in 0..REPS {
        let rt = rt(2);
        let mut receivers = Vec::new();
        for r in 0..RECEIVERS {
            let mut rng = Rng(0x1234_5678 + rep * 77 + r as u64);
            let mut count = 0i64;
            let mut dones = 0;
            receivers.push(rt.spawn(body(move |cx| {
                let k = rng.next() % 16;
                for _ in 0..k {
                    match recv(cx, any) {
                        Some(TT::Atom("done")) => {
                            dones += 1;
                            if dones == SENDERS {
                                return Step::Exit(TT::Int(count));
                            }
                        }
                        Some(_) => count += 1,
                        None => break,
                    }
                }
                if cx.mailbox_len() > 0 {
                    return Step::Yield;
                }
                match rng.next() % 4 {
                    0 => wait_until(Instant::now() + Duration::from_micros(rng.next() % 50)),
                    _ => WAIT,
                }
            })));
        }
        let targets: Arc<Vec<Pid>> = Arc::new(receivers.clone());
        for s in 0..SENDERS {
            let targets = targets.clone();
            let mut rng = Rng(0x9876_5432 + rep * 31 + s as u64);
            let mut sent = 0u64;
            rt.spawn(body(move |cx| {
                let burst = 1 + rng.next() % 2000;
                for _ in 0..burst {
                    if sent == PER_SENDER {
                        for &t in targets.iter() {
                            cx.send(t, atom("done"));
                        }
                        return Step::Exit(atom("normal"));
                    }
                    let t = targets[(rng.next() % targets.len() as u64) as usize];
                    cx.send(t, TT::Int(sent as i64));
                    sent += 1;
                }
                match rng.next() % 8 {
                    0 => wait_until(Instant::now() + Duration::from_micros(rng.next() % 30)),
                    _ => Step::Yield,
                }
            }));
        }
        let mut total = 0;
        for r in receivers {
            match rt.wait_exit(r) {
                Some(TT::Int(n)) => total += n,
                other => panic!("receiver ended with {other:?}"),
            }
        }
        assert_eq!(total as u64, SENDERS as u64 * PER_SENDER, "rep {rep}");
        rt.shutdown();
    }
}

/// Ping-pong pairs whose waits all park: many short wake/park cycles across
/// two threads, repeated.
#[test]
fn no_lost_wakeup_pairs() {
    for rep in 0..5 {
        let rt = rt(2);
        let mut ends = Vec::new();
        for _ in 0..50 {
            let echo = rt.spawn(body(|cx| loop {
                match recv(cx, any) {
                    Some(TT::Tuple(v)) => {
                        let TT::Pid(p) = v[0] else { unreachable!() };
                        if v[1] == TT::Int(-1) {
                            return Step::Exit(atom("normal"));
                        }
                        cx.send(p, v[1].clone());
                    }
                    Some(_) => unreachable!(),
                    None => return WAIT,
                }
            }));
            let mut n = 0;
            ends.push(rt.spawn(body(move |cx| {
                let me = cx.self_pid();
                if n == 0 {
                    cx.send(echo, TT::Tuple(vec![TT::Pid(me), TT::Int(0)]));
                    n = 1;
                }
                loop {
                    match recv(cx, any) {
                        Some(TT::Int(k)) if k == 2000 => {
                            cx.send(echo, TT::Tuple(vec![TT::Pid(me), TT::Int(-1)]));
                            return Step::Exit(TT::Int(k));
                        }
                        Some(TT::Int(k)) => {
                            cx.send(echo, TT::Tuple(vec![TT::Pid(me), TT::Int(k + 1)]))
                        }
                        _ => return WAIT,
                    }
                }
            })));
        }
        for e in ends {
            assert_eq!(rt.wait_exit(e), Some(TT::Int(2000)), "rep {rep}");
        }
        rt.shutdown();
    }
}

#[test]
fn introspection() {
    let rt = rt(2);
    let (tx, rx) = mpsc::channel();
    let a = rt.spawn(body(move |cx| {
        cx.set_trap_exit(true);
        let _ = tx.send(());
        WAIT
    }));
    rx.recv().unwrap();
    let b = rt.spawn(body(|_| WAIT));
    rt.send(a, atom("m1"));
    rt.send(a, atom("m2"));
    let ps = rt.processes();
    assert!(ps.contains(&a) && ps.contains(&b));
    assert!(ps.windows(2).all(|w| w[0] < w[1]));
    let info = rt.info(a).unwrap();
    assert_eq!(info.pid, a);
    assert!(info.trap_exit);
    assert_eq!(info.message_queue_len, 2);
    // a is woken by the messages and parks again after one slice.
    let mut status = info.status;
    while status != Status::Waiting {
        std::thread::yield_now();
        status = rt.info(a).unwrap().status;
    }
    assert!(a.id() >= 100);
    assert_eq!(a.to_string(), format!("#PID<0.{}.0>", a.id()));
    assert!(rt.info(phial_runtime::Pid::new(0, 1)).is_none());
    rt.exit(b, atom("kill"));
    assert_eq!(rt.wait_exit(b), Some(atom("killed")));
    assert!(rt.info(b).is_none());
    assert_eq!(rt.wait_exit(b), None);
    rt.shutdown();
}

/// Shutdown stops hogs and parked processes and wakes `wait_exit`.
#[test]
fn shutdown_is_prompt() {
    let rt = rt(2);
    let hog = rt.spawn(body(|_| Step::Yield));
    let parked = rt.spawn(body(|cx| {
        for _ in 0..10_000 {
            cx.spawn(body(|_| WAIT), false, false);
        }
        WAIT
    }));
    let rt2 = rt.clone();
    let waiter = std::thread::spawn(move || rt2.wait_exit(parked));
    while rt.processes().len() < 10_002 {
        std::thread::yield_now();
    }
    rt.shutdown();
    assert_eq!(waiter.join().unwrap(), None);
    assert!(rt.processes().is_empty());
    assert!(!rt.is_alive(hog));
}
