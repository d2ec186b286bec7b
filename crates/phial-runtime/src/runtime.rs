//! [`Runtime`]: the handle the outside world (script runner, shell) holds,
//! and the shared state behind it.
//!
//! A `Runtime` is an `Arc` around [`Shared`]: the process table, the name
//! registry, the scheduler queues, the timer service and the id counters.
//! Operations here act "from outside any process": their signals carry the
//! pseudo-sender `#PID<0.0.0>` and their wake-ups go through the global
//! injector.
//!
//! Lifetime: worker threads and the timer thread each hold a clone, so the
//! runtime lives until [`Runtime::shutdown`] is called; call it when done.
//!
//! Not here: what a running process can do (cx.rs), the worker loop
//! (scheduler.rs).

use crate::body::{Body, Term};
use crate::mailbox::Signal;
use crate::pid::{Pid, Ref, TimerRef};
use crate::process::{Proc, Slot, Task};
use crate::registry::Registry;
use crate::scheduler::{worker_main, Origin, Sched};
use crate::state::Status;
use crate::table::Table;
use crate::timer::{timer_main, Action, Timers};
use crossbeam_deque::{Steal, Worker};
use parking_lot::{Condvar, Mutex};
use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroU64;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// The sender of signals sent from outside any process.
pub const OUTSIDE: Pid = Pid::new(0, 0);

/// First pid id handed out; Erlang's first user pids are around here too.
const FIRST_PID: u64 = 100;

/// Runtime settings.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Worker threads; 0 = one per core.
    pub threads: usize,
    /// Most processes alive at once; 0 = [`MAX_PROCESSES`].
    pub max_processes: usize,
}

/// The default process limit: the BEAM's largest (`+P 134217727`), not its
/// default 262,144, so that a million processes (`spawn_million`) run
/// without a flag; a parked process costs a few hundred bytes here.
pub const MAX_PROCESSES: usize = 134_217_727;

/// A spawn past the process limit (`SystemLimitError` in Elixir).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SystemLimit;

impl fmt::Display for SystemLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a system limit has been reached")
    }
}
impl std::error::Error for SystemLimit {}

/// `link` to a process that is not alive, while not trapping exits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct NoProc;

impl fmt::Display for NoProc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("noproc")
    }
}
impl std::error::Error for NoProc {}

/// Why `register` failed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RegisterError {
    /// The name is taken.
    AlreadyRegistered,
    /// The pid is not alive.
    NotAlive,
    /// The pid already has a name.
    HasName,
}

impl fmt::Display for RegisterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RegisterError::AlreadyRegistered => "name already registered",
            RegisterError::NotAlive => "process not alive",
            RegisterError::HasName => "process already has a name",
        })
    }
}
impl std::error::Error for RegisterError {}

/// What `Process.info/1` shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessInfo {
    pub pid: Pid,
    pub status: Status,
    pub message_queue_len: usize,
    pub links: Vec<Pid>,
    /// Monitors this process holds: (ref, monitored pid).
    pub monitors: Vec<(Ref, Pid)>,
    /// Processes monitoring this one.
    pub monitored_by: Vec<Pid>,
    pub registered_name: Option<String>,
    pub trap_exit: bool,
    pub max_heap: crate::heap::MaxHeap,
}

pub(crate) struct Shared<T, B> {
    pub(crate) table: Table<T, B>,
    pub(crate) registry: Registry,
    /// Active process aliases, for routing (`alias.rs`).
    pub(crate) aliases: crate::alias::Aliases,
    pub(crate) sched: Sched<T, B>,
    pub(crate) timers: Timers<T, B>,
    next_pid: AtomicU64,
    next_id: AtomicU64,
    /// Processes alive (spawned and not yet torn down), against
    /// `max_processes`.
    pub(crate) live: AtomicUsize,
    pub(crate) max_processes: usize,
    /// Processes that ended since memory was last handed back to the OS.
    pub(crate) exited_since_trim: AtomicU64,
    /// Exit reasons of watched processes, until `wait_exit` reaps them.
    pub(crate) exits: Mutex<HashMap<Pid, T>>,
    pub(crate) exit_cv: Condvar,
    threads: Mutex<Vec<JoinHandle<()>>>,
    /// Where signals to other nodes' pids go (the distribution), once set.
    pub(crate) remote: std::sync::OnceLock<RemoteHook<T>>,
}

/// Takes a signal addressed to a pid of another node (`to`).
pub type RemoteHook<T> = Box<dyn Fn(Pid, Signal<T>) + Send + Sync>;

impl<T: Term, B: Body<T>> Shared<T, B> {
    /// Count one more live process, unless that would pass the limit.
    pub(crate) fn reserve_process(&self) -> Result<(), SystemLimit> {
        if self.live.fetch_add(1, Ordering::Relaxed) >= self.max_processes {
            self.live.fetch_sub(1, Ordering::Relaxed);
            return Err(SystemLimit);
        }
        Ok(())
    }

    pub(crate) fn fresh_pid(&self) -> Pid {
        Pid::new(0, self.next_pid.fetch_add(1, Ordering::Relaxed))
    }

    /// Refs and timer ids: one counter, starting at 1 (so never zero).
    pub(crate) fn fresh_id(&self) -> NonZeroU64 {
        let n = self.next_id.fetch_add(1, Ordering::Relaxed);
        NonZeroU64::new(n).unwrap_or(NonZeroU64::MIN)
    }

    /// Publish a new process and make it runnable.
    pub(crate) fn start(&self, p: Task<T, B>, origin: Origin<'_, T, B>) {
        if self.sched.stopping.load(Ordering::Acquire) {
            return;
        }
        self.table.insert(p.clone());
        self.sched.enqueue(p, origin);
    }
}

/// The runtime handle. Cheap to clone.
pub struct Runtime<T: Term, B: Body<T>> {
    pub(crate) shared: Arc<Shared<T, B>>,
}

impl<T: Term, B: Body<T>> Clone for Runtime<T, B> {
    fn clone(&self) -> Self {
        Runtime {
            shared: self.shared.clone(),
        }
    }
}

impl<T: Term, B: Body<T>> Runtime<T, B> {
    /// Start the worker threads and the timer thread.
    pub fn new(config: Config) -> Self {
        let n = match config.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let workers: Vec<Worker<Task<T, B>>> = (0..n).map(|_| Worker::new_fifo()).collect();
        let stealers = workers.iter().map(|w| w.stealer()).collect();
        let shared = Arc::new(Shared {
            table: Table::new(),
            registry: Registry::default(),
            aliases: crate::alias::Aliases::new(),
            sched: Sched::new(stealers),
            timers: Timers::new(),
            next_pid: AtomicU64::new(FIRST_PID),
            next_id: AtomicU64::new(1),
            live: AtomicUsize::new(0),
            max_processes: match config.max_processes {
                0 => MAX_PROCESSES,
                n => n,
            },
            exited_since_trim: AtomicU64::new(0),
            exits: Mutex::new(HashMap::new()),
            exit_cv: Condvar::new(),
            threads: Mutex::new(Vec::new()),
            remote: std::sync::OnceLock::new(),
        });
        let rt = Runtime { shared };
        let mut handles = Vec::with_capacity(n + 1);
        for (i, w) in workers.into_iter().enumerate() {
            let rt2 = rt.clone();
            let h = std::thread::Builder::new()
                .name(format!("phial-worker-{i}"))
                .spawn(move || worker_main(rt2, i, w));
            match h {
                Ok(h) => handles.push(h),
                // Fewer workers still run everything (others steal nothing
                // from the missing one); report and carry on.
                Err(e) => eprintln!("phial-runtime: cannot start worker {i}: {e}"),
            }
        }
        let s2 = rt.shared.clone();
        match std::thread::Builder::new()
            .name("phial-timer".into())
            .spawn(move || timer_main(s2))
        {
            Ok(h) => handles.push(h),
            Err(e) => eprintln!("phial-runtime: cannot start the timer thread: {e}"),
        }
        *rt.shared.threads.lock() = handles;
        rt
    }

    fn spawn_inner(&self, body: B, watched: bool) -> Pid {
        // From outside there is no one to raise at: counted, never refused.
        self.shared.live.fetch_add(1, Ordering::Relaxed);
        let pid = self.shared.fresh_pid();
        let p = Arc::new(Proc::new(pid, body, watched));
        self.shared.start(p, Origin::Outside);
        pid
    }

    /// Spawn from outside any process. The exit reason is kept until
    /// [`Runtime::wait_exit`] collects it, so waiting can never miss it.
    pub fn spawn(&self, body: B) -> Pid {
        self.spawn_inner(body, true)
    }

    /// Spawn from outside without keeping the exit reason (for many
    /// fire-and-forget processes; `wait_exit` then works only while it runs).
    pub fn spawn_detached(&self, body: B) -> Pid {
        self.spawn_inner(body, false)
    }

    /// Send from outside; to a dead pid the message is silently dropped.
    pub fn send(&self, to: Pid, msg: T) {
        let _ = self
            .shared
            .deliver(to, Signal::Message(msg), Origin::Outside);
    }

    /// Routes every signal to another node's pid to `hook` from now on
    /// (links, monitors, exit signals, DOWNs); false if one was set.
    pub fn set_remote(&self, hook: RemoteHook<T>) -> bool {
        self.shared.remote.set(hook).is_ok()
    }

    /// Delivers a signal from outside (the distribution's threads bring
    /// peers' links, exits and DOWNs); gives it back if `to` is not alive.
    pub fn signal(&self, to: Pid, sig: Signal<T>) -> Result<(), Signal<T>> {
        self.shared.deliver(to, sig, Origin::Outside)
    }

    /// Sends to a process alias from outside (a peer's reply through an
    /// alias); false if no process holds `alias` now.
    pub fn send_alias(&self, alias: Ref, msg: T) -> bool {
        let Some(owner) = self.shared.aliases.owner(alias) else {
            return false;
        };
        let sig = Signal::AliasMessage { alias, msg };
        self.shared.deliver(owner, sig, Origin::Outside).is_ok()
    }

    /// Process.exit(pid, reason) from outside (sender `#PID<0.0.0>`).
    pub fn exit(&self, pid: Pid, reason: T) {
        let sig = Signal::Exit {
            from: OUTSIDE,
            reason,
            link: false,
        };
        let _ = self.shared.deliver(pid, sig, Origin::Outside);
    }

    /// Block this OS thread until `pid` exits and return its reason. None if
    /// it never existed, was already reaped, or the runtime shut down.
    /// Do not call it from inside a process body (it would block a worker).
    pub fn wait_exit(&self, pid: Pid) -> Option<T> {
        let shared = &*self.shared;
        let mut exits = shared.exits.lock();
        loop {
            if let Some(r) = exits.remove(&pid) {
                return Some(r);
            }
            if shared.sched.stopping.load(Ordering::Acquire) {
                return None;
            }
            let p = shared.table.get(pid)?;
            if !p.state.watch() {
                // Exited after we looked it up, without anyone watching:
                // the reason is still in the process block we hold.
                drop(exits);
                let inner = p.inner.lock();
                return match &inner.slot {
                    Slot::Dead(r) => Some(r.clone()),
                    Slot::Alive(_) => None,
                };
            }
            // WATCHED is set: `die` will insert the reason under `exits` and
            // notify. We hold `exits`, so it cannot slip in before we wait.
            drop(p);
            shared.exit_cv.wait(&mut exits);
        }
    }

    pub fn is_alive(&self, pid: Pid) -> bool {
        self.shared.table.contains(pid)
    }

    /// All live pids, sorted.
    pub fn processes(&self) -> Vec<Pid> {
        self.shared.table.pids()
    }

    pub fn info(&self, pid: Pid) -> Option<ProcessInfo> {
        let p = self.shared.table.get(pid)?;
        let status = p.state.status();
        let meta = p.meta.lock();
        let (links, monitors, monitored_by, name) = match &meta.rel {
            Some(r) => (
                r.links.clone(),
                r.monitors.clone(),
                r.monitored_by.iter().map(|&(_, p)| p).collect(),
                r.name.as_deref().map(str::to_string),
            ),
            None => (Vec::new(), Vec::new(), Vec::new(), None),
        };
        let trap_exit = meta.trap_exit;
        drop(meta);
        let message_queue_len =
            p.private_len.load(Ordering::Relaxed) as usize + p.inbound.message_count();
        Some(ProcessInfo {
            pid,
            status,
            message_queue_len,
            links,
            monitors,
            monitored_by,
            registered_name: name,
            trap_exit,
            max_heap: crate::heap::MaxHeap::unpack(p.max_heap.load(Ordering::Relaxed)),
        })
    }

    pub fn whereis(&self, name: &str) -> Option<Pid> {
        self.shared.registry.whereis(name)
    }

    /// Registered names, sorted.
    pub fn registered(&self) -> Vec<String> {
        self.shared.registry.names()
    }

    /// Register `name` for `pid` (Process.register/2).
    pub fn register(&self, name: &str, pid: Pid) -> Result<(), RegisterError> {
        let shared = &*self.shared;
        let mut reg = shared.registry.lock();
        if reg.contains_key(name) {
            return Err(RegisterError::AlreadyRegistered);
        }
        let p = shared.table.get(pid).ok_or(RegisterError::NotAlive)?;
        let mut meta = p.meta.lock();
        if meta.dead {
            return Err(RegisterError::NotAlive);
        }
        if meta.rel.as_ref().is_some_and(|r| r.name.is_some()) {
            return Err(RegisterError::HasName);
        }
        meta.rel_mut().name = Some(name.into());
        reg.insert(name.into(), pid);
        Ok(())
    }

    /// Remove a registered name; false if it was not registered.
    pub fn unregister(&self, name: &str) -> bool {
        let shared = &*self.shared;
        let mut reg = shared.registry.lock();
        let Some(pid) = reg.remove(name) else {
            return false;
        };
        if let Some(p) = shared.table.get(pid) {
            let mut meta = p.meta.lock();
            if let Some(r) = meta.rel.as_mut() {
                r.name = None;
            }
        }
        true
    }

    /// Deliver `msg` to `to` after `after`, from outside.
    pub fn send_after(&self, to: Pid, msg: T, after: Duration) -> TimerRef {
        let id = self.shared.fresh_id();
        let deadline = crate::Cx::<T, B>::deadline_after(after);
        self.shared.timers.add(id, deadline, Action::Send(to, msg));
        TimerRef::new(Ref::new(id.get()))
    }

    /// Deliver what `msg` makes of the timer's own reference to `to`
    /// after `after` (`erlang:start_timer/3` sends `{:timeout, ref, msg}`).
    pub fn start_timer(&self, to: Pid, msg: impl FnOnce(Ref) -> T, after: Duration) -> TimerRef {
        let id = self.shared.fresh_id();
        let r = Ref::new(id.get());
        let deadline = crate::Cx::<T, B>::deadline_after(after);
        self.shared
            .timers
            .add(id, deadline, Action::Send(to, msg(r)));
        TimerRef::new(r)
    }

    /// The time left on a timer, or None if it fired or was cancelled.
    pub fn read_timer(&self, t: TimerRef) -> Option<Duration> {
        self.shared.timers.remaining(t.as_ref().id())
    }

    /// Cancel a `send_after`; the time left, or None if it already fired.
    pub fn cancel_timer(&self, t: TimerRef) -> Option<Duration> {
        self.shared.timers.cancel(t.as_ref().id())
    }

    /// Stop every process and join the threads. Idempotent. Processes are
    /// dropped without exit signals; `wait_exit` callers get None.
    pub fn shutdown(&self) {
        let shared = &*self.shared;
        if shared.sched.stopping.swap(true, Ordering::AcqRel) {
            return;
        }
        shared.sched.wake_all();
        shared.timers.shutdown();
        let handles = std::mem::take(&mut *shared.threads.lock());
        let me = std::thread::current().id();
        for h in handles {
            // From inside a body we are on a worker: it cannot join itself;
            // it leaves its loop when the current slice returns.
            if h.thread().id() == me {
                continue;
            }
            let _ = h.join();
        }
        loop {
            match shared.sched.injector.steal() {
                Steal::Success(t) => drop(t),
                Steal::Empty => break,
                Steal::Retry => {}
            }
        }
        drop(shared.table.drain());
        shared.registry.clear();
        let _g = shared.exits.lock();
        shared.exit_cv.notify_all();
    }
}
