//! Handing freed memory back to the operating system after many processes
//! have ended.
//!
//! The runtime frees every process block when a process ends, but glibc keeps
//! the freed pages in its arenas: after a million processes have come and
//! gone, resident memory would stay hundreds of megabytes above the
//! baseline. A worker that is about to go idle calls `trim_if_worthwhile`,
//! which asks glibc to return free pages (`malloc_trim`) once enough
//! processes have ended since the last time. It runs only on the way to
//! sleep, so it never delays a runnable process. Not here: any accounting of
//! live memory.

use crate::body::{Body, Term};
use crate::runtime::Shared;
use std::sync::atomic::Ordering;

/// How many process exits make a trim worth its cost: a trim walks the
/// allocator's free lists (a few milliseconds for a large heap), and a
/// process block is a few hundred bytes, so below this there is little to
/// give back.
const EXITS_PER_TRIM: u64 = 50_000;

pub(crate) fn trim_if_worthwhile<T: Term, B: Body<T>>(shared: &Shared<T, B>) {
    if shared.exited_since_trim.load(Ordering::Relaxed) < EXITS_PER_TRIM {
        return;
    }
    if shared.exited_since_trim.swap(0, Ordering::Relaxed) < EXITS_PER_TRIM {
        return;
    }
    release_free_pages();
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_free_pages() {
    // SAFETY: malloc_trim only walks glibc's own free lists; it has no
    // preconditions and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_free_pages() {}
