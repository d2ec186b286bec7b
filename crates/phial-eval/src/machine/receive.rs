//! `receive`: scanning the mailbox from the save index for the first
//! message a clause accepts, the receive mark that lets a pure `receive`
//! skip what it already rejected, and timeouts.
//!
//! Not here: the mailbox itself (`phial_runtime`), the `Receive` op's
//! waiting and resuming (the step loop).

use super::Pcx;
use crate::atom::Atom;
use crate::code::FnCode;
use crate::error::{self, Raise};
use crate::library::Ctx;
use crate::matching::{guard_passes, match_pat};
use crate::process::Process;
use crate::value::Value;
use std::time::{Duration, Instant};

pub(super) fn receive_deadline(timeout: &Value) -> Result<Option<Instant>, Raise> {
    match timeout {
        Value::Atom(Atom::INFINITY) => Ok(None),
        // The BEAM's timeouts are 32-bit milliseconds: anything else, as
        // a negative number, is `:timeout_value`.
        Value::Int(ms @ 0..=0xFFFF_FFFF) => {
            Ok(Some(Instant::now() + Duration::from_millis(*ms as u64)))
        }
        _ => Err(error::erlang_error(Value::atom("timeout_value"))),
    }
}

/// Stands for "no deadline" once a receive has started waiting.
pub(super) fn far_future() -> Instant {
    use std::sync::OnceLock;
    static FAR: OnceLock<Instant> = OnceLock::new();
    *FAR.get_or_init(|| Instant::now() + Duration::from_secs(100 * 365 * 24 * 3600))
}

/// Removes message `i`, keeping the receive mark true: the messages before
/// `i` that the marked site rejected are still there and still rejected.
pub(super) fn take(p: &mut Process, cx: Pcx, i: usize) {
    cx.take_message(i);
    if let Some(mark) = &mut p.recv_mark {
        mark.2 = mark.2.min(i);
    }
}

/// Finds the first message (from the save index) that a clause of
/// `code.switches[switch]` accepts, binding the clause's variables.
///
/// For a pure switch (see `Switch::is_pure`), messages this same site
/// rejected on an earlier visit are skipped, so a server that repeatedly
/// waits for one kind of message past a backlog of others scans the backlog
/// once, not once per receive.
pub(super) fn receive_scan(
    p: &mut Process,
    cx: Pcx,
    code: &FnCode,
    switch: u32,
    base: usize,
) -> Option<(usize, u32)> {
    cx.drain_new();
    let sw = &code.switches[switch as usize];
    let site = (code as *const FnCode as usize, switch);
    let pure = sw.is_pure();
    let len = cx.mailbox_len();
    let mut i = cx.save_index();
    if pure {
        if let Some((addr, sw_idx, rejected)) = p.recv_mark {
            if (addr, sw_idx) == site {
                i = i.max(rejected);
            }
        }
    }
    while i < len {
        for c in &sw.clauses {
            let Some(msg) = cx.message(i) else { break };
            if !match_pat(&c.pat, msg, &mut p.stack[base..]) {
                continue;
            }
            let ok = match &c.guard {
                None => true,
                Some(g) => {
                    let mut ctx = Ctx {
                        cx,
                        vm: &p.vm,
                        rare: None,
                    };
                    guard_passes(g, &p.stack[base..], &mut ctx)
                }
            };
            if ok {
                p.recv_mark = pure.then_some((site.0, site.1, i));
                return Some((i, c.target));
            }
        }
        i += 1;
    }
    if pure {
        p.recv_mark = Some((site.0, site.1, len));
    }
    None
}
