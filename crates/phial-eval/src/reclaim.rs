//! Freeing values of any depth without recursing on the Rust stack.
//!
//! A value's containers (cons cells, tuples, maps, closures) free their
//! children when their last reference goes, and Rust's drop glue does that
//! by recursion: a million-deep `[[[...]]]` would need a million nested
//! drop frames, and a worker thread has 2 MB. Every container's `Drop`
//! (in `value`) therefore hands each heap child to [`dispose`] (or, for a
//! tuple or map, runs its own free through [`nested`]). Up to [`LIMIT`]
//! nested frees run directly, as plain recursion, which is what almost
//! every value needs and costs one thread-local counter; a child met
//! deeper than that is moved, unfreed, onto a per-thread pending list,
//! and the outermost free empties that list one value at a time. So the
//! Rust stack holds at most `LIMIT` nested frees, the heap holds the
//! pending values (16 bytes each), and the total work is unchanged.
//!
//! Not here: what the containers are (`value`), walking values for any
//! other purpose (each walker keeps its own explicit stack).

use crate::value::Value;
use std::cell::{Cell, RefCell};

/// Nested frees allowed on the Rust stack before children are deferred.
/// A level costs a few small frames (a tuple's is about 200 bytes, a map's
/// B-tree node a little more), so 64 levels stay far below a worker's
/// 2 MB, wherever the free happens.
const LIMIT: u32 = 64;

thread_local! {
    /// How many container frees are in progress on this thread's stack.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Whether `PENDING` may be non-empty: spares the outermost free a
    /// look at the `RefCell` (whose thread-local has a destructor, so each
    /// access checks its state).
    static HAS_PENDING: Cell<bool> = const { Cell::new(false) };
    static PENDING: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Frees `child`, a value its container has just let go of: at once when
/// few frees are in progress, otherwise later, from the pending list.
#[inline]
pub(crate) fn dispose(child: Value) {
    if child.is_immediate() {
        return;
    }
    nested(child, drop);
}

/// Runs `free(item)` (which frees a container's contents) as one more
/// nested free, or defers `item` itself when `LIMIT` frees are already in
/// progress (`Into<Value>` makes the deferred item a value again).
#[inline]
pub(crate) fn nested<T: Into<Value>>(item: T, free: fn(T)) {
    let depth = DEPTH.get();
    if depth >= LIMIT {
        defer(item.into());
        return;
    }
    DEPTH.set(depth + 1);
    free(item);
    DEPTH.set(depth);
    if depth == 0 && HAS_PENDING.get() {
        drain();
    }
}

#[cold]
fn defer(v: Value) {
    // After this thread's locals are destroyed (a value freed by another
    // thread-local's destructor) the list is gone: the closure, and `v` in
    // it, is then dropped unrun, which frees `v` in place.
    if PENDING.try_with(move |p| p.borrow_mut().push(v)).is_ok() {
        HAS_PENDING.set(true);
    }
}

/// Frees the deferred values, each as a depth-1 free (so frees nested in
/// it defer again rather than start a drain of their own).
#[cold]
fn drain() {
    DEPTH.set(1);
    loop {
        let next = PENDING.try_with(|p| p.borrow_mut().pop()).ok().flatten();
        match next {
            Some(v) => drop(v),
            None => break,
        }
    }
    // A wide, deep value can leave a large buffer behind: keep a small one.
    let _ = PENDING.try_with(|p| {
        let mut p = p.borrow_mut();
        if p.capacity() > 4096 {
            *p = Vec::new();
        }
    });
    HAS_PENDING.set(false);
    DEPTH.set(0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::MapInner;

    const DEEP: usize = 1_000_000;

    // Each test builds a value a million levels deep of one container kind
    // and drops it on a thread with a small (256 KB) stack: recursion of
    // even a few thousand levels would overflow it and abort the test run.
    fn on_small_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(f)
            .expect("spawn")
            .join()
            .expect("no panic");
    }

    #[test]
    fn deep_list_of_lists_drops() {
        on_small_stack(|| {
            let mut v = Value::Nil;
            for _ in 0..DEEP {
                v = Value::cons(v, Value::Nil);
            }
            drop(v);
        });
    }

    #[test]
    fn deep_tuples_drop() {
        on_small_stack(|| {
            let mut v = Value::Int(0);
            for i in 0..DEEP {
                v = Value::tuple(vec![Value::Int(i as i64), v]);
            }
            drop(v);
        });
    }

    #[test]
    fn deep_maps_drop() {
        on_small_stack(|| {
            let mut v = Value::Int(0);
            for _ in 0..DEEP {
                let mut m = MapInner::new();
                m.insert(Value::atom("a"), v);
                v = Value::map(m);
            }
            drop(v);
        });
    }

    #[test]
    fn mixed_and_shared_values_drop_once() {
        on_small_stack(|| {
            let shared = Value::str("kept");
            let mut v = Value::Nil;
            for i in 0..DEEP {
                v = match i % 3 {
                    0 => Value::tuple(vec![v, shared.clone()]),
                    1 => Value::list(vec![shared.clone(), v]),
                    _ => {
                        let mut m = MapInner::new();
                        m.insert(v, shared.clone());
                        Value::map(m)
                    }
                };
            }
            drop(v);
            // Every clone was freed exactly once: only ours is left.
            match shared {
                Value::Bin(s) => assert_eq!(s.strong_count(), 1),
                other => panic!("built as a string, got {other:?}"),
            }
        });
    }
}
