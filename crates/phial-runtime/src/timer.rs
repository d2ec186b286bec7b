//! The timer service: one thread, one binary heap of deadlines.
//!
//! Two kinds of timer: the wake-up of a timed `receive ... after` wait (it
//! carries the wait's generation, see state.rs, so it can only wake that wait)
//! and `send_after`. The heap holds `(deadline, id)` only; the action lives in
//! a map keyed by id, so cancelling is a map removal and a cancelled entry is
//! skipped when it surfaces. A process that resumes from a timed wait cancels
//! its timer (like BEAM's `remove_message`), and the heap is compacted when
//! most of it is dead, so a server doing millions of `call`s with a 5 s
//! timeout does not accumulate millions of stale entries.
//!
//! The thread sleeps on a condition variable until the earliest deadline (or
//! indefinitely when there is none): an idle runtime's timer uses no CPU.
//! Deadlines are "not before": the thread fires everything whose deadline has
//! passed each time it wakes.
//!
//! Not here: what waking means (state.rs, scheduler.rs).

use crate::body::{Body, Term};
use crate::mailbox::Signal;
use crate::pid::Pid;
use crate::process::Proc;
use crate::runtime::Shared;
use crate::scheduler::Origin;
use parking_lot::{Condvar, Mutex, MutexGuard};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::num::NonZeroU64;
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

pub(crate) enum Action<T, B> {
    Wake(Weak<Proc<T, B>>, u32),
    Send(Pid, T),
}

struct Entry<T, B> {
    deadline: Instant,
    action: Action<T, B>,
}

struct TimerState<T, B> {
    heap: BinaryHeap<Reverse<(Instant, u64)>>,
    live: HashMap<u64, Entry<T, B>>,
    shutdown: bool,
}

pub(crate) struct Timers<T, B> {
    st: Mutex<TimerState<T, B>>,
    cv: Condvar,
}

impl<T, B> Timers<T, B> {
    pub(crate) fn new() -> Self {
        Timers {
            st: Mutex::new(TimerState {
                heap: BinaryHeap::new(),
                live: HashMap::new(),
                shutdown: false,
            }),
            cv: Condvar::new(),
        }
    }

    /// Arm a timer with a caller-chosen unique id (drawn from the ref counter).
    pub(crate) fn add(&self, id: NonZeroU64, deadline: Instant, action: Action<T, B>) {
        let mut st = self.st.lock();
        if st.shutdown {
            return;
        }
        let id = id.get();
        let earliest = st.heap.peek().is_none_or(|Reverse((d, _))| deadline < *d);
        st.heap.push(Reverse((deadline, id)));
        st.live.insert(id, Entry { deadline, action });
        drop(st);
        if earliest {
            self.cv.notify_one();
        }
    }

    /// Cancel; the time that was left if it had not fired yet.
    pub(crate) fn cancel(&self, id: u64) -> Option<Duration> {
        let mut st = self.st.lock();
        let e = st.live.remove(&id)?;
        // Compact when at least half the heap is dead entries.
        if st.heap.len() > 1024 && st.heap.len() > 2 * st.live.len() {
            let TimerState { heap, live, .. } = &mut *st;
            heap.retain(|Reverse((_, id))| live.contains_key(id));
        }
        Some(e.deadline.saturating_duration_since(Instant::now()))
    }

    /// The time left before timer `id` fires, or None if it fired or was
    /// cancelled (`erlang:read_timer/1`).
    pub(crate) fn remaining(&self, id: u64) -> Option<Duration> {
        let st = self.st.lock();
        let e = st.live.get(&id)?;
        Some(e.deadline.saturating_duration_since(Instant::now()))
    }

    pub(crate) fn shutdown(&self) {
        let mut st = self.st.lock();
        st.shutdown = true;
        st.heap.clear();
        let live = std::mem::take(&mut st.live);
        drop(st);
        self.cv.notify_all();
        drop(live);
    }
}

/// The timer thread's loop.
pub(crate) fn timer_main<T: Term, B: Body<T>>(shared: Arc<Shared<T, B>>) {
    let timers = &shared.timers;
    let mut st: MutexGuard<'_, TimerState<T, B>> = timers.st.lock();
    let mut fired = Vec::new();
    loop {
        if st.shutdown {
            return;
        }
        let now = Instant::now();
        while let Some(&Reverse((d, id))) = st.heap.peek() {
            if d > now {
                break;
            }
            st.heap.pop();
            if let Some(e) = st.live.remove(&id) {
                fired.push(e.action);
            }
        }
        if !fired.is_empty() {
            MutexGuard::unlocked(&mut st, || {
                for a in fired.drain(..) {
                    fire(&shared, a);
                }
            });
            continue;
        }
        match st.heap.peek() {
            Some(&Reverse((d, _))) => {
                timers.cv.wait_until(&mut st, d);
            }
            None => timers.cv.wait(&mut st),
        }
    }
}

fn fire<T: Term, B: Body<T>>(shared: &Shared<T, B>, a: Action<T, B>) {
    match a {
        Action::Wake(w, g) => {
            if let Some(p) = w.upgrade() {
                if p.state.wake_timer(g) {
                    shared.sched.enqueue(p, Origin::Outside);
                }
            }
        }
        Action::Send(to, msg) => {
            let _ = shared.deliver(to, Signal::Message(msg), Origin::Outside);
        }
    }
}
