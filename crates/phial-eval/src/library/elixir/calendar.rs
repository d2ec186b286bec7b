//! `Calendar`'s natives: the time zone database setting,
//! `get_time_zone_database/0` and `put_time_zone_database/1`, kept per VM
//! (Elixir keeps it in the `:elixir` application's environment).
//!
//! Not here: the rest of `Calendar` (`calendar.ex`), the ISO calendar
//! (`calendar_iso.rs`).

use crate::atom::Atom;
use crate::library::support::collections::clause;
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("get_time_zone_database", 0, |ctx, _| {
        let db = *ctx.vm.time_zone_database.read();
        Ok(Value::Atom(db.unwrap_or_else(|| {
            Atom::alias("Calendar.UTCOnlyTimeZoneDatabase")
        })))
    }),
    def("put_time_zone_database", 1, |ctx, a| match &a[0] {
        Value::Atom(db) => {
            *ctx.vm.time_zone_database.write() = Some(*db);
            Ok(Value::OK)
        }
        other => Err(clause("Calendar", "put_time_zone_database", 1, &[other])),
    }),
];
