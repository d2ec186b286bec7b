//! The one atomic word that says where a process is in its life.
//!
//! Layout (u64): bits 0-1 the state (WAITING, RUNNABLE, RUNNING, DONE),
//! bit 2 NOTIFIED (something arrived while RUNNING), bit 3 WATCHED (someone
//! blocks in `wait_exit`), bits 32-63 the wait generation.
//!
//! The rule that makes wake-ups impossible to lose or duplicate: only the
//! thread whose compare-and-swap moves the word from WAITING to RUNNABLE puts
//! the process on a run queue. A sender that finds it RUNNING sets NOTIFIED
//! instead, and the worker's own transition RUNNING -> WAITING fails when it
//! sees NOTIFIED, so it re-queues the process itself. All transitions are
//! read-modify-writes of this one word, hence totally ordered.
//!
//! The generation is bumped on every park. A timer carries the generation of
//! the wait that armed it and can only wake WAITING-with-that-generation, so a
//! stale timer (the message came first) never wakes a later wait.
//!
//! Not here: the queues themselves (scheduler.rs) or what a wake-up means.

use std::sync::atomic::{
    AtomicU64,
    Ordering::{AcqRel, Acquire},
};

const MASK: u64 = 0b11;
const WAITING: u64 = 0;
const RUNNABLE: u64 = 1;
const RUNNING: u64 = 2;
const DONE: u64 = 3;
const NOTIFIED: u64 = 1 << 2;
const WATCHED: u64 = 1 << 3;
const GEN_SHIFT: u32 = 32;

/// What `info` reports about a process.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    /// Executing on a worker right now.
    Running,
    /// In a run queue.
    Runnable,
    /// Parked in `receive`.
    Waiting,
    /// Its exit is being processed (briefly visible).
    Exiting,
}

/// The outcome of trying to park.
pub(crate) enum Parked {
    /// Parked; the new generation (give it to the timer, if any).
    Waiting(u32),
    /// Something arrived during the slice; the word is RUNNABLE again and the
    /// caller must re-queue the process.
    Requeue,
}

pub(crate) struct State(AtomicU64);

fn gen(s: u64) -> u32 {
    (s >> GEN_SHIFT) as u32
}

fn with(s: u64, state: u64) -> u64 {
    (s & !(MASK | NOTIFIED)) | state
}

impl State {
    pub(crate) fn new_runnable(watched: bool) -> Self {
        State(AtomicU64::new(RUNNABLE | if watched { WATCHED } else { 0 }))
    }

    fn update(&self, mut f: impl FnMut(u64) -> Option<u64>) -> Result<u64, u64> {
        self.0.fetch_update(AcqRel, Acquire, &mut f)
    }

    /// A message or signal was pushed. Returns true if the caller made the
    /// process runnable and therefore must enqueue it.
    pub(crate) fn notify(&self) -> bool {
        let prev = self.update(|s| match s & MASK {
            WAITING => Some(with(s, RUNNABLE)),
            RUNNING if s & NOTIFIED == 0 => Some(s | NOTIFIED),
            _ => None,
        });
        matches!(prev, Ok(s) if s & MASK == WAITING)
    }

    /// A timer armed by the wait with generation `g` fired. Returns true if
    /// that wait is still current and the caller must enqueue the process.
    pub(crate) fn wake_timer(&self, g: u32) -> bool {
        self.update(|s| (s & MASK == WAITING && gen(s) == g).then(|| with(s, RUNNABLE)))
            .is_ok()
    }

    /// A worker took the process off a queue. False if it is already dead.
    pub(crate) fn start_running(&self) -> bool {
        self.update(|s| (s & MASK != DONE).then(|| with(s, RUNNING)))
            .is_ok()
    }

    /// The slice ended with Yield.
    pub(crate) fn yield_now(&self) {
        let _ = self.update(|s| Some(with(s, RUNNABLE)));
    }

    /// The slice ended with Wait.
    pub(crate) fn park(&self) -> Parked {
        let prev = self.update(|s| {
            if s & NOTIFIED != 0 {
                Some(with(s, RUNNABLE))
            } else {
                let g = u64::from(gen(s).wrapping_add(1));
                Some((s & WATCHED) | WAITING | (g << GEN_SHIFT))
            }
        });
        match prev {
            Ok(s) | Err(s) if s & NOTIFIED != 0 => Parked::Requeue,
            Ok(s) | Err(s) => Parked::Waiting(gen(s).wrapping_add(1)),
        }
    }

    /// The process is dead. Returns whether someone waits in `wait_exit`.
    pub(crate) fn finish(&self) -> bool {
        match self.update(|s| Some(with(s, DONE))) {
            Ok(s) | Err(s) => s & WATCHED != 0,
        }
    }

    /// Ask to be told about the exit. False if it already happened.
    pub(crate) fn watch(&self) -> bool {
        self.update(|s| (s & MASK != DONE).then_some(s | WATCHED))
            .is_ok()
    }

    pub(crate) fn status(&self) -> Status {
        match self.0.load(Acquire) & MASK {
            WAITING => Status::Waiting,
            RUNNABLE => Status::Runnable,
            RUNNING => Status::Running,
            _ => Status::Exiting,
        }
    }
}
