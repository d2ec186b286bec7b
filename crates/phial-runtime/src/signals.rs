//! Signal semantics (Erlang's rules) and the exit of a process.
//!
//! `apply` is how a process takes in one signal from its inbound queue:
//! messages go to the private queue; exit signals kill, become
//! `{:EXIT, from, reason}` messages, or are dropped, exactly as in the
//! Erlang reference manual ("Receiving Exit Signals"); link/monitor
//! bookkeeping updates the receiver's own relations. Each process only ever
//! edits its own relations (while it holds itself), so no two locks are
//! needed to link two processes: the requester records its side and sends a
//! Link signal, the target records its side when it applies it.
//!
//! `die` is the exit path, in Erlang's order: release the registered name,
//! close the inbound queue (later signals are refused and handled by their
//! sender), publish the exit reason for `wait_exit`, leave the process
//! table, then send exit signals to links and DOWN to monitors. Link or Monitor requests still queued get `:noproc`.
//!
//! Not here: the running of bodies (scheduler.rs) or the public operations
//! (cx.rs, runtime.rs).

use crate::alias::AliasMode;
use crate::body::{Body, Term};
use crate::mailbox::{Mail, Signal};
use crate::process::{Inner, Proc, Slot};
use crate::runtime::Shared;
use crate::scheduler::Origin;
use std::sync::atomic::Ordering;
use std::sync::Arc;

impl<T: Term, B: Body<T>> Shared<T, B> {
    /// Send a signal to `to`; gives it back if `to` is not alive.
    pub(crate) fn deliver(
        &self,
        to: crate::Pid,
        sig: Signal<T>,
        origin: Origin<'_, T, B>,
    ) -> Result<(), Signal<T>> {
        if to.node() != 0 {
            return match self.remote.get() {
                Some(hook) => {
                    hook(to, sig);
                    Ok(())
                }
                None => Err(sig),
            };
        }
        match self.table.get(to) {
            Some(p) => self.deliver_to(&p, sig, origin),
            None => Err(sig),
        }
    }

    /// Send a signal to the process `p` (found by its pid, or remembered);
    /// gives it back if `p` has exited: its inbound queue is closed before
    /// it leaves the table, so a remembered `p` refuses exactly what a
    /// lookup would.
    pub(crate) fn deliver_to(
        &self,
        p: &Arc<Proc<T, B>>,
        sig: Signal<T>,
        origin: Origin<'_, T, B>,
    ) -> Result<(), Signal<T>> {
        p.inbound.push(sig)?;
        if p.state.notify() {
            self.sched.wake(p.clone(), origin);
        }
        Ok(())
    }
}

/// Apply one signal to process `p` whose private queue is `mail`. Returns the
/// exit reason if the signal kills the process.
pub(crate) fn apply<T: Term, B: Body<T>>(
    shared: &Shared<T, B>,
    origin: Origin<'_, T, B>,
    p: &Proc<T, B>,
    mail: &mut Mail<T>,
    sig: Signal<T>,
) -> Option<T> {
    match sig {
        Signal::Message(m) => mail.queue.push_back(m),
        Signal::AliasMessage { alias, msg } => {
            if take_alias(shared, origin, p, alias) {
                mail.queue.push_back(msg);
            }
        }
        Signal::Exit { from, reason, link } => {
            let mut meta = p.meta.lock();
            if link && !meta.remove_link(from) {
                // The link was removed since: the signal is dropped.
                return None;
            }
            if !link && reason.is_kill() {
                // Process.exit(pid, :kill) cannot be trapped.
                return Some(T::killed());
            }
            if meta.trap_exit {
                drop(meta);
                mail.queue.push_back(T::exit_message(from, reason));
            } else if !reason.is_normal() {
                return Some(reason);
            }
        }
        Signal::Link(from) => {
            p.meta.lock().add_link(from);
        }
        Signal::Unlink(from) => {
            p.meta.lock().remove_link(from);
        }
        Signal::Monitor { from, mref } => {
            p.meta.lock().rel_mut().monitored_by.push((mref, from));
        }
        Signal::Demonitor(mref) => p.meta.lock().remove_monitored_by(mref),
        Signal::Down { mref, pid, reason } => {
            let active = {
                let mut meta = p.meta.lock();
                let active = meta.remove_monitor_named(mref);
                // The DOWN removes the monitor, and with it an alias made
                // to end with it.
                if active.is_some() && end_alias_with_monitor(&mut meta, mref) {
                    shared.aliases.remove(mref);
                }
                active
            };
            // A DOWN for a monitor removed by demonitor is never delivered.
            match active {
                Some((_, None)) => mail.queue.push_back(T::down_message(mref, pid, reason)),
                Some((_, Some(name))) => mail
                    .queue
                    .push_back(T::down_message_named(mref, pid, &name, reason)),
                None => {}
            }
        }
    }
    None
}

/// Whether a message through `alias` reaches process `p` (the alias is
/// active); deactivates a reply alias, and removes the monitor of a
/// `reply_demonitor` one.
pub(crate) fn take_alias<T: Term, B: Body<T>>(
    shared: &Shared<T, B>,
    origin: Origin<'_, T, B>,
    p: &Proc<T, B>,
    alias: crate::Ref,
) -> bool {
    let mut meta = p.meta.lock();
    match meta.alias_mode(alias) {
        None => false,
        Some(AliasMode::Explicit | AliasMode::Demonitor) => true,
        Some(AliasMode::Reply) => {
            meta.remove_alias(alias);
            drop(meta);
            shared.aliases.remove(alias);
            true
        }
        Some(AliasMode::ReplyDemonitor) => {
            meta.remove_alias(alias);
            let target = meta.remove_monitor(alias);
            drop(meta);
            shared.aliases.remove(alias);
            if let Some(t) = target {
                let _ = shared.deliver(t, Signal::Demonitor(alias), origin);
            }
            true
        }
    }
}

/// Deactivate the alias of monitor `mref` if it ends with the monitor.
pub(crate) fn end_alias_with_monitor(meta: &mut crate::process::Meta, mref: crate::Ref) -> bool {
    match meta.alias_mode(mref) {
        Some(m) if m.ends_with_monitor() => {
            meta.remove_alias(mref);
            true
        }
        _ => false,
    }
}

/// Tear down process `p` (its worker holds `inner`) with `reason`.
/// `leftover` are signals drained but not applied because an earlier one
/// killed the process.
pub(crate) fn die<T: Term, B: Body<T>>(
    shared: &Shared<T, B>,
    origin: Origin<'_, T, B>,
    p: &Arc<Proc<T, B>>,
    inner: &mut Inner<T, B>,
    reason: T,
    leftover: Vec<Signal<T>>,
) {
    let pid = p.pid;
    let body = std::mem::replace(&mut inner.slot, Slot::Dead(reason.clone()));
    let mail = std::mem::replace(&mut inner.mail, Mail::new());
    if let Some(id) = inner.timer.take() {
        shared.timers.cancel(id.get());
    }
    let rel = {
        let mut m = p.meta.lock();
        m.dead = true;
        m.rel.take()
    };
    if let Some(name) = rel.as_ref().and_then(|r| r.name.as_deref()) {
        shared.registry.release(name, pid);
    }
    for &(a, _) in rel.iter().flat_map(|r| r.aliases.iter()) {
        shared.aliases.remove(a);
    }
    let queued = p.inbound.close();
    p.private_len.store(0, Ordering::Relaxed);
    // DONE, the reason published for `wait_exit` and the removal from the
    // table happen together under the `exits` lock: a waiter that no longer
    // finds the process in the table is sure to find the reason, and one
    // that has the reason is sure the process is no longer alive
    // (see Runtime::wait_exit).
    shared.exited_since_trim.fetch_add(1, Ordering::Relaxed);
    shared.live.fetch_sub(1, Ordering::Relaxed);
    if p.state.finish() {
        let mut exits = shared.exits.lock();
        exits.insert(pid, reason.clone());
        shared.table.remove(pid);
        drop(exits);
        shared.exit_cv.notify_all();
    } else {
        shared.table.remove(pid);
    }
    if let Some(rel) = &rel {
        for &l in &rel.links {
            let sig = Signal::Exit {
                from: pid,
                reason: reason.clone(),
                link: true,
            };
            let _ = shared.deliver(l, sig, origin);
        }
        for &(mref, w) in &rel.monitored_by {
            let sig = Signal::Down {
                mref,
                pid,
                reason: reason.clone(),
            };
            let _ = shared.deliver(w, sig, origin);
        }
        for &(mref, t) in &rel.monitors {
            let _ = shared.deliver(t, Signal::Demonitor(mref), origin);
        }
    }
    for sig in leftover.into_iter().chain(queued) {
        let reply = match sig {
            Signal::Link(from) => (
                from,
                Signal::Exit {
                    from: pid,
                    reason: T::noproc(),
                    link: true,
                },
            ),
            Signal::Monitor { from, mref } => (
                from,
                Signal::Down {
                    mref,
                    pid,
                    reason: T::noproc(),
                },
            ),
            _ => continue,
        };
        let _ = shared.deliver(reply.0, reply.1, origin);
    }
    drop(body);
    drop(mail);
}
