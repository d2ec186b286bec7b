//! `:phial_logger`: the parts of Logger that Rust code shares with the
//! `Logger` unit (`elixir/logger.ex`): whether a level passes
//! (`allow/2`, `compare_levels/2`), the console backend's format
//! (`compile_format/1`) and writing one event to the console (`emit/3`).
//! The configuration lives in `:persistent_term` (VM-wide), under
//!
//! - `{Logger, :level}`: the primary level, an atom (absent: `:debug`);
//! - `{Logger, :module_levels}`: a map of module to level;
//! - `{Logger, :console}`: a map `%{format: compiled, metadata: keys |
//!   :all, level: nil | level, device: atom, enabled: boolean}`;
//! - `{Logger, :utc_log}`: `true` for UTC timestamps.
//!
//! Rust code that reports something as Elixir's Logger would (a crash
//! report) calls [`log`], which applies the primary level and the
//! console's settings exactly as a `Logger.error` call does.
//!
//! Not here: the macros, metadata of processes and the formatting of
//! metadata values (`logger.ex`, which can call `String.Chars`).

use crate::atom::Atom;
use crate::error::{argument_error, badarg, Result};
use crate::library::erlang::persistent_term;
use crate::library::{def, Native};
use crate::value::Value;
use crate::vm::Vm;

pub const NATIVES: &[Native] = &[
    def("allow", 2, |ctx, a| {
        let level = level_rank(&a[0]).ok_or_else(badarg)?;
        Ok(Value::bool(allow(ctx.vm, level, a[1].as_atom())))
    }),
    def("compare_levels", 2, |_, a| {
        match (level_rank(&a[0]), level_rank(&a[1])) {
            (Some(l), Some(r)) => Ok(Value::atom(match l.cmp(&r) {
                std::cmp::Ordering::Less => "lt",
                std::cmp::Ordering::Equal => "eq",
                std::cmp::Ordering::Greater => "gt",
            })),
            _ => Err(badarg()),
        }
    }),
    def("valid_level?", 1, |_, a| {
        Ok(Value::bool(level_rank(&a[0]).is_some()))
    }),
    def("compile_format", 1, |ctx, a| {
        let text = a[0].as_str().ok_or_else(badarg)?;
        let (parts, levelpad) = compile_format(text)?;
        if levelpad {
            ctx.vm.out.stderr(
                "warning: $levelpad in Logger message format is deprecated, please remove it\n\n",
            );
        }
        Ok(Value::list(parts))
    }),
    def("emit", 3, |ctx, a| {
        let level = a[0].as_atom().ok_or_else(badarg)?;
        let message = chardata_lossy(&a[1]);
        let metadata = metadata_pairs(&a[2]);
        emit(ctx.vm, level, &message, &metadata);
        Ok(Value::OK)
    }),
    def("write", 2, |ctx, a| {
        let level = a[0].as_atom().ok_or_else(badarg)?;
        let c = console(ctx.vm);
        if passes_console(&c, level) {
            write(ctx.vm, &c, &chardata_lossy(&a[1]));
        }
        Ok(Value::OK)
    }),
    def("timestamp", 0, |ctx, _| {
        let [y, mo, d, h, mi, s, ms] = now(utc(ctx.vm));
        let ints = |v: &[i64]| Value::tuple(v.iter().map(|i| Value::Int(*i)).collect());
        Ok(Value::tuple(vec![ints(&[y, mo, d]), ints(&[h, mi, s, ms])]))
    }),
];

/// Erlang's severity of a level: higher passes more easily compared
/// with `compare_levels` (`:none` is above `:emergency`, `:all` below
/// `:debug`), so `left >= threshold` means "logged".
fn level_rank(v: &Value) -> Option<i32> {
    Some(match v.as_atom()?.as_str() {
        "none" => 9,
        "emergency" => 8,
        "alert" => 7,
        "critical" => 6,
        "error" => 5,
        "warning" => 4,
        "notice" => 3,
        "info" => 2,
        "debug" => 1,
        "all" => 0,
        _ => return None,
    })
}

fn key(name: &str) -> Value {
    Value::tuple(vec![Value::atom("Elixir.Logger"), Value::atom(name)])
}

/// The primary level (`Logger.level/0`).
pub fn primary_level(vm: &Vm) -> Atom {
    persistent_term::get(vm, &key("level"))
        .and_then(|v| v.as_atom())
        .unwrap_or_else(|| Atom::new("debug"))
}

/// Whether an event of `level` (a rank) from `module` passes the module's
/// level, or the primary one when the module has none (`:logger.allow/2`).
fn allow(vm: &Vm, level: i32, module: Option<Atom>) -> bool {
    let module_level = module.and_then(|m| {
        let levels = persistent_term::get(vm, &key("module_levels"))?;
        match levels {
            Value::Map(m2) => m2.get(&Value::Atom(m)).cloned(),
            _ => None,
        }
    });
    let threshold = module_level
        .as_ref()
        .and_then(level_rank)
        .unwrap_or_else(|| level_rank(&Value::Atom(primary_level(vm))).unwrap_or(1));
    // `:none` lets nothing through, not even `:emergency`.
    threshold != 9 && level >= threshold
}

/// Logs `message` at `level` as a `Logger` call from no module would:
/// dropped below the primary level, else written by the console backend
/// with those of `metadata` its configuration names. For Rust code (the
/// VM's own reports); `level` is an Erlang level name (`:error`).
pub fn log(vm: &Vm, level: &str, message: &str, metadata: &[(Atom, String)]) {
    let Some(rank) = level_rank(&Value::atom(level)) else {
        return;
    };
    if allow(vm, rank, None) {
        emit(vm, Atom::new(level), message, metadata);
    }
}

/// One part of a compiled format: text, or what a `$code` stands for.
enum Part {
    Text(String),
    Code(Atom),
}

const CODES: &[&str] = &[
    "time", "date", "message", "level", "node", "metadata", "levelpad",
];

/// `Logger.Formatter.compile/1`: literal text and the atoms of `$codes`;
/// whether `$levelpad` (deprecated) was among them.
fn compile_format(text: &str) -> Result<(Vec<Value>, bool)> {
    let mut parts = Vec::new();
    let mut levelpad = false;
    let mut literal = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        let after = &rest[at + 1..];
        let len = after.bytes().take_while(|b| b.is_ascii_lowercase()).count();
        if len == 0 {
            literal.push_str(&rest[..=at]);
            rest = after;
            continue;
        }
        literal.push_str(&rest[..at]);
        if !literal.is_empty() {
            parts.push(Value::str(std::mem::take(&mut literal)));
        }
        let code = &after[..len];
        if !CODES.contains(&code) {
            return Err(argument_error(format!(
                "${code} is an invalid format pattern"
            )));
        }
        levelpad |= code == "levelpad";
        parts.push(Value::atom(code));
        rest = &after[len..];
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        parts.push(Value::str(literal));
    }
    Ok((parts, levelpad))
}

fn parts_of(v: &Value) -> Vec<Part> {
    v.list_to_vec()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| match &p {
            Value::Atom(a) => Some(Part::Code(*a)),
            Value::Bin(_) => p.as_str().map(|s| Part::Text(s.to_string())),
            _ => None,
        })
        .collect()
}

fn default_format() -> Vec<Part> {
    compile_format("\n$time $metadata[$level] $message\n")
        .map(|(p, _)| parts_of(&Value::list(p)))
        .unwrap_or_default()
}

/// The console backend's settings, from `{Logger, :console}`.
struct Console {
    format: Vec<Part>,
    /// `None`: every key (`:all`).
    metadata: Option<Vec<Atom>>,
    level: Option<i32>,
    stderr: bool,
    enabled: bool,
}

fn console(vm: &Vm) -> Console {
    let mut c = Console {
        format: Vec::new(),
        metadata: Some(Vec::new()),
        level: None,
        stderr: false,
        enabled: true,
    };
    let mut format = None;
    if let Some(Value::Map(m)) = persistent_term::get(vm, &key("console")) {
        let get = |k: &str| m.get(&Value::atom(k));
        format = get("format").map(parts_of);
        c.metadata = match get("metadata") {
            Some(Value::Atom(a)) if a.as_str() == "all" => None,
            Some(v) => Some(
                v.list_to_vec()
                    .unwrap_or_default()
                    .iter()
                    .filter_map(Value::as_atom)
                    .collect(),
            ),
            None => Some(Vec::new()),
        };
        c.level = get("level").and_then(level_rank);
        c.stderr = matches!(get("device").and_then(Value::as_atom),
            Some(a) if matches!(a.as_str(), "standard_error" | "stderr"));
        c.enabled = !matches!(get("enabled"), Some(v) if v.as_bool() == Some(false));
    }
    c.format = format.unwrap_or_else(default_format);
    c
}

/// The console backend writing one event: its own level, then the format
/// with the configured metadata keys (in the configured order).
fn emit(vm: &Vm, level: Atom, message: &str, metadata: &[(Atom, String)]) {
    let c = console(vm);
    if !passes_console(&c, level) {
        return;
    }
    let message = truncate(vm, message);
    let shown: Vec<&(Atom, String)> = match &c.metadata {
        None => metadata.iter().collect(),
        Some(keys) => keys
            .iter()
            .filter_map(|k| metadata.iter().find(|(mk, _)| mk == k))
            .collect(),
    };
    let utc = utc(vm);
    let mut stamp = None;
    let mut out = String::new();
    for part in &c.format {
        match part {
            Part::Text(t) => out.push_str(t),
            Part::Code(code) => match code.as_str() {
                "message" => out.push_str(&message),
                "level" => out.push_str(level.as_str()),
                // Padding only `:info` (and the old `:warn`) to `:error`'s width.
                "levelpad" if level.as_str() == "info" => out.push(' '),
                "node" => out.push_str("nonode@nohost"),
                "metadata" => {
                    for (k, v) in &shown {
                        out.push_str(k.as_str());
                        out.push('=');
                        out.push_str(v);
                        out.push(' ');
                    }
                }
                "time" | "date" => {
                    let [y, mo, d, h, mi, s, ms] = *stamp.get_or_insert_with(|| now(utc));
                    if code.as_str() == "time" {
                        out.push_str(&format!("{h:02}:{mi:02}:{s:02}.{ms:03}"));
                    } else {
                        out.push_str(&format!("{y}-{mo:02}-{d:02}"));
                    }
                }
                _ => {}
            },
        }
    }
    write(vm, &c, &out);
}

/// Whether the console is there and its own level lets `level` through.
fn passes_console(c: &Console, level: Atom) -> bool {
    let rank = level_rank(&Value::Atom(level)).unwrap_or(1);
    c.enabled && c.level.is_none_or(|min| rank >= min)
}

/// The console's device: standard output (Elixir's `:user`) or error.
/// Never a capture of the writing process (`ExUnit.CaptureIO` does not
/// catch Logger's output either).
fn write(vm: &Vm, c: &Console, text: &str) {
    if c.stderr {
        vm.out.stderr(text);
    } else {
        vm.out.stdout(text);
    }
}

fn utc(vm: &Vm) -> bool {
    persistent_term::get(vm, &key("utc_log")).is_some_and(|v| v.as_bool() == Some(true))
}

/// The message cut to `{Logger, :truncate}` bytes (8096 unless set;
/// `:infinity` never cuts), at a character boundary, as
/// `Logger.Utils.truncate/2` marks it.
fn truncate<'m>(vm: &Vm, message: &'m str) -> std::borrow::Cow<'m, str> {
    let limit = match persistent_term::get(vm, &key("truncate")) {
        Some(Value::Int(n)) if n >= 0 => n as usize,
        Some(Value::Atom(a)) if a.as_str() == "infinity" => usize::MAX,
        _ => 8096,
    };
    if message.len() <= limit {
        return message.into();
    }
    let mut end = limit;
    while !message.is_char_boundary(end) {
        end -= 1;
    }
    format!("{} (truncated)", &message[..end]).into()
}

/// Year, month, day, hour, minute, second, millisecond now, local or UTC.
fn now(utc: bool) -> [i64; 7] {
    let ns = crate::library::support::time::system_ns();
    let secs = ns.div_euclid(1_000_000_000);
    let ms = ns.rem_euclid(1_000_000_000) / 1_000_000;
    let [y, mo, d, h, mi, s] = if utc {
        crate::library::internal::phial_calendar::utc_parts(secs)
    } else {
        crate::library::internal::phial_calendar::local_parts(secs)
    };
    [y, mo, d, h, mi, s, ms]
}

/// `[{key, text}]` as `logger.ex` passes it; pairs of another shape are
/// skipped.
fn metadata_pairs(v: &Value) -> Vec<(Atom, String)> {
    v.list_to_vec()
        .unwrap_or_default()
        .iter()
        .filter_map(|p| match p {
            Value::Tuple(t) if t.len() == 2 => Some((t[0].as_atom()?, chardata_lossy(&t[1]))),
            _ => None,
        })
        .collect()
}

/// Chardata as text whatever it holds (`Logger.Formatter.prune/1`):
/// invalid bytes and code points, and anything that is not chardata,
/// become U+FFFD. Walked with an explicit stack (a message may nest
/// deeply).
fn chardata_lossy(v: &Value) -> String {
    const REPLACEMENT: char = '\u{FFFD}';
    let mut out = String::new();
    let mut stack = vec![v];
    while let Some(cur) = stack.pop() {
        match cur {
            Value::Nil => {}
            Value::Cons(c) => {
                stack.push(&c.tail);
                stack.push(&c.head);
            }
            Value::Int(i) => match u32::try_from(*i).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => out.push(REPLACEMENT),
            },
            Value::Bin(b) if b.is_binary() => {
                let mut bytes = b.bytes();
                loop {
                    match std::str::from_utf8(bytes) {
                        Ok(s) => {
                            out.push_str(s);
                            break;
                        }
                        Err(e) => {
                            let good = e.valid_up_to();
                            // SAFETY-free: `good` bytes were just validated.
                            out.push_str(std::str::from_utf8(&bytes[..good]).unwrap_or_default());
                            out.push(REPLACEMENT);
                            bytes = &bytes[good + 1..];
                        }
                    }
                }
            }
            _ => out.push(REPLACEMENT),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_compile_to_text_and_codes() {
        let (parts, pad) = compile_format("[$level] $metadata$message\n").unwrap();
        assert!(!pad);
        assert_eq!(parts.len(), 6);
        assert_eq!(parts[0].as_str(), Some("["));
        assert_eq!(
            parts[1].as_atom().map(|a| a.as_str().to_string()),
            Some("level".into())
        );
        assert!(compile_format("$bogus").is_err());
        let (p, _) = compile_format("cost $5 $message").unwrap();
        assert_eq!(p[0].as_str(), Some("cost $5 "));
    }

    #[test]
    fn levels_order_as_erlang_s() {
        let r = |s: &str| level_rank(&Value::atom(s)).unwrap();
        assert!(r("none") > r("emergency"));
        assert!(r("error") > r("warning"));
        assert!(r("debug") > r("all"));
        assert!(level_rank(&Value::atom("warn")).is_none());
    }

    #[test]
    fn invalid_chardata_is_replaced() {
        let v = Value::list(vec![
            Value::Bin(crate::binary::Binary::from_bytes(vec![b'a', 255, b'b'])),
            Value::Int(-1),
            Value::Int(0x3e8),
        ]);
        assert_eq!(chardata_lossy(&v), "a\u{FFFD}b\u{FFFD}\u{3e8}");
    }
}
