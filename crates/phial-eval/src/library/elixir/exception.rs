//! `Exception` natives: `message/1` (a stepping native: a program's own
//! exception computes its message in phial), `format/2,3`, `normalize/2,3`,
//! the location and snippet formats, `exception?/1`, `blame_mfa/3`.
//!
//! Also not here: `format_error/2`, `format_stacktrace/0` (`exception.ex`).
//!
//! Not here: building the exceptions phial raises itself (`crate::error`),
//! `raise` (`internal/phial.rs`).

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::library::support::exceptions::defines;
use crate::library::{def, step, Ctx, Native, Step, Target};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("normalize", 2, |_, a| Ok(normalize(&a[0], &a[1]))).doc(
        r#"normalize(kind, reason)"#,
        r#"Turns an `:error` reason into its exception struct (`:badarg` becomes an
`ArgumentError`, and so on); an exception or another kind passes
unchanged.

    iex> Exception.normalize(:error, :badarg)
    %ArgumentError{message: "argument error"}"#,
    ),
    def("normalize", 3, |_, a| {
        Ok(normalize_with(&a[0], &a[1], &a[2]))
    })
    .doc(
        r#"normalize(kind, reason, stacktrace)"#,
        r#"Like `normalize/2`, with the stacktrace, which some reasons need to
build their message.

    iex> Exception.normalize(:error, :badarg, [])
    %ArgumentError{message: "argument error"}"#,
    ),
    step("format", 3, |ctx, a| {
        let lines = crate::stacktrace::format_lines(&a[2], "    ");
        let tail = if lines.is_empty() {
            String::new()
        } else {
            format!("\n{lines}")
        };
        if let Some(step) = own_message(ctx, &a[0], &a[1], tail.clone()) {
            return Ok(step);
        }
        let banner = exception_format(&a[0], &a[1])?;
        Ok(Step::Done(match &banner {
            Value::Bin(b) => Value::str(format!("{}{tail}", b.to_string_lossy())),
            _ => banner,
        }))
    })
    .doc(
        r#"format(kind, payload, stacktrace)"#,
        r#"The banner for a caught `kind` and `payload` followed by the formatted
stacktrace, as a crash is printed.

    iex> Exception.format(:throw, :oops, [])
    "** (throw) :oops""#,
    ),
    def("blame", 3, |_, a| Ok(blame(&a[0], &a[1], &a[2]))).doc(
        r#"blame(kind, error, stacktrace)"#,
        r#"Adds more detail to an exception when it can (which clause did not
match, say); gives `{exception, stacktrace}`.

    iex> Exception.blame(:error, %RuntimeError{message: "x"}, []) |> elem(0)
    %RuntimeError{message: "x"}"#,
    ),
    def("format_exit", 1, |_, a| {
        Ok(Value::str(error::format_exit(&a[0])))
    })
    .doc(
        r#"format_exit(reason)"#,
        r#"An exit reason as text, the way a process crash report shows it.

    iex> Exception.format_exit({:shutdown, 1})
    "shutdown: 1""#,
    ),
    def("format_stacktrace", 1, |_, a| {
        let lines = crate::stacktrace::format_lines(&a[0], "    ");
        Ok(Value::str(if lines.is_empty() {
            "\n".to_string()
        } else {
            lines
        }))
    })
    .doc(
        r#"format_stacktrace(trace)"#,
        r#"A stacktrace as text, one indented line per entry.

    iex> Exception.format_stacktrace([{Foo, :bar, 1, [file: 'foo.ex', line: 3]}])
    "    foo.ex:3: Foo.bar/1\n""#,
    ),
    def("exception?", 1, |_, a| {
        Ok(Value::bool(
            a[0].struct_name().is_some() && a[0].map_get(Atom::EXCEPTION) == Some(&Value::TRUE),
        ))
    })
    .doc(
        r#"exception?(term)"#,
        r#"Whether `term` is an exception struct.

    iex> Exception.exception?(%ArgumentError{})
    true"#,
    ),
    def("format_file_line_column", 3, |_, a| {
        Ok(Value::str(file_line_column(&a[0], &a[1], &a[2], "")))
    }),
    def("format_file_line_column", 4, |_, a| {
        let suffix = match &a[3] {
            Value::Bin(b) => b.to_string_lossy().into_owned(),
            _ => String::new(),
        };
        Ok(Value::str(file_line_column(&a[0], &a[1], &a[2], &suffix)))
    })
    .doc(
        r#"format_file_line_column(file, line, column, suffix \\ "")"#,
        r#"`"file:line:column:"` followed by `suffix`, leaving out what is `nil`.

    iex> Exception.format_file_line_column("lib/a.ex", 3, 7)
    "lib/a.ex:3:7:""#,
    ),
    def("format_snippet", 2, |_, a| format_snippet(&a[0], &a[1])).doc(
        r#"format_snippet(snippet, line)"#,
        r#"The source line of a `%{content:, offset:}` snippet with a caret under
the offending column, as compile errors show it.

    iex> Exception.format_snippet(%{content: "x", offset: 0}, 1)
    "    |\n  1 | x\n    | ^""#,
    ),
    // Which clause failed needs each clause's patterns after compilation
    // (Elixir reads them from a .beam's debug info); phial keeps none, so
    // the answer is Elixir's for a module without debug info.
    def("blame_mfa", 3, |_, a| match (&a[0], &a[1]) {
        (Value::Atom(_), Value::Atom(_)) if a[2].list_to_vec().is_some() => {
            Ok(Value::atom("error"))
        }
        _ => Err(error::function_clause_error(
            Atom::alias("Exception"),
            Atom::new("blame_mfa"),
            3,
            a.to_vec(),
        )),
    })
    .doc(
        r#"blame_mfa(module, function, args)"#,
        r#"Which clauses of `module.function` the `args` fail to match:
`{:ok, kind, clauses}`, or `:error` when that cannot be told.

    iex> Exception.blame_mfa(Enum, :nope, [1])
    :error"#,
    ),
    def("format_stacktrace_entry", 1, |_, a| {
        Ok(Value::str(crate::stacktrace::format_entry(&a[0])))
    })
    .doc(
        r#"format_stacktrace_entry(entry)"#,
        r#"One stacktrace entry as text, without indentation.

    iex> Exception.format_stacktrace_entry({Foo, :bar, 1, [file: 'foo.ex', line: 3]})
    "foo.ex:3: Foo.bar/1""#,
    ),
    def("format_mfa", 3, |_, a| {
        match (a[0].as_atom(), a[1].as_atom()) {
            (Some(m), Some(f)) => Ok(Value::str(crate::stacktrace::format_mfa(m, f, &a[2]))),
            _ => Err(error::badarg()),
        }
    })
    .doc(
        r#"format_mfa(module, fun, arity_or_args)"#,
        r#"A module, function and arity (or argument list) as Elixir writes them.

    iex> Exception.format_mfa(Foo, :bar, [1, 2])
    "Foo.bar(1, 2)""#,
    ),
    def("format_fa", 2, |_, a| {
        Ok(Value::str(format!(
            "{}{}",
            crate::format::inspect(&a[0]),
            crate::stacktrace::format_arity(&a[1])
        )))
    })
    .doc(
        r#"format_fa(fun, arity_or_args)"#,
        r#"An anonymous function and arity (or arguments) as text.

    iex> Exception.format_fa(fn -> :ok end, 0) |> is_binary()
    true"#,
    ),
    def("format_file_line", 2, |_, a| {
        Ok(Value::str(file_line(&a[0], &a[1], "")))
    }),
    def("format_file_line", 3, |_, a| {
        let suffix = match &a[2] {
            Value::Bin(b) => b.to_string_lossy().into_owned(),
            _ => String::new(),
        };
        Ok(Value::str(file_line(&a[0], &a[1], &suffix)))
    })
    .doc(
        r#"format_file_line(file, line, suffix \\ "")"#,
        r#"`"file:line:"` followed by `suffix`, leaving out what is `nil`.

    iex> Exception.format_file_line("lib/a.ex", 3)
    "lib/a.ex:3:""#,
    ),
    step("format", 2, |ctx, a| banner_step(ctx, &a[0], &a[1])).doc(
        r#"format(kind, payload)"#,
        r#"`format/3` with no stacktrace.

    iex> Exception.format(:error, %RuntimeError{message: "boom"})
    "** (RuntimeError) boom""#,
    ),
    step("format_banner", 2, |ctx, a| banner_step(ctx, &a[0], &a[1])),
    step("format_banner", 3, |ctx, a| banner_step(ctx, &a[0], &a[1])).doc(
        r#"format_banner(kind, reason, stacktrace \\ [])"#,
        r#"The `** (Kind) message` line for a caught `kind` and `reason`.

    iex> Exception.format_banner(:exit, :killed, [])
    "** (exit) killed""#,
    ),
    step("message", 1, |ctx, a| {
        let e = &a[0];
        if e.map_get(Atom::EXCEPTION).is_none() {
            return Err(error::function_clause_error(
                Atom::alias("Exception"),
                Atom::MESSAGE,
                1,
                vec![e.clone()],
            ));
        }
        match e.struct_name() {
            Some(m) if defines(ctx, m, "message") => {
                Ok(Step::Then(Target::Mfa(m, Atom::MESSAGE), vec![e.clone()]))
            }
            _ => Ok(Step::Done(Value::str(error::exception_message(e)))),
        }
    })
    .doc(
        r#"message(exception)"#,
        r#"The message of an exception, from its `message/1` callback.

    iex> Exception.message(%ArgumentError{message: "bad"})
    "bad""#,
    ),
];

/// The banner of an error whose exception has its own `message/1` in
/// phial code (a program's, or a library one such as `URI.Error`): that
/// function is called and the banner built from what it returns, `tail`
/// after it. `None` for every other value.
fn own_message(ctx: &mut Ctx, kind: &Value, value: &Value, tail: String) -> Option<Step> {
    if kind.as_atom() != Some(Atom::ERROR) {
        return None;
    }
    let e = error::normalize(value.clone());
    e.map_get(Atom::EXCEPTION)?;
    let m = e.struct_name().filter(|m| defines(ctx, *m, "message"))?;
    let name = error::exception_name(&e);
    Some(Step::Call(
        Target::Mfa(m, Atom::MESSAGE),
        vec![e],
        Box::new(move |_: &mut Ctx, msg: Value| {
            let text = match &msg {
                Value::Bin(b) => b.to_string_lossy().into_owned(),
                other => crate::format::inspect(other),
            };
            Ok(Step::Done(Value::str(format!("** ({name}) {text}{tail}"))))
        }),
    ))
}

fn banner_step(ctx: &mut Ctx, kind: &Value, value: &Value) -> Result<Step> {
    Ok(own_message(ctx, kind, value, String::new())
        .unwrap_or_else(|| Step::Done(banner(kind, value))))
}

/// `** (kind) message`: the first line of a report.
fn banner(kind: &Value, value: &Value) -> Value {
    let r = Raise {
        kind: match kind.as_atom().and_then(error::Kind::from_atom) {
            Some(k) => k,
            None => error::Kind::Error,
        },
        value: value.clone(),
    };
    Value::str(error::format_banner(&r))
}

/// `Exception.blame(kind, error, stacktrace)`: what the trace tells of an
/// error put into it. A function clause error takes its arguments from the
/// first entry (which then shows the arity); an arithmetic error names
/// the failed operation. Other errors come back as they are.
fn blame(kind: &Value, error: &Value, trace: &Value) -> Value {
    let unchanged = || Value::tuple(vec![error.clone(), trace.clone()]);
    if kind.as_atom().map(|k| k.as_str()) != Some("error") {
        return unchanged();
    }
    let Some(entries) = trace.list_to_vec() else {
        return unchanged();
    };
    let Some(Value::Tuple(head)) = entries.first() else {
        return unchanged();
    };
    if head.len() != 4 {
        return unchanged();
    }
    let Value::Map(fields) = error else {
        return unchanged();
    };
    match error.struct_name() {
        Some(Atom::FUNCTION_CLAUSE_ERROR) => {
            let Some(args) = head[2].list_to_vec() else {
                return unchanged();
            };
            let mut m = (**fields).clone();
            m.insert(Value::atom("args"), head[2].clone());
            let entry = Value::tuple(vec![
                head[0].clone(),
                head[1].clone(),
                Value::Int(args.len() as i64),
                head[3].clone(),
            ]);
            let mut rest = entries;
            rest[0] = entry;
            Value::tuple(vec![Value::map(m), Value::list(rest)])
        }
        Some(Atom::ARITHMETIC_ERROR) if head[0].as_atom() == Some(Atom::new("erlang")) => {
            let (Some(fun), Some(args)) = (head[1].as_atom(), head[2].list_to_vec()) else {
                return unchanged();
            };
            let i = crate::format::inspect;
            let f = fun.as_str();
            let suffix = match (f, args.as_slice()) {
                ("+" | "-", [x]) => format!(": {f}({})", i(x)),
                ("+" | "-" | "*" | "/", [x, y]) => format!(": {} {f} {}", i(x), i(y)),
                ("div" | "rem", [x, y]) => format!(": {f}({}, {})", i(x), i(y)),
                ("band" | "bor" | "bxor" | "bsl" | "bsr", [x, y]) => {
                    format!(": Bitwise.{f}({}, {})", i(x), i(y))
                }
                ("bnot", [x]) => format!(": Bitwise.bnot({})", i(x)),
                _ => String::new(),
            };
            let message = match fields.get(&Value::atom("message")) {
                Some(Value::Bin(b)) => b.to_string_lossy().into_owned(),
                _ => return unchanged(),
            };
            let mut m = (**fields).clone();
            m.insert(Value::atom("message"), Value::str(message + &suffix));
            Value::tuple(vec![Value::map(m), trace.clone()])
        }
        _ => unchanged(),
    }
}

/// `Exception.format(kind, value, stacktrace)`: the banner without a stacktrace.
pub(crate) fn exception_format(kind: &Value, value: &Value) -> Result<Value> {
    let kind = kind
        .as_atom()
        .and_then(crate::error::Kind::from_atom)
        .ok_or_else(error::badarg)?;
    let value = match kind {
        crate::error::Kind::Error => error::normalize(value.clone()),
        _ => value.clone(),
    };
    Ok(Value::str(crate::error::format_banner(&Raise {
        kind,
        value,
    })))
}

/// `Exception.format_file_line/3`: `"f.exs:3:"`, `"f.exs:"`, or nothing.
fn file_line(file: &Value, line: &Value, suffix: &str) -> String {
    let file = match file {
        Value::Bin(b) => b.to_string_lossy().into_owned(),
        _ => return String::new(),
    };
    match line {
        Value::Int(l) if *l > 0 => format!("{file}:{l}:{suffix}"),
        _ => format!("{file}:{suffix}"),
    }
}

/// `file:line:column:suffix`, leaving out what is nil or 0.
fn file_line_column(file: &Value, line: &Value, column: &Value, suffix: &str) -> String {
    let text = |v: &Value| match v {
        Value::Bin(b) => Some(b.to_string_lossy().into_owned()),
        Value::Int(0) | Value::Nil => None,
        Value::Atom(a) if *a == Atom::NIL => None,
        v => crate::format::to_string(v),
    };
    let Some(file) = text(file) else {
        return String::new();
    };
    match (text(line), text(column)) {
        (None, _) => format!("{file}:{suffix}"),
        (Some(l), None) => format!("{file}:{l}:{suffix}"),
        (Some(l), Some(c)) => format!("{file}:{l}:{c}:{suffix}"),
    }
}

/// `Exception.format_snippet/2`: the source line under a gutter with the
/// line number, and a caret under the offending column.
fn format_snippet(snippet: &Value, line: &Value) -> Result<Value> {
    let bad = || {
        error::function_clause_error(
            Atom::alias("Exception"),
            Atom::new("format_snippet"),
            2,
            vec![snippet.clone(), line.clone()],
        )
    };
    let content = snippet.map_get(Atom::new("content")).ok_or_else(bad)?;
    let Some(Value::Int(offset)) = snippet.map_get(Atom::new("offset")) else {
        return Err(bad());
    };
    let Value::Int(n) = line else {
        return Err(bad());
    };
    let digits = n.to_string().len();
    let gutter = " ".repeat(digits.max(2));
    let pad = if digits < 2 { " " } else { "" };
    // The offset is the caller's: an absurd one is an error, not an abort.
    let indent = crate::library::support::collections::repeat_str(" ", (*offset).max(0) as u64)?;
    Ok(Value::str(format!(
        " {gutter} |\n {pad}{n} | {}\n {gutter} | {indent}^",
        crate::format::to_string(content).unwrap_or_default(),
    )))
}

/// `Exception.normalize/2,3`: an Erlang error term as the exception
/// `rescue` would see; any other kind's payload as it is.
/// `Exception.normalize/3`: as `/2`, except that `:function_clause` names
/// the function the stacktrace's first entry is (ErlangError.normalize/2's
/// rule), the way a report of `{:function_clause, stack}` prints it.
fn normalize_with(kind: &Value, payload: &Value, stack: &Value) -> Value {
    let is_error = kind.as_atom().is_some_and(|k| k.as_str() == "error");
    if is_error
        && payload
            .as_atom()
            .is_some_and(|a| a.as_str() == "function_clause")
    {
        let first = stack.list_to_vec().and_then(|v| v.into_iter().next());
        if let Some(Value::Tuple(t)) = first {
            let arity = match &t.get(2) {
                Some(Value::Int(n)) => u32::try_from(*n).ok(),
                Some(args) => args.list_to_vec().and_then(|v| u32::try_from(v.len()).ok()),
                None => None,
            };
            if let (4, Some(m), Some(f), Some(arity)) =
                (t.len(), t[0].as_atom(), t[1].as_atom(), arity)
            {
                return error::erlang_function_clause_error(m, f, arity).value;
            }
        }
    }
    normalize(kind, payload)
}

fn normalize(kind: &Value, payload: &Value) -> Value {
    match kind.as_atom() {
        Some(k) if k.as_str() == "error" => error::normalize(payload.clone()),
        _ => payload.clone(),
    }
}
