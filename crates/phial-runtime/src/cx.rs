//! [`Cx`]: everything a running process can do, handed to `Body::run`.
//!
//! A `Cx` lives for one slice. It borrows the process's private queue (the
//! worker holds the process exclusively for the slice) and the worker's local
//! run queue, so a send that wakes someone pushes onto this core's queue
//! without touching shared state beyond the target's inbound queue and state
//! word.
//!
//! Effects on the process itself take effect at once: a self-send goes
//! straight to the private queue, `exit(self_pid, ...)` and a killing signal
//! picked up by `drain_new` set a pending exit that wins over whatever `run`
//! returns (check [`Cx::exiting`] to stop early).
//!
//! Not here: the semantics of applying signals (signals.rs).

use crate::alias::AliasMode;
use crate::body::{Body, Term};
use crate::heap::MaxHeap;
use crate::mailbox::{Mail, Signal};
use crate::pid::{Pid, Ref, TimerRef};
use crate::process::{Proc, Task};
use crate::runtime::{NoProc, ProcessInfo, RegisterError, Runtime, SystemLimit};
use crate::scheduler::{Local, Origin};
use crate::signals::apply;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Cx<'a, T: Term, B: Body<T>> {
    rt: &'a Runtime<T, B>,
    proc: &'a Arc<Proc<T, B>>,
    mail: &'a mut Mail<T>,
    local: &'a Local<T, B>,
    /// The worker's last message destination (see [`Cx::send`]).
    last_dest: &'a mut Option<Task<T, B>>,
    /// Reductions this slice may spend (see [`Cx::reductions`]).
    budget: u32,
    /// Reductions it left unspent, as the body reports them (none unless it
    /// does, so a body that never reports cannot extend a chain of wakes).
    unspent: u32,
    exit: Option<T>,
    leftover: Vec<Signal<T>>,
}

impl<'a, T: Term, B: Body<T>> Cx<'a, T, B> {
    pub(crate) fn new(
        rt: &'a Runtime<T, B>,
        proc: &'a Arc<Proc<T, B>>,
        mail: &'a mut Mail<T>,
        local: &'a Local<T, B>,
        last_dest: &'a mut Option<Task<T, B>>,
        reductions: u32,
    ) -> Self {
        Cx {
            rt,
            proc,
            mail,
            local,
            last_dest,
            budget: reductions,
            unspent: 0,
            exit: None,
            leftover: Vec::new(),
        }
    }

    /// The pending exit reason and the signals not applied because of it.
    pub(crate) fn finish(self) -> (Option<T>, Vec<Signal<T>>) {
        (self.exit, self.leftover)
    }

    fn origin(&self) -> Origin<'a, T, B> {
        Origin::Worker(self.local)
    }

    /// Drain the inbound queue and apply its signals. True if new messages
    /// reached the private queue.
    pub(crate) fn drain_signals(&mut self) -> bool {
        if self.exit.is_some() {
            return false;
        }
        let batch = self.proc.inbound.take();
        if batch.is_empty() {
            return false;
        }
        let before = self.mail.len();
        if batch.others.is_none() {
            // Only messages (the common case): no signal to apply.
            self.mail.append(batch.msgs);
            return self.mail.len() > before;
        }
        let mut it = batch.into_signals().into_iter();
        while let Some(sig) = it.next() {
            let origin = Origin::Worker(self.local);
            if let Some(reason) = apply(&self.rt.shared, origin, self.proc, self.mail, sig) {
                self.exit = Some(reason);
                self.leftover.extend(it);
                break;
            }
        }
        self.mail.len() > before
    }

    /// The reductions this slice may spend: a full slice
    /// (`SLICE_REDUCTIONS`), or what is left of the slice of the process
    /// that woke this one. `Body::run` spends at most this many and reports
    /// what it did not spend with [`Cx::set_reductions`], so that the
    /// process it woke can run on the rest.
    pub fn reductions(&self) -> u32 {
        self.budget
    }

    /// Records the reductions left unspent when `run` returns.
    pub fn set_reductions(&mut self, left: u32) {
        self.unspent = left.min(self.budget);
    }

    pub(crate) fn unspent(&self) -> u32 {
        self.unspent
    }

    pub fn self_pid(&self) -> Pid {
        self.proc.pid
    }

    pub fn runtime(&self) -> &Runtime<T, B> {
        self.rt
    }

    /// True once the process has been told to exit during this slice (a
    /// killing signal seen by `drain_new`, or `exit(self_pid, ...)`). The
    /// runtime ends the process when `run` returns, whatever it returns.
    pub fn exiting(&self) -> bool {
        // Or a native stopped it for its memory (`stop_over_limit`).
        self.exit.is_some() || crate::heap::stopping()
    }

    /// Send a message. To a dead pid it is silently dropped.
    pub fn send(&mut self, to: Pid, msg: T) {
        if to == self.proc.pid {
            self.mail.queue.push_back(msg);
            return;
        }
        // A stream of sends to one process (many producers, one consumer)
        // reuses the worker's last destination instead of looking it up:
        // the lookup takes the table shard's read lock and clones the
        // target's `Arc`, two writes to cache lines every sender on every
        // core shares. Sound because pids are never reused and a dead
        // process refuses signals (`deliver_to`). The worker holds at most
        // one such process alive after its exit, until its next send
        // elsewhere.
        let origin = self.origin();
        let shared = &self.rt.shared;
        match self.last_dest {
            Some(p) if p.pid == to => {
                let _ = shared.deliver_to(p, Signal::Message(msg), origin);
            }
            _ => {
                if let Some(p) = shared.table.get(to) {
                    let _ = shared.deliver_to(&p, Signal::Message(msg), origin);
                    *self.last_dest = Some(p);
                }
            }
        }
    }

    /// spawn / spawn_link / spawn_monitor. The link and monitor exist before
    /// the child can run. Counts the child, but never refuses it: for
    /// runtime clients with no error to raise (see [`Cx::try_spawn`]).
    pub fn spawn(&mut self, body: B, link: bool, monitor: bool) -> (Pid, Option<Ref>) {
        self.rt.shared.live.fetch_add(1, Ordering::Relaxed);
        self.spawn_counted(body, link, monitor, None)
    }

    /// spawn with the process limit (`Err` past it, the BEAM's
    /// `system_limit`) and, optionally, the child's `max_heap_size`.
    pub fn try_spawn(
        &mut self,
        body: B,
        link: bool,
        monitor: bool,
        max_heap: Option<MaxHeap>,
    ) -> Result<(Pid, Option<Ref>), SystemLimit> {
        self.rt.shared.reserve_process()?;
        Ok(self.spawn_counted(body, link, monitor, max_heap))
    }

    fn spawn_counted(
        &mut self,
        body: B,
        link: bool,
        monitor: bool,
        max_heap: Option<MaxHeap>,
    ) -> (Pid, Option<Ref>) {
        let shared = &self.rt.shared;
        let me = self.proc.pid;
        let pid = shared.fresh_pid();
        let mut child = Proc::new(pid, body, false);
        if let Some(m) = max_heap {
            *child.max_heap.get_mut() = m.pack();
        }
        let mut mref = None;
        if link || monitor {
            let child_meta = child.meta.get_mut();
            let mut meta = self.proc.meta.lock();
            if link {
                child_meta.add_link(me);
                meta.add_link(pid);
            }
            if monitor {
                let r = Ref::new(shared.fresh_id().get());
                child_meta.rel_mut().monitored_by.push((r, me));
                meta.rel_mut().monitors.push((r, pid));
                mref = Some(r);
            }
        }
        shared.start(Arc::new(child), self.origin());
        (pid, mref)
    }

    /// Link to `pid`. A dead target: `{:EXIT, pid, :noproc}` if trapping,
    /// else `Err(NoProc)`.
    pub fn link(&mut self, pid: Pid) -> Result<(), NoProc> {
        let me = self.proc.pid;
        if pid == me || self.proc.meta.lock().has_link(pid) {
            return Ok(());
        }
        if pid.node() != 0 && self.rt.shared.remote.get().is_some() {
            // Another node's: the distribution carries the Link, and an
            // unreachable node answers with `:noconnection`.
            self.proc.meta.lock().add_link(pid);
            let _ = self.rt.shared.deliver(pid, Signal::Link(me), self.origin());
            return Ok(());
        }
        if let Some(p) = self.rt.shared.table.get(pid) {
            // Record our side first: the target may die right after applying
            // the Link, and its exit signal must find the link here.
            self.proc.meta.lock().add_link(pid);
            if self
                .rt
                .shared
                .deliver_to(&p, Signal::Link(me), self.origin())
                .is_ok()
            {
                return Ok(());
            }
            self.proc.meta.lock().remove_link(pid);
        }
        if self.trap_exit() {
            self.mail.queue.push_back(T::exit_message(pid, T::noproc()));
            Ok(())
        } else {
            Err(NoProc)
        }
    }

    pub fn unlink(&mut self, pid: Pid) {
        if self.proc.meta.lock().remove_link(pid) {
            let me = self.proc.pid;
            let _ = self
                .rt
                .shared
                .deliver(pid, Signal::Unlink(me), self.origin());
        }
    }

    /// Monitor `pid`; a dead target gets `{:DOWN, ref, :process, pid, :noproc}`
    /// at once.
    pub fn monitor(&mut self, pid: Pid) -> Ref {
        let shared = &self.rt.shared;
        let me = self.proc.pid;
        let r = Ref::new(shared.fresh_id().get());
        if pid.node() != 0 && shared.remote.get().is_some() {
            self.proc.meta.lock().rel_mut().monitors.push((r, pid));
            let _ = shared.deliver(pid, Signal::Monitor { from: me, mref: r }, self.origin());
            return r;
        }
        if pid != me {
            if let Some(p) = shared.table.get(pid) {
                self.proc.meta.lock().rel_mut().monitors.push((r, pid));
                let sig = Signal::Monitor { from: me, mref: r };
                if shared.deliver_to(&p, sig, self.origin()).is_ok() {
                    return r;
                }
                self.proc.meta.lock().remove_monitor(r);
            }
        } else {
            // Monitoring oneself: the monitor can never fire.
            return r;
        }
        self.mail
            .queue
            .push_back(T::down_message(r, pid, T::noproc()));
        r
    }

    /// Monitor the process registered as `name`: its DOWN names it
    /// (`Term::down_message_named`), and with no process of that name it
    /// comes at once with `:noproc`.
    pub fn monitor_name(&mut self, name: &str) -> Ref {
        let me = self.proc.pid;
        match self.whereis(name) {
            Some(pid) => {
                let r = self.monitor(pid);
                if pid != me {
                    let mut meta = self.proc.meta.lock();
                    // Still held: the DOWN may already be queued (`:noproc`
                    // of a process that died meanwhile) and names the pid.
                    if meta
                        .rel
                        .as_ref()
                        .is_some_and(|x| x.monitors.iter().any(|&(m, _)| m == r))
                    {
                        meta.rel_mut().named_monitors.push((r, name.into()));
                    }
                }
                r
            }
            None => {
                let r = Ref::new(self.rt.shared.fresh_id().get());
                self.mail
                    .queue
                    .push_back(T::down_message_named(r, me, name, T::noproc()));
                r
            }
        }
    }

    /// Monitor the process registered as `name` on another node, whose
    /// pids carry the node number of `node` (a pid of that node with id 0
    /// stands for the target): the distribution carries the Monitor, and
    /// the DOWN names `{name, node}`.
    pub fn monitor_remote_name(&mut self, name: &str, node: Pid) -> Ref {
        let r = Ref::new(self.rt.shared.fresh_id().get());
        let me = self.proc.pid;
        {
            let mut meta = self.proc.meta.lock();
            meta.rel_mut().monitors.push((r, node));
            meta.rel_mut().named_monitors.push((r, name.into()));
        }
        let _ = self
            .rt
            .shared
            .deliver(node, Signal::Monitor { from: me, mref: r }, self.origin());
        r
    }

    /// Record a monitor `r` of another node's `target` that the
    /// distribution sets up otherwise (a spawn request's `monitor`): its
    /// DOWN comes as for [`Cx::monitor`].
    pub fn hold_monitor(&mut self, r: Ref, target: Pid) {
        self.proc.meta.lock().rel_mut().monitors.push((r, target));
    }

    /// A new alias of this process (`erlang:alias/1`).
    pub fn alias(&mut self, mode: AliasMode) -> Ref {
        let r = self.make_ref();
        self.activate_alias(r, mode);
        r
    }

    /// Make the monitor `r` this process just took an alias too
    /// (`erlang:monitor/3`'s `alias` option). One meant to end with the
    /// monitor is never active when the monitor is not held (a dead
    /// target's `:noproc`, or oneself).
    pub fn alias_monitor(&mut self, r: Ref, mode: AliasMode) {
        if mode.ends_with_monitor() {
            let held = self
                .proc
                .meta
                .lock()
                .rel
                .as_ref()
                .is_some_and(|x| x.monitors.iter().any(|&(m, _)| m == r));
            if !held {
                return;
            }
        }
        self.activate_alias(r, mode);
    }

    fn activate_alias(&mut self, r: Ref, mode: AliasMode) {
        self.proc.meta.lock().rel_mut().aliases.push((r, mode));
        self.rt.shared.aliases.insert(r, self.proc.pid);
    }

    /// Deactivate one of this process's aliases; whether it was active.
    pub fn unalias(&mut self, r: Ref) -> bool {
        let was = self.proc.meta.lock().remove_alias(r).is_some();
        if was {
            self.rt.shared.aliases.remove(r);
        }
        was
    }

    /// Send to an alias: delivered if, when its owner takes it in, the
    /// alias is still active; dropped silently otherwise.
    pub fn send_alias(&mut self, alias: Ref, msg: T) {
        let shared = &self.rt.shared;
        let Some(owner) = shared.aliases.owner(alias) else {
            return;
        };
        if owner == self.proc.pid {
            if crate::signals::take_alias(shared, self.origin(), self.proc, alias) {
                self.mail.queue.push_back(msg);
            }
            return;
        }
        let _ = shared.deliver(owner, Signal::AliasMessage { alias, msg }, self.origin());
    }

    /// Remove a monitor; true if it was active. With `flush`, also remove a
    /// DOWN message for it already in the mailbox (needs `Term::down_ref`).
    /// An alias made to end with the monitor ends with it.
    pub fn demonitor(&mut self, r: Ref, flush: bool) -> bool {
        let target = {
            let mut meta = self.proc.meta.lock();
            let target = meta.remove_monitor(r);
            if crate::signals::end_alias_with_monitor(&mut meta, r) {
                drop(meta);
                self.rt.shared.aliases.remove(r);
            }
            target
        };
        if let Some(t) = target {
            let _ = self
                .rt
                .shared
                .deliver(t, Signal::Demonitor(r), self.origin());
        }
        if flush {
            self.drain_signals();
            if let Some(i) = self.mail.queue.iter().position(|m| m.down_ref() == Some(r)) {
                self.mail.queue.remove(i);
                if i < self.mail.save {
                    self.mail.save -= 1;
                }
            }
        }
        target.is_some()
    }

    /// Process.exit(pid, reason), including pid == self.
    pub fn exit(&mut self, pid: Pid, reason: T) {
        let me = self.proc.pid;
        if pid != me {
            let sig = Signal::Exit {
                from: me,
                reason,
                link: false,
            };
            let _ = self.rt.shared.deliver(pid, sig, self.origin());
            return;
        }
        if self.exit.is_some() {
            return;
        }
        if reason.is_kill() {
            self.exit = Some(T::killed());
        } else if self.trap_exit() {
            self.mail.queue.push_back(T::exit_message(me, reason));
        } else {
            // Includes :normal: exit(self(), :normal) terminates the caller.
            self.exit = Some(reason);
        }
    }

    /// This process's `max_heap_size`.
    pub fn max_heap(&self) -> MaxHeap {
        MaxHeap::unpack(self.proc.max_heap.load(Ordering::Relaxed))
    }

    /// Set this process's `max_heap_size`; returns the old setting. The new
    /// one is checked at the end of this slice.
    pub fn set_max_heap(&mut self, m: MaxHeap) -> MaxHeap {
        // Natives building in this very slice already answer to it.
        crate::heap::set_limit(crate::heap::kill_limit(m));
        MaxHeap::unpack(self.proc.max_heap.swap(m.pack(), Ordering::Relaxed))
    }

    /// Set trap_exit; returns the old value.
    pub fn set_trap_exit(&mut self, on: bool) -> bool {
        std::mem::replace(&mut self.proc.meta.lock().trap_exit, on)
    }

    pub fn trap_exit(&self) -> bool {
        self.proc.meta.lock().trap_exit
    }

    pub fn register(&mut self, name: &str, pid: Pid) -> Result<(), RegisterError> {
        self.rt.register(name, pid)
    }

    pub fn unregister(&mut self, name: &str) -> bool {
        self.rt.unregister(name)
    }

    pub fn whereis(&self, name: &str) -> Option<Pid> {
        self.rt.whereis(name)
    }

    /// A fresh reference: unique and increasing across the whole runtime.
    pub fn make_ref(&mut self) -> Ref {
        Ref::new(self.rt.shared.fresh_id().get())
    }

    /// Deliver `msg` to `to` after `after` (Process.send_after).
    pub fn send_after(&mut self, to: Pid, msg: T, after: Duration) -> TimerRef {
        self.rt.send_after(to, msg, after)
    }

    /// A timer whose message is made from its own reference
    /// (`erlang:start_timer/3`).
    pub fn start_timer(
        &mut self,
        to: Pid,
        msg: impl FnOnce(Ref) -> T,
        after: Duration,
    ) -> TimerRef {
        self.rt.start_timer(to, msg, after)
    }

    /// The time left on a timer, or None if it fired or was cancelled.
    pub fn read_timer(&self, t: TimerRef) -> Option<Duration> {
        self.rt.read_timer(t)
    }

    /// Cancel a `send_after` timer; the time that was left, or None if it
    /// already fired or was cancelled.
    pub fn cancel_timer(&mut self, t: TimerRef) -> Option<Duration> {
        self.rt.cancel_timer(t)
    }

    /// Like [`Runtime::info`], but exact for the calling process itself.
    pub fn info(&self, pid: Pid) -> Option<ProcessInfo> {
        let mut info = self.rt.info(pid)?;
        if pid == self.proc.pid {
            info.message_queue_len = self.mail.len() + self.proc.inbound.message_count();
        }
        Some(info)
    }

    // --- selective receive over the private queue ---

    pub fn mailbox_len(&self) -> usize {
        self.mail.len()
    }

    pub fn message(&self, i: usize) -> Option<&T> {
        self.mail.queue.get(i)
    }

    pub fn save_index(&self) -> usize {
        self.mail.save
    }

    pub fn set_save_index(&mut self, i: usize) {
        self.mail.save = i;
    }

    /// Remove message `i` and reset the save index to 0.
    ///
    /// # Panics
    /// If `i >= mailbox_len()` (a bug in the caller, not reachable from user
    /// code; use [`Cx::try_take_message`] to avoid it).
    pub fn take_message(&mut self, i: usize) -> T {
        match self.mail.take(i) {
            Some(m) => m,
            None => panic!("take_message({i}) out of range"),
        }
    }

    /// Put a message back at the front of the mailbox, where the last
    /// `take_message(0)` found it (`erlang:hibernate/3` waits for a message
    /// without taking it: the evaluator takes one and returns it here).
    pub fn put_back_first(&mut self, msg: T) {
        self.mail.queue.push_front(msg);
        self.mail.save = 0;
    }

    /// `take_message` that returns None when `i` is out of range.
    pub fn try_take_message(&mut self, i: usize) -> Option<T> {
        self.mail.take(i)
    }

    /// Pull newly arrived messages into the private queue (applying any
    /// other signals on the way). True if there are new messages.
    pub fn drain_new(&mut self) -> bool {
        self.drain_signals()
    }

    /// The deadline `after` from now, saturating far in the future.
    pub fn deadline_after(after: Duration) -> Instant {
        let now = Instant::now();
        now.checked_add(after)
            .unwrap_or_else(|| now + Duration::from_secs(86400 * 365 * 30))
    }
}
