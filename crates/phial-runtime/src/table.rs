//! The process table: pid -> process, sharded.
//!
//! Every send looks its target up here, so lookups must be cheap and must not
//! serialise the workers: the table is split into `SHARDS` read-write-locked
//! hash maps, indexed by the low bits of the (sequential) pid id, so that
//! neighbouring pids land in different shards. A lookup is one uncontended
//! read lock, a hash probe and an `Arc` clone. The hash is a single multiply
//! (ids are small sequential integers; SipHash would be wasted work). Maps
//! shrink when they become mostly empty so that resident memory returns after
//! a million processes exit.
//!
//! Not here: liveness beyond presence (the state word) or names (registry.rs).

use crate::pid::Pid;
use crate::process::Proc;
use parking_lot::RwLock;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;

/// 64 shards: far more than the number of workers on any machine this runs
/// on, so two workers rarely meet on one lock; small enough that walking all
/// of them (`processes()`) is trivial.
const SHARDS: usize = 64;

#[derive(Clone, Copy, Default)]
pub(crate) struct IdHash;

pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        // Fibonacci hashing: spreads sequential ids over the top bits that
        // hashbrown uses for its control bytes.
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl BuildHasher for IdHash {
    type Hasher = IdHasher;
    fn build_hasher(&self) -> IdHasher {
        IdHasher(0)
    }
}

type Shard<T, B> = RwLock<HashMap<u64, Arc<Proc<T, B>>, IdHash>>;

pub(crate) struct Table<T, B> {
    shards: Box<[Shard<T, B>]>,
}

impl<T, B> Table<T, B> {
    pub(crate) fn new() -> Self {
        Table {
            shards: (0..SHARDS)
                .map(|_| RwLock::new(HashMap::default()))
                .collect(),
        }
    }

    fn shard(&self, pid: Pid) -> &Shard<T, B> {
        &self.shards[(pid.id() as usize) % SHARDS]
    }

    pub(crate) fn get(&self, pid: Pid) -> Option<Arc<Proc<T, B>>> {
        if pid.node() != 0 {
            return None;
        }
        self.shard(pid).read().get(&pid.id()).cloned()
    }

    pub(crate) fn contains(&self, pid: Pid) -> bool {
        pid.node() == 0 && self.shard(pid).read().contains_key(&pid.id())
    }

    pub(crate) fn insert(&self, p: Arc<Proc<T, B>>) {
        let pid = p.pid;
        self.shard(pid).write().insert(pid.id(), p);
    }

    pub(crate) fn remove(&self, pid: Pid) -> Option<Arc<Proc<T, B>>> {
        let mut map = self.shard(pid).write();
        let p = map.remove(&pid.id());
        if map.capacity() > 64 && map.len() * 4 < map.capacity() {
            let keep = map.len() * 2;
            map.shrink_to(keep);
        }
        p
    }

    pub(crate) fn pids(&self) -> Vec<Pid> {
        let mut v: Vec<Pid> = self
            .shards
            .iter()
            .flat_map(|s| {
                s.read()
                    .keys()
                    .map(|&id| Pid::new(0, id))
                    .collect::<Vec<_>>()
            })
            .collect();
        v.sort_unstable();
        v
    }

    /// Empty the table, returning the processes so the caller drops them
    /// outside any lock (dropping a body may be slow).
    pub(crate) fn drain(&self) -> Vec<Arc<Proc<T, B>>> {
        let mut out = Vec::new();
        for s in self.shards.iter() {
            let map = std::mem::take(&mut *s.write());
            out.extend(map.into_values());
        }
        out
    }
}
