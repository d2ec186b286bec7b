//! Raised errors: the `Raise` every failing operation returns, constructors
//! for Elixir's exception structs, and their messages exactly as Elixir words
//! them (`Exception.message/1`).
//!
//! Exceptions are plain struct values (`%RuntimeError{message: "boom"}`), so
//! `rescue e -> e.message` and sending an exception as a message need nothing
//! special. Not here: printing of a whole error report with its location
//! (`report`).

use crate::atom::Atom;
use crate::format::inspect;
use crate::value::Value;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Error,
    Exit,
    Throw,
}

impl Kind {
    pub fn atom(self) -> Atom {
        match self {
            Kind::Error => Atom::ERROR,
            Kind::Exit => Atom::EXIT,
            Kind::Throw => Atom::THROW,
        }
    }
    pub fn from_atom(a: Atom) -> Option<Kind> {
        match a {
            Atom::ERROR => Some(Kind::Error),
            Atom::EXIT => Some(Kind::Exit),
            Atom::THROW => Some(Kind::Throw),
            _ => None,
        }
    }
}

/// An exception in flight: `raise` (kind error, value an exception struct),
/// `exit(reason)` or `throw(value)`.
#[derive(Clone, Debug)]
pub struct Raise {
    pub kind: Kind,
    pub value: Value,
}

pub type Result<T> = std::result::Result<T, Raise>;

impl Raise {
    pub fn error(exception: Value) -> Raise {
        Raise {
            kind: Kind::Error,
            value: exception,
        }
    }
    pub fn exit(reason: Value) -> Raise {
        Raise {
            kind: Kind::Exit,
            value: reason,
        }
    }
    pub fn throw(value: Value) -> Raise {
        Raise {
            kind: Kind::Throw,
            value,
        }
    }
}

fn exc(name: Atom, fields: &[(&str, Value)]) -> Raise {
    let mut all: Vec<(Atom, Value)> = vec![(Atom::EXCEPTION, Value::TRUE)];
    for (k, v) in fields {
        all.push((Atom::new(k), v.clone()));
    }
    Raise::error(Value::make_struct(name, &all))
}

pub fn runtime_error(msg: impl Into<String>) -> Raise {
    exc(Atom::RUNTIME_ERROR, &[("message", Value::str(msg))])
}
pub fn argument_error(msg: impl Into<String>) -> Raise {
    exc(Atom::ARGUMENT_ERROR, &[("message", Value::str(msg))])
}
/// `UnicodeConversionError` (`List.to_string([-1])`): `encoded` is the
/// text converted before the bad part.
pub fn unicode_conversion_error(encoded: Value, msg: impl Into<String>) -> Raise {
    exc(
        Atom::alias("UnicodeConversionError"),
        &[("encoded", encoded), ("message", Value::str(msg))],
    )
}
/// The plain `ArgumentError` a BIF raises for a bad argument.
pub fn badarg() -> Raise {
    argument_error("argument error")
}
/// Erlang-style: `errors were found at the given arguments:\n\n  * 1st argument: not a list`.
pub fn badarg_at(position: usize, what: &str) -> Raise {
    argument_error(format!(
        "errors were found at the given arguments:\n\n  * {} argument: {}\n",
        ordinal(position),
        what
    ))
}
fn ordinal(n: usize) -> String {
    match n {
        1 => "1st".into(),
        2 => "2nd".into(),
        3 => "3rd".into(),
        n => format!("{n}th"),
    }
}
/// `SystemLimitError`: a size beyond what can be built (Erlang's
/// `system_limit`).
pub fn system_limit_error() -> Raise {
    system_limit("a system limit has been reached")
}
/// `SystemLimitError` with the BEAM's more specific words for the limit.
pub fn system_limit(message: impl Into<String>) -> Raise {
    exc(
        Atom::SYSTEM_LIMIT_ERROR,
        &[("message", Value::str(message.into()))],
    )
}
pub fn arithmetic_error() -> Raise {
    exc(
        Atom::ARITHMETIC_ERROR,
        &[(
            "message",
            Value::str("bad argument in arithmetic expression"),
        )],
    )
}
pub fn match_error(term: Value) -> Raise {
    exc(Atom::MATCH_ERROR, &[("term", term)])
}
pub fn case_clause_error(term: Value) -> Raise {
    exc(Atom::CASE_CLAUSE_ERROR, &[("term", term)])
}
pub fn cond_clause_error() -> Raise {
    exc(Atom::COND_CLAUSE_ERROR, &[])
}
pub fn try_clause_error(term: Value) -> Raise {
    exc(Atom::TRY_CLAUSE_ERROR, &[("term", term)])
}
pub fn with_clause_error(term: Value) -> Raise {
    exc(Atom::WITH_CLAUSE_ERROR, &[("term", term)])
}
pub fn function_clause_error(module: Atom, name: Atom, arity: u32, args: Vec<Value>) -> Raise {
    exc(
        Atom::FUNCTION_CLAUSE_ERROR,
        &[
            ("module", Value::Atom(module)),
            ("function", Value::Atom(name)),
            ("arity", Value::Int(arity as i64)),
            ("args", Value::list(args)),
            ("kind", Value::NIL_ATOM),
            ("clauses", Value::NIL_ATOM),
        ],
    )
}
/// `FunctionClauseError` raised inside an Erlang module, as Elixir shows
/// it when rescued: no `args` (the BEAM's error carries none).
pub fn erlang_function_clause_error(module: Atom, name: Atom, arity: u32) -> Raise {
    exc(
        Atom::FUNCTION_CLAUSE_ERROR,
        &[
            ("module", Value::Atom(module)),
            ("function", Value::Atom(name)),
            ("arity", Value::Int(arity as i64)),
            ("args", Value::NIL_ATOM),
            ("kind", Value::NIL_ATOM),
            ("clauses", Value::NIL_ATOM),
        ],
    )
}
pub fn bad_arity_error(fun: Value, args: Vec<Value>) -> Raise {
    exc(
        Atom::BAD_ARITY_ERROR,
        &[("function", fun), ("args", Value::list(args))],
    )
}
pub fn bad_function_error(term: Value) -> Raise {
    exc(Atom::BAD_FUNCTION_ERROR, &[("term", term)])
}
pub fn bad_map_error(term: Value) -> Raise {
    exc(Atom::BAD_MAP_ERROR, &[("term", term)])
}
pub fn bad_boolean_error(term: Value, op: &str) -> Raise {
    exc(
        Atom::BAD_BOOLEAN_ERROR,
        &[("term", term), ("operator", Value::atom(op))],
    )
}
pub fn key_error(key: Value, term: Value) -> Raise {
    exc(
        Atom::KEY_ERROR,
        &[("key", key), ("term", term), ("message", Value::NIL_ATOM)],
    )
}
pub fn undefined_function(module: Atom, name: Atom, arity: u32, module_exists: bool) -> Raise {
    exc(
        Atom::UNDEFINED_FUNCTION_ERROR,
        &[
            ("module", Value::Atom(module)),
            ("function", Value::Atom(name)),
            ("arity", Value::Int(arity as i64)),
            (
                "reason",
                if module_exists {
                    Value::NIL_ATOM
                } else {
                    Value::atom("module_not_available")
                },
            ),
            ("message", Value::NIL_ATOM),
        ],
    )
}
pub fn protocol_undefined(protocol: &str, value: Value, description: &str) -> Raise {
    exc(
        Atom::PROTOCOL_UNDEFINED_ERROR,
        &[
            ("protocol", Value::Atom(Atom::alias(protocol))),
            ("value", value),
            ("description", Value::str(description)),
        ],
    )
}
pub fn erlang_error(original: Value) -> Raise {
    exc(
        Atom::ERLANG_ERROR,
        &[("original", original), ("reason", Value::NIL_ATOM)],
    )
}

/// An Elixir module name for messages: `Elixir.Foo` prints as `Foo`, an
/// Erlang module as `:lists`.
pub fn module_name(m: Atom) -> String {
    let s = m.as_str();
    match s.strip_prefix("Elixir.") {
        Some(rest) => rest.to_string(),
        None => inspect(&Value::Atom(m)),
    }
}

fn field(e: &Value, name: &str) -> Value {
    e.map_get(Atom::new(name))
        .cloned()
        .unwrap_or(Value::NIL_ATOM)
}

/// `Exception.message/1` for the exceptions phial raises (and any struct with
/// a `:message` field).
pub fn exception_message(e: &Value) -> String {
    let Some(name) = e.struct_name() else {
        return inspect(e);
    };
    let msg = field(e, "message");
    if let Value::Bin(s) = &msg {
        if name != Atom::KEY_ERROR {
            return s.to_string();
        }
    }
    match name.as_str() {
        "Elixir.MatchError" => format!(
            "no match of right hand side value: {}",
            inspect(&field(e, "term"))
        ),
        "Elixir.CaseClauseError" => {
            format!("no case clause matching: {}", inspect(&field(e, "term")))
        }
        "Elixir.CondClauseError" => "no cond clause evaluated to a truthy value".into(),
        // Without a line (`Code.eval_quoted` of code that has none) the
        // location is the file alone, as Elixir's.
        "Elixir.CompileError" => {
            let file = crate::format::to_string(&field(e, "file")).unwrap_or_default();
            let description =
                crate::format::to_string(&field(e, "description")).unwrap_or_default();
            match field(e, "line") {
                Value::Int(n) if n > 0 => format!("{file}:{n}: {description}"),
                _ => format!("{file}: {description}"),
            }
        }
        "Elixir.TryClauseError" => {
            format!("no try clause matching: {}", inspect(&field(e, "term")))
        }
        "Elixir.WithClauseError" => {
            format!("no with clause matching: {}", inspect(&field(e, "term")))
        }
        "Elixir.FunctionClauseError" if field(e, "function").as_atom() == Some(Atom::NIL) => {
            "no function clause matches".to_string()
        }
        "Elixir.FunctionClauseError" => {
            let m = field(e, "module").as_atom().unwrap_or(Atom::NIL);
            let f = field(e, "function").as_atom().unwrap_or(Atom::NIL);
            let a = field(e, "arity");
            format!(
                "no function clause matching in {}.{}/{}",
                module_name(m),
                fun_name(f),
                inspect(&a)
            )
        }
        "Elixir.BadArityError" => {
            let fun = field(e, "function");
            let args = field(e, "args").list_to_vec().unwrap_or_default();
            let arity = match &fun {
                Value::Fun(f) => f.arity(),
                _ => 0,
            };
            let n = args.len();
            let shown: Vec<String> = args.iter().map(inspect).collect();
            format!(
                "{} with arity {} called with {}: {}",
                inspect(&fun),
                arity,
                if n == 1 {
                    "1 argument".to_string()
                } else if n == 0 {
                    "no arguments".to_string()
                } else {
                    format!("{n} arguments")
                },
                if n == 0 {
                    String::new()
                } else {
                    shown.join(", ")
                }
            )
            .trim_end_matches(": ")
            .to_string()
        }
        "Elixir.BadFunctionError" => {
            format!("expected a function, got: {}", inspect(&field(e, "term")))
        }
        "Elixir.BadMapError" => format!("expected a map, got: {}", inspect(&field(e, "term"))),
        "Elixir.BadStructError" => format!(
            "expected a struct named {}, got: {}",
            field(e, "struct")
                .as_atom()
                .map(module_name)
                .unwrap_or_default(),
            inspect(&field(e, "term"))
        ),
        "Elixir.BadBooleanError" => format!(
            "expected a boolean on left-side of \"{}\", got: {}",
            field(e, "operator")
                .as_atom()
                .map(|a| a.as_str())
                .unwrap_or("and"),
            inspect(&field(e, "term"))
        ),
        "Elixir.KeyError" => {
            if let Value::Bin(s) = &msg {
                return s.to_string();
            }
            match field(e, "term") {
                Value::Atom(Atom::NIL) => format!("key {} not found", inspect(&field(e, "key"))),
                term => format!(
                    "key {} not found in: {}",
                    inspect(&field(e, "key")),
                    inspect(&term)
                ),
            }
        }
        "Elixir.UndefinedFunctionError" if field(e, "function").as_atom() == Some(Atom::NIL) => {
            "undefined function".to_string()
        }
        "Elixir.UndefinedFunctionError" => {
            let m = field(e, "module").as_atom().unwrap_or(Atom::NIL);
            let f = field(e, "function").as_atom().unwrap_or(Atom::NIL);
            let a = field(e, "arity");
            let base = format!(
                "function {}.{}/{} is undefined",
                module_name(m),
                fun_name(f),
                inspect(&a)
            );
            if field(e, "reason").as_atom() == Some(Atom::new("module_not_available")) {
                format!("{base} (module {} is not available)", module_name(m))
            } else {
                format!("{base} or private")
            }
        }
        "Elixir.Protocol.UndefinedError" => {
            let p = field(e, "protocol").as_atom().unwrap_or(Atom::NIL);
            let d = match field(e, "description") {
                Value::Bin(s) if s.byte_len() > 0 => format!(" ({s})"),
                _ => String::new(),
            };
            let value = field(e, "value");
            let ty = match value.struct_name() {
                Some(s) => format!("{} (a struct)", module_name(s)),
                None => type_description(&value).to_string(),
            };
            format!(
                "protocol {} not implemented for {} of type {}{}",
                module_name(p),
                inspect(&value),
                ty,
                d
            )
        }
        "Elixir.File.Error" => {
            let action = crate::format::to_string(&field(e, "action")).unwrap_or_default();
            let reason = field(e, "reason");
            let text =
                if action == "remove directory" && reason.as_atom() == Some(Atom::new("eexist")) {
                    "directory is not empty"
                } else {
                    crate::library::erlang::file::format_error(&reason)
                };
            format!("could not {action} {}: {text}", inspect(&field(e, "path")))
        }
        "Elixir.File.CopyError" | "Elixir.File.RenameError" => {
            let on = match crate::format::to_string(&field(e, "on")).unwrap_or_default() {
                s if s.is_empty() => s,
                s => format!(". {s}"),
            };
            format!(
                "could not {} from {} to {}{on}: {}",
                crate::format::to_string(&field(e, "action")).unwrap_or_default(),
                inspect(&field(e, "source")),
                inspect(&field(e, "destination")),
                crate::library::erlang::file::format_error(&field(e, "reason"))
            )
        }
        "Elixir.SyntaxError" | "Elixir.TokenMissingError" => {
            let file = crate::format::to_string(&field(e, "file")).unwrap_or_default();
            let file = match std::env::current_dir() {
                Ok(cwd) => crate::library::elixir::path::relative_to(&file, &cwd.to_string_lossy()),
                Err(_) => file,
            };
            let mut text = format!(
                "{file}:{}:{}: {}",
                inspect(&field(e, "line")),
                inspect(&field(e, "column")),
                crate::format::to_string(&field(e, "description")).unwrap_or_default()
            );
            // Elixir 1.14 shows the line and a caret for a missing token.
            if name.as_str() == "Elixir.TokenMissingError" {
                if let (Some(snippet), Value::Int(line), Value::Int(col)) = (
                    field(e, "snippet").as_str(),
                    field(e, "line"),
                    field(e, "column"),
                ) {
                    let width = line.to_string().len();
                    let pad = " ".repeat(width);
                    text.push_str(&format!(
                        "\n{pad}   |\n  {line} | {snippet}\n{pad}   | {}^",
                        " ".repeat((col.max(1) - 1) as usize)
                    ));
                }
            }
            text
        }
        "Elixir.System.EnvError" => format!(
            "could not fetch environment variable {} because it is not set",
            inspect(&field(e, "env"))
        ),
        "Elixir.File.LinkError" => format!(
            "could not {} from {} to {}: {}",
            crate::format::to_string(&field(e, "action")).unwrap_or_default(),
            inspect(&field(e, "existing")),
            inspect(&field(e, "new")),
            crate::library::erlang::file::format_error(&field(e, "reason"))
        ),
        "Elixir.ErlangError" => format!("Erlang error: {}", inspect(&field(e, "original"))),
        _ => match msg {
            Value::Bin(s) => s.to_string(),
            _ => inspect(e),
        },
    }
}

/// A function name as Elixir prints it in `Mod.fun/1` (quoted when needed).
fn fun_name(f: Atom) -> String {
    let s = f.as_str();
    let plain = s
        .chars()
        .next()
        .map(|c| c.is_ascii_lowercase() || c == '_')
        .unwrap_or(false)
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '?' || c == '!');
    if plain {
        s.to_string()
    } else {
        let quoted = inspect(&Value::Atom(f));
        quoted.trim_start_matches(':').to_string()
    }
}

/// "Integer", "BitString", ... as Protocol.UndefinedError names the type.
pub fn type_description(v: &Value) -> &'static str {
    match v {
        Value::Int(_) | Value::BigInt(_) => "Integer",
        Value::Float(_) => "Float",
        Value::Atom(_) => "Atom",
        Value::Bin(_) => "BitString",
        Value::Nil | Value::Cons(_) => "List",
        Value::Tuple(_) => "Tuple",
        Value::Map(_) => "Map",
        Value::Pid(_) => "PID",
        Value::Ref(_) | Value::Resource(_) => "Reference",
        Value::Fun(_) => "Function",
    }
}

/// The exception module's short name, as in `** (RuntimeError) boom`.
pub fn exception_name(e: &Value) -> String {
    e.struct_name()
        .map(module_name)
        .unwrap_or_else(|| "ErlangError".to_string())
}

/// How an exit reason reads after `** (EXIT from #PID<...>) ` (Elixir's
/// `Exception.format_exit/1`).
pub fn format_exit(reason: &Value) -> String {
    format_exit_joined(reason, "\n    ")
}

/// `format_exit` with the text that starts each further line: nested
/// reasons indent by four more.
fn format_exit_joined(reason: &Value, joiner: &str) -> String {
    use crate::stacktrace::{format_entry, format_mfa, is_stacktrace};
    let deeper = format!("{joiner}    ");
    if let Value::Tuple(t) = reason {
        if t.len() == 2 {
            // `{reason, stacktrace}`: the exit of an error.
            if !matches!(t[1], Value::Nil) && is_stacktrace(&t[1]) {
                let e = normalize(t[0].clone());
                let mut out = format!(
                    "an exception was raised:{joiner}** ({}) {}",
                    exception_name(&e),
                    exception_message(&e)
                );
                for entry in t[1].list_to_vec().unwrap_or_default() {
                    out.push_str(&deeper);
                    out.push_str(&format_entry(&entry));
                }
                return out;
            }
            // `{reason, {m, f, args}}`: a call that exited (GenServer.call).
            if let Value::Tuple(mfa) = &t[1] {
                if let (3, Some(m), Some(f), Some(args)) = (
                    mfa.len(),
                    mfa.first().and_then(Value::as_atom),
                    mfa.get(1).and_then(Value::as_atom),
                    mfa.get(2).and_then(Value::list_to_vec),
                ) {
                    if args.len() < 256 {
                        return format!(
                            "exited in: {}{joiner}** (EXIT) {}",
                            format_mfa(m, f, &mfa[2]),
                            format_exit_joined(&t[0], &deeper)
                        );
                    }
                }
            }
            // `{:shutdown, {:failed_to_start_child, child, reason}}`.
            if t[0].as_atom() == Some(Atom::SHUTDOWN) {
                if let Value::Tuple(f) = &t[1] {
                    if f.len() == 3
                        && f[0].as_atom().map(|a| a.as_str()) == Some("failed_to_start_child")
                    {
                        let why = match &f[2] {
                            Value::Tuple(x)
                                if x.len() == 2 && x[0].as_atom() == Some(Atom::EXIT_TAG) =>
                            {
                                &x[1]
                            }
                            other => other,
                        };
                        return format!(
                            "shutdown: failed to start child: {}{joiner}** (EXIT) {}",
                            inspect(&f[1]),
                            format_exit_joined(why, &deeper)
                        );
                    }
                }
            }
        }
    }
    exit_reason_text(reason)
}

/// A plain exit reason in Elixir's words, else inspected.
fn exit_reason_text(reason: &Value) -> String {
    match reason {
        Value::Atom(a) => match a.as_str() {
            "normal" | "shutdown" | "killed" => a.as_str().to_string(),
            "calling_self" => "process attempted to call itself".to_string(),
            "timeout" => "time out".to_string(),
            "noconnection" => "no connection".to_string(),
            "noproc" => "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started".to_string(),
            _ => inspect(reason),
        },
        Value::Tuple(t) if t.len() == 2 => {
            let v = inspect(&t[1]);
            match t[0].as_atom().map(|a| a.as_str()) {
                Some("shutdown") => format!("shutdown: {v}"),
                Some("nodedown") if t[1].as_atom().is_some() => {
                    format!("no connection to {}", t[1].as_atom().map_or("", |a| a.as_str()))
                }
                Some("already_started") => format!("already started: {v}"),
                Some("bad_return_value") => format!("bad return value: {v}"),
                Some("bad_call") => format!("bad call: {v}"),
                Some("bad_cast") => format!("bad cast: {v}"),
                Some("bad_start_spec") => {
                    format!("bad child specification, invalid children: {v}")
                }
                _ => inspect(reason),
            }
        }
        _ => inspect(reason),
    }
}

/// The one-line banner of an uncaught error: `** (RuntimeError) boom`,
/// `** (throw) :x`, `** (exit) :bye`.
pub fn format_banner(r: &Raise) -> String {
    match r.kind {
        Kind::Error => {
            // A raw term from `:erlang.error/1` prints as the exception
            // Elixir normalises it to (`:badarg` as ArgumentError).
            let e = normalize(r.value.clone());
            format!("** ({}) {}", exception_name(&e), exception_message(&e))
        }
        Kind::Throw => format!("** (throw) {}", inspect(&r.value)),
        Kind::Exit => format!("** (exit) {}", format_exit(&r.value)),
    }
}

/// Turns an Erlang-style raw error term (as `:erlang.error/1` gives) into the
/// Elixir exception `rescue` sees (`Exception.normalize/2`).
pub fn normalize(value: Value) -> Value {
    if value.struct_name().is_some() && value.map_get(Atom::EXCEPTION).is_some() {
        return value;
    }
    match &value {
        Value::Atom(Atom::BADARG) => badarg().value,
        Value::Atom(Atom::BADARITH) => arithmetic_error().value,
        Value::Tuple(t) if t.len() == 2 && t[0].as_atom() == Some(Atom::BADMATCH) => {
            match_error(t[1].clone()).value
        }
        Value::Tuple(t) if t.len() == 2 && t[0].as_atom() == Some(Atom::CASE_CLAUSE) => {
            case_clause_error(t[1].clone()).value
        }
        Value::Tuple(t) if t.len() == 2 && t[0].as_atom() == Some(Atom::BADKEY) => {
            key_error(t[1].clone(), Value::NIL_ATOM).value
        }
        Value::Tuple(t) if t.len() == 3 && t[0].as_atom() == Some(Atom::BADKEY) => {
            key_error(t[1].clone(), t[2].clone()).value
        }
        Value::Tuple(t) if t.len() == 2 && t[0].as_atom() == Some(Atom::BADMAP) => {
            bad_map_error(t[1].clone()).value
        }
        Value::Tuple(t) if t.len() == 2 && t[0].as_atom() == Some(Atom::BADFUN) => {
            bad_function_error(t[1].clone()).value
        }
        Value::Tuple(t) if t.len() == 2 && t[0].as_atom() == Some(Atom::BADARITY) => match &t[1] {
            Value::Tuple(fa) if fa.len() == 2 => {
                bad_arity_error(fa[0].clone(), fa[1].list_to_vec().unwrap_or_default()).value
            }
            _ => erlang_error(value.clone()).value,
        },
        Value::Atom(a) if a.as_str() == "system_limit" => Value::make_struct(
            Atom::SYSTEM_LIMIT_ERROR,
            &[
                (Atom::EXCEPTION, Value::TRUE),
                (Atom::MESSAGE, Value::str("a system limit has been reached")),
            ],
        ),
        _ => erlang_error(value).value,
    }
}

/// The raw Erlang error term behind an exception the VM raised, as `catch
/// :error, e` sees it (`:badarg`, `:badarith`, `{:badmatch, v}`); other
/// exceptions are returned unchanged.
pub fn denormalize(e: &Value) -> Value {
    let Some(name) = e.struct_name() else {
        return e.clone();
    };
    let term = || e.map_get(Atom::TERM).cloned().unwrap_or(Value::NIL_ATOM);
    let tagged = |tag: Atom, v: Value| Value::tuple(vec![Value::Atom(tag), v]);
    let msg = e.map_get(Atom::MESSAGE);
    let msg_is = |m: &str| matches!(msg, Some(Value::Bin(s)) if s.as_str() == Some(m));
    match name {
        Atom::ARGUMENT_ERROR
            if msg_is("argument error")
                || msg
                    .map(|m| matches!(m, Value::Bin(s) if s.bytes().starts_with(b"errors were found")))
                    .unwrap_or(false) =>
        {
            Value::Atom(Atom::BADARG)
        }
        Atom::ARITHMETIC_ERROR if msg_is("bad argument in arithmetic expression") => {
            Value::Atom(Atom::BADARITH)
        }
        Atom::MATCH_ERROR => tagged(Atom::BADMATCH, term()),
        Atom::CASE_CLAUSE_ERROR => tagged(Atom::CASE_CLAUSE, term()),
        Atom::BAD_MAP_ERROR => tagged(Atom::BADMAP, term()),
        Atom::BAD_FUNCTION_ERROR => tagged(Atom::BADFUN, term()),
        Atom::FUNCTION_CLAUSE_ERROR => Value::Atom(Atom::FUNCTION_CLAUSE),
        Atom::UNDEFINED_FUNCTION_ERROR => Value::Atom(Atom::UNDEF),
        // `{:badkey, key, map}` when the map is known (`m.key`, `%{m | k: v}`).
        Atom::KEY_ERROR => {
            let key = e.map_get(Atom::KEY).cloned().unwrap_or(Value::NIL_ATOM);
            match e.map_get(Atom::TERM) {
                Some(t) if !matches!(t, Value::Atom(Atom::NIL)) => {
                    Value::tuple(vec![Value::Atom(Atom::BADKEY), key, t.clone()])
                }
                _ => tagged(Atom::BADKEY, key),
            }
        }
        Atom::ERLANG_ERROR => e
            .map_get(Atom::ORIGINAL)
            .cloned()
            .unwrap_or(Value::NIL_ATOM),
        _ => e.clone(),
    }
}
