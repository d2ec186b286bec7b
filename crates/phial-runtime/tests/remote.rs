//! The remote hook (`Runtime::set_remote`): every signal a local process
//! addresses to another node's pid reaches the hook, in order, including
//! those its exit sends; signals brought in from outside
//! (`Runtime::signal`) act as a local sender's would. Not here: the
//! protocol that carries them (phial-dist, phial-eval's dist).

mod common;
use common::*;
use phial_runtime::{Pid, Signal, Step};
use std::sync::mpsc;
use std::sync::Mutex;

/// What the hook saw, in a form to compare.
fn describe(to: Pid, sig: Signal<TT>) -> String {
    let t = to.node();
    match sig {
        Signal::Message(m) => format!("msg {t} {m:?}"),
        Signal::AliasMessage { .. } => format!("alias {t}"),
        Signal::Exit { reason, link, .. } => format!("exit {t} {reason:?} {link}"),
        Signal::Link(_) => format!("link {t}"),
        Signal::Unlink(_) => format!("unlink {t}"),
        Signal::Monitor { .. } => format!("monitor {t}"),
        Signal::Demonitor(_) => format!("demonitor {t}"),
        Signal::Down { reason, .. } => format!("down {t} {reason:?}"),
    }
}

#[test]
fn links_monitors_and_exits_to_another_node_reach_the_hook() {
    let rt = rt(2);
    let (tx, rx) = mpsc::channel::<String>();
    let tx = Mutex::new(tx);
    assert!(rt.set_remote(Box::new(move |to, sig| {
        let _ = tx.lock().unwrap().send(describe(to, sig));
    })));
    let remote = Pid::new(3, 42);
    let p = rt.spawn(body(move |cx| {
        assert!(cx.link(remote).is_ok());
        let _ = cx.monitor(remote);
        cx.exit(remote, atom("bye"));
        Step::Exit(atom("boom"))
    }));
    assert_eq!(rt.wait_exit(p), Some(atom("boom")));
    let seen: Vec<String> = (0..5)
        .map(|_| rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap())
        .collect();
    assert_eq!(
        seen,
        [
            "link 3",
            "monitor 3",
            "exit 3 Atom(\"bye\") false",
            "exit 3 Atom(\"boom\") true",
            "demonitor 3",
        ]
    );
    rt.shutdown();
}

#[test]
fn signals_from_outside_act_as_a_peers() {
    let rt = rt(2);
    assert!(rt.set_remote(Box::new(|_, _| {})));
    let remote = Pid::new(3, 42);
    let (tx, rx) = mpsc::channel();
    let mut started = false;
    let p = rt.spawn(body(move |cx| {
        if !started {
            started = true;
            cx.set_trap_exit(true);
            tx.send(()).unwrap();
        }
        match recv(cx, any) {
            Some(m) => Step::Exit(TT::Tuple(vec![atom("got"), m])),
            None => WAIT,
        }
    }));
    rx.recv().unwrap();
    // A link from the peer, then its exit signal: trapped, as a message.
    assert!(rt.signal(p, Signal::Link(remote)).is_ok());
    let exit = Signal::Exit {
        from: remote,
        reason: atom("noconnection"),
        link: true,
    };
    assert!(rt.signal(p, exit).is_ok());
    assert_eq!(
        rt.wait_exit(p),
        Some(TT::Tuple(vec![
            atom("got"),
            TT::Exit(remote, Box::new(atom("noconnection")))
        ]))
    );
    // To a process that is gone: the signal comes back.
    assert!(rt.signal(p, Signal::Link(remote)).is_err());
    rt.shutdown();
}
