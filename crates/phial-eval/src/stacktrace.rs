//! Stacktraces: what a raise records of the frame stack, the Erlang term
//! `__STACKTRACE__`, exit reasons and `Exception.format_stacktrace` see
//! (`[{mod, fun, arity, [file: 'f.exs', line: 3]}]`), and the lines a
//! report prints for one.
//!
//! A raise records plain `Entry`s (no values built): most raises are
//! rescued and their trace never read, so the term is built only when
//! asked for. At most `DEPTH` entries, innermost first, as the BEAM keeps
//! (its `backtrace_depth`).
//!
//! Not here: unwinding (`machine::unwind`), exception messages (`error`).

use crate::atom::Atom;
use crate::code::FnCode;
use crate::error::module_name;
use crate::format::inspect;
use crate::process::Frame;
use crate::value::Value;
use std::sync::Arc;

/// How many entries a trace keeps (the BEAM's default `backtrace_depth`).
pub const DEPTH: usize = 8;

/// The module a script's top-level code belongs to.
const SCRIPT_MODULE: &str = "elixir_compiler_0";

/// One call on the stack when something raised.
#[derive(Clone, Debug)]
pub struct Entry {
    module: Atom,
    name: Atom,
    arity: u32,
    parent: Option<(Atom, u32, u32)>,
    /// The arguments, for the call no clause of which matched: the BEAM
    /// puts them where the arity goes (`{M, :f, [:b], [...]}`).
    args: Option<Value>,
    /// The innermost entry of an exception `raise` made: Elixir marks it
    /// with `error_info: %{module: Exception}`.
    raised: bool,
    /// An operator's BIF that failed (`{:erlang, :*, [nil, 2], [error_info:
    /// %{module: :erl_erts_errors}]}`): no file or line, as the BEAM's.
    bif: bool,
    file: Arc<str>,
    line: u32,
}

/// A process's latest trace: recorded from its frames, or given to
/// `reraise/3` or `:erlang.raise/3` as a term.
#[derive(Clone, Debug)]
pub enum Trace {
    Frames(Vec<Entry>),
    Term(Value),
}

impl Trace {
    /// The trace as Elixir sees it: a list of `{mod, fun, arity, location}`.
    pub fn to_value(&self) -> Value {
        match self {
            Trace::Term(v) => v.clone(),
            Trace::Frames(es) => Value::list(es.iter().map(Entry::to_value).collect()),
        }
    }
}

/// The innermost `DEPTH` calls on `frames` (a native's trampoline frame is
/// not a place in the source and is skipped).
pub(crate) fn capture(frames: &[Frame]) -> Vec<Entry> {
    let trampoline: *const FnCode = FnCode::trampoline();
    let mut last: Option<*const FnCode> = None;
    frames
        .iter()
        .rev()
        .filter(|f| !std::ptr::eq(f.code(), trampoline))
        // As the BEAM's, a trace does not name a function twice in a row:
        // a recursion shows as one entry.
        .filter(|f| {
            let at: *const FnCode = f.code();
            last.replace(at) != Some(at)
        })
        .take(DEPTH)
        .map(|f| {
            let code = f.code();
            Entry {
                module: code.module,
                name: code.name,
                arity: code.arity,
                parent: code.parent,
                args: None,
                raised: false,
                bif: false,
                file: code.file.clone(),
                // `pc` is past the op that raised, or past the call a
                // caller waits on.
                line: code.line_of(f.pc.saturating_sub(1)),
            }
        })
        .collect()
}

impl Entry {
    /// `{M, :f, 1, [file: 'm.ex', line: 3]}`, with a script's top level as
    /// `:__FILE__/1` of `:elixir_compiler_0` and an anonymous function as
    /// `:"-f/1-fun-0-"`, the names Elixir's compiler gives them.
    fn to_value(&self) -> Value {
        let script = self.module.as_str() == SCRIPT_MODULE;
        let outer_arity = |name: Atom, arity: u32| {
            if script && name.as_str() == "__FILE__" {
                1
            } else {
                arity
            }
        };
        let name = match self.parent {
            Some((outer, arity, index)) => Atom::new(&format!(
                "-{}/{}-fun-{index}-",
                outer.as_str(),
                outer_arity(outer, arity)
            )),
            None => self.name,
        };
        let arity = match (&self.args, self.parent) {
            (Some(args), _) => args.clone(),
            (None, Some(_)) => Value::Int(self.arity as i64),
            (None, None) => Value::Int(outer_arity(self.name, self.arity) as i64),
        };
        if self.bif {
            let info = Value::map(crate::value::MapInner::unit(
                Value::atom("module"),
                Value::atom("erl_erts_errors"),
            ));
            let location = Value::list(vec![Value::tuple(vec![Value::atom("error_info"), info])]);
            return Value::tuple(vec![
                Value::Atom(self.module),
                Value::Atom(self.name),
                arity,
                location,
            ]);
        }
        let mut location = vec![
            Value::tuple(vec![
                Value::atom("file"),
                Value::list(self.file.chars().map(|c| Value::Int(c as i64)).collect()),
            ]),
            Value::tuple(vec![Value::atom("line"), Value::Int(self.line as i64)]),
        ];
        if self.raised {
            let info = Value::map(crate::value::MapInner::unit(
                Value::atom("module"),
                Value::Atom(Atom::alias("Exception")),
            ));
            location.push(Value::tuple(vec![Value::atom("error_info"), info]));
        }
        let location = Value::list(location);
        Value::tuple(vec![
            Value::Atom(self.module),
            Value::Atom(name),
            arity,
            location,
        ])
    }
}

/// The entry the BEAM puts first for an operator that raised: the
/// `:erlang` function with its operands (`:erlang.*(nil, 2)`).
pub(crate) fn bif_entry(name: &str, args: Vec<Value>) -> Entry {
    Entry {
        module: Atom::new("erlang"),
        name: Atom::new(name),
        arity: args.len() as u32,
        parent: None,
        args: Some(Value::list(args)),
        raised: false,
        bif: true,
        file: Arc::from(""),
        line: 0,
    }
}

/// The entry the BEAM puts first for operator `name` that raised with
/// `args` (as written), if it puts one. Code the BEAM evaluates (a
/// script's or the shell's top level and its anonymous functions: the
/// `erl_eval` interpreter) calls the operator's BIF, so it always has one,
/// the operands as written. Compiled module code has none where the JIT
/// does the arithmetic inline: `/`, `+` with a literal number operand,
/// `-` with a literal number second; and its compiler puts a literal
/// operand of `*` second (`2 * x` fails as `:erlang.*(x, 2)`). `literal`
/// says which operands were number literals in the source (see
/// `machine::unwind::literal_operands`).
pub(crate) fn bif_entry_for(
    name: &str,
    mut args: Vec<Value>,
    evaluated: bool,
    literal: (bool, bool),
) -> Option<Entry> {
    if !evaluated {
        match (name, literal) {
            ("/", _) => return None,
            ("+", (true, _) | (_, true)) if args.len() == 2 => return None,
            ("-", (_, true)) if args.len() == 2 => return None,
            ("*", (true, false)) if args.len() == 2 => args.swap(0, 1),
            _ => {}
        }
    }
    Some(bif_entry(name, args))
}

impl Entry {
    /// Whether this entry is code the BEAM would evaluate rather than run
    /// compiled: a script's or the shell's top level, or an anonymous
    /// function written there.
    pub(crate) fn is_evaluated(&self) -> bool {
        self.module.as_str() == SCRIPT_MODULE
    }
}

/// What Elixir's `ArithmeticError.blame/2` adds to the message of an
/// uncaught arithmetic error whose trace starts at the operator's BIF
/// (the shell and the script runner print it so): `: 1 / 0`,
/// `: div(1, 0)`, `: -(:a)`, `: Bitwise.band(:a, 1)`.
pub fn arithmetic_blame(trace: &Value) -> String {
    let first = trace.list_to_vec().unwrap_or_default().into_iter().next();
    let Some(Value::Tuple(t)) = first else {
        return String::new();
    };
    if t.len() != 4 || t[0].as_atom().map(|a| a.as_str()) != Some("erlang") {
        return String::new();
    }
    let (Some(fun), Some(args)) = (t[1].as_atom(), t[2].list_to_vec()) else {
        return String::new();
    };
    let fun = fun.as_str();
    match args.as_slice() {
        [a] if fun == "+" || fun == "-" => format!(": {fun}({})", inspect(a)),
        [a, b] if ["+", "-", "*", "/"].contains(&fun) => {
            format!(": {} {fun} {}", inspect(a), inspect(b))
        }
        [a, b] if fun == "div" || fun == "rem" => {
            format!(": {fun}({}, {})", inspect(a), inspect(b))
        }
        [a, b] if ["band", "bor", "bxor", "bsl", "bsr"].contains(&fun) => {
            format!(": Bitwise.{fun}({}, {})", inspect(a), inspect(b))
        }
        [a] if fun == "bnot" => format!(": Bitwise.bnot({})", inspect(a)),
        _ => String::new(),
    }
}

/// Marks the innermost entry as `raise`'s (see `Entry::raised`).
pub(crate) fn mark_raised(entries: &mut [Entry]) {
    if let Some(e) = entries.first_mut() {
        e.raised = true;
    }
}

/// The entry the BEAM puts first for a call no clause of which matched:
/// the function with its arguments, at its definition (the callee's frame
/// never started, so `capture` cannot see it).
pub(crate) fn clause_entry(vm: &crate::vm::Vm, e: &Value) -> Option<Entry> {
    if e.struct_name() != Some(Atom::FUNCTION_CLAUSE_ERROR) {
        return None;
    }
    let module = e.map_get(Atom::new("module"))?.as_atom()?;
    let name = e.map_get(Atom::new("function"))?.as_atom()?;
    let args = e.map_get(Atom::new("args"))?.clone();
    let arity = u32::try_from(args.list_to_vec()?.len()).ok()?;
    let code = vm.function(module, name, arity)?;
    let entry_pc = code.clauses.first().map_or(0, |c| c.case.entry as usize);
    Some(Entry {
        module,
        name,
        arity,
        parent: None,
        args: Some(args),
        raised: false,
        bif: false,
        file: code.file.clone(),
        line: code.line_of(entry_pc),
    })
}

/// Whether `v` has the shape of a stacktrace (a list of entries), as
/// `Exception.format_exit/1` checks before printing a reason as one.
pub fn is_stacktrace(v: &Value) -> bool {
    match v.list_to_vec() {
        Some(items) => items.iter().all(|e| match e {
            Value::Tuple(t) if t.len() == 4 => {
                t[0].as_atom().is_some()
                    && t[1].as_atom().is_some()
                    && (matches!(t[2], Value::Int(_)) || t[2].list_to_vec().is_some())
            }
            Value::Tuple(t) if t.len() == 3 => matches!(t[0], Value::Fun(_)),
            _ => false,
        }),
        None => false,
    }
}

/// Every entry of `trace` on a line of its own, each after `indent`
/// (`Exception.format_stacktrace/1` with four spaces); nothing for an
/// empty or malformed trace.
pub fn format_lines(trace: &Value, indent: &str) -> String {
    let mut out = String::new();
    for e in trace.list_to_vec().unwrap_or_default() {
        out.push_str(indent);
        out.push_str(&format_entry(&e));
        out.push('\n');
    }
    out
}

/// `format_lines` without the entries of code the BEAM would evaluate (a
/// script's or the shell input's top level and its anonymous functions,
/// all in `SCRIPT_MODULE`): what IEx prints under an error, having pruned
/// them with its evaluator's frames.
pub fn format_compiled_lines(trace: &Value, indent: &str) -> String {
    let evaluated = |e: &Value| {
        matches!(e, Value::Tuple(t) if t.len() == 4
            && t[0].as_atom().is_some_and(|m| m.as_str() == SCRIPT_MODULE))
    };
    let entries = trace.list_to_vec().unwrap_or_default();
    let kept: Vec<Value> = entries.into_iter().filter(|e| !evaluated(e)).collect();
    format_lines(&Value::list(kept), indent)
}

/// One entry as `Exception.format_stacktrace_entry/1` prints it:
/// `f.exs:3: M.g/1`, `f.exs:2: (file)`, `f.exs:5: anonymous fn/0 in M.f/1`.
pub fn format_entry(entry: &Value) -> String {
    let Value::Tuple(t) = entry else {
        return inspect(entry);
    };
    match t.len() {
        4 => {
            let location = format_location(&t[3]);
            let fun = t[1].as_atom();
            match (fun.map(|f| f.as_str()), &t[2]) {
                (Some("__FILE__"), Value::Int(1)) => format!("{location}(file)"),
                (Some("__MODULE__"), Value::Int(1)) => format!("{location}(module)"),
                (Some("__MODULE__"), Value::Int(0)) => {
                    format!("{location}{} (module)", inspect(&t[0]))
                }
                _ => match (t[0].as_atom(), fun) {
                    (Some(m), Some(f)) => format!("{location}{}", format_mfa(m, f, &t[2])),
                    _ => inspect(entry),
                },
            }
        }
        3 => format!(
            "{}{}{}",
            format_location(&t[2]),
            inspect(&t[0]),
            format_arity(&t[1])
        ),
        _ => inspect(entry),
    }
}

/// `M.f/2`, `M.f(1, 2)`, or `anonymous fn/0 in M.f/1`.
pub fn format_mfa(module: Atom, fun: Atom, arity: &Value) -> String {
    let m = module_name(module);
    match anonymous_parent(fun.as_str()) {
        Some((outer, outer_arity)) => format!(
            "anonymous fn{} in {m}.{}/{outer_arity}",
            format_arity(arity),
            remote_name(outer)
        ),
        None => format!("{m}.{}{}", remote_name(fun.as_str()), format_arity(arity)),
    }
}

/// A function name as it follows a dot in a remote call (`M."odd name"`).
fn remote_name(name: &str) -> String {
    // Operators follow the dot bare (`:erlang.*(nil, 2)`).
    const OPERATORS: &[&str] = &[
        "+", "-", "*", "/", "==", "!=", "===", "!==", "<", ">", "<=", ">=", "=<", "/=", "=:=",
        "=/=", "++", "--", "<>", "!", "^^^", "&&&", "|||", "<<<", ">>>", "~~~",
    ];
    if OPERATORS.contains(&name) {
        return name.to_string();
    }
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name
            .trim_end_matches(['?', '!'])
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_');
    if plain {
        name.to_string()
    } else {
        format!("{:?}", name)
    }
}

pub fn format_arity(arity: &Value) -> String {
    match arity {
        Value::Int(n) => format!("/{n}"),
        other => {
            let args: Vec<String> = other
                .list_to_vec()
                .unwrap_or_default()
                .iter()
                .map(inspect)
                .collect();
            format!("({})", args.join(", "))
        }
    }
}

/// `"f.exs:3: "` from `[file: 'f.exs', line: 3]`; `"f.exs: "` without a
/// line; nothing without a file.
fn format_location(opts: &Value) -> String {
    let mut file = None;
    let mut line = None;
    for kv in opts.list_to_vec().unwrap_or_default() {
        if let Value::Tuple(t) = &kv {
            if t.len() == 2 {
                match t[0].as_atom().map(|a| a.as_str()) {
                    Some("file") => file = Some(chars_to_string(&t[1])),
                    Some("line") => {
                        if let Value::Int(l) = t[1] {
                            line = Some(l)
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    match (file, line) {
        (Some(f), Some(l)) if l > 0 => format!("{f}:{l}: "),
        (Some(f), _) => format!("{f}: "),
        _ => String::new(),
    }
}

fn chars_to_string(v: &Value) -> String {
    match v {
        Value::Bin(b) => b.to_string_lossy().into_owned(),
        other => other
            .list_to_vec()
            .unwrap_or_default()
            .iter()
            .filter_map(|c| match c {
                Value::Int(i) => u32::try_from(*i).ok().and_then(char::from_u32),
                _ => None,
            })
            .collect(),
    }
}

/// `("f", 1)` of an anonymous function's compiled name `-f/1-fun-0-`.
fn anonymous_parent(name: &str) -> Option<(&str, u32)> {
    let rest = name.strip_prefix('-')?;
    let cut = rest.rfind("-fun-")?;
    let (outer, arity) = rest[..cut].rsplit_once('/')?;
    Some((outer, arity.parse().ok()?))
}
