//! `:phial_calendar`: what the calendar units (`Calendar.ISO`, `Time`,
//! `NaiveDateTime`, `DateTime`) need below Elixir's public API:
//! `convert_time_unit/3` (`System.convert_time_unit/3`'s rounding and
//! errors) and `localtime/0` (`:erlang.localtime/0`, the system clock in
//! the host's time zone, for `NaiveDateTime.local_now/0`).
//!
//! Not here: the calendar's own algorithms (`support::calendar`), the
//! clocks in UTC (`support::time`, behind `System.os_time/0`).

use crate::library::support::calendar::convert_time_unit;
use crate::library::support::time::system_ns;
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("convert_time_unit", 3, |_, a| {
        convert_time_unit(&a[0], &a[1], &a[2])
    }),
    def("localtime", 0, |_, _| Ok(localtime())),
];

/// `{{year, month, day}, {hour, minute, second}}` now, in the host's
/// time zone (UTC where the host has none).
fn localtime() -> Value {
    let secs = system_ns().div_euclid(1_000_000_000);
    let [y, mo, d, h, mi, s] = local_parts(secs);
    let ints = |v: [i64; 3]| Value::tuple(v.iter().map(|i| Value::Int(*i)).collect());
    Value::tuple(vec![ints([y, mo, d]), ints([h, mi, s])])
}

/// Year, month, day, hour, minute, second of the unix time `secs` in the
/// host's time zone (UTC where the host has none). Also Logger's clock.
pub(crate) fn local_parts(secs: i64) -> [i64; 6] {
    let t = secs as libc::time_t;
    // SAFETY: `tm` is plain data that `localtime_r` fills in; both
    // pointers are to live locals, and the reentrant variant keeps no
    // shared state between threads.
    let (ok, tm) = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        let ok = !libc::localtime_r(&t, &mut tm).is_null();
        (ok, tm)
    };
    if ok {
        [
            i64::from(tm.tm_year) + 1900,
            i64::from(tm.tm_mon) + 1,
            i64::from(tm.tm_mday),
            i64::from(tm.tm_hour),
            i64::from(tm.tm_min),
            i64::from(tm.tm_sec),
        ]
    } else {
        utc_parts(secs)
    }
}

/// Year, month, day, hour, minute, second of the unix time `secs` in UTC.
pub(crate) fn utc_parts(secs: i64) -> [i64; 6] {
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    let (y, m, d) = crate::library::support::calendar::date_from_iso_days(days + 719_528);
    [y, m, d, rest / 3600, rest % 3600 / 60, rest % 60]
}
