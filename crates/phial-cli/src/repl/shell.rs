//! The shell process and its supervisor.
//!
//! The shell is a green process with `Role::Shell`: it asks this host for the
//! next job (a compiled input and the binding values it captures), runs it in
//! its own process (so `self()`, `receive` and `flush()` mean the shell), and
//! hands the result back. The line editor's thread submits a job and waits
//! for its outcome.
//!
//! Supervision: a watcher thread per shell process blocks in
//! `Runtime::wait_exit`. When the shell dies (a linked process crashed, or
//! Ctrl+C killed it) the watcher starts a new shell process at once. Bindings,
//! history and the counter live outside the process (here and in the REPL),
//! so the new shell keeps them; only the pid changes.
//!
//! The wake-up protocol: the host sends the wake marker only when the shell
//! has told it (by finding no job) that it is about to wait. A shell that is
//! busy, or still booting, picks the job up by itself when it next asks, so
//! no marker is ever left in the mailbox where user code could see it.
//!
//! Not here: compiling inputs, printing results (`session`).

use super::print::ReplOutput;
use phial_eval::code::FnCode;
use phial_eval::error::format_exit;
use phial_eval::process::{shell_wake, ErrorReport};
use phial_eval::{Process, Raise, Role, ShellHost, Value, Vm};
use phial_runtime::{Pid, Status, Term};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How one submitted input ended.
pub enum Outcome {
    Value(Value),
    /// The raise, and what is printed of it after its banner.
    Raised(Raise, ErrorReport),
    /// A linked process killed the shell while it ran the input.
    Died {
        from: Pid,
        reason: Value,
    },
    /// Ctrl+C.
    Interrupted,
}

type Job = (u64, Arc<FnCode>, Vec<Value>);

/// How long reports wait for a running input's result (`ReplOutput::hold`).
const HOLD_AT_MOST: Duration = Duration::from_millis(200);

struct State {
    /// The current shell process.
    pid: Pid,
    /// The shell found no job and is waiting for the wake marker.
    idle: bool,
    job: Option<Job>,
    running: Option<u64>,
    done: Option<(u64, Outcome)>,
    /// The next death is ours (Ctrl+C): report it as an interrupt.
    interrupting: bool,
    /// The next death is ours (`respawn()`): say nothing.
    respawning: bool,
    /// The shell's links when it last finished a job: who may kill it.
    links: Vec<Pid>,
    /// Links of the job before that one which were gone, dead, when the
    /// last job finished: a crash that killed the shell after the job but
    /// before its watcher saw it has already dropped its link.
    lost: Vec<Pid>,
    next_id: u64,
}

pub struct Shell {
    vm: Arc<Vm>,
    out: Arc<ReplOutput>,
    color: bool,
    /// A trivial program the shell runs when it starts, before any job.
    boot: Arc<FnCode>,
    st: Mutex<State>,
    cv: Condvar,
}

/// The `ShellHost` the process sees; a separate type so that the process
/// holds the host without a reference cycle through `Shell::st`.
struct Host(Arc<Shell>);

impl ShellHost for Host {
    fn next_job(&self) -> Option<(Arc<FnCode>, Vec<Value>)> {
        let mut st = self.0.lock();
        match st.job.take() {
            Some((id, code, captures)) => {
                st.running = Some(id);
                st.idle = false;
                Some((code, captures))
            }
            None => {
                st.idle = true;
                None
            }
        }
    }

    fn finished(&self, pid: Pid, result: Result<Value, Raise>, report: ErrorReport) {
        let mut st = self.0.lock();
        if st.pid != pid {
            return;
        }
        // The boot program finishes with nothing running: ignore it.
        if let Some(id) = st.running.take() {
            st.done = Some((
                id,
                match result {
                    Ok(v) => Outcome::Value(v),
                    Err(r) => Outcome::Raised(r, report),
                },
            ));
            self.0.cv.notify_all();
        }
    }
}

impl Shell {
    pub fn start(vm: Arc<Vm>, out: Arc<ReplOutput>, color: bool) -> Arc<Shell> {
        let boot = match vm.load("iex", "nil", &[], false) {
            Ok(p) => p.code,
            Err(_) => unreachable!("`nil` always compiles"),
        };
        let shell = Arc::new(Shell {
            vm,
            out,
            color,
            boot,
            st: Mutex::new(State {
                pid: phial_runtime::OUTSIDE,
                idle: false,
                job: None,
                running: None,
                done: None,
                interrupting: false,
                respawning: false,
                links: Vec::new(),
                lost: Vec::new(),
                next_id: 1,
            }),
            cv: Condvar::new(),
        });
        let mut st = shell.lock();
        shell.spawn_locked(&mut st);
        drop(st);
        shell
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.st.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Starts a shell process and its watcher. Called with the state locked,
    /// so the new process cannot report to the host before `pid` names it.
    fn spawn_locked(self: &Arc<Self>, st: &mut State) {
        let host: Arc<dyn ShellHost> = Arc::new(Host(self.clone()));
        let body = Process::program(
            self.vm.clone(),
            self.boot.clone(),
            Vec::new(),
            Role::Shell(host),
        );
        let pid = self.vm.runtime().spawn(body);
        st.pid = pid;
        st.idle = false;
        st.links.clear();
        st.lost.clear();
        let me = self.clone();
        let spawned = std::thread::Builder::new()
            .name("phial-shell-watch".into())
            .spawn(move || {
                let reason = me.vm.runtime().wait_exit(pid);
                if let Some(reason) = reason {
                    me.on_down(pid, reason);
                }
            });
        if let Err(e) = spawned {
            self.out
                .say(&format!("phial: cannot watch the shell process: {e}\n"));
        }
    }

    /// The shell process `pid` ended with `reason`: report and restart.
    fn on_down(self: &Arc<Self>, pid: Pid, reason: Value) {
        let mut st = self.lock();
        if st.pid != pid {
            return;
        }
        let rt = self.vm.runtime();
        // Name the linked process that failed: of the shell's links, the one
        // now dead. Without one (killed by a link made in the same input),
        // name the shell itself, as IEx does.
        let from = st
            .links
            .iter()
            .chain(&st.lost)
            .copied()
            .find(|l| !rt.is_alive(*l))
            .unwrap_or(pid);
        let interrupted = std::mem::take(&mut st.interrupting);
        let respawning = std::mem::take(&mut st.respawning);
        let outcome = if interrupted {
            Outcome::Interrupted
        } else {
            Outcome::Died {
                from,
                reason: reason.clone(),
            }
        };
        if let Some(id) = st.running.take() {
            st.done = Some((id, outcome));
        } else if interrupted {
            // Interrupted before the shell took the job: drop the job.
            if let Some((id, _, _)) = st.job.take() {
                st.done = Some((id, Outcome::Interrupted));
            }
        } else if !respawning && !reason.is_normal() {
            // Died while idle at the prompt: say so above the prompt.
            self.out
                .background(&(self.exit_text(from, &reason) + "\n"), false);
        }
        self.spawn_locked(&mut st);
        self.cv.notify_all();
    }

    /// `** (EXIT from #PID<0.64.0>) shell process exited with reason: ...`
    pub fn exit_text(&self, from: Pid, reason: &Value) -> String {
        let text = format!(
            "** (EXIT from {from}) shell process exited with reason: {}",
            format_exit(reason)
        );
        super::print::render_error(&text, self.color)
    }

    /// Runs one compiled input in the shell and waits for its outcome.
    /// `interrupt` is polled: when set (Ctrl+C), the shell is killed.
    pub fn eval(&self, code: Arc<FnCode>, captures: Vec<Value>, interrupt: &AtomicBool) -> Outcome {
        let rt = self.vm.runtime();
        let mut st = self.lock();
        let id = st.next_id;
        st.next_id += 1;
        st.done = None;
        st.job = Some((id, code, captures));
        if st.idle {
            st.idle = false;
            rt.send(st.pid, shell_wake());
        }
        let started = Instant::now();
        let outcome = loop {
            // A long input shows other processes' reports as they come.
            if started.elapsed() > HOLD_AT_MOST {
                self.out.release();
            }
            if let Some((did, _)) = &st.done {
                if *did == id {
                    break st.done.take().map(|(_, o)| o);
                }
            }
            if interrupt.swap(false, Ordering::SeqCst) && !st.interrupting {
                st.interrupting = true;
                rt.exit(st.pid, Value::kill());
            }
            st = self
                .cv
                .wait_timeout(st, Duration::from_millis(25))
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        };
        let pid = st.pid;
        drop(st);
        // Remember who the shell is linked to now, to name a later crash.
        let links = rt.info(pid).map(|i| i.links).unwrap_or_default();
        let mut st = self.lock();
        if st.pid == pid {
            let lost = st
                .links
                .iter()
                .copied()
                .filter(|l| !links.contains(l) && !rt.is_alive(*l))
                .collect();
            st.lost = lost;
            st.links = links;
        }
        outcome.unwrap_or(Outcome::Interrupted)
    }

    /// `respawn()`: a fresh shell process, with nothing said about the old one.
    pub fn respawn(&self) {
        let mut st = self.lock();
        st.respawning = true;
        self.vm.runtime().exit(st.pid, Value::kill());
        let old = st.pid;
        // Wait (bounded) for the watcher to start the new shell.
        let deadline = Instant::now() + Duration::from_secs(5);
        while st.pid == old && Instant::now() < deadline {
            st = self
                .cv
                .wait_timeout(st, Duration::from_millis(25))
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
    }

    /// For pasted or piped input: let the effects of the last input play
    /// out (a linked crash reaching the shell) before the next one runs, so
    /// a transcript gives the same results as when typed slowly. Returns when
    /// every process waits, or after `max` (a busy process never waits).
    pub fn settle(&self, max: Duration) {
        let rt = self.vm.runtime();
        let deadline = Instant::now() + max;
        // A dying process leaves the table a moment before its exit signals
        // reach its links: so the world is settled only when two looks, a
        // little apart, see the same processes, all waiting.
        let look = || {
            let pids = rt.processes();
            let waiting = pids
                .iter()
                .filter_map(|p| rt.info(*p))
                .all(|i| i.status == Status::Waiting);
            (pids, waiting)
        };
        let mut last = look();
        loop {
            if Instant::now() >= deadline {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
            let now = look();
            if now.1 && last.1 && now.0 == last.0 {
                return;
            }
            last = now;
        }
    }
}
