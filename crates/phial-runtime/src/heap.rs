//! Per-process memory limits: `max_heap_size` as the BEAM has it, and the
//! default limit that keeps one runaway process from taking the VM down.
//!
//! Accounting is a trigger, not a measure. [`Counting`] wraps the binary's
//! global allocator and adds every allocation's size to a per-thread counter
//! (and subtracts every free): a plain `Cell` in a const-initialised
//! `thread_local!`, a few instructions per call. The scheduler reads it
//! before and after a slice and charges the difference to the process it
//! ran. A message is allocated by its sender and freed by its receiver, so
//! a charge drifts (a producer's grows without bound while it holds
//! nothing); when a charge passes the process's threshold, the scheduler asks
//! the body for its real size (`Body::heap_bytes`: a sharing-aware walk of
//! what the process can reach) and only kills it if that is over the limit.
//! Otherwise the charge is reset to the measured size and the next
//! measurement waits until the charge has grown by an eighth more (as a GC
//! waits for its heap to grow), so measuring costs a bounded fraction of the
//! allocation it follows.
//!
//! A single native call can allocate gigabytes between two slice ends
//! (`List.duplicate(0, 100_000_000)`): natives that build in proportion to
//! an argument ask [`over_limit`] before or while they build; the scheduler
//! sets the per-thread ceiling it compares against at each slice start.
//!
//! Not here: returning freed pages to the OS (`memory.rs`); what the body
//! counts (`phial_eval::heap`).

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};

thread_local! {
    /// Bytes allocated minus bytes freed on this thread, ever.
    static ALLOCATED: Cell<isize> = const { Cell::new(0) };
    /// During a slice: `ALLOCATED` at its start minus the process's charge,
    /// so `ALLOCATED - BASE` estimates the process's size (from above: the
    /// charge may have drifted up since it was last measured).
    static BASE: Cell<isize> = const { Cell::new(0) };
    /// During a slice: the limit that kills the running process, in bytes
    /// (`isize::MAX` outside a slice).
    static LIMIT: Cell<isize> = const { Cell::new(isize::MAX) };
    /// A native found the running process over its limit (see
    /// [`stop_over_limit`]).
    static STOP: Cell<bool> = const { Cell::new(false) };
    /// The bytes the allocation that [`over_limit`] last refused asked for.
    static REFUSED: Cell<isize> = const { Cell::new(0) };
}

/// A global allocator that counts what goes through it on the current
/// thread's counter, around any other allocator. The binary installs it:
/// `#[global_allocator] static A: Counting<MiMalloc> = Counting(MiMalloc);`.
pub struct Counting<A>(pub A);

#[inline(always)]
fn bump(n: isize) {
    ALLOCATED.with(|c| c.set(c.get().wrapping_add(n)));
}

// SAFETY: every call is forwarded unchanged to the inner allocator; the
// counter is a thread-local `Cell` with no destructor and a const
// initialiser, so touching it never allocates or unwinds.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    #[inline(always)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = self.0.alloc(layout);
        if !p.is_null() {
            bump(layout.size() as isize);
        }
        p
    }
    #[inline(always)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = self.0.alloc_zeroed(layout);
        if !p.is_null() {
            bump(layout.size() as isize);
        }
        p
    }
    #[inline(always)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.0.dealloc(ptr, layout);
        bump(-(layout.size() as isize));
    }
    #[inline(always)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = self.0.realloc(ptr, layout, new_size);
        if !p.is_null() {
            bump(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// This thread's allocation counter (see the module doc).
#[inline(always)]
pub(crate) fn allocated() -> isize {
    ALLOCATED.with(Cell::get)
}

#[inline(always)]
pub(crate) fn set_ceiling(before: isize, charge: isize, limit: isize) {
    BASE.with(|b| b.set(before.wrapping_sub(charge)));
    LIMIT.with(|l| l.set(limit));
}

/// Change the running process's limit mid-slice (`Process.flag/2`).
pub(crate) fn set_limit(limit: isize) {
    if LIMIT.with(Cell::get) != isize::MAX {
        LIMIT.with(|l| l.set(limit));
    }
}

#[inline(always)]
pub(crate) fn clear_ceiling() {
    // (take_stop reads BASE after this; only LIMIT is cleared.)
    LIMIT.with(|l| l.set(isize::MAX));
}

/// Whether allocating `more` bytes now would put the running process over
/// the memory limit that kills it (its own `max_heap_size` with `kill`, or
/// the default limit). For natives that build in proportion to an
/// argument: ask before a big allocation, and every few thousand elements
/// of a loop (with `more` = 0). The estimate is the process's charge plus
/// what this slice allocated: it errs high for a process that sent much
/// since its last measurement, which a big allocation then stops early.
/// False outside a process.
#[inline]
pub fn over_limit(more: usize) -> bool {
    let limit = LIMIT.with(Cell::get);
    if limit == isize::MAX {
        return false;
    }
    let size = allocated().wrapping_sub(BASE.with(Cell::get));
    let more = more.min(isize::MAX as usize) as isize;
    let over = size.saturating_add(more) > limit;
    if over {
        REFUSED.with(|r| r.set(more));
    }
    over
}

/// Whether a native asked to stop the process of the slice just run.
#[inline(always)]
pub(crate) fn stop_requested() -> bool {
    STOP.with(Cell::get)
}

/// Whether a native stopped the running process (see [`stop_over_limit`]).
#[inline]
pub(crate) fn stopping() -> bool {
    STOP.with(Cell::get)
}

/// Kill the running process at the end of this slice, as one measured over
/// its limit, whatever its code does meanwhile (a native that found
/// [`over_limit`] true calls this and raises an exit to stop the code).
pub fn stop_over_limit() {
    if LIMIT.with(Cell::get) != isize::MAX {
        STOP.with(|s| s.set(true));
    }
}

/// Whether a native asked to stop the process of the slice just run, and
/// its estimated size then with the allocation it refused, in bytes.
#[inline(always)]
pub(crate) fn take_stop() -> Option<isize> {
    if !STOP.with(Cell::get) {
        return None;
    }
    STOP.with(|s| s.set(false));
    let refused = REFUSED.with(|r| r.replace(0));
    Some(
        allocated()
            .wrapping_sub(BASE.with(Cell::get))
            .saturating_add(refused),
    )
}

/// The BEAM's largest `max_heap_size` on a 64-bit machine is below 2^59
/// words; its smallest non-zero one is the minimum heap size, 233 words.
pub const MAX_HEAP_WORDS: u64 = (1 << 59) - 1;
pub const MIN_HEAP_WORDS: u64 = 233;

/// A process's `max_heap_size` setting, as `Process.flag/2` gives it. `size`
/// is in words (8 bytes) as on the BEAM; 0 means no limit of its own (the
/// default limit still applies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxHeap {
    pub size: u64,
    pub kill: bool,
    pub error_logger: bool,
}

impl Default for MaxHeap {
    fn default() -> Self {
        MaxHeap {
            size: 0,
            kill: true,
            error_logger: true,
        }
    }
}

const KILL_BIT: u64 = 1 << 62;
const LOGGER_BIT: u64 = 1 << 61;

impl MaxHeap {
    /// One word, so the process block keeps it in an atomic that `info`
    /// reads without waiting for the running slice.
    pub(crate) fn pack(self) -> u64 {
        (self.size & MAX_HEAP_WORDS)
            | if self.kill { KILL_BIT } else { 0 }
            | if self.error_logger { LOGGER_BIT } else { 0 }
    }
    pub(crate) fn unpack(w: u64) -> MaxHeap {
        MaxHeap {
            size: w & MAX_HEAP_WORDS,
            kill: w & KILL_BIT != 0,
            error_logger: w & LOGGER_BIT != 0,
        }
    }
    pub(crate) const DEFAULT_PACKED: u64 = KILL_BIT | LOGGER_BIT;
}

/// What the body is told when a process is over its limit (to print the
/// BEAM's error report).
#[derive(Clone, Copy, Debug)]
pub struct HeapReport {
    /// The limit that was passed, in words (the process's own, or the
    /// default one when that is lower or the process has none).
    pub max_heap_words: u64,
    /// What the process was measured at, in words.
    pub heap_words: u64,
    pub kill: bool,
    pub error_logger: bool,
    pub message_queue_len: usize,
}

/// The default limit, in bytes: half of physical memory, and a quarter of
/// the address-space limit (`ulimit -v`) when there is one, whichever is
/// lower. One runaway process is then killed while the rest of the VM (its
/// code, stacks, allocator slack and other processes) still has room: a
/// growing buffer holds its old and new copies at once while it moves, and
/// an address-space limit also counts what the allocator has reserved or
/// keeps cached after a free, which runs well above the live bytes (under
/// a 4 GB limit a half-size limit still let a deep recursion's stacks
/// reach an allocation failure). `PHIAL_MAX_PROCESS_MEMORY` (bytes)
/// overrides it.
pub fn default_limit() -> isize {
    // A plain atomic rather than a `OnceLock`: every slice reads it.
    static LIMIT: AtomicIsize = AtomicIsize::new(0);
    let l = LIMIT.load(Ordering::Relaxed);
    if l != 0 {
        return l;
    }
    let l = compute_default_limit().max(1);
    LIMIT.store(l, Ordering::Relaxed);
    l
}

#[cold]
fn compute_default_limit() -> isize {
    if let Some(n) = std::env::var("PHIAL_MAX_PROCESS_MEMORY")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        return n.min(isize::MAX as u64) as isize;
    }
    let limit = (physical_memory() / 2).min(address_space_limit() / 4);
    limit.min(isize::MAX as u64) as isize
}

#[cfg(target_os = "linux")]
fn physical_memory() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let (pages, size) = unsafe {
        (
            libc::sysconf(libc::_SC_PHYS_PAGES),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    if pages <= 0 || size <= 0 {
        return u64::MAX;
    }
    (pages as u64).saturating_mul(size as u64)
}

#[cfg(target_os = "linux")]
fn address_space_limit() -> u64 {
    let mut r = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the struct we pass and nothing else.
    if unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut r) } != 0 || r.rlim_cur == libc::RLIM_INFINITY
    {
        return u64::MAX;
    }
    r.rlim_cur
}

#[cfg(not(target_os = "linux"))]
fn physical_memory() -> u64 {
    u64::MAX
}

#[cfg(not(target_os = "linux"))]
fn address_space_limit() -> u64 {
    u64::MAX
}

/// The limit in bytes a setting stands for: its own size (words to bytes)
/// or the default, whichever is lower; and whether it is the default one.
pub(crate) fn limit_bytes(m: MaxHeap) -> (isize, bool) {
    let default = default_limit();
    if m.size == 0 {
        return (default, true);
    }
    let own = m.size.saturating_mul(8).min(isize::MAX as u64) as isize;
    if own < default {
        (own, false)
    } else {
        (default, true)
    }
}

/// The limit that kills a process with this setting: its own if it kills
/// and is below the default, else the default.
#[inline]
pub(crate) fn kill_limit(m: MaxHeap) -> isize {
    let (limit, is_default) = limit_bytes(m);
    if m.kill || is_default {
        limit
    } else {
        default_limit()
    }
}

/// `limit_bytes(..).0` of a packed setting, quick for the common one (none).
#[inline(always)]
pub(crate) fn limit_packed(packed: u64) -> isize {
    if packed == MaxHeap::DEFAULT_PACKED {
        return default_limit();
    }
    limit_bytes(MaxHeap::unpack(packed)).0
}

/// `kill_limit` of a packed setting, quick for the common one (none).
#[inline(always)]
pub(crate) fn kill_limit_packed(packed: u64) -> isize {
    if packed == MaxHeap::DEFAULT_PACKED {
        return default_limit();
    }
    kill_limit(MaxHeap::unpack(packed))
}

/// The charge a process restarts from after it was measured at `measured`
/// bytes against `limit`: its size, biased down so that the next
/// measurement (when the charge passes the limit again) waits until it has
/// grown by an eighth of its size and 64 KB at least, as a collector waits
/// for its heap to grow; the cost of measuring is then a bounded fraction
/// of the allocation it follows. One number, so the process block grows by
/// one word. A process over a limit that does not kill it restarts from
/// below zero: it is reported again once it has grown by its size.
pub(crate) fn recharge(measured: isize, limit: isize) -> isize {
    if measured > limit {
        return limit.saturating_sub(measured);
    }
    let slack = (measured / 8).saturating_add(64 * 1024);
    measured.min(limit.saturating_sub(slack))
}
