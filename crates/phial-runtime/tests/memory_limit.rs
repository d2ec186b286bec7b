//! Per-process memory limits and the process limit, with the runtime's
//! counting allocator installed as this test binary's global allocator: a
//! process whose measured size passes its `max_heap_size` is killed with
//! `:killed`; one whose allocation charge passes it only because what it
//! allocated went to another process is measured, found small, and lives
//! on; a spawn past the process limit is refused.
//!
//! Not here: what the evaluator counts (phial-eval's `heap.rs`, and the
//! `tests/cases/robust/max_heap_size_*` cases).

mod common;
use common::TT;
use phial_runtime::{Body, Config, Counting, Cx, HeapReport, MaxHeap, Pid, Runtime, Step};
use std::alloc::System;
use std::sync::mpsc;

#[global_allocator]
static ALLOC: Counting<System> = Counting(System);

enum Hog {
    /// Holds 64 KB more at each slice, under a limit of 100,000 words.
    Grow {
        held: Vec<Box<[u8]>>,
    },
    /// Sends `left` messages of about 16 KB each to `to`, holding nothing.
    Flood {
        to: Pid,
        left: u32,
    },
    /// Drops what it receives; ends after `left` messages.
    Sink {
        left: u32,
    },
    /// Spawns children that wait forever until the process limit refuses
    /// one, and says how many it got.
    Spawner {
        tx: Option<mpsc::Sender<usize>>,
    },
    Idle,
}

const LIMIT: MaxHeap = MaxHeap {
    size: 100_000,
    kill: true,
    error_logger: false,
};

impl Body<TT> for Hog {
    fn run(&mut self, cx: &mut Cx<'_, TT, Self>) -> Step<TT> {
        match self {
            Hog::Grow { held } => {
                cx.set_max_heap(LIMIT);
                held.push(vec![7u8; 64 * 1024].into_boxed_slice());
                if held.len() > 1000 {
                    return Step::Exit(TT::Atom("not_stopped"));
                }
                Step::Yield
            }
            Hog::Flood { to, left } => {
                cx.set_max_heap(LIMIT);
                for _ in 0..10 {
                    if *left == 0 {
                        return Step::Exit(TT::Atom("normal"));
                    }
                    *left -= 1;
                    cx.send(*to, TT::Tuple(vec![TT::Int(1); 1000]));
                }
                Step::Yield
            }
            Hog::Sink { left } => {
                cx.drain_new();
                while cx.mailbox_len() > 0 {
                    cx.take_message(0);
                    *left -= 1;
                }
                if *left == 0 {
                    Step::Exit(TT::Atom("normal"))
                } else {
                    Step::Wait { deadline: None }
                }
            }
            Hog::Spawner { tx } => {
                let mut n = 0;
                while cx.try_spawn(Hog::Idle, false, false, None).is_ok() {
                    n += 1;
                }
                if let Some(tx) = tx.take() {
                    let _ = tx.send(n);
                }
                Step::Exit(TT::Atom("normal"))
            }
            Hog::Idle => Step::Wait { deadline: None },
        }
    }

    fn heap_bytes(&self, messages: &mut dyn Iterator<Item = &TT>) -> usize {
        let queued = messages.count() * 16 * 1024;
        match self {
            Hog::Grow { held } => held.iter().map(|b| b.len()).sum::<usize>() + queued,
            _ => queued,
        }
    }

    fn heap_exceeded(&mut self, _pid: Pid, report: &HeapReport) {
        assert!(report.kill);
        assert!(report.heap_words > report.max_heap_words);
    }
}

fn rt(max_processes: usize) -> Runtime<TT, Hog> {
    Runtime::new(Config {
        threads: 2,
        max_processes,
    })
}

#[test]
fn a_process_over_its_limit_is_killed() {
    let rt = rt(0);
    let pid = rt.spawn(Hog::Grow { held: Vec::new() });
    assert_eq!(rt.wait_exit(pid), Some(TT::Atom("killed")));
    rt.shutdown();
}

#[test]
fn a_sender_is_not_killed_for_what_it_sent() {
    let rt = rt(0);
    // 2,000 messages of ~16 KB: 32 MB charged to the sender, 40 times
    // its limit, all of it freed by the sink.
    let sink = rt.spawn(Hog::Sink { left: 2000 });
    let flood = rt.spawn(Hog::Flood {
        to: sink,
        left: 2000,
    });
    assert_eq!(rt.wait_exit(flood), Some(TT::Atom("normal")));
    assert_eq!(rt.wait_exit(sink), Some(TT::Atom("normal")));
    rt.shutdown();
}

#[test]
fn a_spawn_past_the_process_limit_is_refused() {
    let rt = rt(10);
    let (tx, rx) = mpsc::channel();
    rt.spawn(Hog::Spawner { tx: Some(tx) });
    // The spawner itself is one of the ten.
    assert_eq!(rx.recv().unwrap(), 9);
    rt.shutdown();
}
