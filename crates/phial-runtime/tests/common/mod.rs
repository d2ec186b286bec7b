//! Shared test scaffolding: a plain Rust term type and a closure body.
//!
//! `TT` stands in for the evaluator's term; `FnBody` turns a closure over
//! its own state into a process body, so each test writes its processes as
//! small state machines. `recv` implements the receive protocol the
//! evaluator uses (scan from the save index, take on match, else move the
//! save index to the end and wait). Not a model of the evaluator beyond that.
#![allow(dead_code)]

use phial_runtime::{Body, Config, Cx, Pid, Ref, Runtime, Step, Term};
use std::time::Instant;

#[derive(Clone, Debug, PartialEq)]
pub enum TT {
    Atom(&'static str),
    Int(i64),
    Pid(Pid),
    Ref(Ref),
    Tuple(Vec<TT>),
    Exit(Pid, Box<TT>),
    Down(Ref, Pid, Box<TT>),
    Panic(String),
}

impl Term for TT {
    fn normal() -> Self {
        TT::Atom("normal")
    }
    fn kill() -> Self {
        TT::Atom("kill")
    }
    fn killed() -> Self {
        TT::Atom("killed")
    }
    fn noproc() -> Self {
        TT::Atom("noproc")
    }
    fn is_normal(&self) -> bool {
        *self == TT::Atom("normal")
    }
    fn is_kill(&self) -> bool {
        *self == TT::Atom("kill")
    }
    fn exit_message(from: Pid, reason: Self) -> Self {
        TT::Exit(from, Box::new(reason))
    }
    fn down_message(mref: Ref, pid: Pid, reason: Self) -> Self {
        TT::Down(mref, pid, Box::new(reason))
    }
    fn panic_reason(msg: &str) -> Self {
        TT::Panic(msg.to_string())
    }
    fn down_ref(&self) -> Option<Ref> {
        match self {
            TT::Down(r, _, _) => Some(*r),
            _ => None,
        }
    }
}

pub type C<'a> = Cx<'a, TT, FnBody>;
type F = dyn FnMut(&mut C<'_>) -> Step<TT> + Send;

pub struct FnBody(Box<F>);

impl FnBody {
    pub fn new(f: impl FnMut(&mut C<'_>) -> Step<TT> + Send + 'static) -> Self {
        FnBody(Box::new(f))
    }
}

impl Body<TT> for FnBody {
    fn run(&mut self, cx: &mut Cx<'_, TT, Self>) -> Step<TT> {
        (self.0)(cx)
    }
}

pub type Rt = Runtime<TT, FnBody>;

pub fn rt(threads: usize) -> Rt {
    Runtime::new(Config {
        threads,
        ..Config::default()
    })
}

pub fn body(f: impl FnMut(&mut C<'_>) -> Step<TT> + Send + 'static) -> FnBody {
    FnBody::new(f)
}

/// The evaluator's receive protocol: first message from the save index on
/// that `pred` accepts, or None after moving the save index to the end (the
/// caller then returns `Step::Wait`).
pub fn recv(cx: &mut C<'_>, mut pred: impl FnMut(&TT) -> bool) -> Option<TT> {
    let len = cx.mailbox_len();
    for i in cx.save_index()..len {
        if cx.message(i).is_some_and(&mut pred) {
            return Some(cx.take_message(i));
        }
    }
    cx.set_save_index(len);
    None
}

pub fn any(_: &TT) -> bool {
    true
}

pub const WAIT: Step<TT> = Step::Wait { deadline: None };

pub fn wait_until(d: Instant) -> Step<TT> {
    Step::Wait { deadline: Some(d) }
}

pub fn atom(a: &'static str) -> TT {
    TT::Atom(a)
}
