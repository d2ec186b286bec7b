//! The ISO calendar in Rust, shared by `Calendar.ISO`'s natives, Kernel's
//! `~D ~T ~N ~U` sigils (at run time and folded by the compiler), and the
//! printer (`inspect` and `to_string` of `Date`, `Time`, `NaiveDateTime`,
//! `DateTime` and `Date.Range` in the ISO calendar): day counting, the
//! ISO 8601 parsers with Elixir 1.14's results and error atoms, the string
//! forms, the structs as Elixir builds them, time-unit conversion.
//!
//! Not here: the modules' functions themselves (the units' `.ex` files),
//! other calendars (whatever a program's calendar module says, reached
//! through phial code).

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::format::inspect;
use crate::library::support::collections::clause;
use crate::library::{Ctx, Step, Target};
use crate::value::Value;
use std::sync::OnceLock;

/// The atoms the calendar structs are made of, interned once.
pub(crate) struct Names {
    pub date: Atom,
    pub time: Atom,
    pub naive: Atom,
    pub datetime: Atom,
    pub range: Atom,
    pub iso: Atom,
    pub calendar: Atom,
    pub year: Atom,
    pub month: Atom,
    pub day: Atom,
    pub hour: Atom,
    pub minute: Atom,
    pub second: Atom,
    pub microsecond: Atom,
    pub time_zone: Atom,
    pub zone_abbr: Atom,
    pub utc_offset: Atom,
    pub std_offset: Atom,
    pub basic: Atom,
    pub extended: Atom,
}

pub(crate) fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| Names {
        date: Atom::alias("Date"),
        time: Atom::alias("Time"),
        naive: Atom::alias("NaiveDateTime"),
        datetime: Atom::alias("DateTime"),
        range: Atom::alias("Date.Range"),
        iso: Atom::alias("Calendar.ISO"),
        calendar: Atom::new("calendar"),
        year: Atom::new("year"),
        month: Atom::new("month"),
        day: Atom::new("day"),
        hour: Atom::new("hour"),
        minute: Atom::new("minute"),
        second: Atom::new("second"),
        microsecond: Atom::new("microsecond"),
        time_zone: Atom::new("time_zone"),
        zone_abbr: Atom::new("zone_abbr"),
        utc_offset: Atom::new("utc_offset"),
        std_offset: Atom::new("std_offset"),
        basic: Atom::new("basic"),
        extended: Atom::new("extended"),
    })
}

// ---------------------------------------------------------------------
// Counting days

/// The iso days (days since 0000-01-01) Calendar.ISO can turn back into a
/// date: those of the years -9999 to 9999.
pub(crate) const MIN_ISO_DAYS: i64 = -3_652_059;
pub(crate) const MAX_ISO_DAYS: i64 = 3_652_424;

pub(crate) fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub(crate) fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub(crate) fn valid_date(year: i64, month: i64, day: i64) -> bool {
    (-9999..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
}

pub(crate) fn valid_time(hour: i64, minute: i64, second: i64, us: i64, precision: i64) -> bool {
    (0..=23).contains(&hour)
        && (0..=59).contains(&minute)
        && (0..=59).contains(&second)
        && (0..=999_999).contains(&us)
        && (0..=6).contains(&precision)
}

/// Days since 0000-01-01 of a valid proleptic Gregorian date (the civil
/// day count of H. Hinnant's `days_from_civil`, moved to year 0).
pub(crate) fn date_to_iso_days(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 + 719_528
}

/// The date of an iso day count (any, not only Calendar.ISO's range).
pub(crate) fn date_from_iso_days(days: i64) -> (i64, i64, i64) {
    let z = days - 719_528 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

// ---------------------------------------------------------------------
// Time units

/// How many parts of a second a unit has, as `System.convert_time_unit/3`
/// reads it (`:native` is the nanosecond, as phial's clocks count).
pub(crate) fn unit_parts(unit: &Value) -> Result<i64> {
    match unit {
        Value::Atom(a) => match a.as_str() {
            "second" | "seconds" => Ok(1),
            "millisecond" | "milli_seconds" => Ok(1_000),
            "microsecond" | "micro_seconds" => Ok(1_000_000),
            "nanosecond" | "nano_seconds" | "native" => Ok(1_000_000_000),
            _ => Err(bad_unit(unit)),
        },
        Value::Int(n) if *n > 0 => Ok(*n),
        _ => Err(bad_unit(unit)),
    }
}

fn bad_unit(unit: &Value) -> Raise {
    error::argument_error(format!(
        "unsupported time unit. Expected :second, :millisecond, :microsecond, :nanosecond, or a positive integer, got {}",
        inspect(unit)
    ))
}

/// `System.convert_time_unit/3`: rounded down, as Erlang's
/// `convert_time_unit` does; big results become big integers.
pub(crate) fn convert_time_unit(amount: &Value, from: &Value, to: &Value) -> Result<Value> {
    use num_bigint::BigInt;
    use num_integer::Integer;
    let (from, to) = (unit_parts(from)?, unit_parts(to)?);
    let n: BigInt = match amount {
        Value::Int(i) => BigInt::from(*i),
        Value::BigInt(b) => (**b).clone(),
        _ => return Err(error::badarg()),
    };
    Ok(Value::bigint(
        (n * BigInt::from(to)).div_floor(&BigInt::from(from)),
    ))
}

// ---------------------------------------------------------------------
// Strings

/// Calendar.ISO's `zero_pad`: at least `count` digits, a `-` before.
fn zero_pad(out: &mut String, val: i64, count: usize) {
    if val < 0 {
        out.push('-');
    }
    let digits = val.unsigned_abs().to_string();
    for _ in digits.len()..count {
        out.push('0');
    }
    out.push_str(&digits);
}

pub(crate) fn date_string(out: &mut String, year: i64, month: i64, day: i64, basic: bool) {
    zero_pad(out, year, 4);
    if !basic {
        out.push('-');
    }
    zero_pad(out, month, 2);
    if !basic {
        out.push('-');
    }
    zero_pad(out, day, 2);
}

/// A time whose fields `valid_time` accepts.
pub(crate) fn time_string(out: &mut String, t: (i64, i64, i64, i64, i64), basic: bool) {
    let (hour, minute, second, us, precision) = t;
    zero_pad(out, hour, 2);
    if !basic {
        out.push(':');
    }
    zero_pad(out, minute, 2);
    if !basic {
        out.push(':');
    }
    zero_pad(out, second, 2);
    if precision > 0 {
        let digits = format!("{us:06}");
        out.push('.');
        out.push_str(&digits[..precision as usize]);
    }
}

/// `Calendar.ISO.offset_to_string/4`.
pub(crate) fn offset_string(out: &mut String, utc: i64, std: i64, zone: Option<&str>, basic: bool) {
    if utc == 0 && std == 0 && zone == Some("Etc/UTC") {
        out.push('Z');
        return;
    }
    let total = utc + std;
    let secs = total.abs();
    out.push(if total < 0 { '-' } else { '+' });
    zero_pad(out, secs / 3600, 2);
    if !basic {
        out.push(':');
    }
    zero_pad(out, secs % 3600 / 60, 2);
}

/// The zone part of `Calendar.ISO.datetime_to_string`: nothing for UTC,
/// else the abbreviation and the zone.
pub(crate) fn zone_string(out: &mut String, abbr: &str, zone: &str) {
    if zone != "Etc/UTC" {
        out.push(' ');
        out.push_str(abbr);
        out.push(' ');
        out.push_str(zone);
    }
}

// ---------------------------------------------------------------------
// Parsing ISO 8601, byte for byte as Calendar.ISO 1.14 does

/// `(year, month, day)`, `(hour, minute, second, (us, precision))`.
pub(crate) type Ymd = (i64, i64, i64);
pub(crate) type Hms = (i64, i64, i64, (i64, i64));
/// Hour, minute and second as read, before the fraction.
type Clock = (i64, i64, i64);

fn digits(b: &[u8]) -> Option<i64> {
    if b.iter().all(u8::is_ascii_digit) {
        Some(b.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    } else {
        None
    }
}

/// A leading `-` or `+` of a date: the year's sign.
fn year_sign(s: &[u8]) -> (i64, &[u8]) {
    match s.first() {
        Some(b'-') => (-1, &s[1..]),
        Some(b'+') => (1, &s[1..]),
        _ => (1, s),
    }
}

/// The date at the start of `s` (10 bytes extended, 8 basic) and the rest.
fn date_part(s: &[u8], basic: bool) -> Option<(Ymd, &[u8])> {
    if basic {
        let y = digits(s.get(0..4)?)?;
        let m = digits(s.get(4..6)?)?;
        let d = digits(s.get(6..8)?)?;
        Some(((y, m, d), &s[8..]))
    } else {
        if s.get(4) != Some(&b'-') || s.get(7) != Some(&b'-') {
            return None;
        }
        let y = digits(s.get(0..4)?)?;
        let m = digits(s.get(5..7)?)?;
        let d = digits(s.get(8..10)?)?;
        Some(((y, m, d), &s[10..]))
    }
}

/// The hour, minute and second at the start of `s` and the rest.
fn time_part(s: &[u8], basic: bool) -> Option<(Clock, &[u8])> {
    if basic {
        let h = digits(s.get(0..2)?)?;
        let m = digits(s.get(2..4)?)?;
        let x = digits(s.get(4..6)?)?;
        Some(((h, m, x), &s[6..]))
    } else {
        if s.get(2) != Some(&b':') || s.get(5) != Some(&b':') {
            return None;
        }
        let h = digits(s.get(0..2)?)?;
        let m = digits(s.get(3..5)?)?;
        let x = digits(s.get(6..8)?)?;
        Some(((h, m, x), &s[8..]))
    }
}

/// `.123` or `,123` (digits past the sixth are read and dropped), or
/// nothing: `{0, 0}`. `None` for a separator with no digit.
fn fraction(s: &[u8]) -> Option<((i64, i64), &[u8])> {
    match s.first() {
        Some(b'.' | b',') => {
            let n = s[1..].iter().take_while(|b| b.is_ascii_digit()).count();
            if n == 0 {
                return None;
            }
            let mut us = 0;
            for i in 0..6 {
                let d = if i < n { i64::from(s[1 + i] - b'0') } else { 0 };
                us = us * 10 + d;
            }
            Some(((us, n.min(6) as i64), &s[1 + n..]))
        }
        _ => Some(((0, 0), s)),
    }
}

/// Two bytes as `Integer.parse/1` reads them whole: digits, or a sign and
/// a digit.
fn two(b: &[u8]) -> Option<i64> {
    match b {
        [s @ (b'+' | b'-'), d] if d.is_ascii_digit() => {
            let v = i64::from(d - b'0');
            Some(if *s == b'-' { -v } else { v })
        }
        _ => digits(b),
    }
}

/// A UTC offset in seconds: `None` inside for no offset at all, and the
/// rest; `Err` for a malformed one (Calendar.ISO's `parse_offset`).
fn offset(s: &[u8]) -> std::result::Result<(Option<i64>, &[u8]), ()> {
    match s {
        [] => return Ok((None, s)),
        b"Z" => return Ok((Some(0), &[])),
        b"-00:00" => return Err(()),
        _ => {}
    }
    let sign = match s[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return Err(()),
    };
    let (hour, min, rest): (&[u8], &[u8], &[u8]) = if s.len() >= 6 && s[3] == b':' {
        (&s[1..3], &s[4..6], &s[6..])
    } else if s.len() >= 5 {
        (&s[1..3], &s[3..5], &s[5..])
    } else if s.len() >= 3 {
        (&s[1..3], b"00", &s[3..])
    } else {
        return Err(());
    };
    match (two(hour), two(min)) {
        (Some(h), Some(m)) if h < 24 && m < 60 => Ok((Some((h * 60 + m) * 60 * sign), rest)),
        _ => Err(()),
    }
}

/// The fraction and offset after a time: what must end the string.
fn time_tail(s: &[u8]) -> Option<((i64, i64), Option<i64>)> {
    let (us, rest) = fraction(s)?;
    match offset(rest) {
        Ok((off, [])) => Some((us, off)),
        _ => None,
    }
}

fn valid_hms(h: &Hms) -> bool {
    valid_time(h.0, h.1, h.2, h.3 .0, h.3 .1)
}

pub(crate) fn parse_date(s: &str, basic: bool) -> std::result::Result<Ymd, &'static str> {
    let (sign, s) = year_sign(s.as_bytes());
    match date_part(s, basic) {
        Some(((y, m, d), [])) => {
            let y = y * sign;
            if valid_date(y, m, d) {
                Ok((y, m, d))
            } else {
                Err("invalid_date")
            }
        }
        _ => Err("invalid_format"),
    }
}

pub(crate) fn parse_time(s: &str, basic: bool) -> std::result::Result<Hms, &'static str> {
    let b = s.as_bytes();
    let b = b.strip_prefix(b"T").unwrap_or(b);
    let Some(((h, m, x), rest)) = time_part(b, basic) else {
        return Err("invalid_format");
    };
    let Some((us, _)) = time_tail(rest) else {
        return Err("invalid_format");
    };
    let t = (h, m, x, us);
    if valid_hms(&t) {
        Ok(t)
    } else {
        Err("invalid_time")
    }
}

/// A date, a space or `T`, a time, and what follows the time.
fn date_time(s: &str, basic: bool) -> Option<(Ymd, Clock, &[u8])> {
    let (sign, b) = year_sign(s.as_bytes());
    let ((y, mo, d), rest) = date_part(b, basic)?;
    let rest = match rest.first() {
        Some(b' ' | b'T') => &rest[1..],
        _ => return None,
    };
    let (hms, rest) = time_part(rest, basic)?;
    Some(((y * sign, mo, d), hms, rest))
}

fn checked(date: Ymd, time: &Hms) -> std::result::Result<(), &'static str> {
    if !valid_date(date.0, date.1, date.2) {
        Err("invalid_date")
    } else if !valid_hms(time) {
        Err("invalid_time")
    } else {
        Ok(())
    }
}

pub(crate) fn parse_naive(s: &str, basic: bool) -> std::result::Result<(Ymd, Hms), &'static str> {
    let (date, (h, m, x), rest) = date_time(s, basic).ok_or("invalid_format")?;
    let (us, _) = time_tail(rest).ok_or("invalid_format")?;
    let time = (h, m, x, us);
    checked(date, &time)?;
    Ok((date, time))
}

/// A date and time with an offset, moved to UTC, and the offset. The
/// move may leave Calendar.ISO's years: `Err(None)` then, where Elixir
/// fails in `date_from_iso_days/1`.
pub(crate) fn parse_utc(
    s: &str,
    basic: bool,
) -> std::result::Result<(Ymd, Hms, i64), Option<&'static str>> {
    let (date, (h, m, x), rest) = date_time(s, basic).ok_or(Some("invalid_format"))?;
    let (us, off) = time_tail(rest).ok_or(Some("invalid_format"))?;
    let time = (h, m, x, us);
    checked(date, &time).map_err(Some)?;
    let off = match off {
        Some(o) => o,
        None => return Err(Some("missing_offset")),
    };
    if off == 0 {
        return Ok((date, time, 0));
    }
    let secs = h * 3600 + m * 60 + x - off;
    let extra = secs.div_euclid(86_400);
    let secs = secs.rem_euclid(86_400);
    let date = if extra == 0 {
        date
    } else {
        let days = date_to_iso_days(date.0, date.1, date.2) + extra;
        if !(MIN_ISO_DAYS..=MAX_ISO_DAYS).contains(&days) {
            return Err(None);
        }
        date_from_iso_days(days)
    };
    Ok((date, (secs / 3600, secs % 3600 / 60, secs % 60, us), off))
}

// ---------------------------------------------------------------------
// The structs

fn int(v: i64) -> Value {
    Value::Int(v)
}

fn micro(us: (i64, i64)) -> Value {
    Value::tuple(vec![int(us.0), int(us.1)])
}

fn calendar_field(calendar: Atom) -> (Atom, Value) {
    (names().calendar, Value::Atom(calendar))
}

pub(crate) fn date_value(calendar: Atom, d: Ymd) -> Value {
    let n = names();
    Value::make_struct(
        n.date,
        &[
            calendar_field(calendar),
            (n.year, int(d.0)),
            (n.month, int(d.1)),
            (n.day, int(d.2)),
        ],
    )
}

pub(crate) fn time_value(calendar: Atom, t: Hms) -> Value {
    let n = names();
    Value::make_struct(
        n.time,
        &[
            calendar_field(calendar),
            (n.hour, int(t.0)),
            (n.minute, int(t.1)),
            (n.second, int(t.2)),
            (n.microsecond, micro(t.3)),
        ],
    )
}

fn date_time_fields(calendar: Atom, d: Ymd, t: Hms) -> Vec<(Atom, Value)> {
    let n = names();
    vec![
        calendar_field(calendar),
        (n.year, int(d.0)),
        (n.month, int(d.1)),
        (n.day, int(d.2)),
        (n.hour, int(t.0)),
        (n.minute, int(t.1)),
        (n.second, int(t.2)),
        (n.microsecond, micro(t.3)),
    ]
}

pub(crate) fn naive_value(calendar: Atom, d: Ymd, t: Hms) -> Value {
    Value::make_struct(names().naive, &date_time_fields(calendar, d, t))
}

pub(crate) fn utc_value(calendar: Atom, d: Ymd, t: Hms) -> Value {
    let n = names();
    let mut fields = date_time_fields(calendar, d, t);
    fields.extend([
        (n.time_zone, Value::str("Etc/UTC")),
        (n.zone_abbr, Value::str("UTC")),
        (n.utc_offset, int(0)),
        (n.std_offset, int(0)),
    ]);
    Value::make_struct(n.datetime, &fields)
}

// ---------------------------------------------------------------------
// Reading the structs back, for the printer

fn field_int(v: &Value, key: Atom) -> Option<i64> {
    match v.map_get(key)? {
        Value::Int(i) => Some(*i),
        _ => None,
    }
}

fn field_date(v: &Value) -> Option<Ymd> {
    let n = names();
    Some((
        field_int(v, n.year)?,
        field_int(v, n.month)?,
        field_int(v, n.day)?,
    ))
}

/// A struct's time fields, if `time_to_string` would accept them.
fn field_time(v: &Value) -> Option<(i64, i64, i64, i64, i64)> {
    let n = names();
    let (us, precision) = match v.map_get(n.microsecond)? {
        Value::Tuple(t) if t.len() == 2 => match (&t[0], &t[1]) {
            (Value::Int(a), Value::Int(b)) => (*a, *b),
            _ => return None,
        },
        _ => return None,
    };
    let t = (
        field_int(v, n.hour)?,
        field_int(v, n.minute)?,
        field_int(v, n.second)?,
        us,
        precision,
    );
    valid_time(t.0, t.1, t.2, t.3, t.4).then_some(t)
}

fn is_iso(v: &Value) -> bool {
    v.map_get(names().calendar).and_then(Value::as_atom) == Some(names().iso)
}

/// What `String.Chars` gives for a calendar struct of the ISO calendar
/// with fields Calendar.ISO can print, and whether it is a UTC DateTime;
/// `None` for anything else (another calendar's module, or Elixir's error,
/// comes from phial code).
fn chars(v: &Value) -> Option<(String, Option<bool>)> {
    let name = v.struct_name()?;
    let n = names();
    if !is_iso(v) {
        return None;
    }
    let mut out = String::new();
    if name == n.date {
        let (y, m, d) = field_date(v)?;
        date_string(&mut out, y, m, d, false);
        Some((out, None))
    } else if name == n.time {
        time_string(&mut out, field_time(v)?, false);
        Some((out, None))
    } else if name == n.naive || name == n.datetime {
        let (y, m, d) = field_date(v)?;
        let t = field_time(v)?;
        let zone = if name == n.datetime {
            let zone = v.map_get(n.time_zone)?.as_str()?;
            let abbr = v.map_get(n.zone_abbr)?.as_str()?;
            Some((
                zone,
                abbr,
                field_int(v, n.utc_offset)?,
                field_int(v, n.std_offset)?,
            ))
        } else {
            None
        };
        date_string(&mut out, y, m, d, false);
        out.push(' ');
        time_string(&mut out, t, false);
        let utc = zone.map(|(zone, abbr, utc, std)| {
            offset_string(&mut out, utc, std, Some(zone), false);
            zone_string(&mut out, abbr, zone);
            utc == 0 && std == 0 && zone == "Etc/UTC"
        });
        Some((out, utc))
    } else {
        None
    }
}

/// `to_string` of a calendar struct the natives can print.
pub(crate) fn to_string(v: &Value) -> Option<String> {
    chars(v).map(|(s, _)| s)
}

/// Elixir's `Inspect` form of a calendar struct the natives can print:
/// `~D[...]`, `~T[...]`, `~N[...]`, `~U[...]`, `#DateTime<...>`,
/// `Date.range(...)`. `Err` for one of another calendar (its module
/// prints it, through phial code), `None` for anything else.
pub(crate) fn inspect_form(v: &Value) -> Option<std::result::Result<String, ()>> {
    let name = v.struct_name()?;
    let n = names();
    if name == n.range {
        return range_form(v);
    }
    if ![n.date, n.time, n.naive, n.datetime].contains(&name) {
        return None;
    }
    match v.map_get(n.calendar)?.as_atom()? {
        c if c == n.iso => {}
        _ => return Some(Err(())),
    }
    let (text, utc) = chars(v)?;
    Some(Ok(if name == n.date {
        format!("~D[{text}]")
    } else if name == n.time {
        format!("~T[{text}]")
    } else if name == n.naive {
        format!("~N[{text}]")
    } else if utc == Some(true) {
        format!("~U[{text}]")
    } else {
        format!("#DateTime<{text}>")
    }))
}

fn range_form(v: &Value) -> Option<std::result::Result<String, ()>> {
    let first = inspect_form(v.map_get(Atom::FIRST)?)?;
    let last = inspect_form(v.map_get(Atom::LAST)?)?;
    let (Ok(first), Ok(last)) = (first, last) else {
        return Some(Err(()));
    };
    // A range made before steps existed has none: Elixir's Inspect
    // takes its direction from the two dates in term order.
    let step = match v.map_get(Atom::STEP) {
        Some(Value::Int(s)) => *s,
        Some(_) => return None,
        None => match crate::term::compare(v.map_get(Atom::FIRST)?, v.map_get(Atom::LAST)?) {
            std::cmp::Ordering::Greater => -1,
            _ => 1,
        },
    };
    Some(Ok(if step == 1 {
        format!("Date.range({first}, {last})")
    } else {
        format!("Date.range({first}, {last}, {step})")
    }))
}

// ---------------------------------------------------------------------
// Kernel's sigils

/// Which struct a sigil letter builds, and its name in error messages.
fn sigil_kind(letter: char) -> Option<&'static str> {
    match letter {
        'D' => Some("Date"),
        'T' => Some("Time"),
        'N' => Some("NaiveDateTime"),
        'U' => Some("UTC DateTime"),
        _ => None,
    }
}

/// Splits a trailing calendar off a sigil's text, as Kernel's
/// `extract_calendar` does: the last space-separated word, when it starts
/// with a capital, names the calendar module.
pub(crate) fn sigil_calendar(text: &str) -> (Option<&str>, &str) {
    match text.rsplit_once(' ') {
        Some((rest, last)) if last.starts_with(|c: char| c.is_ascii_uppercase()) => {
            (Some(last), rest)
        }
        _ => (None, text),
    }
}

/// The value of `~D[text]` (and T, N, U) in the ISO calendar, or the
/// ArgumentError message Elixir raises.
pub(crate) fn iso_sigil(letter: char, text: &str) -> std::result::Result<Value, String> {
    let kind = sigil_kind(letter).unwrap_or("Date");
    let iso = names().iso;
    let fail = |reason: &str| {
        format!(
            "cannot parse {} as {kind} for Calendar.ISO, reason: :{reason}",
            inspect(&Value::str(text))
        )
    };
    match letter {
        'D' => parse_date(text, false)
            .map(|d| date_value(iso, d))
            .map_err(fail),
        'T' => parse_time(text, false)
            .map(|t| time_value(iso, t))
            .map_err(fail),
        'N' => parse_naive(text, false)
            .map(|(d, t)| naive_value(iso, d, t))
            .map_err(fail),
        _ => match parse_utc(text, false) {
            Ok((d, t, 0)) => Ok(utc_value(iso, d, t)),
            Ok(_) => Err(fail("non_utc_offset")),
            Err(Some(reason)) => Err(fail(reason)),
            Err(None) => Err(fail("invalid_date")),
        },
    }
}

/// Whether a literal `~D[text]` (T, N, U) with these modifiers is the ISO
/// calendar's to read when compiled: no modifiers, no calendar named.
pub(crate) fn sigil_is_literal(text: &str, modifiers: &str) -> bool {
    modifiers.is_empty() && sigil_calendar(text).0.is_none()
}

/// `Kernel.sigil_D/2` (T, N, U) at run time: the ISO calendar here, a
/// calendar named after the text (`~D[... My.Calendar]`) through its own
/// `parse_date/1` (`parse_time`, `parse_naive_datetime`,
/// `parse_utc_datetime`).
pub(crate) fn sigil(letter: char, args: &[Value]) -> Result<Step> {
    let (Some(text), Value::Nil) = (args[0].as_str(), &args[1]) else {
        return Err(sigil_clause(letter, args));
    };
    let kind = sigil_kind(letter).unwrap_or("Date");
    match sigil_calendar(text) {
        (None, text) => iso_sigil(letter, text)
            .map(Step::Done)
            .map_err(error::argument_error),
        (Some(module), text) => {
            let calendar = Atom::alias(module);
            let parser = match letter {
                'D' => "parse_date",
                'T' => "parse_time",
                'N' => "parse_naive_datetime",
                _ => "parse_utc_datetime",
            };
            let text = text.to_string();
            Ok(Step::Call(
                Target::Mfa(calendar, Atom::new(parser)),
                vec![Value::str(text.as_str())],
                Box::new(move |_: &mut Ctx, parsed: Value| -> Result<Step> {
                    sigil_struct(letter, kind, calendar, &text, parsed).map(Step::Done)
                }),
            ))
        }
    }
}

/// The struct a calendar's parser result makes, or the error Kernel's
/// sigil raises for it.
fn sigil_struct(
    letter: char,
    kind: &str,
    calendar: Atom,
    text: &str,
    parsed: Value,
) -> Result<Value> {
    let fail = |reason: &Value| {
        error::argument_error(format!(
            "cannot parse {} as {kind} for {}, reason: {}",
            inspect(&Value::str(text)),
            inspect(&Value::Atom(calendar)),
            inspect(reason)
        ))
    };
    let Value::Tuple(t) = &parsed else {
        return Err(error::match_error(parsed.clone()));
    };
    let n = names();
    let fields = |t: &Value, keys: &[Atom]| -> Option<Vec<(Atom, Value)>> {
        let Value::Tuple(t) = t else { return None };
        (t.len() == keys.len()).then(|| keys.iter().copied().zip(t.iter().cloned()).collect())
    };
    let date_time_keys = [
        n.year,
        n.month,
        n.day,
        n.hour,
        n.minute,
        n.second,
        n.microsecond,
    ];
    let built = match (t.len(), t.first().and_then(Value::as_atom)) {
        (2, Some(Atom::ERROR)) => return Err(fail(&t[1])),
        (2, Some(Atom::OK)) if letter != 'U' => match letter {
            'D' => fields(&t[1], &[n.year, n.month, n.day]).map(|f| (n.date, f)),
            'T' => fields(&t[1], &[n.hour, n.minute, n.second, n.microsecond]).map(|f| (n.time, f)),
            _ => fields(&t[1], &date_time_keys).map(|f| (n.naive, f)),
        },
        (3, Some(Atom::OK)) if letter == 'U' => {
            if t[2] != Value::Int(0) {
                return Err(fail(&Value::atom("non_utc_offset")));
            }
            fields(&t[1], &date_time_keys).map(|mut f| {
                f.extend([
                    (n.time_zone, Value::str("Etc/UTC")),
                    (n.zone_abbr, Value::str("UTC")),
                    (n.utc_offset, Value::Int(0)),
                    (n.std_offset, Value::Int(0)),
                ]);
                (n.datetime, f)
            })
        }
        _ => None,
    };
    match built {
        Some((name, mut f)) => {
            f.push(calendar_field(calendar));
            Ok(Value::make_struct(name, &f))
        }
        None => Err(error::match_error(parsed.clone())),
    }
}

/// The error for a sigil whose arguments its clause does not take.
pub(crate) fn sigil_clause(letter: char, args: &[Value]) -> Raise {
    let refs: Vec<&Value> = args.iter().collect();
    clause("Kernel", &format!("sigil_{letter}"), 2, &refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_days_round_trip_over_every_supported_year() {
        let mut days = MIN_ISO_DAYS;
        for year in -9999..=9999 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    assert_eq!(date_to_iso_days(year, month, day), days);
                    assert_eq!(date_from_iso_days(days), (year, month, day));
                    days += 1;
                }
            }
        }
        assert_eq!(days - 1, MAX_ISO_DAYS);
        assert_eq!(date_to_iso_days(1970, 1, 1), 719_528);
        assert_eq!(date_to_iso_days(0, 1, 1), 0);
    }

    #[test]
    fn parses_as_calendar_iso_does() {
        assert_eq!(parse_date("2024-02-29", false), Ok((2024, 2, 29)));
        assert_eq!(parse_date("-0001-01-01", false), Ok((-1, 1, 1)));
        assert_eq!(parse_date("20240229", true), Ok((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29", false), Err("invalid_date"));
        assert_eq!(parse_date("2023-2-29", false), Err("invalid_format"));
        assert_eq!(
            parse_time("T10:20:30,5", false),
            Ok((10, 20, 30, (500_000, 1)))
        );
        assert_eq!(
            parse_time("10:20:30.1234567", false),
            Ok((10, 20, 30, (123_456, 6)))
        );
        assert_eq!(parse_time("10:20:30.", false), Err("invalid_format"));
        assert_eq!(
            parse_time("10:20:30+01:00", false),
            Ok((10, 20, 30, (0, 0)))
        );
        assert_eq!(parse_time("10:20:30-00:00", false), Err("invalid_format"));
        assert_eq!(
            parse_utc("2024-01-01T00:30:00+01:00", false),
            Ok(((2023, 12, 31), (23, 30, 0, (0, 0)), 3600))
        );
        assert_eq!(
            parse_utc("2024-01-01 00:30:00", false),
            Err(Some("missing_offset"))
        );
        assert_eq!(parse_utc("-9999-01-01T00:00:00+01:00", false), Err(None));
    }

    #[test]
    fn prints_as_calendar_iso_does() {
        let mut s = String::new();
        date_string(&mut s, -5, 1, 2, false);
        assert_eq!(s, "-0005-01-02");
        let mut s = String::new();
        time_string(&mut s, (1, 2, 3, 4_500, 4), false);
        assert_eq!(s, "01:02:03.0045");
        let mut s = String::new();
        offset_string(&mut s, -16_200, 0, None, true);
        assert_eq!(s, "-0430");
    }
}
