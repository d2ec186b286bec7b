//! The process control block: what the runtime keeps per process.
//!
//! Layout is chosen for a small parked footprint: the state word, the inbound
//! queue, the private part (body, private queue, armed timer) behind one
//! mutex that only the running worker takes, and the relations (links,
//! monitors, name) behind a second, short-lived mutex so that introspection
//! (`info`) never waits for a running slice. Relations live in a lazily
//! allocated box: a process with no links, monitors or name pays 8 bytes.
//!
//! Not here: how any of it changes (signals.rs, cx.rs, scheduler.rs).

use crate::alias::AliasMode;
use crate::heap::MaxHeap;
use crate::mailbox::{Inbound, Mail};
use crate::pid::{Pid, Ref};
use crate::state::State;
use parking_lot::Mutex;
use std::num::NonZeroU64;
use std::sync::atomic::{AtomicU32, AtomicU64};
use std::sync::Arc;

/// What a run queue holds.
pub(crate) type Task<T, B> = Arc<Proc<T, B>>;

pub(crate) struct Proc<T, B> {
    pub(crate) pid: Pid,
    pub(crate) state: State,
    pub(crate) inbound: Inbound<T>,
    pub(crate) inner: Mutex<Inner<T, B>>,
    pub(crate) meta: Mutex<Meta>,
    /// Private queue length as of the end of the last slice (for `info`,
    /// which must not wait for the running worker).
    pub(crate) private_len: AtomicU32,
    /// `max_heap_size` (`heap::MaxHeap::pack`): set by the process itself,
    /// read by its worker after each slice and by `info` from anywhere.
    pub(crate) max_heap: AtomicU64,
}

/// The body while alive; its exit reason after (kept so `wait_exit` can read
/// it while it still holds the process).
pub(crate) enum Slot<T, B> {
    Alive(B),
    Dead(T),
}

pub(crate) struct Inner<T, B> {
    pub(crate) slot: Slot<T, B>,
    pub(crate) mail: Mail<T>,
    /// The timer armed by the current timed wait, cancelled on resume.
    pub(crate) timer: Option<NonZeroU64>,
    /// What its slices allocated, in bytes, against its memory limit
    /// (`heap.rs`).
    pub(crate) charge: isize,
}

#[derive(Default)]
pub(crate) struct Meta {
    pub(crate) trap_exit: bool,
    /// Set once the process starts exiting; `register` refuses it from then.
    pub(crate) dead: bool,
    pub(crate) rel: Option<Box<Relations>>,
}

#[derive(Default)]
pub(crate) struct Relations {
    pub(crate) links: Vec<Pid>,
    /// Monitors this process holds: (ref, target).
    pub(crate) monitors: Vec<(Ref, Pid)>,
    /// Which of those were taken on a registered name, and the name (their
    /// DOWN names it instead of the pid).
    pub(crate) named_monitors: Vec<(Ref, Box<str>)>,
    /// Monitors held on this process: (ref, watcher).
    pub(crate) monitored_by: Vec<(Ref, Pid)>,
    pub(crate) name: Option<Box<str>>,
    /// This process's active aliases.
    pub(crate) aliases: Vec<(Ref, AliasMode)>,
}

impl Relations {
    fn is_empty(&self) -> bool {
        self.links.is_empty()
            && self.monitors.is_empty()
            && self.named_monitors.is_empty()
            && self.monitored_by.is_empty()
            && self.name.is_none()
            && self.aliases.is_empty()
    }
}

impl Meta {
    pub(crate) fn rel_mut(&mut self) -> &mut Relations {
        self.rel.get_or_insert_with(Default::default)
    }

    /// Free the box when it became empty again.
    fn tidy(&mut self) {
        if self.rel.as_ref().is_some_and(|r| r.is_empty()) {
            self.rel = None;
        }
    }

    pub(crate) fn has_link(&self, pid: Pid) -> bool {
        self.rel.as_ref().is_some_and(|r| r.links.contains(&pid))
    }

    /// Add a link; false if it already existed (at most one per pair).
    pub(crate) fn add_link(&mut self, pid: Pid) -> bool {
        let links = &mut self.rel_mut().links;
        if links.contains(&pid) {
            return false;
        }
        links.push(pid);
        true
    }

    pub(crate) fn remove_link(&mut self, pid: Pid) -> bool {
        let Some(r) = self.rel.as_mut() else {
            return false;
        };
        let Some(i) = r.links.iter().position(|&p| p == pid) else {
            return false;
        };
        r.links.swap_remove(i);
        self.tidy();
        true
    }

    /// Remove a monitor this process holds; its target if it was active.
    pub(crate) fn remove_monitor(&mut self, mref: Ref) -> Option<Pid> {
        self.remove_monitor_named(mref).map(|(pid, _)| pid)
    }

    /// Remove a monitor this process holds; its target, and the name it
    /// was taken on if it was, if it was active.
    pub(crate) fn remove_monitor_named(&mut self, mref: Ref) -> Option<(Pid, Option<Box<str>>)> {
        let r = self.rel.as_mut()?;
        let i = r.monitors.iter().position(|&(m, _)| m == mref)?;
        let (_, pid) = r.monitors.swap_remove(i);
        let name = match r.named_monitors.iter().position(|(m, _)| *m == mref) {
            Some(j) => Some(r.named_monitors.swap_remove(j).1),
            None => None,
        };
        self.tidy();
        Some((pid, name))
    }

    /// Deactivate an alias; its mode if it was active.
    pub(crate) fn remove_alias(&mut self, r: Ref) -> Option<AliasMode> {
        let a = self.rel.as_mut()?;
        let i = a.aliases.iter().position(|&(x, _)| x == r)?;
        let (_, mode) = a.aliases.swap_remove(i);
        self.tidy();
        Some(mode)
    }

    /// The mode of an active alias.
    pub(crate) fn alias_mode(&self, r: Ref) -> Option<AliasMode> {
        let a = self.rel.as_ref()?;
        a.aliases.iter().find(|&&(x, _)| x == r).map(|&(_, m)| m)
    }

    pub(crate) fn remove_monitored_by(&mut self, mref: Ref) {
        if let Some(r) = self.rel.as_mut() {
            r.monitored_by.retain(|&(m, _)| m != mref);
            self.tidy();
        }
    }
}

impl<T, B> Proc<T, B> {
    pub(crate) fn new(pid: Pid, body: B, watched: bool) -> Self {
        Proc {
            pid,
            state: State::new_runnable(watched),
            inbound: Inbound::new(),
            inner: Mutex::new(Inner {
                slot: Slot::Alive(body),
                mail: Mail::new(),
                timer: None,
                charge: 0,
            }),
            meta: Mutex::new(Meta::default()),
            private_len: AtomicU32::new(0),
            max_heap: AtomicU64::new(MaxHeap::DEFAULT_PACKED),
        }
    }
}

/// The bytes one process's control block takes on the heap with message
/// type `T` and body `B`: the `Proc` and its `Arc` counts, before the
/// allocator rounds it up to a size class.
pub const fn control_block_bytes<T, B>() -> usize {
    std::mem::size_of::<Arc<()>>() * 2 + std::mem::size_of::<Proc<T, B>>()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runtime's share of a parked process must stay small (target:
    /// under ~300 bytes including the table entry). Measured here with a
    /// 24-byte term and a 16-byte body; two of its words are the memory
    /// limit's (`max_heap_size` and the allocation charge).
    #[test]
    fn control_block_is_small() {
        let size = std::mem::size_of::<Proc<[u64; 3], [u64; 2]>>();
        assert!(size <= 200, "Proc is {size} bytes");
    }
}
