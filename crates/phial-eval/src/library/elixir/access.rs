//! `Access`'s native half: `Access.get/2`, which `data[key]` also runs.
//!
//! Not here: the accessor functions `get_in`/`put_in` take (`access.ex`),
//! the `data[key]` rule itself (`support::terms::access`).

use crate::library::support::terms::access;
use crate::library::{def, Native};

pub const NATIVES: &[Native] = &[def("get", 2, |_, a| access(&a[0], &a[1]))];
