//! Exit signals, links, monitors, registered names: the Erlang rules, one
//! test each, plus the matrix normal/abnormal/kill x trapping/not x
//! link/monitor. Not here: message ordering (messaging.rs).

mod common;
use common::*;
use phial_runtime::{NoProc, Pid, RegisterError, Step};
use std::sync::mpsc;

/// How the target X dies.
#[derive(Clone, Copy, Debug)]
enum Death {
    /// X returns Exit(:normal).
    Normal,
    /// X returns Exit(:boom).
    Abnormal,
    /// Someone calls Process.exit(X, :kill): X dies with :killed.
    ExitKill,
    /// X itself exits with reason :kill (an ordinary reason on the link).
    OwnKill,
}

/// A watcher W (trapping or not) spawns X with a link+monitor or a monitor
/// only. The monitor's DOWN comes after the link's exit signal (same sender),
/// so when W sees DOWN, the link signal has been dealt with. Returns W's
/// exit reason and, if W survived, the messages it got.
fn scenario(death: Death, trap: bool, link: bool) -> (TT, Vec<TT>) {
    let rt = rt(2);
    let (tx, rx) = mpsc::channel();
    let (mtx, mrx) = mpsc::channel();
    let mut got = Vec::new();
    let mut x = None;
    let w = rt.spawn(body(move |cx| {
        if x.is_none() {
            cx.set_trap_exit(trap);
            let (pid, _) = cx.spawn(
                body(move |cx| match recv(cx, any) {
                    Some(TT::Atom("die")) => Step::Exit(match death {
                        Death::Normal => atom("normal"),
                        Death::Abnormal => atom("boom"),
                        Death::OwnKill => atom("kill"),
                        Death::ExitKill => unreachable!(),
                    }),
                    _ => WAIT,
                }),
                link,
                true,
            );
            x = Some(pid);
            tx.send(pid).unwrap();
        }
        loop {
            match recv(cx, any) {
                Some(m @ TT::Down(..)) => {
                    got.push(m);
                    mtx.send(got.clone()).unwrap();
                    return Step::Exit(atom("survived"));
                }
                Some(m) => got.push(m),
                None => return WAIT,
            }
        }
    }));
    let xpid = rx.recv().unwrap();
    match death {
        Death::ExitKill => rt.exit(xpid, atom("kill")),
        _ => rt.send(xpid, atom("die")),
    }
    let reason = rt.wait_exit(w).unwrap();
    let msgs = mrx.try_recv().unwrap_or_default();
    rt.shutdown();
    // Replace refs and pids by placeholders for comparison.
    let msgs = msgs
        .into_iter()
        .map(|m| match m {
            TT::Down(_, p, r) if p == xpid => TT::Tuple(vec![atom("DOWN"), *r]),
            TT::Exit(p, r) if p == xpid => TT::Tuple(vec![atom("EXIT"), *r]),
            other => other,
        })
        .collect();
    (reason, msgs)
}

fn down(r: &'static str) -> TT {
    TT::Tuple(vec![atom("DOWN"), atom(r)])
}
fn exit(r: &'static str) -> TT {
    TT::Tuple(vec![atom("EXIT"), atom(r)])
}

#[test]
fn matrix_link_not_trapping() {
    // :normal does not kill a linked process.
    assert_eq!(
        scenario(Death::Normal, false, true),
        (atom("survived"), vec![down("normal")])
    );
    // Any other reason kills it with the same reason.
    assert_eq!(
        scenario(Death::Abnormal, false, true),
        (atom("boom"), vec![])
    );
    // Killed by :kill: the link carries :killed.
    assert_eq!(
        scenario(Death::ExitKill, false, true),
        (atom("killed"), vec![])
    );
    // Exiting with :kill itself: an ordinary reason on the link.
    assert_eq!(
        scenario(Death::OwnKill, false, true),
        (atom("kill"), vec![])
    );
}

#[test]
fn matrix_link_trapping() {
    for (d, r) in [
        (Death::Normal, "normal"),
        (Death::Abnormal, "boom"),
        (Death::ExitKill, "killed"),
        (Death::OwnKill, "kill"),
    ] {
        assert_eq!(
            scenario(d, true, true),
            (atom("survived"), vec![exit(r), down(r)]),
            "{d:?}"
        );
    }
}

#[test]
fn matrix_monitor() {
    for trap in [false, true] {
        for (d, r) in [
            (Death::Normal, "normal"),
            (Death::Abnormal, "boom"),
            (Death::ExitKill, "killed"),
            (Death::OwnKill, "kill"),
        ] {
            assert_eq!(
                scenario(d, trap, false),
                (atom("survived"), vec![down(r)]),
                "{d:?} {trap}"
            );
        }
    }
}

/// A target that waits for messages and reports what it got; used to test
/// Process.exit/2 sent by another process.
fn exit_rule(trap: bool, reason: TT) -> (TT, Vec<TT>) {
    let rt = rt(2);
    let (tx, rx) = mpsc::channel();
    let mut got = Vec::new();
    let mut started = false;
    let target = rt.spawn(body(move |cx| {
        if !started {
            started = true;
            cx.set_trap_exit(trap);
            tx.send(()).unwrap();
        }
        loop {
            match recv(cx, any) {
                Some(TT::Atom("report")) => return Step::Exit(TT::Tuple(got.clone())),
                Some(m) => got.push(m),
                None => return WAIT,
            }
        }
    }));
    rx.recv().unwrap();
    // The sender is a process; it sends the exit signal then :report, so
    // the report comes after the signal (per-pair order).
    let sender = rt.spawn(body(move |cx| {
        cx.exit(target, reason.clone());
        cx.send(target, atom("report"));
        Step::Exit(atom("normal"))
    }));
    let r = rt.wait_exit(target).unwrap();
    rt.wait_exit(sender);
    rt.shutdown();
    match r {
        TT::Tuple(msgs) => (
            atom("reported"),
            msgs.into_iter()
                .map(|m| match m {
                    TT::Exit(p, r) if p == sender => TT::Tuple(vec![atom("EXIT"), *r]),
                    o => o,
                })
                .collect(),
        ),
        other => (other, vec![]),
    }
}

#[test]
fn process_exit_rules() {
    // exit(pid, :normal) to a non-trapping process is ignored...
    assert_eq!(exit_rule(false, atom("normal")), (atom("reported"), vec![]));
    // ...and becomes a message for a trapping one.
    assert_eq!(
        exit_rule(true, atom("normal")),
        (atom("reported"), vec![exit("normal")])
    );
    // Another reason kills a non-trapping process with that reason...
    assert_eq!(exit_rule(false, atom("boom")), (atom("boom"), vec![]));
    // ...and is a message for a trapping one.
    assert_eq!(
        exit_rule(true, atom("boom")),
        (atom("reported"), vec![exit("boom")])
    );
    // :kill is untrappable and becomes :killed.
    assert_eq!(exit_rule(false, atom("kill")), (atom("killed"), vec![]));
    assert_eq!(exit_rule(true, atom("kill")), (atom("killed"), vec![]));
}

#[test]
fn exit_self() {
    let rt = rt(2);
    // exit(self, :normal) kills self with :normal even though nothing else
    // would; the pending exit wins over the returned step.
    let a = rt.spawn(body(|cx| {
        let me = cx.self_pid();
        cx.exit(me, atom("normal"));
        assert!(cx.exiting());
        Step::Yield
    }));
    assert_eq!(rt.wait_exit(a), Some(atom("normal")));
    // Trapping: it becomes a message.
    let b = rt.spawn(body(|cx| {
        cx.set_trap_exit(true);
        let me = cx.self_pid();
        cx.exit(me, atom("normal"));
        match recv(cx, any) {
            Some(TT::Exit(p, r)) if p == me => Step::Exit(*r),
            _ => Step::Exit(atom("wrong")),
        }
    }));
    assert_eq!(rt.wait_exit(b), Some(atom("normal")));
    // :kill to self while trapping still kills.
    let c = rt.spawn(body(|cx| {
        cx.set_trap_exit(true);
        let me = cx.self_pid();
        cx.exit(me, atom("kill"));
        Step::Yield
    }));
    assert_eq!(rt.wait_exit(c), Some(atom("killed")));
    rt.shutdown();
}

/// Exit signals take effect on a parked process (wake it and kill it).
#[test]
fn exit_kills_waiting_process() {
    let rt = rt(2);
    let (tx, rx) = mpsc::channel();
    let p = rt.spawn(body(move |_cx| {
        let _ = tx.send(());
        WAIT
    }));
    rx.recv().unwrap();
    rt.exit(p, atom("boom"));
    assert_eq!(rt.wait_exit(p), Some(atom("boom")));
    assert!(!rt.is_alive(p));
    rt.shutdown();
}

/// ...and on a runnable one before its body runs again (a hog).
#[test]
fn exit_kills_runnable_hog() {
    let rt = rt(1);
    let p = rt.spawn(body(|_cx| Step::Yield));
    rt.exit(p, atom("kill"));
    assert_eq!(rt.wait_exit(p), Some(atom("killed")));
    rt.shutdown();
}

#[test]
fn link_and_monitor_dead_process() {
    let rt = rt(2);
    let dead = rt.spawn(body(|_| Step::Exit(atom("normal"))));
    rt.wait_exit(dead);
    let p = rt.spawn(body(move |cx| {
        // Not trapping: link to a dead pid fails with noproc.
        assert_eq!(cx.link(dead), Err(NoProc));
        // Trapping: {:EXIT, pid, :noproc} arrives instead.
        cx.set_trap_exit(true);
        assert_eq!(cx.link(dead), Ok(()));
        let m = recv(cx, any).unwrap();
        assert_eq!(m, TT::Exit(dead, Box::new(atom("noproc"))));
        // Monitor of a dead pid: DOWN with :noproc at once.
        let r = cx.monitor(dead);
        let m = recv(cx, any).unwrap();
        assert_eq!(m, TT::Down(r, dead, Box::new(atom("noproc"))));
        Step::Exit(atom("ok"))
    }));
    assert_eq!(rt.wait_exit(p), Some(atom("ok")));
    rt.shutdown();
}

/// Monitors stack: two monitors, two DOWNs. Links do not: one link per pair.
#[test]
fn monitors_stack_links_do_not() {
    let rt = rt(2);
    let mut state = 0;
    let mut refs = Vec::new();
    let mut target = None;
    let p = rt.spawn(body(move |cx| loop {
        match state {
            0 => {
                let (t, _) = cx.spawn(
                    body(|cx| match recv(cx, any) {
                        Some(_) => Step::Exit(atom("bye")),
                        None => WAIT,
                    }),
                    false,
                    false,
                );
                target = Some(t);
                refs.push(cx.monitor(t));
                refs.push(cx.monitor(t));
                cx.link(t).unwrap();
                cx.link(t).unwrap();
                let me = cx.self_pid();
                let info = cx.info(me).unwrap();
                assert_eq!(info.links, vec![t]);
                assert_eq!(info.monitors.len(), 2);
                cx.set_trap_exit(true);
                cx.send(t, atom("go"));
                state = 1;
            }
            _ => {
                // One EXIT (one link) and two DOWNs.
                if cx.mailbox_len() < 3 {
                    cx.drain_new();
                    if cx.mailbox_len() < 3 {
                        return WAIT;
                    }
                }
                let t = target.unwrap();
                let msgs: Vec<TT> = (0..cx.mailbox_len())
                    .map(|i| cx.message(i).unwrap().clone())
                    .collect();
                assert_eq!(
                    msgs,
                    vec![
                        TT::Exit(t, Box::new(atom("bye"))),
                        TT::Down(refs[0], t, Box::new(atom("bye"))),
                        TT::Down(refs[1], t, Box::new(atom("bye"))),
                    ]
                );
                return Step::Exit(atom("ok"));
            }
        }
    }));
    assert_eq!(rt.wait_exit(p), Some(atom("ok")));
    rt.shutdown();
}

/// After unlink no exit signal arrives; after demonitor no DOWN.
#[test]
fn unlink_and_demonitor() {
    let rt = rt(2);
    let mut started = false;
    let p = rt.spawn(body(move |cx| {
        if !started {
            started = true;
            let (t, r) = cx.spawn(
                body(|cx| match recv(cx, any) {
                    Some(_) => Step::Exit(atom("boom")),
                    None => WAIT,
                }),
                true,
                true,
            );
            cx.unlink(t);
            assert!(cx.demonitor(r.unwrap(), false));
            assert!(!cx.demonitor(r.unwrap(), false));
            // A second monitor to learn when t is gone.
            let r2 = cx.monitor(t);
            cx.send(t, atom("go"));
            cx.send(cx.self_pid(), TT::Ref(r2));
        }
        // Not trapping: a boom through a live link would kill us.
        let Some(TT::Ref(r2)) = cx.message(0).cloned() else {
            unreachable!()
        };
        match recv(cx, |m| matches!(m, TT::Down(r, _, _) if *r == r2)) {
            Some(_) => Step::Exit(TT::Int(cx.mailbox_len() as i64)),
            None => WAIT,
        }
    }));
    // Only the Ref message is left: no DOWN for the first monitor.
    assert_eq!(rt.wait_exit(p), Some(TT::Int(1)));
    rt.shutdown();
}

#[test]
fn demonitor_flush_removes_delivered_down() {
    let rt = rt(2);
    let mut state = None;
    let p = rt.spawn(body(move |cx| {
        let (t, r) = *state.get_or_insert_with(|| {
            let (t, r) = cx.spawn(body(|_| Step::Exit(atom("bye"))), false, true);
            (t, r.unwrap())
        });
        // Wait until the DOWN is in the mailbox, then flush it.
        if recv(cx, |m| matches!(m, TT::Atom("never"))).is_none() && cx.mailbox_len() == 0 {
            return WAIT;
        }
        assert_eq!(cx.message(0), Some(&TT::Down(r, t, Box::new(atom("bye")))));
        assert!(!cx.demonitor(r, true));
        Step::Exit(TT::Int(cx.mailbox_len() as i64))
    }));
    assert_eq!(rt.wait_exit(p), Some(TT::Int(0)));
    rt.shutdown();
}

#[test]
fn panic_is_an_abnormal_exit() {
    let rt = rt(2);
    let mut started = false;
    let p = rt.spawn(body(move |cx| {
        if !started {
            started = true;
            cx.set_trap_exit(true);
            cx.spawn(body(|_| panic!("body bug")), true, false);
        }
        match recv(cx, any) {
            Some(TT::Exit(_, r)) => Step::Exit(*r),
            _ => WAIT,
        }
    }));
    assert_eq!(rt.wait_exit(p), Some(TT::Panic("body bug".into())));
    // The VM is still fine.
    let q = rt.spawn(body(|_| Step::Exit(atom("fine"))));
    assert_eq!(rt.wait_exit(q), Some(atom("fine")));
    rt.shutdown();
}

#[test]
fn registered_names() {
    let rt = rt(2);
    let (tx, rx) = mpsc::channel();
    let mut started = false;
    let mut srv: Option<Pid> = None;
    let p = rt.spawn(body(move |cx| {
        if !started {
            started = true;
            let me = cx.self_pid();
            let (s, _) = cx.spawn(
                body(|cx| match recv(cx, any) {
                    Some(TT::Atom("stop")) => Step::Exit(atom("normal")),
                    Some(_) => WAIT,
                    None => WAIT,
                }),
                false,
                false,
            );
            srv = Some(s);
            assert_eq!(cx.register("srv", s), Ok(()));
            assert_eq!(cx.whereis("srv"), Some(s));
            assert_eq!(
                cx.register("srv", me),
                Err(RegisterError::AlreadyRegistered)
            );
            assert_eq!(cx.register("other", s), Err(RegisterError::HasName));
            assert_eq!(cx.register("me", me), Ok(()));
            assert_eq!(
                cx.runtime().registered(),
                vec!["me".to_string(), "srv".to_string()]
            );
            assert!(cx.unregister("me"));
            assert!(!cx.unregister("me"));
            assert_eq!(
                cx.runtime().info(s).unwrap().registered_name.as_deref(),
                Some("srv")
            );
            cx.monitor(s);
            cx.send(s, atom("stop"));
        }
        match recv(cx, any) {
            Some(TT::Down(..)) => {
                // The name was released before DOWN went out.
                tx.send(cx.whereis("srv")).unwrap();
                let dead = srv.unwrap();
                tx.send(cx.register("x", dead).err().map(|_| dead)).unwrap();
                Step::Exit(atom("normal"))
            }
            _ => WAIT,
        }
    }));
    assert_eq!(rx.recv().unwrap(), None);
    assert!(rx.recv().unwrap().is_some());
    rt.wait_exit(p);
    assert!(rt.registered().is_empty());
    rt.shutdown();
}
