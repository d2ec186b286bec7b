//! Fast paths for a process's value stack (`Vec<Value>`) and frame stack:
//! the operations the step loop does on every call and return.
//!
//! `Vec::truncate` runs the destructor of every value it removes, an
//! out-of-line call each; most frames hold only integers and atoms, which
//! own nothing. `Option::unwrap_or(default)` builds and then drops the
//! default on every pop. Both showed up as a fifth of the time of a call.
//!
//! Not here: what lives on the stack (see `process::Frame`).

use crate::value::Value;

pub(crate) trait ValueStack {
    /// Pops the top value (`nil` if the stack is empty, which compiled code
    /// never allows).
    fn pop_top(&mut self) -> Value;
    /// `pop_top` for a value that was pushed a moment ago: an integer or an
    /// atom is read field by field rather than copied whole, so the read
    /// does not wait for the stores that built it (see `push_with`).
    fn take_top(&mut self) -> Value;
    /// Returns from a frame whose slots start at `base`: the top value (the
    /// result) moves down to `base` and everything between goes. An
    /// integer result is moved field by field (see `take_top`).
    fn collapse_to(&mut self, base: usize);
    /// Pushes the value `make` builds, building it only once there is room.
    ///
    /// `Vec::push(v)` builds `v` first and keeps it alive across the call
    /// that may grow the vector, so the compiler assembles it in a
    /// temporary piece by piece and then copies it whole, and the copy
    /// waits for the pieces (a failed store-to-load forward, on the hottest
    /// path there is). Here the value is built straight into its slot.
    fn push_with(&mut self, make: impl FnOnce() -> Value);
    /// Pushes `n` empty lists: a new frame's local slots.
    fn push_nils(&mut self, n: usize);
    /// Pushes a copy of the value at `index` (a local variable).
    fn dup(&mut self, index: usize);
    /// Shortens the stack to `len`, skipping the destructors of values that
    /// own nothing.
    fn cut(&mut self, len: usize);
}

impl ValueStack for Vec<Value> {
    #[inline(always)]
    fn pop_top(&mut self) -> Value {
        match self.pop() {
            Some(v) => v,
            None => Value::NIL_ATOM,
        }
    }

    #[inline(always)]
    fn take_top(&mut self) -> Value {
        let v = match self.last() {
            Some(Value::Int(i)) => Value::Int(*i),
            Some(Value::Atom(a)) => Value::Atom(*a),
            _ => return self.pop_top(),
        };
        // SAFETY: the top is an integer or an atom (matched above), which
        // owns nothing; dropping it from the vector without its destructor
        // leaks nothing.
        unsafe { self.set_len(self.len() - 1) };
        v
    }

    #[inline(always)]
    fn collapse_to(&mut self, base: usize) {
        let len = self.len();
        if base + 1 >= len {
            return;
        }
        let top = len - 1;
        // Only integers take the field-by-field path: given two such arms,
        // the compiler merges them back into one whole-value copy.
        if let Value::Int(i) = self[top] {
            // SAFETY: the top is an integer, so forgetting it leaks nothing;
            // after `cut(base)` the vector is `base` long with room for more
            // (it was longer), and slot `base` is uninitialised until written.
            unsafe {
                self.set_len(top);
                self.cut(base);
                self.as_mut_ptr().add(base).write(Value::Int(i));
                self.set_len(base + 1);
            }
        } else {
            let v = self.pop_top();
            self.truncate(base);
            // Not `push`: it would take the vector's address (see `grow`).
            push_in_place(self, || v);
        }
    }

    #[inline(always)]
    fn push_with(&mut self, make: impl FnOnce() -> Value) {
        push_in_place(self, make)
    }

    #[inline(always)]
    fn push_nils(&mut self, n: usize) {
        if self.capacity() - self.len() < n {
            grow(self, n);
        }
        for _ in 0..n {
            // Reserved above, so none of these pushes grows the vector.
            push_in_place(self, || Value::Nil);
        }
    }

    #[inline(always)]
    fn dup(&mut self, index: usize) {
        if self.len() == self.capacity() {
            grow(self, 1);
        }
        let v = self[index].clone();
        let len = self.len();
        // SAFETY: as in `push_with`.
        unsafe {
            self.as_mut_ptr().add(len).write(v);
            self.set_len(len + 1);
        }
    }

    #[inline(always)]
    fn cut(&mut self, len: usize) {
        let old = self.len();
        if len >= old {
            return;
        }
        // The length goes first, so a destructor that panics leaks the rest
        // rather than dropping one twice.
        // SAFETY: `len` is within the vector; the values past it are still
        // initialised and are dropped (or, owning nothing, forgotten) below,
        // each once.
        unsafe { self.set_len(len) };
        let base = self.as_mut_ptr();
        for i in len..old {
            // SAFETY: `i` is below the old length: an initialised value
            // that the vector no longer owns.
            unsafe {
                let v = base.add(i);
                // Only a value that owns heap data pays for a destructor
                // call: a frame's integers and atoms cost a test each.
                if !(*v).is_immediate() {
                    std::ptr::drop_in_place(v);
                }
            }
        }
    }
}

/// Pushes the item `make` builds onto `v`, building it only once there is
/// room, straight into its slot (see `ValueStack::push_with`). Also used
/// for the frame stack.
#[inline(always)]
pub(crate) fn push_in_place<T>(v: &mut Vec<T>, make: impl FnOnce() -> T) {
    if v.len() == v.capacity() {
        grow(v, 1);
    }
    let item = make();
    let len = v.len();
    // SAFETY: there is room for one more (checked above); the slot at `len`
    // is uninitialised and becomes part of the vector once written.
    unsafe {
        v.as_mut_ptr().add(len).write(item);
        v.set_len(len + 1);
    }
}

/// Makes room for `extra` more items.
///
/// The vector goes to the growing function by value and comes back, rather
/// than by reference: a reference would let the vector's address escape
/// into a call that is never inlined, and a vector held in a local by the
/// fast step loop (`machine::fast`) could then no longer live in registers.
#[inline(always)]
pub(crate) fn grow<T>(v: &mut Vec<T>, extra: usize) {
    *v = grown(std::mem::take(v), extra);
}

#[cold]
#[inline(never)]
fn grown<T>(mut v: Vec<T>, extra: usize) -> Vec<T> {
    let bytes = v.capacity() * std::mem::size_of::<T>();
    if bytes < BIG_STACK {
        // `Vec`'s own amortised doubling, starting small: a million parked
        // processes each hold their frame and value stacks.
        v.reserve(extra);
        return v;
    }
    // A runaway recursion: grow by half (the old and the new buffer are
    // both held while it moves), and if that passes the process's memory
    // limit, have the runtime kill it at the end of this slice (a few
    // thousand more calls at most) instead of letting it reach the VM's.
    if phial_runtime::over_limit(bytes / 2) {
        phial_runtime::stop_over_limit();
    }
    // If the allocator has no room for half again, a little more lets the
    // slice reach its end, where the process is killed.
    for more in [v.capacity() / 2, v.capacity() / 16] {
        if v.try_reserve_exact(extra.max(more)).is_ok() {
            return v;
        }
        phial_runtime::stop_over_limit();
    }
    v.reserve_exact(extra.max(4096));
    v
}

/// Past this size (bytes) a stack grows by half instead of doubling.
const BIG_STACK: usize = 64 << 20;
