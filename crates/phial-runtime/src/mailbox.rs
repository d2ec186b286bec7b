//! A process's two queues: the shared inbound signal queue and the private
//! message queue with its save index.
//!
//! Every signal from one sender to one receiver (messages, exit signals,
//! link/monitor bookkeeping) goes through the same inbound queue, so their
//! relative order is kept without further machinery. Only the process itself
//! (its worker, while it holds the process) drains the inbound queue, applies
//! the non-message signals and appends the messages to the private queue,
//! which `receive` scans from the save index: on wake-up only new messages are
//! looked at.
//!
//! The inbound queue is a `Vec` behind a `parking_lot` mutex: an empty one
//! costs 24 bytes and no allocation, draining swaps the whole batch out in
//! O(1) for an empty buffer that keeps its capacity, and senders hold the
//! lock for one push. `close` marks it dead so a signal
//! sent to an exiting process is refused (and handled by the sender) rather
//! than lost.
//!
//! Not here: what signals mean (signals.rs) or waking the receiver (state.rs).

use crate::pid::{Pid, Ref};
use parking_lot::Mutex;
use std::collections::VecDeque;

/// Everything one process can send another.
pub(crate) enum Signal<T> {
    Message(T),
    /// An exit signal; `link` says whether it comes from a link (dropped if
    /// the link is gone, `:kill` not special) or from `Process.exit/2`.
    Exit {
        from: Pid,
        reason: T,
        link: bool,
    },
    Link(Pid),
    Unlink(Pid),
    Monitor {
        from: Pid,
        mref: Ref,
    },
    Demonitor(Ref),
    /// The monitored process `pid` died; becomes a DOWN message if the
    /// monitor `mref` is still active when the receiver applies it.
    Down {
        mref: Ref,
        pid: Pid,
        reason: T,
    },
}

struct InboundQ<T> {
    items: Vec<Signal<T>>,
    closed: bool,
}

/// The multi-producer inbound queue.
pub(crate) struct Inbound<T>(Mutex<InboundQ<T>>);

impl<T> Inbound<T> {
    pub(crate) fn new() -> Self {
        Inbound(Mutex::new(InboundQ {
            items: Vec::new(),
            closed: false,
        }))
    }

    /// Push a signal; gives it back if the process has exited.
    pub(crate) fn push(&self, sig: Signal<T>) -> Result<(), Signal<T>> {
        let mut q = self.0.lock();
        if q.closed {
            return Err(sig);
        }
        q.items.push(sig);
        Ok(())
    }

    /// Take everything queued so far, in arrival order, into `batch` (which
    /// must be empty), leaving `batch`'s old buffer here for the next pushes.
    /// `batch` is the draining worker's spare buffer: buffers trade places
    /// on every drain and keep their capacity, so a steady stream of messages
    /// allocates nothing, and a parked process holds no more than before.
    pub(crate) fn take_into(&self, batch: &mut Vec<Signal<T>>) {
        debug_assert!(batch.is_empty());
        std::mem::swap(&mut self.0.lock().items, batch);
    }

    /// Refuse all further signals and return what was still queued.
    pub(crate) fn close(&self) -> Vec<Signal<T>> {
        let mut q = self.0.lock();
        q.closed = true;
        std::mem::take(&mut q.items)
    }

    /// Messages (not other signals) waiting here; for introspection only.
    pub(crate) fn message_count(&self) -> usize {
        let q = self.0.lock();
        q.items
            .iter()
            .filter(|s| matches!(s, Signal::Message(_)))
            .count()
    }
}

/// The private queue and save index; only the running process touches it.
pub(crate) struct Mail<T> {
    pub(crate) queue: VecDeque<T>,
    pub(crate) save: usize,
}

/// A drained buffer larger than this (in signals) is not kept: a process
/// that once took a burst of messages should not hold that much forever.
pub(crate) const SPARE_LIMIT: usize = 1024;

impl<T> Mail<T> {
    pub(crate) fn new() -> Self {
        Mail {
            queue: VecDeque::new(),
            save: 0,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.queue.len()
    }

    /// Remove message `i`. Removing resets the save index (as BEAM's
    /// `remove_message` does): the next receive may match something it skipped.
    pub(crate) fn take(&mut self, i: usize) -> Option<T> {
        // The first message is the one most receives take.
        let m = if i == 0 {
            self.queue.pop_front()?
        } else {
            self.queue.remove(i)?
        };
        self.save = 0;
        Some(m)
    }

    /// Release the buffer of an empty queue that grew large, so a parked
    /// process that once received a burst does not keep the memory. Small
    /// buffers are kept: freeing them would cost an allocation per message in
    /// ping-pong.
    pub(crate) fn trim(&mut self) {
        if self.queue.is_empty() && self.queue.capacity() > 32 {
            self.queue = VecDeque::new();
        }
    }
}
