//! How big a process is, for `max_heap_size` and the default memory limit:
//! the bytes of everything it can reach (its value stack, frames, handlers,
//! dictionary, pending start call) and of its mailbox, and the BEAM's error
//! report when it is over its limit.
//!
//! The runtime asks only when the process's allocation charge passes its
//! limit (see `phial_runtime`'s `heap.rs`), so this may take time in
//! proportion to the heap. It walks with an explicit stack (a million-deep
//! list of lists is one line of phial), and counts a payload that may be
//! shared (its reference count is above one) once, by its address; a
//! uniquely held one cannot be met twice, so the set of seen addresses
//! stays small for the common case of one big unshared structure.
//!
//! Sizes are what the payloads cost here (a list cell is 48 bytes with its
//! reference counts), not the BEAM's words: phial's values are bigger, so a
//! process reaches a given `max_heap_size` with less data than on the BEAM.
//!
//! Not here: the accounting that decides when to measure (the runtime).

use crate::process::Process;
use crate::value::{Fun, Value};
use phial_runtime::{HeapReport, Pid};
use rustc_hash::FxHashSet;
use std::mem::size_of;

/// A reference count pair in front of every `Arc` payload.
const RC: usize = 16;
/// What a slot holding a value costs (a `Value` is two words).
const SLOT: usize = size_of::<Value>();

#[derive(Default)]
struct Walk<'a> {
    seen: FxHashSet<usize>,
    todo: Vec<&'a Value>,
    bytes: usize,
}

impl<'a> Walk<'a> {
    /// Whether a payload at `addr` is met for the first time (always, for
    /// one held by a single reference).
    fn first(&mut self, addr: usize, shared: bool) -> bool {
        !shared || self.seen.insert(addr)
    }

    fn fun(&mut self, f: &'a Fun) {
        match f {
            Fun::Closure { captured, .. } => {
                self.bytes += RC + size_of::<Fun>() + captured.len() * SLOT;
                self.todo.extend(captured.iter());
            }
            Fun::External { .. } => self.bytes += RC + size_of::<Fun>(),
        }
    }

    fn run(&mut self) {
        while let Some(v) = self.todo.pop() {
            match v {
                Value::Int(_)
                | Value::Float(_)
                | Value::Atom(_)
                | Value::Nil
                | Value::Pid(_)
                | Value::Ref(_) => {}
                Value::BigInt(b) => {
                    let addr = std::sync::Arc::as_ptr(b) as usize;
                    if self.first(addr, std::sync::Arc::strong_count(b) > 1) {
                        self.bytes += RC + 32 + (b.bits() as usize).div_ceil(8);
                    }
                }
                Value::Bin(b) => {
                    let (addr, cap, shared) = b.storage();
                    if self.first(addr, shared) {
                        self.bytes += RC + 48 + cap;
                    }
                }
                Value::Cons(c) => {
                    let addr = std::sync::Arc::as_ptr(c) as usize;
                    if self.first(addr, std::sync::Arc::strong_count(c) > 1) {
                        self.bytes += RC + 2 * SLOT;
                        self.todo.push(&c.head);
                        self.todo.push(&c.tail);
                    }
                }
                Value::Tuple(t) => {
                    let (addr, shared) = t.identity();
                    if self.first(addr, shared) {
                        self.bytes += RC + 16 + t.len() * SLOT;
                        self.todo.extend(t.iter());
                    }
                }
                Value::Map(m) => {
                    let (addr, shared) = m.identity();
                    if self.first(addr, shared) {
                        // A persistent B-tree: an entry, and about half an
                        // entry again of node overhead.
                        self.bytes += RC + 64 + m.len() * (3 * SLOT);
                        for (k, v) in m.iter() {
                            self.todo.push(k);
                            self.todo.push(v);
                        }
                    }
                }
                Value::Fun(f) => {
                    let addr = std::sync::Arc::as_ptr(f) as usize;
                    if self.first(addr, std::sync::Arc::strong_count(f) > 1) {
                        self.fun(f);
                    }
                }
                Value::Resource(_) => self.bytes += RC + 64,
            }
        }
    }
}

/// The bytes `p` holds, and those of `messages` (its mailbox).
pub(crate) fn process_bytes(p: &Process, messages: &mut dyn Iterator<Item = &Value>) -> usize {
    let mut w = Walk::default();
    w.bytes += size_of::<Process>()
        + p.stack.capacity() * SLOT
        + p.frames.capacity() * size_of::<crate::process::Frame>()
        + p.handlers.capacity() * size_of::<crate::process::HandlerRec>()
        + p.natives.capacity() * 64;
    w.todo.extend(p.stack.iter());
    for f in &p.frames {
        if let Some(owner) = f.owner() {
            let addr = std::sync::Arc::as_ptr(owner) as usize;
            if w.first(addr, std::sync::Arc::strong_count(owner) > 1) {
                w.fun(owner);
            }
        }
    }
    if let Some(rare) = &p.rare {
        w.bytes += p_rare_bytes(rare);
        for (k, v) in &rare.dict {
            w.todo.push(k);
            w.todo.push(v);
        }
    }
    w.run();
    // The mailbox is borrowed apart from the process: a second walk,
    // sharing what the first one saw.
    let mut m = Walk {
        seen: std::mem::take(&mut w.seen),
        todo: Vec::new(),
        bytes: w.bytes,
    };
    for v in messages {
        m.bytes += SLOT;
        m.todo.push(v);
        m.run();
    }
    m.bytes
}

fn p_rare_bytes(rare: &crate::process::Rare) -> usize {
    size_of::<crate::process::Rare>() + rare.dict.capacity() * 2 * SLOT
}

/// The BEAM's report of a process over its `max_heap_size` (what Logger
/// prints, less its timestamp and the collector's internals, which have no
/// meaning here), to stderr as phial's other crash reports.
pub(crate) fn report(pid: Pid, r: &HeapReport) -> String {
    format!(
        "[error]      Process:            {pid} \n     Context:            maximum heap size reached\n     Max Heap Size:      {}\n     Total Heap Size:    {}\n     Kill:               {}\n     Error Logger:       {}\n     Message Queue Len:  {}\n",
        r.max_heap_words, r.heap_words, r.kill, r.error_logger, r.message_queue_len
    )
}
