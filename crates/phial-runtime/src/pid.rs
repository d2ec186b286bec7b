//! Names of things a process can hold: [`Pid`], [`Ref`] and [`TimerRef`].
//!
//! These are plain copyable values with the display forms Elixir prints.
//! They say nothing about whether the thing they name is still alive; ask the
//! [`crate::Runtime`] for that. Not here: allocation of fresh ids (the runtime
//! owns the counters).

use std::fmt;

/// A process identifier: a node number and a process number, packed into
/// one word (node in the top 16 bits, id in the low 48) so that a pid is as
/// small as any other immediate value in a message. `node` is 0 for the local
/// node; it exists so that distribution can be added later without changing
/// the type. The derived order is (node, id), Erlang's pid order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Pid(u64);

const ID_BITS: u32 = 48;
const ID_MASK: u64 = (1 << ID_BITS) - 1;

impl Pid {
    pub const fn new(node: u32, id: u64) -> Self {
        Pid(((node as u64) << ID_BITS) | (id & ID_MASK))
    }
    pub const fn id(self) -> u64 {
        self.0 & ID_MASK
    }
    pub const fn node(self) -> u32 {
        (self.0 >> ID_BITS) as u32
    }
}

impl fmt::Display for Pid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#PID<{}.{}.0>", self.node(), self.id())
    }
}

/// A unique reference (`make_ref`, monitor references, timer references).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Ref(u64);

impl Ref {
    pub const fn new(n: u64) -> Self {
        Ref(n)
    }
    pub const fn id(self) -> u64 {
        self.0
    }
}

impl fmt::Display for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#Reference<0.0.0.{}>", self.0)
    }
}

/// The handle `send_after` returns. It wraps an ordinary [`Ref`] (drawn from
/// the same counter as `make_ref`) so the evaluator can show it to users as a
/// reference and turn a user's reference back into a `TimerRef` to cancel it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct TimerRef(Ref);

impl TimerRef {
    pub const fn new(r: Ref) -> Self {
        TimerRef(r)
    }
    pub const fn as_ref(self) -> Ref {
        self.0
    }
}

impl fmt::Display for TimerRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
