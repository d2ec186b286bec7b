//! Messaging rules: ping-pong, a ring, selective receive order, `after`
//! firing and not firing (and stale timers), send_after, per-pair ordering
//! under two threads. Not here: exit signals (exits.rs), fairness and stress
//! (scheduling.rs).

mod common;
use common::*;
use phial_runtime::{Pid, Step};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

#[test]
fn ping_pong() {
    let rt = rt(2);
    const N: i64 = 100_000;
    let pong = rt.spawn(body(|cx| loop {
        match recv(cx, any) {
            Some(TT::Tuple(v)) => match (&v[0], &v[1]) {
                (TT::Pid(from), TT::Int(n)) => {
                    cx.send(*from, TT::Int(*n));
                    if *n == N {
                        return Step::Exit(atom("normal"));
                    }
                }
                _ => unreachable!(),
            },
            Some(_) => unreachable!(),
            None => return WAIT,
        }
    }));
    let mut next = 1;
    let ping = rt.spawn(body(move |cx| {
        if next == 1 {
            cx.send(pong, TT::Tuple(vec![TT::Pid(cx.self_pid()), TT::Int(1)]));
            next = 2;
        }
        loop {
            match recv(cx, any) {
                Some(TT::Int(n)) => {
                    assert_eq!(n, next - 1);
                    if n == N {
                        return Step::Exit(TT::Int(n));
                    }
                    cx.send(pong, TT::Tuple(vec![TT::Pid(cx.self_pid()), TT::Int(next)]));
                    next += 1;
                }
                Some(_) => unreachable!(),
                None => return WAIT,
            }
        }
    }));
    assert_eq!(rt.wait_exit(ping), Some(TT::Int(N)));
    assert_eq!(rt.wait_exit(pong), Some(atom("normal")));
    rt.shutdown();
}

#[test]
fn ring() {
    let rt = rt(2);
    const SIZE: usize = 1000;
    const ROUNDS: i64 = 100;
    // The head spawns the ring, then passes a counter around ROUNDS times.
    let head = rt.spawn(body({
        let mut next: Option<Pid> = None;
        move |cx| {
            if next.is_none() {
                let me = cx.self_pid();
                let mut prev = me;
                // Build backwards: each member forwards to the one spawned
                // before it; the last spawned is the head's successor.
                for _ in 1..SIZE {
                    let to = prev;
                    let (p, _) = cx.spawn(
                        body(move |cx| loop {
                            match recv(cx, any) {
                                Some(TT::Int(-1)) => {
                                    cx.send(to, TT::Int(-1));
                                    return Step::Exit(atom("normal"));
                                }
                                Some(m) => cx.send(to, m),
                                None => return WAIT,
                            }
                        }),
                        false,
                        false,
                    );
                    prev = p;
                }
                next = Some(prev);
                cx.send(prev, TT::Int(0));
            }
            let to = next.unwrap();
            loop {
                match recv(cx, any) {
                    Some(TT::Int(-1)) => return Step::Exit(atom("done")),
                    Some(TT::Int(n)) if n + 1 == ROUNDS => {
                        cx.send(to, TT::Int(-1));
                    }
                    Some(TT::Int(n)) => cx.send(to, TT::Int(n + 1)),
                    Some(_) => unreachable!(),
                    None => return WAIT,
                }
            }
        }
    }));
    // The head adds one per round: after ROUNDS rounds (ROUNDS*SIZE hops) it
    // sends the stop token once around.
    assert_eq!(rt.wait_exit(head), Some(atom("done")));
    rt.shutdown();
}

/// Each member adds one; the head checks the total.
#[test]
fn ring_counts_every_hop() {
    let rt = rt(2);
    const SIZE: usize = 500;
    let (tx, rx) = mpsc::channel();
    let head = rt.spawn(body({
        let mut first = true;
        move |cx| {
            if first {
                first = false;
                let mut prev = cx.self_pid();
                for _ in 1..SIZE {
                    let to = prev;
                    let (p, _) = cx.spawn(
                        body(move |cx| match recv(cx, any) {
                            Some(TT::Int(n)) => {
                                cx.send(to, TT::Int(n + 1));
                                Step::Exit(atom("normal"))
                            }
                            _ => WAIT,
                        }),
                        false,
                        false,
                    );
                    prev = p;
                }
                cx.send(prev, TT::Int(0));
            }
            match recv(cx, any) {
                Some(TT::Int(n)) => {
                    tx.send(n).unwrap();
                    Step::Exit(atom("normal"))
                }
                _ => WAIT,
            }
        }
    }));
    assert_eq!(rx.recv().unwrap(), SIZE as i64 - 1);
    rt.wait_exit(head);
    rt.shutdown();
}

#[test]
fn selective_receive_order() {
    let rt = rt(2);
    let (tx, rx) = mpsc::channel();
    let mut phase = 0;
    let p = rt.spawn(body(move |cx| {
        loop {
            match phase {
                // Wait for :x, skipping everything before it.
                0 => match recv(cx, |m| *m == atom("x")) {
                    Some(_) => {
                        tx.send(format!("got x; mailbox {}", cx.mailbox_len()))
                            .unwrap();
                        phase = 1;
                    }
                    None => return WAIT,
                },
                // A removal resets the save index: the skipped messages are
                // seen again, in arrival order.
                1 => match recv(cx, any) {
                    Some(TT::Atom("stop")) => return Step::Exit(atom("normal")),
                    Some(m) => tx.send(format!("{m:?}")).unwrap(),
                    None => return WAIT,
                },
                _ => unreachable!(),
            }
        }
    }));
    for a in ["a", "b", "c"] {
        rt.send(p, atom(a));
    }
    // The process may already have scanned a, b, c and parked with its save
    // index at 3: when x arrives only x is scanned.
    rt.send(p, atom("x"));
    assert_eq!(rx.recv().unwrap(), "got x; mailbox 3");
    rt.send(p, atom("d"));
    rt.send(p, atom("stop"));
    let got: Vec<String> = rx.iter().take(4).collect();
    assert_eq!(
        got,
        ["Atom(\"a\")", "Atom(\"b\")", "Atom(\"c\")", "Atom(\"d\")"]
    );
    rt.wait_exit(p);
    rt.shutdown();
}

/// On a wake-up only new messages are scanned.
#[test]
fn save_index_scans_only_new_messages() {
    let rt = rt(2);
    let scanned = Arc::new(AtomicUsize::new(0));
    let s2 = scanned.clone();
    let p = rt.spawn(body(move |cx| {
        match recv(cx, |m| {
            s2.fetch_add(1, Ordering::SeqCst);
            *m == atom("stop")
        }) {
            Some(_) => Step::Exit(atom("normal")),
            None => WAIT,
        }
    }));
    for i in 0..100 {
        rt.send(p, TT::Int(i));
    }
    rt.send(p, atom("stop"));
    rt.wait_exit(p);
    assert_eq!(scanned.load(Ordering::SeqCst), 101);
    rt.shutdown();
}

#[test]
fn after_fires() {
    let rt = rt(2);
    let mut deadline = None;
    let p = rt.spawn(body(move |cx| {
        let d = *deadline.get_or_insert_with(|| Instant::now() + Duration::from_millis(30));
        match recv(cx, any) {
            Some(m) => Step::Exit(m),
            None if Instant::now() >= d => Step::Exit(atom("timeout")),
            None => wait_until(d),
        }
    }));
    assert_eq!(rt.wait_exit(p), Some(atom("timeout")));
    rt.shutdown();
}

/// A message arrives before the deadline: the receive takes it, and the
/// timer of that wait, now stale, does not wake the next (untimed) wait.
#[test]
fn after_not_firing_and_stale_timer_ignored() {
    let rt = rt(2);
    let runs = Arc::new(AtomicUsize::new(0));
    let r2 = runs.clone();
    let (tx, rx) = mpsc::channel();
    let mut phase = 0;
    let mut deadline = None;
    let p = rt.spawn(body(move |cx| {
        r2.fetch_add(1, Ordering::SeqCst);
        loop {
            if phase == 0 {
                let d = *deadline.get_or_insert_with(|| Instant::now() + Duration::from_millis(80));
                match recv(cx, any) {
                    Some(m) => {
                        tx.send(m).unwrap();
                        phase = 1;
                    }
                    None if Instant::now() >= d => return Step::Exit(atom("timeout")),
                    None => return wait_until(d),
                }
            } else {
                return match recv(cx, any) {
                    Some(m) => Step::Exit(m),
                    None => WAIT,
                };
            }
        }
    }));
    rt.send(p, atom("hello"));
    assert_eq!(rx.recv().unwrap(), atom("hello"));
    // Let the stale 80 ms timer come and go, then finish.
    std::thread::sleep(Duration::from_millis(200));
    let before = runs.load(Ordering::SeqCst);
    rt.send(p, atom("bye"));
    assert_eq!(rt.wait_exit(p), Some(atom("bye")));
    // Exactly one more run: the "bye" wake-up. The stale timer woke nothing.
    assert_eq!(runs.load(Ordering::SeqCst), before + 1);
    rt.shutdown();
}

#[test]
fn send_after_and_cancel() {
    let rt = rt(2);
    let (tx, rx) = mpsc::channel();
    let mut started = false;
    let p = rt.spawn(body(move |cx| {
        if !started {
            started = true;
            let me = cx.self_pid();
            let t = cx.send_after(me, atom("cancelled"), Duration::from_millis(20));
            cx.send_after(me, atom("late"), Duration::from_millis(40));
            cx.send_after(me, atom("early"), Duration::from_millis(10));
            tx.send(cx.cancel_timer(t).is_some()).unwrap();
            tx.send(cx.cancel_timer(t).is_some()).unwrap();
        }
        match recv(cx, any) {
            Some(TT::Atom("late")) => Step::Exit(atom("late")),
            Some(m) => {
                assert_eq!(m, atom("early"));
                WAIT
            }
            None => WAIT,
        }
    }));
    assert_eq!(rt.wait_exit(p), Some(atom("late")));
    assert_eq!(rx.iter().take(2).collect::<Vec<_>>(), [true, false]);
    rt.shutdown();
}

/// Per-pair order with senders on both worker threads.
#[test]
fn per_pair_ordering_two_threads() {
    let rt = rt(2);
    const SENDERS: i64 = 8;
    const N: i64 = 50_000;
    let mut last = vec![-1i64; SENDERS as usize];
    let mut done = 0;
    let receiver = rt.spawn(body(move |cx| loop {
        match recv(cx, any) {
            Some(TT::Tuple(v)) => {
                let (TT::Int(s), TT::Int(i)) = (&v[0], &v[1]) else {
                    unreachable!()
                };
                if *i == -1 {
                    done += 1;
                    if done == SENDERS {
                        return Step::Exit(atom("ordered"));
                    }
                    continue;
                }
                if last[*s as usize] + 1 != *i {
                    return Step::Exit(atom("out_of_order"));
                }
                last[*s as usize] = *i;
            }
            Some(_) => unreachable!(),
            None => return WAIT,
        }
    }));
    for s in 0..SENDERS {
        let mut i = 0;
        rt.spawn(body(move |cx| {
            // Send in slices so the senders interleave on both threads.
            for _ in 0..1000 {
                if i == N {
                    cx.send(receiver, TT::Tuple(vec![TT::Int(s), TT::Int(-1)]));
                    return Step::Exit(atom("normal"));
                }
                cx.send(receiver, TT::Tuple(vec![TT::Int(s), TT::Int(i)]));
                i += 1;
            }
            Step::Yield
        }));
    }
    assert_eq!(rt.wait_exit(receiver), Some(atom("ordered")));
    rt.shutdown();
}

/// Messages then an exit signal from one sender arrive in that order.
#[test]
fn messages_before_exit_signal() {
    let rt = rt(2);
    let (tx, rx) = mpsc::channel();
    let mut got = Vec::new();
    let mut started = false;
    let w = rt.spawn(body(move |cx| {
        if !started {
            started = true;
            cx.set_trap_exit(true);
            let parent = cx.self_pid();
            cx.spawn(
                body(move |cx| {
                    for i in 0..1000 {
                        cx.send(parent, TT::Int(i));
                    }
                    Step::Exit(atom("boom"))
                }),
                true,
                false,
            );
        }
        loop {
            match recv(cx, any) {
                Some(TT::Exit(_, r)) => {
                    tx.send((got.clone(), *r)).unwrap();
                    return Step::Exit(atom("normal"));
                }
                Some(TT::Int(i)) => got.push(i),
                Some(_) => unreachable!(),
                None => return WAIT,
            }
        }
    }));
    let (got, reason) = rx.recv().unwrap();
    assert_eq!(got, (0..1000).collect::<Vec<_>>());
    assert_eq!(reason, atom("boom"));
    rt.wait_exit(w);
    rt.shutdown();
}
