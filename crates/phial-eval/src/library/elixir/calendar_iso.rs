//! `Calendar.ISO`'s natives: the ISO 8601 parsers (`parse_date/1,2`,
//! `parse_time/1,2`, `parse_naive_datetime/1,2`, `parse_utc_datetime/1,2`),
//! the string forms (`date_to_string/3,4`, `time_to_string/4,5`,
//! `naive_datetime_to_string/7,8`, `datetime_to_string/11,12`,
//! `offset_to_string/4`) and the day count (`date_to_iso_days/3`,
//! `date_from_iso_days/1`), with the guards of Elixir's clauses (a value
//! they refuse is Elixir's `FunctionClauseError`, naming the function
//! with its default argument filled in).
//!
//! Not here: the arithmetic on iso days and the calendar facts
//! (`calendar_iso.ex`), the algorithms themselves (`support::calendar`).

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::support::calendar::{self as cal, names};
use crate::library::support::collections::clause;
use crate::library::{def, Native};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("parse_date", 1, |_, a| parse_date(&a[0], &extended(), 1)),
    def("parse_date", 2, |_, a| parse_date(&a[0], &a[1], 2)),
    def("parse_time", 1, |_, a| parse_time(&a[0], &extended(), 1)),
    def("parse_time", 2, |_, a| parse_time(&a[0], &a[1], 2)),
    def("parse_naive_datetime", 1, |_, a| {
        parse_naive(&a[0], &extended(), 1)
    }),
    def("parse_naive_datetime", 2, |_, a| {
        parse_naive(&a[0], &a[1], 2)
    }),
    def("parse_utc_datetime", 1, |_, a| {
        parse_utc(&a[0], &extended(), 1)
    }),
    def("parse_utc_datetime", 2, |_, a| parse_utc(&a[0], &a[1], 2)),
    def("date_to_string", 3, |_, a| {
        date_to_string(&[a[0].clone(), a[1].clone(), a[2].clone(), extended()])
    }),
    def("date_to_string", 4, |_, a| date_to_string(a)),
    def("time_to_string", 4, |_, a| {
        let mut a = a.to_vec();
        a.push(extended());
        time_to_string(&a)
    }),
    def("time_to_string", 5, |_, a| time_to_string(a)),
    def("naive_datetime_to_string", 7, |_, a| {
        let mut a = a.to_vec();
        a.push(extended());
        naive_datetime_to_string(&a)
    }),
    def("naive_datetime_to_string", 8, |_, a| {
        naive_datetime_to_string(a)
    }),
    def("datetime_to_string", 11, |_, a| {
        let mut a = a.to_vec();
        a.push(extended());
        datetime_to_string(&a)
    }),
    def("datetime_to_string", 12, |_, a| datetime_to_string(a)),
    def("offset_to_string", 4, |_, a| offset_to_string(a)),
    def("date_to_iso_days", 3, |_, a| {
        date_to_iso_days(&a[0], &a[1], &a[2])
    }),
    def("date_from_iso_days", 1, |_, a| date_from_iso_days(&a[0])),
];

fn extended() -> Value {
    Value::Atom(names().extended)
}

/// `Some(true)` for `:basic`, `Some(false)` for `:extended`.
fn format_of(v: &Value) -> Option<bool> {
    let n = names();
    match v.as_atom()? {
        a if a == n.basic => Some(true),
        a if a == n.extended => Some(false),
        _ => None,
    }
}

fn ok(v: Value) -> Value {
    Value::tuple(vec![Value::OK, v])
}

fn err(reason: &str) -> Value {
    Value::tuple(vec![Value::Atom(Atom::ERROR), Value::atom(reason)])
}

fn ints(vals: &[i64]) -> Value {
    Value::tuple(vals.iter().map(|v| Value::Int(*v)).collect())
}

fn micro((us, precision): (i64, i64)) -> Value {
    ints(&[us, precision])
}

fn hms(t: cal::Hms) -> Vec<Value> {
    vec![
        Value::Int(t.0),
        Value::Int(t.1),
        Value::Int(t.2),
        micro(t.3),
    ]
}

fn date_time(d: cal::Ymd, t: cal::Hms) -> Value {
    let mut v = vec![Value::Int(d.0), Value::Int(d.1), Value::Int(d.2)];
    v.extend(hms(t));
    Value::tuple(v)
}

/// The string and format of a parser's arguments, or its clause error.
fn parser_args<'a>(
    name: &str,
    s: &'a Value,
    format: &Value,
    arity: u32,
) -> Result<(&'a str, bool)> {
    match (s.as_str(), format_of(format)) {
        (Some(s), Some(basic)) => Ok((s, basic)),
        _ => {
            let args: &[&Value] = if arity == 1 { &[s] } else { &[s, format] };
            Err(clause("Calendar.ISO", name, arity, args))
        }
    }
}

fn parse_date(s: &Value, format: &Value, arity: u32) -> Result<Value> {
    let (s, basic) = parser_args("parse_date", s, format, arity)?;
    Ok(match cal::parse_date(s, basic) {
        Ok((y, m, d)) => ok(ints(&[y, m, d])),
        Err(reason) => err(reason),
    })
}

fn parse_time(s: &Value, format: &Value, arity: u32) -> Result<Value> {
    let (s, basic) = parser_args("parse_time", s, format, arity)?;
    Ok(match cal::parse_time(s, basic) {
        Ok(t) => ok(Value::tuple(hms(t))),
        Err(reason) => err(reason),
    })
}

fn parse_naive(s: &Value, format: &Value, arity: u32) -> Result<Value> {
    let (s, basic) = parser_args("parse_naive_datetime", s, format, arity)?;
    Ok(match cal::parse_naive(s, basic) {
        Ok((d, t)) => ok(date_time(d, t)),
        Err(reason) => err(reason),
    })
}

fn parse_utc(s: &Value, format: &Value, arity: u32) -> Result<Value> {
    let (text, basic) = parser_args("parse_utc_datetime", s, format, arity)?;
    Ok(match cal::parse_utc(text, basic) {
        Ok((d, t, offset)) => Value::tuple(vec![Value::OK, date_time(d, t), Value::Int(offset)]),
        Err(Some(reason)) => err(reason),
        // The offset moved the time out of the years Calendar.ISO counts.
        Err(None) => return Err(clause("Calendar.ISO", "date_from_iso_days", 1, &[s])),
    })
}

fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        _ => None,
    }
}

/// `date_to_string/4`'s guards: integers and a format.
fn date_text(out: &mut String, a: &[Value]) -> Result<()> {
    match (int(&a[0]), int(&a[1]), int(&a[2]), format_of(&a[3])) {
        (Some(y), Some(m), Some(d), Some(basic)) => {
            cal::date_string(out, y, m, d, basic);
            Ok(())
        }
        _ => Err(clause("Calendar.ISO", "date_to_string", 4, &refs(&a[..4]))),
    }
}

/// `time_to_string/5`'s guards: the fields in range and a format.
fn time_text(out: &mut String, a: &[Value]) -> Result<()> {
    let fields = match (int(&a[0]), int(&a[1]), int(&a[2]), &a[3], format_of(&a[4])) {
        (Some(h), Some(m), Some(s), Value::Tuple(us), Some(basic)) if us.len() == 2 => {
            match (int(&us[0]), int(&us[1])) {
                (Some(us), Some(p)) if cal::valid_time(h, m, s, us, p) => {
                    Some(((h, m, s, us, p), basic))
                }
                _ => None,
            }
        }
        _ => None,
    };
    match fields {
        Some((t, basic)) => {
            cal::time_string(out, t, basic);
            Ok(())
        }
        None => Err(clause("Calendar.ISO", "time_to_string", 5, &refs(&a[..5]))),
    }
}

fn refs(a: &[Value]) -> Vec<&Value> {
    a.iter().collect()
}

fn date_to_string(a: &[Value]) -> Result<Value> {
    let mut out = String::new();
    date_text(&mut out, a)?;
    Ok(Value::str(out))
}

fn time_to_string(a: &[Value]) -> Result<Value> {
    let mut out = String::new();
    time_text(&mut out, a)?;
    Ok(Value::str(out))
}

/// `(year, month, day, hour, minute, second, microsecond, format)`.
fn naive_datetime_to_string(a: &[Value]) -> Result<Value> {
    let mut out = String::new();
    date_text(
        &mut out,
        &[a[0].clone(), a[1].clone(), a[2].clone(), a[7].clone()],
    )?;
    out.push(' ');
    time_text(
        &mut out,
        &[
            a[3].clone(),
            a[4].clone(),
            a[5].clone(),
            a[6].clone(),
            a[7].clone(),
        ],
    )?;
    Ok(Value::str(out))
}

/// `(y, m, d, h, min, s, us, time_zone, zone_abbr, utc_offset, std_offset, format)`.
fn datetime_to_string(a: &[Value]) -> Result<Value> {
    let (Some(zone), Some(abbr), Some(utc), Some(std)) =
        (a[7].as_str(), a[8].as_str(), int(&a[9]), int(&a[10]))
    else {
        return Err(clause("Calendar.ISO", "datetime_to_string", 12, &refs(a)));
    };
    let format = &a[11];
    let mut out = String::new();
    date_text(
        &mut out,
        &[a[0].clone(), a[1].clone(), a[2].clone(), format.clone()],
    )?;
    out.push(' ');
    time_text(
        &mut out,
        &[
            a[3].clone(),
            a[4].clone(),
            a[5].clone(),
            a[6].clone(),
            format.clone(),
        ],
    )?;
    offset_text(&mut out, utc, std, Some(zone), format)?;
    cal::zone_string(&mut out, abbr, zone);
    Ok(Value::str(out))
}

fn offset_text(
    out: &mut String,
    utc: i64,
    std: i64,
    zone: Option<&str>,
    format: &Value,
) -> Result<()> {
    if utc == 0 && std == 0 && zone == Some("Etc/UTC") {
        out.push('Z');
        return Ok(());
    }
    let Some(basic) = format_of(format) else {
        let total = utc + std;
        let secs = total.abs();
        return Err(clause(
            "Calendar.ISO",
            "format_offset",
            4,
            &[
                &Value::Int(total),
                &Value::Int(secs / 3600),
                &Value::Int(secs % 3600 / 60),
                format,
            ],
        ));
    };
    cal::offset_string(out, utc, std, zone, basic);
    Ok(())
}

fn offset_to_string(a: &[Value]) -> Result<Value> {
    let (Some(utc), Some(std)) = (int(&a[0]), int(&a[1])) else {
        // Elixir's arithmetic on them fails first.
        return Err(error::arithmetic_error());
    };
    let mut out = String::new();
    offset_text(&mut out, utc, std, a[2].as_str(), &a[3])?;
    Ok(Value::str(out))
}

/// `date_to_iso_days/3`, failing as Elixir's `ensure_day_in_month!` and
/// `days_in_month/2` do for a date that does not exist.
fn date_to_iso_days(y: &Value, m: &Value, d: &Value) -> Result<Value> {
    let Some(day) = int(d) else {
        return Err(clause(
            "Calendar.ISO",
            "ensure_day_in_month!",
            3,
            &[y, m, d],
        ));
    };
    let (year, month) = match (int(y), int(m)) {
        (Some(year), Some(month))
            if (-9999..=9999).contains(&year) && (1..=12).contains(&month) =>
        {
            (year, month)
        }
        // `date_to_iso_days(0, 1, 1)` has a clause of its own.
        _ => return Err(clause("Calendar.ISO", "days_in_month", 2, &[y, m])),
    };
    if day < 1 || day > cal::days_in_month(year, month) {
        let mut s = String::new();
        cal::date_string(&mut s, year, month, day, false);
        return Err(error::argument_error(format!("invalid date: {s}")));
    }
    Ok(Value::Int(cal::date_to_iso_days(year, month, day)))
}

fn date_from_iso_days(days: &Value) -> Result<Value> {
    match int(days) {
        Some(n) if (cal::MIN_ISO_DAYS..=cal::MAX_ISO_DAYS).contains(&n) => {
            let (y, m, d) = cal::date_from_iso_days(n);
            Ok(ints(&[y, m, d]))
        }
        _ => Err(clause("Calendar.ISO", "date_from_iso_days", 1, &[days])),
    }
}
