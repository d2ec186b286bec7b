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
//! The inbound queue is a `Vec` of messages behind a `parking_lot` mutex: an
//! empty one costs no allocation, draining takes the whole batch in O(1), and
//! senders hold the lock for one push. The rarer other signals (exits, links,
//! monitors) wait in a separate, boxed list, each with the number of
//! messages that came before it, so arrival order is kept while a message
//! is stored as itself (not as a wider `Signal`). A batch of only messages
//! then goes to the private queue without being looked at one by one: a
//! large one into an empty queue becomes the queue (`Mail::append`), so a
//! flood of messages is not copied again. `close` marks the queue dead so a
//! signal sent to an exiting process is refused (and handled by the sender)
//! rather than lost.
//!
//! Not here: what signals mean (signals.rs) or waking the receiver (state.rs).

use crate::pid::{Pid, Ref};
use parking_lot::Mutex;
use std::collections::VecDeque;

/// Everything one process can send another (public for the hook that
/// carries signals to other nodes, [`crate::Runtime::set_remote`]).
pub enum Signal<T> {
    Message(T),
    /// A message sent to the alias `alias`: delivered only if the alias is
    /// still active when the receiver takes it in.
    AliasMessage {
        alias: Ref,
        msg: T,
    },
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

/// Non-message signals, each with its place among the messages (how many
/// arrived before it).
type Others<T> = Option<Box<Vec<(usize, Signal<T>)>>>;

struct InboundQ<T> {
    msgs: Vec<T>,
    others: Others<T>,
    closed: bool,
}

/// What one drain of the inbound queue took, in arrival order.
pub(crate) struct Batch<T> {
    pub(crate) msgs: Vec<T>,
    pub(crate) others: Others<T>,
}

impl<T> Batch<T> {
    pub(crate) fn is_empty(&self) -> bool {
        self.msgs.is_empty() && self.others.is_none()
    }

    /// Everything as signals, messages and others interleaved as they arrived.
    pub(crate) fn into_signals(self) -> Vec<Signal<T>> {
        let others = self.others.map(|b| *b).unwrap_or_default();
        let mut out = Vec::with_capacity(self.msgs.len() + others.len());
        let mut msgs = self.msgs.into_iter();
        let mut taken = 0;
        for (at, sig) in others {
            out.extend(msgs.by_ref().take(at - taken).map(Signal::Message));
            taken = at;
            out.push(sig);
        }
        out.extend(msgs.map(Signal::Message));
        out
    }
}

/// The multi-producer inbound queue.
pub(crate) struct Inbound<T>(Mutex<InboundQ<T>>);

impl<T> Inbound<T> {
    pub(crate) fn new() -> Self {
        Inbound(Mutex::new(InboundQ {
            msgs: Vec::new(),
            others: None,
            closed: false,
        }))
    }

    /// Push a signal; gives it back if the process has exited.
    pub(crate) fn push(&self, sig: Signal<T>) -> Result<(), Signal<T>> {
        let mut q = self.0.lock();
        if q.closed {
            return Err(sig);
        }
        match sig {
            Signal::Message(m) => q.msgs.push(m),
            other => {
                let at = q.msgs.len();
                q.others.get_or_insert_with(Box::default).push((at, other));
            }
        }
        Ok(())
    }

    /// Take everything queued so far.
    pub(crate) fn take(&self) -> Batch<T> {
        let mut q = self.0.lock();
        Batch {
            msgs: std::mem::take(&mut q.msgs),
            others: q.others.take(),
        }
    }

    /// Refuse all further signals and return what was still queued, in
    /// arrival order.
    pub(crate) fn close(&self) -> Vec<Signal<T>> {
        let batch = {
            let mut q = self.0.lock();
            q.closed = true;
            Batch {
                msgs: std::mem::take(&mut q.msgs),
                others: q.others.take(),
            }
        };
        batch.into_signals()
    }

    /// Messages (not other signals) waiting here; for introspection only.
    pub(crate) fn message_count(&self) -> usize {
        self.0.lock().msgs.len()
    }
}

/// The private queue and save index; only the running process touches it.
pub(crate) struct Mail<T> {
    pub(crate) queue: VecDeque<T>,
    pub(crate) save: usize,
}

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

    /// Append a batch of messages in order. A batch larger than what the
    /// empty queue's buffer holds becomes the queue (`VecDeque::from(Vec)`
    /// keeps the buffer), instead of being copied into a buffer grown for it;
    /// a small one is copied, so ping-pong keeps reusing its small buffer.
    pub(crate) fn append(&mut self, msgs: Vec<T>) {
        if self.queue.is_empty() && msgs.len() > self.queue.capacity() {
            self.queue = VecDeque::from(msgs);
        } else {
            self.queue.extend(msgs);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn describe(sigs: Vec<Signal<u32>>) -> Vec<String> {
        sigs.into_iter()
            .map(|s| match s {
                Signal::Message(m) => format!("m{m}"),
                Signal::Link(p) => format!("link{}", p.id()),
                _ => "other".to_string(),
            })
            .collect()
    }

    /// Messages and other signals come back out in the order they went in,
    /// though they wait in separate lists.
    #[test]
    fn arrival_order_is_kept_across_the_two_lists() {
        let q = Inbound::new();
        let push = |s| assert!(q.push(s).is_ok());
        push(Signal::Link(Pid::new(0, 7)));
        push(Signal::Message(1));
        push(Signal::Message(2));
        push(Signal::Link(Pid::new(0, 8)));
        push(Signal::Link(Pid::new(0, 9)));
        push(Signal::Message(3));
        assert_eq!(q.message_count(), 3);
        let batch = q.take();
        assert!(q.take().is_empty());
        assert_eq!(
            describe(batch.into_signals()),
            ["link7", "m1", "m2", "link8", "link9", "m3"]
        );
        push(Signal::Message(4));
        push(Signal::Link(Pid::new(0, 10)));
        assert_eq!(describe(q.close()), ["m4", "link10"]);
        assert!(q.push(Signal::Message(5)).is_err());
    }

    #[test]
    fn a_large_batch_becomes_the_empty_private_queue() {
        let mut mail = Mail::new();
        mail.append(vec![1, 2, 3]);
        assert_eq!(mail.take(0), Some(1));
        mail.append(vec![4]);
        assert_eq!(mail.queue.iter().copied().collect::<Vec<_>>(), [2, 3, 4]);
    }
}
