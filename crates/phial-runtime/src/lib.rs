//! phial's process runtime: green processes on a work-stealing scheduler,
//! with mailboxes and selective receive, timers, links, monitors, exit
//! signals and registered names, following Erlang's semantics; and each
//! process's memory limit (`max_heap_size` and a default one, `heap.rs`).
//!
//! The runtime is generic over the process body ([`Body`]) and the term type
//! ([`Term`]); it knows nothing of phial's syntax or evaluator, and is tested
//! with plain Rust state machines. See `docs/scheduler.md` for the model and
//! the wake-up and parking protocols.
//!
//! Not here: evaluation, reductions counting (the body enforces its budget
//! and returns [`Step::Yield`]), I/O.

mod alias;
mod body;
mod cx;
mod heap;
mod mailbox;
mod memory;
mod pid;
mod process;
mod registry;
mod runtime;
mod scheduler;
mod signals;
mod state;
mod table;
mod timer;

pub use alias::AliasMode;
pub use body::{Body, Step, Term};
pub use cx::Cx;
pub use heap::{
    default_limit, over_limit, stop_over_limit, Counting, HeapReport, MaxHeap, MAX_HEAP_WORDS,
    MIN_HEAP_WORDS,
};
pub use mailbox::Signal;
pub use memory::set_memory_release;
pub use pid::{Pid, Ref, TimerRef};
pub use process::control_block_bytes;
pub use runtime::{
    Config, NoProc, ProcessInfo, RegisterError, RemoteHook, Runtime, SystemLimit, MAX_PROCESSES,
    OUTSIDE,
};
pub use scheduler::SLICE_REDUCTIONS;
pub use state::Status;
