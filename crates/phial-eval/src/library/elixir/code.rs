//! `Code` natives about modules being available: `Code.ensure_loaded/1`
//! and friends. In phial every module (builtin, library or script) is
//! loaded as soon as it exists, so "loading" is only a lookup.
//!
//! It also evaluates code at run time: `require_file`, `eval_file`,
//! `eval_string` compile the source (on the compiler's own thread, see
//! `vm::with_deep_stack`) and run it in the calling process as a call of
//! a closure, so it is preempted and unwound like any phial code.
//!
//! Not here: `function_exported?/3` (`kernel`); the compiler options and
//! the deprecated aliases (`code.ex`).

use crate::atom::Atom;
use crate::error::{self, Result};
use crate::library::support::collections::clause;
use crate::library::{def, step, Ctx, Native, Step, Target};
use crate::value::Value;

pub const NATIVES: &[Native] = &[
    def("string_to_quoted", 1, |ctx, a| {
        string_to_quoted(ctx, &a[0], false)
    }),
    def("string_to_quoted", 2, |ctx, a| {
        string_to_quoted(ctx, &a[0], false)
    }),
    def("string_to_quoted!", 1, |ctx, a| {
        string_to_quoted(ctx, &a[0], true)
    }),
    def("string_to_quoted!", 2, |ctx, a| {
        string_to_quoted(ctx, &a[0], true)
    }),
    def("string_to_quoted_with_comments", 1, |ctx, a| {
        with_comments(ctx, &a[0], false)
    }),
    def("string_to_quoted_with_comments", 2, |ctx, a| {
        with_comments(ctx, &a[0], false)
    }),
    def("string_to_quoted_with_comments!", 1, |ctx, a| {
        with_comments(ctx, &a[0], true)
    }),
    def("string_to_quoted_with_comments!", 2, |ctx, a| {
        with_comments(ctx, &a[0], true)
    }),
    def("format_string!", 1, |ctx, a| {
        format_string(ctx, &a[0], &Value::Nil)
    }),
    def("format_string!", 2, |ctx, a| {
        format_string(ctx, &a[0], &a[1])
    }),
    step("eval_quoted", 1, |ctx, a| {
        eval_quoted(ctx, &a[0], &Value::Nil)
    }),
    step("eval_quoted", 2, |ctx, a| eval_quoted(ctx, &a[0], &a[1])),
    step("eval_quoted", 3, |ctx, a| eval_quoted(ctx, &a[0], &a[1])),
    step("require_file", 1, |ctx, a| require_file(ctx, &a[0], None)),
    step("require_file", 2, |ctx, a| {
        require_file(ctx, &a[0], Some(&a[1]))
    }),
    step("compile_file", 1, |ctx, a| {
        compile_file(ctx, &a[0], None, Record::No)
    }),
    step("compile_file", 2, |ctx, a| {
        compile_file(ctx, &a[0], Some(&a[1]), Record::No)
    }),
    step("load_file", 1, |ctx, a| {
        compile_file(ctx, &a[0], None, Record::Always)
    }),
    step("load_file", 2, |ctx, a| {
        compile_file(ctx, &a[0], Some(&a[1]), Record::Always)
    }),
    step("compile_string", 1, |ctx, a| {
        compile_string(ctx, &a[0], &Value::str("nofile"))
    }),
    step("compile_string", 2, |ctx, a| {
        compile_string(ctx, &a[0], &a[1])
    }),
    step("compile_quoted", 1, |ctx, a| {
        compile_quoted(ctx, &a[0], &Value::str("nofile"))
    }),
    step("compile_quoted", 2, |ctx, a| {
        compile_quoted(ctx, &a[0], &a[1])
    }),
    def("unrequire_files", 1, |ctx, a| {
        let Some(files) = crate::library::support::collections::proper(&a[0]) else {
            return Err(clause("Code", "unrequire_files", 1, &[&a[0]]));
        };
        let names: Vec<String> = files
            .iter()
            .filter_map(|f| f.as_str().map(str::to_string))
            .collect();
        ctx.vm.system.required.lock().retain(|f| !names.contains(f));
        Ok(Value::OK)
    }),
    // A module defined by a script has no .beam file, Elixir's
    // `:module_not_found` too; phial's own modules exist but carry no docs.
    def("fetch_docs", 1, |ctx, a| {
        let reason = match &a[0] {
            Value::Atom(m) if !ctx.vm.module_exists(*m) && crate::library::module_exists(*m) => {
                "chunk_not_found"
            }
            Value::Atom(_) => "module_not_found",
            v if v.as_str().is_some() => "module_not_found",
            _ => return Err(clause("Code", "fetch_docs", 1, &[&a[0]])),
        };
        Ok(Value::tuple(vec![
            Value::atom("error"),
            Value::atom(reason),
        ]))
    }),
    step("eval_file", 1, |ctx, a| eval_file(ctx, &a[0], None)),
    step("eval_file", 2, |ctx, a| eval_file(ctx, &a[0], Some(&a[1]))),
    step("eval_string", 1, |ctx, a| {
        eval_string(ctx, &a[0], &Value::Nil, &Value::Nil)
    }),
    step("eval_string", 2, |ctx, a| {
        eval_string(ctx, &a[0], &a[1], &Value::Nil)
    }),
    step("eval_string", 3, |ctx, a| {
        eval_string(ctx, &a[0], &a[1], &a[2])
    }),
    def("required_files", 0, |ctx, _| {
        Ok(Value::list(
            ctx.vm
                .system
                .required
                .lock()
                .iter()
                .map(|f| Value::str(f.clone()))
                .collect(),
        ))
    }),
    def("ensure_loaded", 1, |ctx, a| {
        let m = module_arg("ensure_loaded", &a[0])?;
        Ok(if exists(ctx, m) {
            Value::tuple(vec![Value::atom("module"), a[0].clone()])
        } else {
            Value::tuple(vec![Value::atom("error"), Value::atom("nofile")])
        })
    }),
    def("ensure_loaded?", 1, |ctx, a| {
        let m = module_arg("ensure_loaded?", &a[0])?;
        Ok(Value::bool(exists(ctx, m)))
    }),
    def("ensure_loaded!", 1, |ctx, a| {
        let m = module_arg("ensure_loaded!", &a[0])?;
        if exists(ctx, m) {
            Ok(a[0].clone())
        } else {
            Err(error::argument_error(format!(
                "could not load module {} due to reason :nofile",
                error::module_name(m)
            )))
        }
    }),
    def("ensure_compiled", 1, |ctx, a| {
        let m = module_arg("ensure_compiled", &a[0])?;
        Ok(if exists(ctx, m) {
            Value::tuple(vec![Value::atom("module"), a[0].clone()])
        } else {
            Value::tuple(vec![Value::atom("error"), Value::atom("nofile")])
        })
    }),
];

/// Elixir's `Code` functions are guarded `when is_atom(module)`.
pub(crate) fn module_arg(name: &str, v: &Value) -> Result<Atom> {
    v.as_atom().ok_or_else(|| clause("Code", name, 1, &[v]))
}

/// A module exists if phial code defined it or any builtin lives in it.
pub(crate) fn exists(ctx: &crate::library::Ctx, m: Atom) -> bool {
    ctx.vm.module_exists(m) || crate::library::module_exists(m)
}

/// The absolute path of `file` (relative to `dir`, or the working
/// directory).
fn full_path(file: &Value, dir: Option<&Value>) -> Result<String> {
    use crate::library::elixir::path;
    let f = path::text(file)?;
    let cwd = path::cwd()?;
    let base = match dir {
        Some(d) if !matches!(d, Value::Atom(Atom::NIL)) => path::absname(&path::text(d)?, &cwd),
        _ => cwd,
    };
    Ok(path::expand_dot(&path::absname(&f, &base)))
}

fn load_error(file: &str, reason: &str) -> error::Raise {
    error::Raise::error(Value::make_struct(
        Atom::alias("Code.LoadError"),
        &[
            (Atom::EXCEPTION, Value::TRUE),
            (Atom::new("file"), Value::str(file)),
            (
                Atom::new("message"),
                Value::str(format!("could not load {file}. Reason: {reason}")),
            ),
            (Atom::new("reason"), Value::atom(reason)),
        ],
    ))
}

fn read_source(file: &str) -> Result<String> {
    match std::fs::read(file) {
        Ok(b) => Ok(String::from_utf8_lossy(&b).into_owned()),
        Err(e) => {
            let reason = crate::library::elixir::file::posix(&e);
            Err(load_error(
                file,
                reason.as_atom().map_or("enoent", |a| a.as_str()),
            ))
        }
    }
}

/// Compiles `source` as `file`; a syntax or compile error is raised as
/// Elixir raises it (`SyntaxError`, `TokenMissingError`, `CompileError`).
fn compile(
    ctx: &Ctx,
    file: &str,
    source: &str,
    bound: &[String],
    export: bool,
) -> Result<crate::compile::Program> {
    use crate::vm::LoadError;
    let syntax = |kind: &str, e: &phial_syntax::SyntaxError| syntax_error(kind, file, source, e);
    match ctx.vm.load(file, source, bound, export) {
        Ok(p) => Ok(p),
        Err(LoadError::Syntax(errs)) => match errs.first() {
            Some(e) => Err(syntax("SyntaxError", e)),
            None => Err(error::badarg()),
        },
        Err(LoadError::Incomplete(e)) => Err(syntax("TokenMissingError", &e)),
        Err(LoadError::Compile(errs)) => {
            let e = errs.first();
            let line = e.map_or(1, |e| {
                crate::compile::line_starts(source)
                    .iter()
                    .take_while(|s| **s as usize <= e.offset)
                    .count()
            });
            if let Some(raised) = e.and_then(|e| e.exception.clone()) {
                return Err(raised);
            }
            if let Some(report) = e.and_then(|e| e.raised.clone()) {
                return Err(error::runtime_error(report));
            }
            Err(error::Raise::error(Value::make_struct(
                Atom::alias("CompileError"),
                &[
                    (Atom::EXCEPTION, Value::TRUE),
                    (Atom::new("file"), Value::str(file)),
                    (Atom::new("line"), Value::Int(line as i64)),
                    (
                        Atom::new("description"),
                        Value::str(e.map_or(String::new(), |e| e.message.clone())),
                    ),
                ],
            )))
        }
    }
}

fn closure(code: std::sync::Arc<crate::code::FnCode>, captured: Vec<Value>) -> Value {
    Value::Fun(std::sync::Arc::new(crate::value::Fun::Closure {
        code,
        captured: captured.into_boxed_slice(),
    }))
}

/// `Code.require_file/1,2`: `nil` for a file required before; else the
/// file runs here, and the result is `[{module, binary}]` for the modules
/// it defined (phial has no object code: the binary is `""`).
fn require_file(ctx: &mut Ctx, file: &Value, dir: Option<&Value>) -> Result<Step> {
    compile_file(ctx, file, dir, Record::Once)
}

/// Whether running a file records it in `Code.required_files/0`.
#[derive(PartialEq)]
enum Record {
    /// `compile_file`: never.
    No,
    /// `require_file`: yes, and a file recorded before is skipped.
    Once,
    /// `load_file` (deprecated): yes, and it runs again every time.
    Always,
}

/// `Code.compile_file/1,2`, `require_file/1,2`, `load_file/1,2`: the file
/// runs and the modules it defined are returned.
fn compile_file(ctx: &mut Ctx, file: &Value, dir: Option<&Value>, record: Record) -> Result<Step> {
    let path = full_path(file, dir)?;
    if record == Record::Once && ctx.vm.system.required.lock().contains(&path) {
        return Ok(Step::Done(Value::NIL_ATOM));
    }
    let source = read_source(&path)?;
    let program = compile(ctx, &path, &source, &[], false)?;
    if record != Record::No && !ctx.vm.system.required.lock().contains(&path) {
        ctx.vm.system.required.lock().push(path);
    }
    Ok(modules_defined(ctx, program))
}

/// `Code.compile_string/1,2`: the source runs, as file `file`.
fn compile_string(ctx: &mut Ctx, source: &Value, file: &Value) -> Result<Step> {
    // Any term with a String.Chars form is source, as `to_charlist` takes it.
    let (Some(text), Some(name)) = (crate::format::to_string(source), file.as_str()) else {
        return Err(clause("Code", "compile_string", 2, &[source, file]));
    };
    let program = compile(ctx, name, &text, &[], false)?;
    Ok(modules_defined(ctx, program))
}

/// `Code.compile_quoted/1,2`: the quoted form runs, as file `file`.
fn compile_quoted(ctx: &mut Ctx, quoted: &Value, file: &Value) -> Result<Step> {
    let Some(name) = file.as_str() else {
        return Err(clause("Code", "compile_quoted", 2, &[quoted, file]));
    };
    let program = match ctx.vm.load_quoted(name, quoted, &[], false) {
        Ok(p) => p,
        Err(crate::vm::LoadError::Compile(errs)) => {
            let e = errs.into_iter().next();
            if let Some(raised) = e.as_ref().and_then(|e| e.exception.clone()) {
                return Err(raised);
            }
            return Err(compile_error(
                name,
                e.map(|e| e.message).unwrap_or_default(),
            ));
        }
        Err(_) => return Err(error::badarg()),
    };
    Ok(modules_defined(ctx, program))
}

fn compile_error(file: &str, description: String) -> error::Raise {
    error::Raise::error(Value::make_struct(
        Atom::alias("CompileError"),
        &[
            (Atom::EXCEPTION, Value::TRUE),
            (Atom::new("file"), Value::str(file)),
            (Atom::new("line"), Value::Int(0)),
            (Atom::new("description"), Value::str(description)),
        ],
    ))
}

/// Runs `program` here; its result is `[{module, binary}]` for the
/// modules it defined (phial has no object code: the binary is `""`).
fn modules_defined(ctx: &mut Ctx, program: crate::compile::Program) -> Step {
    let mark = ctx.vm.system.defined.lock().len();
    Step::Call(
        Target::Fun(closure(program.code, Vec::new())),
        Vec::new(),
        Box::new(move |ctx: &mut Ctx, _: Value| -> Result<Step> {
            let defined = ctx.vm.system.defined.lock();
            let mut mods: Vec<Atom> = Vec::new();
            for m in defined.iter().skip(mark) {
                if !mods.contains(m) {
                    mods.push(*m);
                }
            }
            Ok(Step::Done(Value::list(
                mods.into_iter()
                    .map(|m| Value::tuple(vec![Value::Atom(m), Value::str("")]))
                    .collect(),
            )))
        }),
    )
}

/// Where Elixir places a syntax error: an expression cut short at the
/// end points at its last token, not past it.
fn error_position(source: &str, e: &phial_syntax::SyntaxError) -> (usize, usize) {
    if e.message == "syntax error: expression is incomplete" {
        if let Some(last) = source.trim_end().char_indices().last() {
            return phial_syntax::line_col(source, last.0);
        }
    }
    e.line_col(source)
}

/// The `SyntaxError`/`TokenMissingError` raised for `e`, with the source
/// line it points at.
fn syntax_error(
    kind: &str,
    file: &str,
    source: &str,
    e: &phial_syntax::SyntaxError,
) -> error::Raise {
    let (line, col) = error_position(source, e);
    let snippet = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
    error::Raise::error(Value::make_struct(
        Atom::alias(kind),
        &[
            (Atom::EXCEPTION, Value::TRUE),
            (Atom::new("file"), Value::str(file)),
            (Atom::new("line"), Value::Int(line as i64)),
            (Atom::new("column"), Value::Int(col as i64)),
            (Atom::new("snippet"), Value::str(snippet)),
            (Atom::new("description"), Value::str(e.message.clone())),
        ],
    ))
}

/// `Code.format_string!/1,2`: the source as Elixir's formatter lays it
/// out (`phial_syntax::format`), as iodata; a syntax error raises as
/// `string_to_quoted!` does.
fn format_string(_ctx: &mut Ctx, source: &Value, opts: &Value) -> Result<Value> {
    use crate::library::support::terms::keyword_get;
    let text = crate::library::elixir::path::text(source)?;
    let mut o = phial_syntax::format::Options::default();
    if let Some(v) = keyword_get(opts, "line_length") {
        match v {
            Value::Int(n) if *n >= 0 => o.line_length = *n as usize,
            _ => return Err(error::badarg()),
        }
    }
    if let Some(v) = keyword_get(opts, "force_do_end_blocks") {
        o.force_do_end_blocks = v.is_truthy();
    }
    if let Some(v) = keyword_get(opts, "locals_without_parens") {
        for pair in v.iter_list() {
            if let Value::Tuple(t) = pair {
                if let (Some(name), Some(arity)) = (t.first().and_then(|n| n.as_atom()), t.get(1)) {
                    let arity = match arity {
                        Value::Int(n) if *n >= 0 => Some(*n as usize),
                        _ => None,
                    };
                    o.locals_without_parens
                        .push((name.as_str().to_string(), arity));
                }
            }
        }
    }
    let file = keyword_get(opts, "file")
        .and_then(|f| f.as_str())
        .unwrap_or("nofile")
        .to_string();
    let result = crate::vm::with_deep_stack(|| phial_syntax::format::format_source(&text, &o));
    match result {
        Ok(out) => Ok(Value::list(vec![Value::str(out)])),
        Err(errs) => match errs.first() {
            Some(e) => Err(syntax_error(e.kind.name(), &file, &text, e)),
            None => Err(error::badarg()),
        },
    }
}

/// `Code.string_to_quoted/1,2` (`{:ok, quoted}` or `{:error, {meta,
/// message, token}}`) and, `bang`, `string_to_quoted!/1,2`.
fn string_to_quoted(ctx: &mut Ctx, source: &Value, bang: bool) -> Result<Value> {
    use crate::vm::LoadError;
    let text = crate::library::elixir::path::text(source)?;
    let err = match ctx.vm.string_to_quoted(&text) {
        Ok(q) if bang => return Ok(q),
        Ok(q) => return Ok(Value::tuple(vec![Value::OK, q])),
        Err(LoadError::Syntax(errs)) => (errs.into_iter().next(), "SyntaxError"),
        Err(LoadError::Incomplete(e)) => (Some(e), "TokenMissingError"),
        Err(LoadError::Compile(_)) => (None, "SyntaxError"),
    };
    let (Some(e), kind) = err else {
        return Err(error::badarg());
    };
    let (line, col) = error_position(&text, &e);
    if bang {
        return Err(syntax_error(kind, "nofile", &text, &e));
    }
    let (message, token) = split_syntax_message(&e.message);
    let meta = Value::list(vec![
        Value::tuple(vec![Value::atom("line"), Value::Int(line as i64)]),
        Value::tuple(vec![Value::atom("column"), Value::Int(col as i64)]),
    ]);
    Ok(Value::tuple(vec![
        Value::atom("error"),
        Value::tuple(vec![meta, message, Value::str(token)]),
    ]))
}

/// `Code.string_to_quoted_with_comments/1,2` (and `!`): the quoted form
/// and the comments, each `%{line:, column:, previous_eol_count:,
/// next_eol_count:, text:}`, the counts being the newlines between the
/// comment and what comes before and after it (a comment with nothing
/// before it on the first line counts one).
fn with_comments(ctx: &mut Ctx, source: &Value, bang: bool) -> Result<Value> {
    let quoted = string_to_quoted(ctx, source, bang)?;
    let text = crate::library::elixir::path::text(source)?;
    let spans = phial_syntax::comment_spans(&text);
    // What is not blank between two places in the source (a token or a
    // comment) ends a newline count.
    let newlines = |from: usize, to: usize| text[from..to].matches('\n').count() as i64;
    let solid_before = |pos: usize| {
        text[..pos]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
    };
    let solid_after = |pos: usize| {
        text[pos..]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map_or(text.len(), |(i, _)| pos + i)
    };
    let comments: Vec<Value> = spans
        .iter()
        .map(|&(start, end)| {
            let (line, column) = phial_syntax::line_col(&text, start);
            let previous = match solid_before(start) {
                Some(p) => newlines(p, start),
                None => newlines(0, start).max(1),
            };
            let next = newlines(end, solid_after(end));
            let mut m = crate::value::MapInner::new();
            for (k, v) in [
                ("column", Value::Int(column as i64)),
                ("line", Value::Int(line as i64)),
                ("next_eol_count", Value::Int(next)),
                ("previous_eol_count", Value::Int(previous)),
                ("text", Value::str(&text[start..end])),
            ] {
                m.insert(Value::atom(k), v);
            }
            Value::map(m)
        })
        .collect();
    let comments = Value::list(comments);
    Ok(match quoted {
        _ if bang => Value::tuple(vec![quoted, comments]),
        Value::Tuple(t) if t.len() == 2 && t[0] == Value::OK => {
            Value::tuple(vec![Value::OK, t[1].clone(), comments])
        }
        error => error,
    })
}

/// Elixir's parser error as its (message, token) pair.
fn split_syntax_message(message: &str) -> (Value, String) {
    if message == "syntax error: expression is incomplete" {
        return (Value::str("syntax error before: "), String::new());
    }
    if let Some(token) = message.strip_prefix("syntax error before: ") {
        return (Value::str("syntax error before: "), token.to_string());
    }
    if let Some(word) = message.strip_prefix("unexpected reserved word: ") {
        return (
            Value::tuple(vec![
                Value::str("unexpected reserved word: "),
                Value::str(""),
            ]),
            word.to_string(),
        );
    }
    (Value::str(message), String::new())
}

/// `Code.eval_quoted/1,2,3`.
fn eval_quoted(ctx: &mut Ctx, quoted: &Value, binding: &Value) -> Result<Step> {
    let (names, values) = binding_parts(binding)?;
    let program = match ctx.vm.load_quoted("nofile", quoted, &names, true) {
        Ok(p) => p,
        Err(crate::vm::LoadError::Compile(errs)) => {
            let e = errs.into_iter().next();
            if let Some(raised) = e.as_ref().and_then(|e| e.exception.clone()) {
                return Err(raised);
            }
            let message = e.map(|e| e.message).unwrap_or_default();
            return Err(error::Raise::error(Value::make_struct(
                Atom::alias("CompileError"),
                &[
                    (Atom::EXCEPTION, Value::TRUE),
                    (Atom::new("file"), Value::str("nofile")),
                    (Atom::new("line"), Value::Int(0)),
                    (Atom::new("description"), Value::str(message)),
                ],
            )));
        }
        Err(_) => return Err(error::badarg()),
    };
    run_with_binding(program, values)
}

fn binding_parts(binding: &Value) -> Result<(Vec<String>, Vec<Value>)> {
    let mut names = Vec::new();
    let mut values = Vec::new();
    for item in binding.iter_list() {
        match crate::library::support::collections::pair(item) {
            Some((Value::Atom(k), v)) => {
                names.push(k.as_str().to_string());
                values.push(v);
            }
            _ => return Err(error::badarg()),
        }
    }
    Ok((names, values))
}

/// Runs `source` with `binding` (a keyword list of variables); the
/// result is `{value, binding}` with the variables bound at its end.
fn eval_source(ctx: &mut Ctx, file: &str, source: &str, binding: &Value) -> Result<Step> {
    let (names, values) = binding_parts(binding)?;
    let program = compile(ctx, file, source, &names, true)?;
    run_with_binding(program, values)
}

/// Runs a program compiled with `export` on the values of its bindings.
fn run_with_binding(program: crate::compile::Program, values: Vec<Value>) -> Result<Step> {
    let exported = program.exported.clone();
    Ok(Step::Call(
        Target::Fun(closure(program.code, values)),
        Vec::new(),
        Box::new(move |_: &mut Ctx, v: Value| -> Result<Step> {
            let (result, vals) = match &v {
                Value::Tuple(t) if t.len() == 2 => (t[0].clone(), t[1].clone()),
                _ => (v.clone(), Value::tuple(Vec::new())),
            };
            let mut pairs: Vec<(String, Value)> = match &vals {
                Value::Tuple(t) => exported.iter().cloned().zip(t.iter().cloned()).collect(),
                _ => Vec::new(),
            };
            pairs.retain(|(n, _)| !n.starts_with('_'));
            // Elixir's binding lists the variables in reverse name order.
            pairs.sort_by(|a, b| b.0.cmp(&a.0));
            let binding = Value::list(
                pairs
                    .into_iter()
                    .map(|(n, v)| Value::tuple(vec![Value::atom(&n), v]))
                    .collect(),
            );
            Ok(Step::Done(Value::tuple(vec![result, binding])))
        }),
    ))
}

/// `Code.eval_file/1,2`: the file runs every time.
fn eval_file(ctx: &mut Ctx, file: &Value, dir: Option<&Value>) -> Result<Step> {
    let path = full_path(file, dir)?;
    let source = read_source(&path)?;
    eval_source(ctx, &path, &source, &Value::Nil)
}

/// `Code.eval_string/1,2,3` (`opts` may name the `:file`).
fn eval_string(ctx: &mut Ctx, source: &Value, binding: &Value, opts: &Value) -> Result<Step> {
    let text = crate::library::elixir::path::text(source)?;
    let file = crate::library::support::terms::keyword_get(opts, "file")
        .and_then(|f| f.as_str().map(str::to_string))
        .unwrap_or_else(|| "nofile".to_string());
    eval_source(ctx, &file, &text, binding)
}
