//! Lowering of structs: `defstruct` and `defexception` in a module body,
//! `%Name{k: v}` and `%Name{s | k: v}` in expressions, and the compile-time
//! checks Elixir makes when it expands a struct (the struct exists, every
//! key is a field, every enforced key is given).
//!
//! `defstruct` becomes two things. At compile time its field names are
//! recorded (`Compiler::structs`) for the checks. When the module's
//! definition runs, `:phial.defstruct/3` registers the fields with their
//! evaluated defaults (`structs`), and the generated `__struct__/0,1` (and
//! for an exception `exception/1` and `message/1`) read that registration.
//!
//! Not here: struct patterns (`pattern`), the struct table (`crate::structs`).

use super::Compiler;
use crate::atom::Atom;
use crate::code::Op;
use crate::value::Value;
use phial_syntax::ast::*;

/// What a module body's `defstruct`/`defexception` contributes.
pub(crate) struct StructDecl {
    /// The expression that registers the struct when the definition runs.
    pub register: Expr,
    /// Generated functions (`__struct__/0,1`, `exception/1`, ...).
    pub defs: Vec<Expr>,
}

/// One `defstruct`/`defexception` as written, with the attributes above it.
pub(crate) struct StructSite<'a> {
    pub exception: bool,
    pub args: &'a [Expr],
    pub whole: &'a Expr,
    pub enforce: Vec<Atom>,
    pub derive: Option<&'a Expr>,
}

impl<'k> Compiler<'k> {
    /// `defstruct fields` / `defexception fields` in `module`'s body.
    /// `defined` says which functions the body defines itself (a user
    /// `message/1` or `exception/1` replaces the generated one).
    pub(crate) fn struct_decl(
        &mut self,
        module: Atom,
        site: StructSite,
        defined: &dyn Fn(&str, usize) -> bool,
    ) -> Option<StructDecl> {
        let StructSite {
            exception,
            args,
            whole,
            enforce,
            derive,
        } = site;
        let span = whole.span;
        let fields_expr = match args {
            [f] => f.clone(),
            [] => Expr::new(
                ExprKind::List {
                    items: vec![],
                    tail: None,
                },
                span,
            ),
            _ => {
                self.error(span.start, "defstruct expects one argument, the fields");
                return None;
            }
        };
        let names = literal_field_names(&fields_expr);
        let mut all_names = names.clone();
        if exception {
            if let Some(n) = &mut all_names {
                n.insert(0, Atom::EXCEPTION);
            }
        }
        let has_message = names.as_ref().is_some_and(|n| n.contains(&Atom::MESSAGE));
        self.structs.insert(module, (all_names, enforce.clone()));
        if self.prelude {
            // The prelude's top-level code never runs: register now what
            // `:phial.defstruct` would, from the constant defaults.
            match self.constant(&fields_expr) {
                Some(fields) => {
                    let fields = if exception {
                        let flag = Value::tuple(vec![Value::Atom(Atom::EXCEPTION), Value::TRUE]);
                        Value::cons(flag, fields)
                    } else {
                        fields
                    };
                    let enforced = Value::list(enforce.iter().map(|a| Value::Atom(*a)).collect());
                    let module = Value::Atom(module);
                    // `@derive` too (URI's `optional:` Inspect), a literal
                    // like every library attribute.
                    let derived = derive.and_then(|d| self.constant(d)).unwrap_or(Value::Nil);
                    let _ = crate::library::support::structs::define(
                        &module, &fields, &enforced, &derived,
                    );
                }
                None => self.error(
                    span.start,
                    "internal: a prelude struct's defaults must be constants",
                ),
            }
        }
        // The registration, run with the module's definition.
        let fields_expr = if exception {
            let flag = Expr::new(
                ExprKind::Tuple(vec![
                    Expr::new(ExprKind::Atom("__exception__".into()), span),
                    Expr::new(ExprKind::Atom("true".into()), span),
                ]),
                span,
            );
            Expr::new(
                ExprKind::List {
                    items: vec![flag],
                    tail: Some(Box::new(fields_expr)),
                },
                span,
            )
        } else {
            fields_expr
        };
        let enforce_expr = Expr::new(
            ExprKind::List {
                items: enforce
                    .iter()
                    .map(|a| Expr::new(ExprKind::Atom(a.as_str().to_string()), span))
                    .collect(),
                tail: None,
            },
            span,
        );
        let register = Expr::new(
            ExprKind::Call {
                target: CallTarget::Remote {
                    module: Box::new(Expr::new(ExprKind::Atom("phial".into()), span)),
                    name: "defstruct".into(),
                },
                args: vec![
                    Expr::new(ExprKind::Var("__MODULE__".into()), span),
                    fields_expr,
                    enforce_expr,
                    derive.cloned().unwrap_or_else(|| {
                        Expr::new(
                            ExprKind::List {
                                items: vec![],
                                tail: None,
                            },
                            span,
                        )
                    }),
                ],
                parens: true,
                block: None,
            },
            span,
        );
        let mut src = String::from(
            "def __struct__(), do: :phial.struct_template(__MODULE__)\n\
             def __struct__(kv), do: :phial.struct_new(__MODULE__, kv)\n",
        );
        if exception {
            if !defined("exception", 1) {
                if has_message {
                    src.push_str(
                        "def exception(msg) when is_binary(msg), do: exception(message: msg)\n",
                    );
                }
                src.push_str(
                    "def exception(args) when is_list(args), do: :phial.exception_new(__MODULE__, args)\n",
                );
            }
            if has_message && !defined("message", 1) {
                src.push_str("def message(exception), do: exception.message\n");
            }
        }
        let defs = super::protocol::parse_generated(&src, span).unwrap_or_default();
        Some(StructDecl { register, defs })
    }

    /// The fields and enforced keys of struct `name`, as known when this
    /// code is compiled: defined by this program, or already registered.
    /// `None`: no such struct.
    fn struct_fields(&self, name: Atom) -> Option<(Option<Vec<Atom>>, Vec<Atom>)> {
        if let Some(s) = self.structs.get(&name) {
            return Some(s.clone());
        }
        if crate::structs::get(name).is_none() {
            // A struct of the library's lazily compiled part (`Inspect.Opts`).
            self.known.ensure_loaded(name);
        }
        crate::structs::get(name).map(|d| {
            (
                Some(d.fields.iter().map(|(k, _)| *k).collect()),
                d.enforce.clone(),
            )
        })
    }

    /// Checks `%name{keys}` at compile time, as Elixir's struct expansion
    /// does. `building`: a new struct (enforced keys must be given), not an
    /// update or a pattern. Returns false after reporting an error.
    pub(crate) fn check_struct_keys(
        &mut self,
        name: Atom,
        keys: &[&Expr],
        building: bool,
        pattern: bool,
        off: usize,
    ) -> bool {
        let shown = crate::error::module_name(name);
        let Some((fields, enforce)) = self.struct_fields(name) else {
            self.error(
                off,
                format!(
                    "{shown}.__struct__/1 is undefined, cannot expand struct {shown}. Make sure the struct name is correct. If the struct name exists and is correct but it still cannot be found, you likely have cyclic module usage in your code"
                ),
            );
            return false;
        };
        let given: Vec<Option<Atom>> = keys
            .iter()
            .map(|k| match &k.kind {
                ExprKind::Atom(a) => Some(Atom::new(a)),
                _ => None,
            })
            .collect();
        if let Some(fields) = fields {
            for k in given.iter().flatten() {
                if !fields.contains(k) || *k == Atom::EXCEPTION {
                    let key = crate::format::inspect(&Value::Atom(*k));
                    let msg = if pattern {
                        format!("unknown key {key} for struct {shown}")
                    } else {
                        format!("key {key} not found")
                    };
                    self.error(off, msg);
                    return false;
                }
            }
        }
        if building {
            let missing: Vec<Value> = enforce
                .iter()
                .filter(|k| !given.contains(&Some(**k)))
                .map(|k| Value::Atom(*k))
                .collect();
            if !missing.is_empty() {
                self.error(
                    off,
                    format!(
                        "the following keys must also be given when building struct {shown}: {}",
                        crate::format::inspect(&Value::list(missing))
                    ),
                );
                return false;
            }
        }
        true
    }

    /// `%Name{k: v}` and `%Name{s | k: v}`.
    pub(crate) fn struct_expr(
        &mut self,
        name: &Expr,
        update: Option<&Expr>,
        entries: &[(Expr, Expr)],
        off: usize,
    ) {
        let sname = self.struct_name(name);
        let keys: Vec<&Expr> = entries.iter().map(|(k, _)| k).collect();
        self.check_struct_keys(sname, &keys, update.is_none(), false, off);
        match update {
            Some(u) => {
                self.emit_const(Value::Atom(sname));
                self.expr(u, false);
                self.emit_bif_named(":phial", "check_struct", 2);
                for (k, v) in entries {
                    self.expr(k, false);
                    self.expr(v, false);
                }
                self.emit(Op::MapUpdate(entries.len() as u32));
            }
            None if entries.is_empty() => {
                self.emit_const(Value::Atom(sname));
                self.emit_bif_named(":phial", "struct_template", 1);
            }
            None => {
                self.emit_const(Value::Atom(sname));
                for (k, v) in entries {
                    self.expr(k, false);
                    self.expr(v, false);
                }
                self.emit(Op::Tuple(2 * entries.len() as u32));
                self.emit_bif_named(":phial", "make_struct", 2);
            }
        }
    }
}

/// The field names of a literal `defstruct` list (`[:a, b: 1]`).
fn literal_field_names(e: &Expr) -> Option<Vec<Atom>> {
    let ExprKind::List { items, tail: None } = &e.kind else {
        return None;
    };
    let mut out = Vec::new();
    for it in items {
        match &it.kind {
            ExprKind::Atom(a) => out.push(Atom::new(a)),
            ExprKind::Tuple(kv) if kv.len() == 2 => match &kv[0].kind {
                ExprKind::Atom(a) => out.push(Atom::new(a)),
                _ => return None,
            },
            _ => return None,
        }
    }
    Some(out)
}
