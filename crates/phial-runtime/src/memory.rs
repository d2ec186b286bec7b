//! Handing freed memory back to the operating system after many processes
//! have ended.
//!
//! The runtime frees every process block when a process ends, but a
//! general-purpose allocator keeps freed pages for reuse: after a million
//! processes have come and gone, resident memory would stay hundreds of
//! megabytes above the baseline. A worker that is about to go idle calls
//! `trim_if_worthwhile`, which asks the allocator to return free pages once
//! enough processes have ended since the last time. It runs only on the way
//! to sleep, so it never delays a runnable process.
//!
//! How to ask depends on the allocator, which the binary chooses (its
//! `#[global_allocator]`), not this crate: the binary names the call with
//! [`set_memory_release`]; without one the runtime assumes the system
//! allocator and, on glibc, calls `malloc_trim`. The `phial` binary uses
//! mimalloc and installs `mi_collect(true)`: glibc's `malloc_trim` would
//! find nothing to return there, and mimalloc's own delayed purge does not
//! run on a worker that has gone to sleep.
//!
//! Not here: any accounting of live memory (`heap.rs`).

use crate::body::{Body, Term};
use crate::runtime::Shared;
use std::sync::atomic::Ordering;
use std::sync::OnceLock;

/// How many process exits make a trim worth its cost: a trim walks the
/// allocator's free lists (a few milliseconds for a large heap), and a
/// process block is a few hundred bytes, so below this there is little to
/// give back.
const EXITS_PER_TRIM: u64 = 50_000;

static RELEASE: OnceLock<fn()> = OnceLock::new();

/// Install the call that returns free memory to the OS, for a binary whose
/// global allocator is not the system one. Set once, before the runtime
/// starts; later calls are ignored (there is one allocator per process).
/// The call runs on an idle worker thread, possibly on several at once.
pub fn set_memory_release(release: fn()) {
    let _ = RELEASE.set(release);
}

pub(crate) fn trim_if_worthwhile<T: Term, B: Body<T>>(shared: &Shared<T, B>) {
    if shared.exited_since_trim.load(Ordering::Relaxed) < EXITS_PER_TRIM {
        return;
    }
    if shared.exited_since_trim.swap(0, Ordering::Relaxed) < EXITS_PER_TRIM {
        return;
    }
    match RELEASE.get() {
        Some(release) => release(),
        None => release_system_free_pages(),
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_system_free_pages() {
    // SAFETY: malloc_trim only walks glibc's own free lists; it has no
    // preconditions and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_system_free_pages() {}
