//! The scheduler: worker threads, run queues, stealing, parking.
//!
//! Model (after tokio's multi-thread worker and Go's proc.go). Each worker
//! thread owns a FIFO `crossbeam_deque::Worker`; everyone else sees it through
//! a `Stealer`. One global `Injector` takes work from outside the workers
//! (the shell, the timer thread, `Runtime::spawn`). A worker looks for a
//! task in this order: every `GLOBAL_CHECK_INTERVAL`-th tick the injector
//! first (so a busy local queue cannot starve it), its own queue, the
//! injector (taking a batch), then the other workers' queues starting from a
//! random victim (taking half). A task is a whole process: its slice is one
//! call of `Body::run`, after which it is re-queued at the *back* (Yield),
//! parked (Wait) or torn down (Exit).
//!
//! Waking a process (state.rs): whoever moves it WAITING -> RUNNABLE pushes
//! it. From a worker, a process woken by a signal goes into that worker's
//! `next` slot (Go's `runnext`): it runs as soon as the current slice ends,
//! ahead of the queue, with what is left of that slice's reductions, so a
//! request and its reply cross in microseconds even when the queue is full
//! of long-running processes, and a chain of processes waking each other
//! still shares one slice and cannot starve the queue. A slot occupant
//! displaced by a newer wake goes to the back of the queue; a slot holder
//! left with less than `MIN_INHERITED` reductions does too. From outside a
//! worker (the shell, the timer thread, `Runtime::spawn`) the push goes to
//! the injector. Spawns and yields go to the back of the local queue.
//!
//! Parking protocol (no lost wake-up, no spinning): a worker that found
//! nothing (1) announces itself in the idle list and increments `num_idle`
//! (SeqCst), (2) re-checks every queue, (3) if it found work, withdraws its
//! announcement (unless a waker already took it, in which case the wake token
//! is simply consumed), otherwise (4) waits on its own parker until woken.
//! A pusher (1) pushes, (2) issues a SeqCst fence and reads `num_idle`, (3) if
//! non-zero pops one idle worker and wakes it. By the SeqCst total order,
//! either the pusher sees the announcement or the sleeper's re-check sees the
//! task. Pushes from a worker only wake someone when the worker then holds
//! more than one runnable task (its queue and its `next` slot): the owner will
//! take the first itself, and waking a sibling for it would bounce ping-pong
//! between cores.
//!
//! Not here: the per-process state word (state.rs), signal semantics
//! (signals.rs).

use crate::body::{Body, Step, Term};
use crate::cx::Cx;
use crate::heap::{self, HeapReport, MaxHeap};
use crate::process::{Inner, Slot, Task};
use crate::runtime::Runtime;
use crate::signals::die;
use crate::state::Parked;
use crate::timer::Action;
use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use parking_lot::{Condvar, Mutex};
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{fence, AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Like Go's `schedtick % 61`: a prime, so it does not resonate with
/// periodic workloads; large enough that the injector check costs nothing.
const GLOBAL_CHECK_INTERVAL: u32 = 61;

/// The reductions of one time slice (the BEAM's `CONTEXT_REDS`): what a
/// process gets when it is taken from a queue.
pub const SLICE_REDUCTIONS: u32 = 4000;

/// A woken process in the `next` slot runs on the rest of the slice that
/// woke it only if at least this much is left; otherwise it queues like a
/// yielder (a few reductions would not even get it to its `receive`).
const MIN_INHERITED: u32 = 200;

/// What one worker owns: its run queue, and the slot for the process woken
/// last by the process it is running (see the module doc).
pub(crate) struct Local<T, B> {
    pub(crate) queue: Worker<Task<T, B>>,
    next: Cell<Option<Task<T, B>>>,
}

impl<T, B> Local<T, B> {
    pub(crate) fn new(queue: Worker<Task<T, B>>) -> Self {
        Local {
            queue,
            next: Cell::new(None),
        }
    }

    fn has_next(&self) -> bool {
        let t = self.next.take();
        let has = t.is_some();
        self.next.set(t);
        has
    }
}

/// Where a push comes from.
pub(crate) enum Origin<'a, T, B> {
    Outside,
    Worker(&'a Local<T, B>),
}

impl<T, B> Clone for Origin<'_, T, B> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, B> Copy for Origin<'_, T, B> {}

/// A worker's private sleeping place.
struct Parker {
    woken: Mutex<bool>,
    cv: Condvar,
}

pub(crate) struct Sched<T, B> {
    pub(crate) injector: Injector<Task<T, B>>,
    stealers: Vec<Stealer<Task<T, B>>>,
    parkers: Vec<Parker>,
    idle: Mutex<Vec<usize>>,
    num_idle: AtomicUsize,
    pub(crate) stopping: AtomicBool,
}

impl<T, B> Sched<T, B> {
    pub(crate) fn new(stealers: Vec<Stealer<Task<T, B>>>) -> Self {
        let n = stealers.len();
        Sched {
            injector: Injector::new(),
            stealers,
            parkers: (0..n)
                .map(|_| Parker {
                    woken: Mutex::new(false),
                    cv: Condvar::new(),
                })
                .collect(),
            idle: Mutex::new(Vec::with_capacity(n)),
            num_idle: AtomicUsize::new(0),
            stopping: AtomicBool::new(false),
        }
    }

    /// Make a runnable process visible to the workers, at the back of the
    /// line (a spawn, a yield, a requeue).
    pub(crate) fn enqueue(&self, task: Task<T, B>, origin: Origin<'_, T, B>) {
        match origin {
            Origin::Worker(local) => {
                local.queue.push(task);
                if local.queue.len() > 1 || local.has_next() {
                    self.wake_one();
                }
            }
            Origin::Outside => {
                self.injector.push(task);
                self.wake_one();
            }
        }
    }

    /// Make a process just woken by a signal runnable: on a worker, next in
    /// line (the `next` slot); from outside, through the injector.
    pub(crate) fn wake(&self, task: Task<T, B>, origin: Origin<'_, T, B>) {
        match origin {
            Origin::Worker(local) => {
                if let Some(displaced) = local.next.replace(Some(task)) {
                    local.queue.push(displaced);
                }
                if !local.queue.is_empty() {
                    self.wake_one();
                }
            }
            Origin::Outside => self.enqueue(task, origin),
        }
    }

    fn wake_one(&self) {
        fence(Ordering::SeqCst);
        if self.num_idle.load(Ordering::SeqCst) == 0 {
            return;
        }
        let who = {
            let mut idle = self.idle.lock();
            let who = idle.pop();
            if who.is_some() {
                self.num_idle.fetch_sub(1, Ordering::SeqCst);
            }
            who
        };
        if let Some(i) = who {
            let p = &self.parkers[i];
            *p.woken.lock() = true;
            p.cv.notify_one();
        }
    }

    /// Wake every worker (shutdown).
    pub(crate) fn wake_all(&self) {
        for p in &self.parkers {
            *p.woken.lock() = true;
            p.cv.notify_one();
        }
    }

    fn has_work(&self) -> bool {
        !self.injector.is_empty() || self.stealers.iter().any(|s| !s.is_empty())
    }

    fn sleep(&self, index: usize) {
        {
            let mut idle = self.idle.lock();
            idle.push(index);
            self.num_idle.fetch_add(1, Ordering::SeqCst);
        }
        fence(Ordering::SeqCst);
        if self.has_work() || self.stopping.load(Ordering::SeqCst) {
            let mut idle = self.idle.lock();
            if let Some(pos) = idle.iter().position(|&i| i == index) {
                idle.swap_remove(pos);
                self.num_idle.fetch_sub(1, Ordering::SeqCst);
                return;
            }
            // A waker already popped us; its token is consumed below at once.
        }
        let p = &self.parkers[index];
        let mut woken = p.woken.lock();
        while !*woken && !self.stopping.load(Ordering::SeqCst) {
            p.cv.wait(&mut woken);
        }
        *woken = false;
    }
}

struct WorkerCtx<T, B> {
    index: usize,
    local: Local<T, B>,
    /// The last process a send on this worker went to (`Cx::send`).
    last_dest: Option<Task<T, B>>,
    rng: u64,
    tick: u32,
}

impl<T, B> WorkerCtx<T, B> {
    /// xorshift64: victim choice only needs to be cheap and not lock-step.
    fn next_rand(&mut self) -> u64 {
        let mut x = self.rng;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng = x;
        x
    }
}

fn steal_injector<T, B>(sched: &Sched<T, B>, local: &Worker<Task<T, B>>) -> Option<Task<T, B>> {
    loop {
        match sched.injector.steal_batch_and_pop(local) {
            Steal::Success(t) => {
                // We may have taken more than we can run soon: let an idle
                // sibling come and steal part of it.
                if !local.is_empty() {
                    sched.wake_one();
                }
                return Some(t);
            }
            Steal::Empty => return None,
            Steal::Retry => continue,
        }
    }
}

fn find_task<T, B>(sched: &Sched<T, B>, w: &mut WorkerCtx<T, B>) -> Option<Task<T, B>> {
    w.tick = w.tick.wrapping_add(1);
    if w.tick.is_multiple_of(GLOBAL_CHECK_INTERVAL) {
        if let Some(t) = steal_injector(sched, &w.local.queue) {
            return Some(t);
        }
    }
    if let Some(t) = w.local.queue.pop() {
        return Some(t);
    }
    if let Some(t) = steal_injector(sched, &w.local.queue) {
        return Some(t);
    }
    let n = sched.stealers.len();
    loop {
        let mut retry = false;
        let start = (w.next_rand() % n as u64) as usize;
        for k in 0..n {
            let v = (start + k) % n;
            if v == w.index {
                continue;
            }
            match sched.stealers[v].steal_batch_and_pop(&w.local.queue) {
                Steal::Success(t) => return Some(t),
                Steal::Retry => retry = true,
                Steal::Empty => {}
            }
        }
        if !retry {
            return None;
        }
    }
}

pub(crate) fn worker_main<T: Term, B: Body<T>>(
    rt: Runtime<T, B>,
    index: usize,
    local: Worker<Task<T, B>>,
) {
    let mut w = WorkerCtx {
        index,
        local: Local::new(local),
        last_dest: None,
        rng: 0x9E37_79B9_7F4A_7C15 ^ ((index as u64 + 1) << 17),
        tick: 0,
    };
    let sched = &rt.shared.sched;
    // What the last slice left of its reductions, for the `next` slot.
    let mut left = 0;
    while !sched.stopping.load(Ordering::Relaxed) {
        let inherited = match w.local.next.take() {
            Some(t) if left >= MIN_INHERITED => Some((t, left)),
            Some(t) => {
                w.local.queue.push(t);
                None
            }
            None => None,
        };
        let picked = inherited.or_else(|| find_task(sched, &mut w).map(|t| (t, SLICE_REDUCTIONS)));
        match picked {
            Some((t, budget)) => left = run_task(&rt, &w.local, &mut w.last_dest, t, budget),
            None => {
                left = 0;
                crate::memory::trim_if_worthwhile(&rt.shared);
                sched.sleep(index)
            }
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

/// One slice of one process, of at most `budget` reductions. Returns the
/// reductions it left unspent.
fn run_task<T: Term, B: Body<T>>(
    rt: &Runtime<T, B>,
    local: &Local<T, B>,
    last_dest: &mut Option<Task<T, B>>,
    p: Task<T, B>,
    budget: u32,
) -> u32 {
    let shared = &*rt.shared;
    if !p.state.start_running() {
        return budget;
    }
    let mut guard = p.inner.lock();
    let inner = &mut *guard;
    if let Some(id) = inner.timer.take() {
        shared.timers.cancel(id.get());
    }
    let Slot::Alive(body) = &mut inner.slot else {
        return budget;
    };
    // Memory accounting (heap.rs): what this slice allocates on this
    // thread is charged to the process; natives that build big compare
    // against the ceiling set here.
    let before = heap::allocated();
    heap::set_ceiling(
        before,
        inner.charge,
        heap::kill_limit_packed(p.max_heap.load(Ordering::Relaxed)),
    );
    let mut cx = Cx::new(rt, &p, &mut inner.mail, local, last_dest, budget);
    cx.drain_signals();
    let step = if cx.exiting() {
        Step::Yield
    } else {
        match catch_unwind(AssertUnwindSafe(|| body.run(&mut cx))) {
            Ok(s) => s,
            Err(payload) => Step::Exit(T::panic_reason(&panic_message(&*payload))),
        }
    };
    let left = cx.unspent();
    let (pending, leftover) = cx.finish();
    heap::clear_ceiling();
    let mut step = match pending {
        Some(r) => Step::Exit(r),
        None => step,
    };
    inner.charge = inner
        .charge
        .saturating_add(heap::allocated().wrapping_sub(before));
    // Read again: the slice may have changed it (`Process.flag/2`).
    let packed = p.max_heap.load(Ordering::Relaxed);
    if heap::stop_requested() || inner.charge > heap::limit_packed(packed) {
        check_memory(&p, inner, packed, &mut step);
    }
    let origin = Origin::Worker(local);
    match step {
        Step::Exit(reason) => die(shared, origin, &p, inner, reason, leftover),
        Step::Yield => {
            p.private_len
                .store(inner.mail.len() as u32, Ordering::Relaxed);
            drop(guard);
            p.state.yield_now();
            // Fairness: processes waiting in the injector get in line before
            // the yielder, or a hog would wait up to GLOBAL_CHECK_INTERVAL
            // slices for them.
            if !shared.sched.injector.is_empty() {
                let _ = shared.sched.injector.steal_batch(&local.queue);
            }
            shared.sched.enqueue(p, origin);
        }
        Step::Wait { deadline } => {
            p.private_len
                .store(inner.mail.len() as u32, Ordering::Relaxed);
            if deadline.is_some_and(|d| d <= Instant::now()) {
                // Already due: run it again rather than arm a timer.
                drop(guard);
                p.state.yield_now();
                shared.sched.enqueue(p, origin);
                return left;
            }
            inner.mail.trim();
            match p.state.park() {
                Parked::Requeue => {
                    drop(guard);
                    shared.sched.enqueue(p, origin);
                }
                Parked::Waiting(gen) => {
                    // Still holding `inner`: if a message wakes the process
                    // right now, the next slice waits for us and then finds
                    // `timer` set, and cancels it.
                    if let Some(d) = deadline {
                        let id = shared.fresh_id();
                        shared
                            .timers
                            .add(id, d, Action::Wake(Arc::downgrade(&p), gen));
                        inner.timer = Some(id);
                    }
                }
            }
        }
    }
    left
}

/// The slow side of memory accounting (heap.rs), after a slice whose
/// process passed its limit's charge or was stopped by a native: measure
/// it, report it and decide whether it dies.
#[cold]
#[inline(never)]
fn check_memory<T: Term, B: Body<T>>(
    p: &Task<T, B>,
    inner: &mut Inner<T, B>,
    packed: u64,
    step: &mut Step<T>,
) {
    let setting = MaxHeap::unpack(packed);
    let (limit, is_default) = heap::limit_bytes(setting);
    let Slot::Alive(body) = &mut inner.slot else {
        return;
    };
    if let Some(size) = heap::take_stop() {
        // A native stopped it before a build that would pass the limit.
        let report = HeapReport {
            max_heap_words: (heap::kill_limit(setting) / 8) as u64,
            heap_words: (size.max(0) / 8) as u64,
            kill: true,
            error_logger: setting.error_logger || is_default || !setting.kill,
            message_queue_len: inner.mail.len() + p.inbound.message_count(),
        };
        body.heap_exceeded(p.pid, &report);
        *step = Step::Exit(T::killed());
        return;
    }
    if matches!(step, Step::Exit(_)) {
        return;
    }
    let measured = body.heap_bytes(&mut inner.mail.queue.iter()) as isize;
    inner.charge = heap::recharge(measured, limit);
    if measured > limit {
        let kill = setting.kill || is_default;
        let report = HeapReport {
            max_heap_words: (limit / 8) as u64,
            heap_words: (measured / 8) as u64,
            kill,
            error_logger: setting.error_logger || is_default,
            message_queue_len: inner.mail.len() + p.inbound.message_count(),
        };
        body.heap_exceeded(p.pid, &report);
        if kill {
            *step = Step::Exit(T::killed());
        }
    }
}
