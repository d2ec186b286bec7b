//! The IEx helpers: `h/0`, `h/1`, `v/0`, `v/1`, `flush/0`, `i/0`, `i/1`,
//! `pid/1`, `pid/3`, `clear/0`, `respawn/0`, `pwd/0`, `ls/0,1`, `cd/1`.
//! Those of arity 0 also work bare (`flush`, `v`), as in IEx, unless the
//! name is a variable of the shell or of the input.
//!
//! They are resolved on the parsed input before it is compiled, because most
//! need the REPL's own state (the result history, the screen) that phial code
//! cannot reach: `v(2)` and `pid(0, 80, 0)` become hidden bindings holding
//! the value; `h()`, `clear()`, `respawn()` and `i(x)` become marker terms
//! that the REPL acts on when they are the input's result; `flush()` becomes
//! a call to `IEx.Helpers.flush/0`, a phial `receive` loop that runs in the
//! shell process, so it drains the shell's own mailbox; `pwd`, `ls` and `cd`
//! are phial too, returning `MARK_QUIET` as IEx's `dont_display_result`. Calls inside a
//! `defmodule` are left alone (a module may define its own `v/1`).
//!
//! Not here: printing results, the shell process.

use phial_eval::atom::Atom;
use phial_eval::format::inspect;
use phial_eval::{Value, Vm};
use phial_runtime::Pid;
use phial_syntax::ast::*;
use std::sync::Arc;

/// Helper names for completion and `h()`.
pub const HELPERS: &[(&str, &str)] = &[
    (
        "c/1",
        "compiles a file (or a list of files) and returns the modules defined",
    ),
    (
        "c/2",
        "as c/1; phial keeps modules in memory, the path is not written",
    ),
    ("cd/1", "changes the current directory"),
    ("clear/0", "clears the screen"),
    ("flush/0", "flushes all messages sent to the shell"),
    ("h/0", "prints this help message"),
    (
        "i/1",
        "prints information about the data type of any given term",
    ),
    (
        "pid/1",
        "creates a PID from a string, as in pid(\"0.80.0\")",
    ),
    (
        "pid/3",
        "creates a PID with the 3 integer arguments passed, as in pid(0, 80, 0)",
    ),
    ("pwd/0", "prints the current working directory"),
    (
        "r/1",
        "recompiles the file a module was compiled from by c/1",
    ),
    ("recompile/0", "recompiles every file c/1 compiled"),
    (
        "respawn/0",
        "starts a new shell: bindings, history and the counter start again",
    ),
    ("v/0", "retrieves the last value from the history"),
    (
        "v/1",
        "retrieves the nth value from the history (negative: counted from the end)",
    ),
];

/// Marker results the REPL acts on instead of printing.
pub const MARK_HELP: &str = "$iex_help";
pub const MARK_CLEAR: &str = "$iex_clear";
pub const MARK_RESPAWN: &str = "$iex_respawn";
pub const MARK_INFO: &str = "$iex_info";
pub const MARK_DOC: &str = "$iex_doc";
/// A result the shell does not print (IEx's `dont_display_result/0`).
pub const MARK_QUIET: &str = "$iex_quiet";

/// Prefix of the hidden bindings that carry helper values into the program.
pub const HIDDEN: &str = "phial_iex_hidden_";

/// Helper module source, compiled once per VM. `flush/0` must be phial code:
/// it receives in the shell process itself.
const HELPERS_SOURCE: &str = r#"
defmodule IEx.Helpers do
  def flush() do
    receive do
      message ->
        IO.inspect(message)
        flush()
    after
      0 -> :ok
    end
  end

  def pwd() do
    IO.puts(File.cwd!())
    :"$iex_quiet"
  end

  def cd(directory) when is_binary(directory) do
    case File.cd(expand_home(directory)) do
      :ok -> pwd()
      {:error, _} -> IO.puts("No directory #{directory}")
    end
    :"$iex_quiet"
  end

  # IEx's layout: sorted, in columns as wide as the longest name (at most
  # 30) plus 4, a new line once a line reaches 80 characters.
  def ls(path \\ ".") when is_binary(path) do
    path = expand_home(path)
    case File.ls(path) do
      {:ok, items} ->
        items = Enum.sort(items)
        if items != [] do
          width = min(Enum.reduce(items, 0, &max(String.length(&1), &2)), 30) + 4
          Enum.reduce(items, 0, fn item, length ->
            length = if length >= 80, do: IO.puts("") && 0, else: length
            printed = String.pad_trailing(item, width)
            IO.write(printed <> " ")
            length + String.length(printed) + 1
          end)
          IO.puts("")
        end
      {:error, :enotdir} -> IO.puts(Path.absname(path))
      {:error, _} -> IO.puts("No such file or directory #{path}")
    end
    :"$iex_quiet"
  end

  # IEx's c/2: the files compile in the shell and the modules they define
  # are the result. Each module's source is kept for r/1 and recompile.
  # phial has no object code: a path other than :in_memory writes nothing.
  def c(files, path \\ :in_memory) when is_binary(path) or path == :in_memory do
    files = List.wrap(files)

    unless Enum.all?(files, &is_binary/1) do
      raise ArgumentError, "expected a binary or a list of binaries as argument"
    end

    {found, not_found} = Enum.split_with(files, &File.exists?/1)

    unless Enum.empty?(not_found) do
      raise ArgumentError, "could not find files #{Enum.join(not_found, ", ")}"
    end

    found |> Enum.flat_map(&compile_one/1) |> Enum.reverse()
  end

  defp compile_one(file) do
    source = Path.expand(file)
    modules = Enum.map(Code.compile_file(source), &elem(&1, 0))
    sources = :persistent_term.get({IEx.Helpers, :sources}, %{})
    sources = Enum.reduce(modules, sources, &Map.put(&2, &1, source))
    :persistent_term.put({IEx.Helpers, :sources}, sources)
    modules
  end

  # IEx's r/1: compiles again the file a module came from (here: one that
  # c/1 compiled).
  def r(module_or_modules) do
    modules = List.wrap(module_or_modules)
    sources = :persistent_term.get({IEx.Helpers, :sources}, %{})

    files =
      Enum.map(modules, fn module ->
        unless Code.ensure_loaded?(module) do
          raise ArgumentError, "could not load nor find module: #{inspect(module)}"
        end

        case Map.fetch(sources, module) do
          :error ->
            raise ArgumentError, "could not find source for module: #{inspect(module)}"

          {:ok, source} ->
            unless File.exists?(source) do
              raise ArgumentError,
                    "could not find source (#{source}) for module: #{inspect(module)}"
            end

            source
        end
      end)

    {:reloaded, files |> Enum.uniq() |> Enum.flat_map(&compile_one/1) |> Enum.reverse()}
  end

  # Without Mix, recompile/0 reloads every file c/1 compiled: :ok, or
  # :noop when there is none.
  def recompile(_options \\ []) do
    files = :persistent_term.get({IEx.Helpers, :sources}, %{}) |> Map.values() |> Enum.uniq()

    case files do
      [] ->
        :noop

      files ->
        Enum.each(files, &compile_one/1)
        :ok
    end
  end

  # v/1 with an argument that is not a literal: the history comes along.
  def v(history, n) when is_integer(n) do
    found =
      if n < 0 do
        Enum.at(history, length(history) + n)
      else
        List.keyfind(history, n, 0)
      end

    case found do
      nil -> raise "v(#{n}) is out of bounds"
      {_, value} -> value
    end
  end

  def v(_history, n) do
    raise ArgumentError, "v/1 expects an integer, got: #{inspect(n)}"
  end

  defp expand_home("~" <> rest), do: System.user_home!() <> rest
  defp expand_home(other), do: other
end
"#;

/// Defines `IEx.Helpers` in `vm`.
pub fn install(vm: &Arc<Vm>) {
    if let Ok(program) = vm.load("iex_helpers", HELPERS_SOURCE, &[], false) {
        for m in &program.code.modules {
            vm.define_module(m.clone());
        }
    }
}

/// What the rewrite needs of the REPL: the result history.
pub trait History {
    /// `v(n)`: n > 0 is the input numbered n, n < 0 counts back from the end.
    fn nth(&self, n: i64) -> Option<Value>;
    /// Every result as `[{n, value}]`, oldest first (for `v(n)` with a
    /// variable `n`).
    fn all(&self) -> Value;
}

/// Rewrites the helper calls in `exprs`; returns the hidden bindings to add
/// (name, value), or the error to print (`v(100) is out of bounds`).
pub fn rewrite(
    exprs: &mut [Expr],
    history: &dyn History,
    variables: &[String],
) -> Result<Vec<(String, Value)>, String> {
    let mut rw = Rewriter {
        history,
        hidden: Vec::new(),
        variables: variables.to_vec(),
    };
    for e in exprs.iter_mut() {
        rw.expr(e)?;
    }
    Ok(rw.hidden)
}

struct Rewriter<'h> {
    history: &'h dyn History,
    hidden: Vec<(String, Value)>,
    /// Names that are variables here, so not bare helpers: the shell's
    /// bindings, and every name a pattern of the input binds before the
    /// point reached (a superset of what is in scope, which only keeps a
    /// bare helper name from being taken for a call).
    variables: Vec<String>,
}

/// The helpers that can be called bare (`flush`), as in IEx.
const BARE: &[&str] = &[
    "clear",
    "flush",
    "h",
    "i",
    "ls",
    "pwd",
    "recompile",
    "respawn",
    "v",
];

/// A call of `IEx.Helpers.name(args)`.
fn helpers_call(name: &str, args: Vec<Expr>, span: Span) -> Expr {
    Expr::new(
        ExprKind::Call {
            target: CallTarget::Remote {
                module: Box::new(Expr::new(
                    ExprKind::Alias(vec!["IEx".into(), "Helpers".into()]),
                    span,
                )),
                name: name.into(),
            },
            args,
            parens: true,
            block: None,
        },
        span,
    )
}

/// Every variable name `pattern` binds (a pin binds nothing).
fn pattern_names(pattern: &Expr, out: &mut Vec<String>) {
    let mut todo = vec![pattern];
    while let Some(e) = todo.pop() {
        match &e.kind {
            ExprKind::Var(n) => out.push(n.clone()),
            ExprKind::Unary { .. } => {}
            ExprKind::Tuple(items) | ExprKind::Bitstring(items) => todo.extend(items),
            ExprKind::List { items, tail } => {
                todo.extend(items);
                todo.extend(tail.as_deref());
            }
            ExprKind::Map { entries, .. } | ExprKind::Struct { entries, .. } => {
                todo.extend(entries.iter().map(|(_, v)| v))
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                todo.push(lhs);
                todo.push(rhs);
            }
            _ => {}
        }
    }
}

fn int_literal(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Int(n) => Some(*n),
        ExprKind::Unary {
            op: UnaryOp::Neg,
            expr,
        } => match expr.kind {
            ExprKind::Int(n) => Some(-n),
            _ => None,
        },
        _ => None,
    }
}

fn atom(name: &str, span: Span) -> Expr {
    Expr::new(ExprKind::Atom(name.to_string()), span)
}

/// `"0.80.0"` as a pid.
fn parse_pid(s: &str) -> Option<Pid> {
    let s = s
        .strip_prefix("#PID<")
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(s);
    let s = s
        .strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(s);
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() != 3 {
        return None;
    }
    let node = parts[0].parse().ok()?;
    let id = parts[1].parse().ok()?;
    let _serial: u64 = parts[2].parse().ok()?;
    Some(Pid::new(node, id))
}

impl Rewriter<'_> {
    fn hide(&mut self, value: Value, span: Span) -> Expr {
        let name = format!("{HIDDEN}{}", self.hidden.len());
        self.hidden.push((name.clone(), value));
        Expr::new(ExprKind::Var(name), span)
    }

    /// The replacement for a helper call, if this is one.
    fn helper(
        &mut self,
        name: &str,
        args: &mut [Expr],
        span: Span,
    ) -> Result<Option<Expr>, String> {
        let r = match (name, args.len()) {
            ("v", 0) | ("v", 1) => {
                let n = match args.first() {
                    None => -1,
                    Some(a) => match int_literal(a) {
                        Some(n) => n,
                        None => {
                            // Computed at run time: the history goes along.
                            self.expr(&mut args[0])?;
                            let all = self.history.all();
                            let history = self.hide(all, span);
                            return Ok(Some(helpers_call("v", vec![history, args[0].clone()], span)));
                        }
                    },
                };
                match self.history.nth(n) {
                    Some(v) => Some(self.hide(v, span)),
                    None => return Err(format!("** (RuntimeError) v({n}) is out of bounds")),
                }
            }
            ("pid", 3) => {
                let nums: Vec<Option<i64>> = args.iter().map(int_literal).collect();
                match nums.as_slice() {
                    [Some(a), Some(b), Some(_)] if *a >= 0 && *b >= 0 => {
                        Some(self.hide(Value::Pid(Pid::new(*a as u32, *b as u64)), span))
                    }
                    _ => return Err("** (ArgumentError) pid/3 takes three non-negative integer literals, as in pid(0, 80, 0)".into()),
                }
            }
            ("pid", 1) => {
                let text = match &args[0].kind {
                    ExprKind::Str(parts) => match parts.as_slice() {
                        [StrPart::Lit(s)] => Some(s.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                match text.as_deref().and_then(parse_pid) {
                    Some(p) => Some(self.hide(Value::Pid(p), span)),
                    None => {
                        return Err(
                            "** (ArgumentError) pid/1 takes a string literal such as \"0.80.0\""
                                .into(),
                        )
                    }
                }
            }
            ("h", 0) => Some(atom(MARK_HELP, span)),
            ("h", 1) => match doc_target(&args[0]) {
                Some((m, f, a)) => {
                    let f = f.map_or(Value::Atom(Atom::NIL), |f| Value::atom(&f));
                    let a = a.map_or(Value::Atom(Atom::NIL), Value::Int);
                    Some(self.hide(
                        Value::tuple(vec![Value::atom(MARK_DOC), Value::Atom(m), f, a]),
                        span,
                    ))
                }
                None => {
                    return Err(
                        "** (ArgumentError) h/1 takes a module, Mod.fun or Mod.fun/arity".into(),
                    )
                }
            },
            ("clear", 0) => Some(atom(MARK_CLEAR, span)),
            ("respawn", 0) => Some(atom(MARK_RESPAWN, span)),
            ("i", 0) | ("i", 1) => {
                let term = match args.first_mut() {
                    Some(a) => {
                        self.expr(a)?;
                        a.clone()
                    }
                    None => match self.history.nth(-1) {
                        Some(v) => self.hide(v, span),
                        None => return Err("** (RuntimeError) v(-1) is out of bounds".into()),
                    },
                };
                Some(Expr::new(
                    ExprKind::Tuple(vec![atom(MARK_INFO, span), term]),
                    span,
                ))
            }
            ("import_file" | "import_file_if_available", 1) => {
                return Err(format!(
                    "** (ArgumentError) {name}/1 in phial must be a whole input, as in {name}(\"f.exs\")"
                ))
            }
            ("flush", 0)
            | ("pwd", 0)
            | ("ls", 0)
            | ("ls", 1)
            | ("cd", 1)
            | ("c", 1)
            | ("c", 2)
            | ("r", 1)
            | ("recompile", 0)
            | ("recompile", 1) => {
                for a in args.iter_mut() {
                    self.expr(a)?;
                }
                Some(helpers_call(name, args.to_vec(), span))
            }
            _ => None,
        };
        Ok(r)
    }

    fn exprs(&mut self, es: &mut [Expr]) -> Result<(), String> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn parts(&mut self, parts: &mut [StrPart]) -> Result<(), String> {
        for p in parts {
            if let StrPart::Interp(e) = p {
                self.expr(e)?;
            }
        }
        Ok(())
    }

    fn clauses(&mut self, cs: &mut [StabClause]) -> Result<(), String> {
        for c in cs {
            // Patterns cannot hold calls; guards and bodies can.
            for a in &c.args {
                pattern_names(a, &mut self.variables);
            }
            if let Some(g) = &mut c.guard {
                self.expr(g)?;
            }
            self.exprs(&mut c.body)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &mut Expr) -> Result<(), String> {
        let span = e.span;
        match &mut e.kind {
            ExprKind::Var(name)
                if BARE.contains(&name.as_str()) && !self.variables.contains(name) =>
            {
                let name = name.clone();
                if let Some(new) = self.helper(&name, &mut [], span)? {
                    *e = new;
                }
            }
            ExprKind::Call {
                target,
                args,
                block,
                parens,
            } => {
                if let CallTarget::Local(name) = target {
                    if name == "defmodule" {
                        return Ok(());
                    }
                    if block.is_none() && (*parens || !args.is_empty()) {
                        let name = name.clone();
                        if let Some(new) = self.helper(&name, args, span)? {
                            *e = new;
                            return Ok(());
                        }
                    }
                }
                match target {
                    CallTarget::Remote { module, .. } => self.expr(module)?,
                    CallTarget::Anonymous(f) | CallTarget::Nested(f) => self.expr(f)?,
                    CallTarget::Local(_) => {}
                }
                self.exprs(args)?;
                if let Some(b) = block {
                    for s in &mut b.sections {
                        match &mut s.body {
                            BlockBody::Exprs(es) => self.exprs(es)?,
                            BlockBody::Clauses(cs) => self.clauses(cs)?,
                        }
                    }
                }
            }
            ExprKind::Str(p) | ExprKind::Charlist(p) => self.parts(p)?,
            ExprKind::Sigil { parts, .. } => self.parts(parts)?,
            ExprKind::List { items, tail } => {
                self.exprs(items)?;
                if let Some(t) = tail {
                    self.expr(t)?;
                }
            }
            ExprKind::Tuple(items) | ExprKind::Block(items) | ExprKind::Bitstring(items) => {
                self.exprs(items)?
            }
            ExprKind::Map { update, entries } => {
                if let Some(u) = update {
                    self.expr(u)?;
                }
                for (k, v) in entries {
                    self.expr(k)?;
                    self.expr(v)?;
                }
            }
            ExprKind::Struct {
                update, entries, ..
            } => {
                if let Some(u) = update {
                    self.expr(u)?;
                }
                for (k, v) in entries {
                    self.expr(k)?;
                    self.expr(v)?;
                }
            }
            ExprKind::Unary { expr, .. } => self.expr(expr)?,
            ExprKind::Binary { op, lhs, rhs } => {
                // The left of `=` and of a generator's `<-` is a pattern:
                // no calls there, and the names it binds are variables from
                // here on.
                let pattern = matches!(op, BinaryOp::Match | BinaryOp::Send);
                if !pattern {
                    self.expr(lhs)?;
                }
                self.expr(rhs)?;
                if pattern {
                    pattern_names(lhs, &mut self.variables);
                }
            }
            ExprKind::RangeStep { first, last, step } => {
                self.expr(first)?;
                self.expr(last)?;
                self.expr(step)?;
            }
            ExprKind::Access { expr, key } => {
                self.expr(expr)?;
                self.expr(key)?;
            }
            ExprKind::Fn(cs) | ExprKind::Stab(cs) => self.clauses(cs)?,
            ExprKind::ModuleAttr { value: Some(v), .. } => self.expr(v)?,
            _ => {}
        }
        Ok(())
    }
}

/// What `h Mod`, `h Mod.fun` and `h Mod.fun/2` name.
fn doc_target(e: &Expr) -> Option<(Atom, Option<String>, Option<i64>)> {
    let module = |m: &Expr| match &m.kind {
        ExprKind::Alias(segs) => Some(Atom::alias(&segs.join("."))),
        ExprKind::Atom(a) => Some(Atom::new(a)),
        _ => None,
    };
    match &e.kind {
        ExprKind::Alias(_) | ExprKind::Atom(_) => Some((module(e)?, None, None)),
        // `h is_atom`, `h is_atom/1`: a Kernel function, as IEx finds it.
        ExprKind::Var(name) => Some((Atom::KERNEL, Some(name.clone()), None)),
        ExprKind::Call {
            target: CallTarget::Remote { module: m, name },
            args,
            ..
        } if args.is_empty() => Some((module(m)?, Some(name.clone()), None)),
        ExprKind::Binary {
            op: phial_syntax::ast::BinaryOp::Div,
            lhs,
            rhs,
        } => match (doc_target(lhs)?, &rhs.kind) {
            ((m, Some(f), None), ExprKind::Int(a)) => Some((m, Some(f), Some(*a))),
            _ => None,
        },
        _ => None,
    }
}

/// What `h` prints for a module or function, in IEx's words and layout
/// (headings centred in 80 columns).
pub fn doc_text(vm: &Vm, module: Atom, fun: Option<Atom>, arity: Option<i64>) -> String {
    let shown = phial_eval::error::module_name(module);
    let centred = |t: &str| format!("{}{t}", " ".repeat(80usize.saturating_sub(t.len()) / 2));
    let Some(docs) = phial_eval::library::docs::module_docs(vm, module) else {
        return if vm.module_exists(module) {
            format!("No documentation for {shown} was found\n")
        } else {
            format!("Could not load module {shown}, got: nofile\n")
        };
    };
    match fun {
        None => match &docs.moduledoc {
            Some(text) => format!("\n{}\n\n{}\n\n", centred(&shown), text.trim_end()),
            None => format!("No documentation for {shown} was found\n"),
        },
        Some(f) => {
            let mut found: Vec<_> = docs
                .functions
                .iter()
                .filter(|d| {
                    d.name == f
                        && arity.is_none_or(|a| u32::try_from(a).is_ok_and(|a| d.covers(a)))
                        && !d.hidden
                })
                .collect();
            found.sort_by_key(|d| d.arity);
            if found.is_empty() {
                let name = match arity {
                    Some(a) => format!("{shown}.{}/{a}", f.as_str()),
                    None => format!("{shown}.{}", f.as_str()),
                };
                return format!("No documentation for {name} was found\n");
            }
            let mut out = String::new();
            for d in found {
                out.push_str(&format!(
                    "\n{}\n\n",
                    centred(&format!("def {}", d.signature))
                ));
                if let Some(text) = &d.doc {
                    out.push_str(text.trim_end());
                    out.push_str("\n\n");
                }
            }
            out
        }
    }
}

/// The text `h()` prints.
pub fn help_text() -> String {
    let mut s = String::from(
        "\n                                  IEx.Helpers\n\n\
         Welcome to Interactive phial. You are in the shell: each input is\n\
         evaluated in the shell process, so self(), receive and flush() work here.\n\n\
         Helpers:\n\n",
    );
    for (name, what) in HELPERS {
        s.push_str(&format!("  • {name:<14} - {what}\n"));
    }
    s.push_str(
        "\nKeys: Tab completes variables, modules, Mod.functions and helpers;\n\
         Up/Down walk the history (kept across runs); Ctrl+C interrupts a\n\
         running expression or clears the line; Ctrl+D on an empty line exits.\n\
         #iex:break on its own line abandons an unfinished expression.\n\n\
         Transcripts pasted from iex (iex(1)> ..., ...(1)> ...) run as typed;\n\
         their printed output lines are skipped.\n\n\
         phial supports: the Kernel basics, processes (spawn, spawn_link, send,\n\
         receive, Process.*), pattern matching, modules (defmodule, def, defp),\n\
         IO.puts/IO.inspect, Enum and friends, and the seed's old syntax\n\
         (pid <- message, bare self).\n",
    );
    s
}

/// The text `i(term)` prints, as IEx lays it out.
pub fn info_text(vm: &Vm, v: &Value) -> String {
    let mut rows: Vec<(&str, String)> = vec![("Term", inspect(v))];
    let (ty, refs, protos) = match v {
        Value::Int(_) | Value::BigInt(_) => (
            "Integer",
            "Integer",
            "IEx.Info, Inspect, List.Chars, String.Chars",
        ),
        Value::Float(_) => (
            "Float",
            "Float",
            "IEx.Info, Inspect, List.Chars, String.Chars",
        ),
        Value::Atom(_) => (
            "Atom",
            "Atom",
            "IEx.Info, Inspect, List.Chars, String.Chars",
        ),
        Value::Bin(_) => (
            "BitString",
            "String, :binary",
            "Collectable, IEx.Info, Inspect, List.Chars, String.Chars",
        ),
        Value::Nil | Value::Cons(_) => (
            "List",
            "List",
            "Collectable, Enumerable, IEx.Info, Inspect, List.Chars, String.Chars",
        ),
        Value::Tuple(_) => ("Tuple", "Tuple", "IEx.Info, Inspect"),
        Value::Map(_) => ("Map", "Map", "Collectable, Enumerable, IEx.Info, Inspect"),
        Value::Pid(_) => ("PID", "Process, Node", "IEx.Info, Inspect"),
        Value::Ref(_) | Value::Resource(_) => ("Reference", "", "IEx.Info, Inspect"),
        Value::Fun(_) => ("Function", "Function", "IEx.Info, Inspect"),
    };
    rows.push(("Data type", ty.to_string()));
    match v {
        Value::Bin(s) => {
            rows.push(("Byte size", s.byte_len().to_string()));
            let raw: Vec<String> = s.bytes().iter().map(|b| b.to_string()).collect();
            rows.push(("Raw representation", format!("<<{}>>", raw.join(", "))));
        }
        Value::Pid(p) => {
            let info = vm.runtime().info(*p);
            rows.push(("Alive", info.is_some().to_string()));
            if let Some(info) = info {
                rows.push((
                    "Name",
                    info.registered_name
                        .unwrap_or_else(|| "not registered".into()),
                ));
                let links: Vec<String> = info.links.iter().map(|l| l.to_string()).collect();
                rows.push((
                    "Links",
                    if links.is_empty() {
                        "none".into()
                    } else {
                        links.join(", ")
                    },
                ));
                rows.push(("Message queue length", info.message_queue_len.to_string()));
            }
        }
        Value::Cons(_) | Value::Nil => {
            if let Some(n) = v.list_to_vec().map(|l| l.len()) {
                rows.push(("Length", n.to_string()));
            }
        }
        _ => {}
    }
    if !refs.is_empty() {
        rows.push(("Reference modules", refs.to_string()));
    }
    rows.push(("Implemented protocols", protos.to_string()));
    let mut s = String::new();
    for (k, val) in rows {
        s.push_str(k);
        s.push('\n');
        for line in val.lines() {
            s.push_str("  ");
            s.push_str(line);
            s.push('\n');
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pid_strings() {
        assert_eq!(parse_pid("0.80.0"), Some(Pid::new(0, 80)));
        assert_eq!(parse_pid("#PID<0.81.0>"), Some(Pid::new(0, 81)));
        assert_eq!(parse_pid("<0.82.0>"), Some(Pid::new(0, 82)));
        assert_eq!(parse_pid("0.80"), None);
    }
}
