//! The contract between the runtime and whatever runs inside a process:
//! the [`Term`] trait (the little the runtime must know about messages) and
//! the [`Body`] trait (a resumable state machine driven in time slices).
//!
//! Not here: any evaluator logic. The runtime never inspects a term beyond the
//! methods below, so it can be tested with a plain Rust enum.

use crate::cx::Cx;
use crate::heap::HeapReport;
use crate::pid::{Pid, Ref};
use std::time::Instant;

/// What the runtime needs to know of the message/term type.
pub trait Term: Clone + Send + Sync + 'static {
    /// `:normal`
    fn normal() -> Self;
    /// `:kill`
    fn kill() -> Self;
    /// `:killed`
    fn killed() -> Self;
    /// `:noproc`
    fn noproc() -> Self;
    fn is_normal(&self) -> bool;
    fn is_kill(&self) -> bool;
    /// `{:EXIT, from, reason}`
    fn exit_message(from: Pid, reason: Self) -> Self;
    /// `{:DOWN, ref, :process, pid, reason}`
    fn down_message(mref: Ref, pid: Pid, reason: Self) -> Self;
    /// The DOWN of a monitor taken on a registered name: the name stands
    /// where the pid would (`{:DOWN, ref, :process, {name, node}, reason}`).
    /// The default names the pid, for terms with no way to say a name.
    fn down_message_named(mref: Ref, pid: Pid, name: &str, reason: Self) -> Self {
        let _ = name;
        Self::down_message(mref, pid, reason)
    }
    /// The exit reason of a body whose `run` panicked. The default is
    /// `:killed`; an evaluator should override it with something more telling
    /// (for example `{:panic, msg}`).
    fn panic_reason(msg: &str) -> Self {
        let _ = msg;
        Self::killed()
    }
    /// If this term is a `{:DOWN, ref, ...}` message, its ref. Used only by
    /// `demonitor(ref, flush: true)` to remove an already delivered DOWN
    /// message; the default (`None`) makes flush a no-op for delivered ones.
    fn down_ref(&self) -> Option<Ref> {
        None
    }
}

/// What a time slice ended with.
#[derive(Debug)]
pub enum Step<T> {
    /// The reduction budget is spent; run me again later (at the back of the
    /// queue).
    Yield,
    /// Nothing to do until a new message arrives or `deadline` passes.
    Wait { deadline: Option<Instant> },
    /// The process ends with this reason.
    Exit(T),
}

/// A process body: a resumable state machine.
pub trait Body<T: Term>: Send + 'static + Sized {
    /// Run until the reduction budget (`cx.reductions()`) is spent (return
    /// Yield), the process must wait for a message/deadline (Wait), or it
    /// ends (Exit(reason)). Before returning, report the reductions not
    /// spent with `cx.set_reductions` (a body that does not leaves none).
    fn run(&mut self, cx: &mut Cx<'_, T, Self>) -> Step<T>;

    /// The bytes this process holds: everything it can reach, and the
    /// `messages` of its mailbox, each shared payload counted once. Asked
    /// only when its allocation charge passes its memory limit (see
    /// `heap.rs`), so it may take time in proportion to the heap, but it
    /// must not recurse per level of a value. The default (nothing) means
    /// the body is never killed for its size.
    fn heap_bytes(&self, messages: &mut dyn Iterator<Item = &T>) -> usize {
        let _ = messages;
        0
    }

    /// The process `pid` is over its `max_heap_size`; it is killed after
    /// this returns if `report.kill`. A body prints the BEAM's error report
    /// here when `report.error_logger`. The default does nothing.
    fn heap_exceeded(&mut self, pid: Pid, report: &HeapReport) {
        let _ = (pid, report);
    }
}
