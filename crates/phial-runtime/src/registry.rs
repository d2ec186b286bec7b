//! Registered names: name -> pid, one global map.
//!
//! Registration is rare and never on a hot path, so one mutex is enough. The
//! name is also recorded in the process's relations so an exiting process can
//! release it (before its exit and DOWN signals go out). Lock order: registry,
//! then a process's meta; the exit path takes them one after the other, never
//! nested.
//!
//! Not here: the rules of `register` (cx.rs / runtime.rs apply them).

use crate::pid::Pid;
use parking_lot::{Mutex, MutexGuard};
use std::collections::HashMap;

#[derive(Default)]
pub(crate) struct Registry(Mutex<HashMap<Box<str>, Pid>>);

impl Registry {
    pub(crate) fn lock(&self) -> MutexGuard<'_, HashMap<Box<str>, Pid>> {
        self.0.lock()
    }

    pub(crate) fn whereis(&self, name: &str) -> Option<Pid> {
        self.0.lock().get(name).copied()
    }

    /// Remove `name` if it still names `pid`.
    pub(crate) fn release(&self, name: &str, pid: Pid) {
        let mut m = self.0.lock();
        if m.get(name) == Some(&pid) {
            m.remove(name);
        }
    }

    pub(crate) fn names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.0.lock().keys().map(|k| k.to_string()).collect();
        v.sort_unstable();
        v
    }

    pub(crate) fn clear(&self) {
        self.0.lock().clear();
    }
}
