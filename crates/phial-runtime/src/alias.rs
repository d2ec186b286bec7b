//! Process aliases (OTP 24's): which process an alias reference routes to,
//! and what deactivates it.
//!
//! A reference cannot say whose alias it is (a `Ref` is one counter), so
//! the runtime keeps a sharded map from alias to owner for senders to look
//! up. The map only routes: whether an alias is active is the owner's own
//! list (`Relations::aliases`), checked when the owner takes the message
//! in (`signals::apply`), so a message that was on its way when the alias
//! was deactivated is dropped as the BEAM drops it. Only the owner ever
//! edits its aliases, so the two agree except for the moment between the
//! owner's edit and the map's, when a message routed there is dropped on
//! arrival.
//!
//! Not here: sending (cx.rs), the exit path's clean-up (signals.rs).

use crate::pid::{Pid, Ref};
use crate::table::IdHash;
use parking_lot::RwLock;
use std::collections::HashMap;

/// What deactivates an alias besides `unalias`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AliasMode {
    /// Only `unalias` (`alias/0`, `[:explicit_unalias]`).
    Explicit,
    /// The first message received through it (`alias([:reply])`).
    Reply,
    /// The removal of the monitor it was made with (`demonitor`, or its DOWN).
    Demonitor,
    /// As `Demonitor`, and also a first message received through it,
    /// which also removes the monitor.
    ReplyDemonitor,
}

impl AliasMode {
    /// Whether removing its monitor deactivates it.
    pub(crate) fn ends_with_monitor(self) -> bool {
        matches!(self, AliasMode::Demonitor | AliasMode::ReplyDemonitor)
    }
}

const SHARDS: usize = 16;

/// Active aliases: id -> owner.
pub(crate) struct Aliases {
    shards: Box<[RwLock<HashMap<u64, Pid, IdHash>>]>,
}

impl Aliases {
    pub(crate) fn new() -> Self {
        Aliases {
            shards: (0..SHARDS)
                .map(|_| RwLock::new(HashMap::default()))
                .collect(),
        }
    }

    fn shard(&self, r: Ref) -> &RwLock<HashMap<u64, Pid, IdHash>> {
        &self.shards[(r.id() as usize) % SHARDS]
    }

    pub(crate) fn insert(&self, r: Ref, owner: Pid) {
        self.shard(r).write().insert(r.id(), owner);
    }

    pub(crate) fn remove(&self, r: Ref) {
        let mut map = self.shard(r).write();
        map.remove(&r.id());
        if map.capacity() > 64 && map.len() * 4 < map.capacity() {
            let keep = map.len() * 2;
            map.shrink_to(keep);
        }
    }

    pub(crate) fn owner(&self, r: Ref) -> Option<Pid> {
        self.shard(r).read().get(&r.id()).copied()
    }
}
