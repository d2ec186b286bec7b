//! Lowering of patterns (left of `=`, function heads, clause heads) and of
//! guards (`when ...`).
//!
//! In a pattern a plain variable binds a fresh slot, a variable repeated in
//! the same pattern must match the same value, and `^x` compares with the
//! existing binding. A guard may use only guard-safe builtins; anything else
//! is a compile error, as in Elixir.
//!
//! Not here: running them (`machine::pattern`).

use super::Compiler;
use crate::atom::Atom;
use crate::code::{Guard, MapKey, Pat};
use crate::library as bifs;
use crate::library::support::calendar;
use crate::value::Value;
use phial_syntax::ast::*;
use rustc_hash::FxHashMap;

impl<'k> Compiler<'k> {
    /// Compiles one pattern, binding its variables in the current scope.
    pub(crate) fn pattern(&mut self, e: &Expr) -> Pat {
        let mut seen = FxHashMap::default();
        let p = self.pat(e, &mut seen);
        self.commit_bindings(seen);
        p
    }

    /// Compiles several patterns that bind together (function arguments): a
    /// variable repeated across them must match the same value.
    pub(crate) fn patterns(&mut self, es: &[Expr]) -> Vec<Pat> {
        let mut seen = FxHashMap::default();
        let ps = es.iter().map(|e| self.pat(e, &mut seen)).collect();
        self.commit_bindings(seen);
        ps
    }

    /// Compiles a function or `fn` head. An argument that is a plain
    /// variable is bound to the argument's own slot (`0..arity`) and its
    /// pattern is `Any`: entering the function then copies nothing.
    pub(crate) fn head_patterns(&mut self, es: &[Expr]) -> Vec<Pat> {
        let mut seen = FxHashMap::default();
        let ps = es
            .iter()
            .enumerate()
            .map(|(j, e)| match plain_var(e) {
                Some(name) if !seen.contains_key(name) => {
                    seen.insert(name.to_string(), j as u32);
                    Pat::Any
                }
                _ => self.pat(e, &mut seen),
            })
            .collect();
        self.commit_bindings(seen);
        ps
    }

    fn commit_bindings(&mut self, seen: FxHashMap<String, u32>) {
        let scope = self.cur().scopes.last_mut().expect("no scope");
        for (name, slot) in seen {
            scope.insert(name, slot);
        }
    }

    fn new_pattern_slot(&mut self) -> u32 {
        let f = self.cur();
        let s = f.nlocals;
        f.nlocals += 1;
        s
    }

    fn pat(&mut self, e: &Expr, seen: &mut FxHashMap<String, u32>) -> Pat {
        match &e.kind {
            ExprKind::Var(name) => {
                if name == "_" {
                    return Pat::Any;
                }
                if name == "__MODULE__" {
                    let m = self.module.as_ref().map(|m| m.name).unwrap_or(Atom::NIL);
                    return Pat::Lit(Value::Atom(m));
                }
                if let Some(s) = seen.get(name) {
                    return Pat::Same(*s);
                }
                let s = self.new_pattern_slot();
                seen.insert(name.clone(), s);
                Pat::Bind(s)
            }
            ExprKind::Call {
                target: CallTarget::Local(name),
                args,
                parens: false,
                block: None,
            } if args.is_empty() => self.pat(&Expr::new(ExprKind::Var(name.clone()), e.span), seen),
            ExprKind::Unary {
                op: UnaryOp::Pin,
                expr,
            } => match &expr.kind {
                ExprKind::Var(name) => match self.lookup(name) {
                    Some(s) => Pat::Same(s),
                    None => {
                        self.error(
                            e.span.start,
                            format!("undefined variable ^{name}. No variable \"{name}\" has been defined before the current pattern"),
                        );
                        Pat::Any
                    }
                },
                _ => {
                    self.error(e.span.start, "invalid argument for unary operator ^");
                    Pat::Any
                }
            },
            ExprKind::Int(i) => Pat::Lit(Value::Int(*i)),
            ExprKind::BigInt(s) => match s.parse::<num_bigint::BigInt>() {
                Ok(b) => Pat::Lit(Value::bigint(b)),
                Err(_) => Pat::Any,
            },
            ExprKind::Float(f) => Pat::Lit(Value::Float(*f)),
            ExprKind::Unary {
                op: UnaryOp::Neg,
                expr,
            } => match expr.kind {
                ExprKind::Int(i) => Pat::Lit(Value::Int(-i)),
                ExprKind::Float(f) => Pat::Lit(Value::Float(-f)),
                _ => self.bad_pattern(e),
            },
            ExprKind::Atom(a) => Pat::Lit(Value::atom(a)),
            ExprKind::Alias(segs) => Pat::Lit(Value::Atom(self.alias_of(segs))),
            ExprKind::Str(parts) => match literal_string(parts) {
                Some(s) => Pat::Lit(Value::str(s)),
                None => self.bad_pattern(e),
            },
            ExprKind::Charlist(parts) => match literal_string(parts) {
                Some(s) => Pat::Lit(charlist(&s)),
                None => self.bad_pattern(e),
            },
            // The sigils that expand to literals are patterns too.
            ExprKind::Sigil {
                letter,
                parts,
                modifiers,
            } => match (letter, literal_string(parts)) {
                ('s' | 'S', Some(s)) if modifiers.is_empty() => Pat::Lit(Value::str(s)),
                ('c' | 'C', Some(s)) if modifiers.is_empty() => Pat::Lit(charlist(&s)),
                ('w' | 'W', Some(s)) => {
                    let words = s.split_whitespace();
                    Pat::Lit(match modifiers.as_str() {
                        "" | "s" => Value::list(words.map(Value::str).collect()),
                        "a" => Value::list(words.map(Value::atom).collect()),
                        "c" => Value::list(words.map(charlist).collect()),
                        _ => return self.bad_pattern(e),
                    })
                }
                // A calendar sigil is its struct's map pattern, as the
                // struct Elixir's macro expands to.
                ('D' | 'T' | 'N' | 'U', Some(s))
                    if self.kernel_sigil(*letter) && calendar::sigil_is_literal(&s, modifiers) =>
                {
                    match calendar::iso_sigil(*letter, &s) {
                        Ok(Value::Map(m)) => Pat::Map(
                            m.iter()
                                .map(|(k, v)| (MapKey::Lit(k.clone()), Pat::Lit(v.clone())))
                                .collect(),
                        ),
                        Ok(_) => self.bad_pattern(e),
                        Err(message) => {
                            self.error(e.span.start, message);
                            Pat::Any
                        }
                    }
                }
                _ => self.bad_pattern(e),
            },
            ExprKind::ModuleAttr { name, value: None } => {
                match self
                    .module
                    .as_ref()
                    .and_then(|m| m.attributes.get(name).cloned())
                {
                    Some(v) => Pat::Lit(v),
                    None => self.bad_pattern(e),
                }
            }
            ExprKind::Tuple(items) => Pat::Tuple(items.iter().map(|i| self.pat(i, seen)).collect()),
            ExprKind::List { items, tail } => {
                let mut p = match tail {
                    Some(t) => self.pat(t, seen),
                    None => Pat::Nil,
                };
                let heads: Vec<Pat> = items.iter().map(|i| self.pat(i, seen)).collect();
                for h in heads.into_iter().rev() {
                    p = Pat::Cons(Box::new(h), Box::new(p));
                }
                p
            }
            ExprKind::Map {
                update: None,
                entries,
            } => {
                let mut keys = Vec::new();
                for (k, v) in entries {
                    let key = self.map_key(k);
                    let vp = self.pat(v, seen);
                    keys.push((key, vp));
                }
                Pat::Map(keys)
            }
            ExprKind::Struct {
                name,
                update: None,
                entries,
            } => {
                let mut keys = Vec::new();
                match &name.kind {
                    ExprKind::Alias(_) => {
                        let sname = self.struct_name(name);
                        let ks: Vec<&Expr> = entries.iter().map(|(k, _)| k).collect();
                        self.check_struct_keys(sname, &ks, false, true, e.span.start);
                        keys.push((
                            MapKey::Lit(Value::Atom(Atom::STRUCT)),
                            Pat::Lit(Value::Atom(sname)),
                        ))
                    }
                    ExprKind::Var(v) if v == "__MODULE__" => {
                        let sname = self.struct_name(name);
                        keys.push((
                            MapKey::Lit(Value::Atom(Atom::STRUCT)),
                            Pat::Lit(Value::Atom(sname)),
                        ))
                    }
                    _ => {
                        let p = self.pat(name, seen);
                        keys.push((MapKey::Lit(Value::Atom(Atom::STRUCT)), p));
                    }
                }
                for (k, v) in entries {
                    let key = self.map_key(k);
                    let vp = self.pat(v, seen);
                    keys.push((key, vp));
                }
                Pat::Map(keys)
            }
            ExprKind::Binary {
                op: BinaryOp::Match,
                lhs,
                rhs,
            } => {
                let a = self.pat(lhs, seen);
                let b = self.pat(rhs, seen);
                Pat::Both(Box::new(a), Box::new(b))
            }
            ExprKind::Binary {
                op: BinaryOp::Range,
                lhs,
                rhs,
            } => {
                let first = self.pat(lhs, seen);
                let last = self.pat(rhs, seen);
                range_pattern(first, last, None)
            }
            ExprKind::RangeStep { first, last, step } => {
                let first = self.pat(first, seen);
                let last = self.pat(last, seen);
                let step = self.pat(step, seen);
                range_pattern(first, last, Some(step))
            }
            // `'get ' ++ rest`, `[1, 2] ++ rest`: a literal list prefix.
            ExprKind::Binary {
                op: BinaryOp::Concat,
                lhs,
                rhs,
            } => match &lhs.kind {
                ExprKind::List { items, tail: None } => {
                    let heads: Vec<Pat> = items.iter().map(|i| self.pat(i, seen)).collect();
                    let mut p = self.pat(rhs, seen);
                    for h in heads.into_iter().rev() {
                        p = Pat::Cons(Box::new(h), Box::new(p));
                    }
                    p
                }
                _ => match self.constant(lhs).and_then(|c| c.list_to_vec()) {
                    Some(prefix) => {
                        let mut p = self.pat(rhs, seen);
                        for item in prefix.into_iter().rev() {
                            p = Pat::Cons(Box::new(Pat::Lit(item)), Box::new(p));
                        }
                        p
                    }
                    None => self.bad_pattern(e),
                },
            },
            ExprKind::Binary {
                op: BinaryOp::StrConcat,
                lhs,
                rhs,
            } => match &lhs.kind {
                ExprKind::Str(parts) => match literal_string(parts) {
                    Some(prefix) => {
                        let rest = self.pat(rhs, seen);
                        Pat::StrPrefix(prefix, Box::new(rest))
                    }
                    None => self.bad_pattern(e),
                },
                _ => {
                    self.error(
                        e.span.start,
                        "the left argument of <> operator inside a match should always be a literal binary",
                    );
                    Pat::Any
                }
            },
            _ => self.bad_pattern(e),
        }
    }

    fn map_key(&mut self, k: &Expr) -> MapKey {
        match &k.kind {
            ExprKind::Unary {
                op: UnaryOp::Pin,
                expr,
            } => match &expr.kind {
                ExprKind::Var(name) => match self.lookup(name) {
                    Some(s) => MapKey::Pinned(s),
                    None => {
                        self.error(k.span.start, format!("undefined variable ^{name}"));
                        MapKey::Lit(Value::NIL_ATOM)
                    }
                },
                _ => MapKey::Lit(Value::NIL_ATOM),
            },
            _ => match self.constant(k) {
                Some(v) => MapKey::Lit(v),
                None => {
                    self.error(
                        k.span.start,
                        "cannot use variables in map keys inside patterns; use ^ to pin them",
                    );
                    MapKey::Lit(Value::NIL_ATOM)
                }
            },
        }
    }

    fn bad_pattern(&mut self, e: &Expr) -> Pat {
        self.error(e.span.start, "invalid pattern in match");
        Pat::Any
    }

    /// A compile-time constant: literals and containers of literals (for
    /// map keys in patterns and module attributes).
    pub(crate) fn constant(&mut self, e: &Expr) -> Option<Value> {
        Some(match &e.kind {
            ExprKind::Int(i) => Value::Int(*i),
            ExprKind::BigInt(s) => Value::bigint(s.parse().ok()?),
            ExprKind::Float(f) => Value::Float(*f),
            ExprKind::Atom(a) => Value::atom(a),
            ExprKind::Alias(segs) => Value::Atom(self.alias_of(segs)),
            ExprKind::Str(parts) => {
                // Interpolation of constants (`"#{@major}.#{@minor}"`) is constant too.
                let mut s = String::new();
                for p in parts {
                    match p {
                        StrPart::Lit(t) => s.push_str(t),
                        StrPart::Interp(e) => {
                            let v = self.constant(e)?;
                            s.push_str(&crate::format::to_string(&v)?)
                        }
                    }
                }
                Value::str(s)
            }
            ExprKind::Block(items) if items.len() == 1 => self.constant(&items[0])?,
            ExprKind::Charlist(parts) => Value::list(
                literal_string(parts)?
                    .chars()
                    .map(|c| Value::Int(c as i64))
                    .collect(),
            ),
            ExprKind::Unary {
                op: UnaryOp::Neg,
                expr,
            } => match expr.kind {
                ExprKind::Int(i) => Value::Int(-i),
                ExprKind::Float(f) => Value::Float(-f),
                _ => return None,
            },
            ExprKind::Tuple(items) => Value::tuple(
                items
                    .iter()
                    .map(|i| self.constant(i))
                    .collect::<Option<Vec<_>>>()?,
            ),
            ExprKind::List { items, tail } => {
                let t = match tail {
                    Some(t) => self.constant(t)?,
                    None => Value::Nil,
                };
                Value::list_with_tail(
                    items
                        .iter()
                        .map(|i| self.constant(i))
                        .collect::<Option<Vec<_>>>()?,
                    t,
                )
            }
            ExprKind::Map {
                update: None,
                entries,
            } => {
                let mut m = crate::value::MapInner::new();
                for (k, v) in entries {
                    m.insert(self.constant(k)?, self.constant(v)?);
                }
                Value::map(m)
            }
            ExprKind::ModuleAttr { name, value: None } => {
                self.module.as_ref()?.attributes.get(name)?.clone()
            }
            ExprKind::Var(v) if v == "__MODULE__" => Value::Atom(self.module.as_ref()?.name),
            ExprKind::Binary { op, lhs, rhs } => {
                let a = self.constant(lhs)?;
                let b = self.constant(rhs)?;
                use crate::library::support::arith;
                match op {
                    BinaryOp::Add => arith::add(&a, &b).ok()?,
                    BinaryOp::Sub => arith::sub(&a, &b).ok()?,
                    BinaryOp::Mul => arith::mul(&a, &b).ok()?,
                    BinaryOp::Div => arith::fdiv(&a, &b).ok()?,
                    BinaryOp::StrConcat => match (&a, &b) {
                        (Value::Str(x), Value::Str(y)) => Value::str(format!("{x}{y}")),
                        _ => return None,
                    },
                    BinaryOp::Range => match (a, b) {
                        (Value::Int(x), Value::Int(y)) => {
                            Value::range(x, y, if x <= y { 1 } else { -1 })
                        }
                        _ => return None,
                    },
                    _ => return None,
                }
            }
            _ => return None,
        })
    }

    // ----- guards ------------------------------------------------------------

    pub(crate) fn guard(&mut self, e: &Expr) -> Guard {
        match &e.kind {
            ExprKind::Var(name) => match self.lookup(name) {
                Some(s) => Guard::Local(s),
                None => {
                    if name == "__MODULE__" {
                        let m = self.module.as_ref().map(|m| m.name).unwrap_or(Atom::NIL);
                        return Guard::Lit(Value::Atom(m));
                    }
                    self.error(
                        e.span.start,
                        format!("undefined function {name}/0 (there is no such import)"),
                    );
                    Guard::Lit(Value::FALSE)
                }
            },
            ExprKind::Binary { op, lhs, rhs } => {
                use BinaryOp::*;
                match op {
                    And | AndAnd => {
                        Guard::And(Box::new(self.guard(lhs)), Box::new(self.guard(rhs)))
                    }
                    Or | OrOr => Guard::Or(Box::new(self.guard(lhs)), Box::new(self.guard(rhs))),
                    When => Guard::Or(Box::new(self.guard(lhs)), Box::new(self.guard(rhs))),
                    In | NotIn => {
                        let g = Guard::In(Box::new(self.guard(lhs)), Box::new(self.guard(rhs)));
                        if *op == NotIn {
                            Guard::Not(Box::new(g))
                        } else {
                            g
                        }
                    }
                    Range => {
                        // `x in ?a..?z`: a literal range is a constant.
                        if let Some(v) = self.constant(e) {
                            return Guard::Lit(v);
                        }
                        let a = self.guard(lhs);
                        let b = self.guard(rhs);
                        self.guard_bif(e, ":phial", "range", vec![a, b])
                    }
                    _ => {
                        let a = self.guard(lhs);
                        let b = self.guard(rhs);
                        match crate::code::BinOp::from_symbol(op.symbol()) {
                            Some(k) => Guard::BinOp(k, Box::new(a), Box::new(b)),
                            None => self.guard_bif(e, "Kernel", op.symbol(), vec![a, b]),
                        }
                    }
                }
            }
            ExprKind::Unary { op, expr } => match op {
                UnaryOp::Not | UnaryOp::Bang => Guard::Not(Box::new(self.guard(expr))),
                UnaryOp::Neg => {
                    let a = self.guard(expr);
                    self.guard_bif(e, "Kernel", "-", vec![a])
                }
                UnaryOp::Plus => self.guard(expr),
                UnaryOp::Pin => self.guard(expr),
                UnaryOp::Capture => {
                    self.error(
                        e.span.start,
                        "invalid expression in guard, & is not allowed in guards",
                    );
                    Guard::Lit(Value::FALSE)
                }
            },
            ExprKind::Tuple(items) => Guard::Tuple(items.iter().map(|i| self.guard(i)).collect()),
            ExprKind::List { items, tail } => Guard::List(
                items.iter().map(|i| self.guard(i)).collect(),
                tail.as_ref().map(|t| Box::new(self.guard(t))),
            ),
            ExprKind::Call {
                target,
                args,
                block: None,
                ..
            } => {
                if let Some(g) = self.guard_macro(target, args.len()) {
                    let expanded = super::defguard::expand_in_guard(&g, args);
                    return self.guard(&expanded);
                }
                let gargs: Vec<Guard> = args.iter().map(|a| self.guard(a)).collect();
                match target {
                    // An imported guard-safe function (`import Bitwise`:
                    // `band(x, 1)`, `x &&& 1`), else Kernel's.
                    CallTarget::Local(name) => {
                        match self.imported(Atom::new(name), gargs.len() as u32) {
                            Some(m) if m != Atom::KERNEL => {
                                let shown = crate::error::module_name(m);
                                self.guard_bif(e, &shown, name, gargs)
                            }
                            _ => self.guard_bif(e, "Kernel", name, gargs),
                        }
                    }
                    CallTarget::Remote { module, name } => match &module.kind {
                        ExprKind::Atom(m) => self.guard_bif(e, &format!(":{m}"), name, gargs),
                        ExprKind::Alias(segs) => self.guard_bif(e, &segs.join("."), name, gargs),
                        _ => {
                            // `map.field` in a guard
                            if args.is_empty() {
                                let m = self.guard(module);
                                self.guard_bif(
                                    e,
                                    ":erlang",
                                    "map_get",
                                    vec![Guard::Lit(Value::atom(name)), m],
                                )
                            } else {
                                self.error(e.span.start, "invalid call in guard");
                                Guard::Lit(Value::FALSE)
                            }
                        }
                    },
                    CallTarget::Nested(_) => {
                        self.error(e.span.start, "invalid call in guard");
                        Guard::Lit(Value::FALSE)
                    }
                    CallTarget::Anonymous(_) => {
                        self.error(e.span.start, "invalid expression in guard, anonymous function calls are not allowed in guards");
                        Guard::Lit(Value::FALSE)
                    }
                }
            }
            // `x in 1..9//2`: a literal stepped range is a constant.
            ExprKind::RangeStep { first, last, step } => {
                match (
                    self.constant(first),
                    self.constant(last),
                    self.constant(step),
                ) {
                    (Some(Value::Int(a)), Some(Value::Int(b)), Some(Value::Int(st))) if st != 0 => {
                        Guard::Lit(Value::range(a, b, st))
                    }
                    _ => {
                        self.error(e.span.start, "invalid expression in guard");
                        Guard::Lit(Value::FALSE)
                    }
                }
            }
            _ => match self.constant(e) {
                Some(v) => Guard::Lit(v),
                None => {
                    self.error(e.span.start, "invalid expression in guard");
                    Guard::Lit(Value::FALSE)
                }
            },
        }
    }

    fn guard_bif(&mut self, e: &Expr, module: &str, name: &str, args: Vec<Guard>) -> Guard {
        let m = match module.strip_prefix(':') {
            Some(erl) => Atom::new(erl),
            None => Atom::alias(module),
        };
        match bifs::lookup(m, Atom::new(name), args.len()) {
            Some(id) if bifs::entry(id).guard => {
                match (crate::code::BinOp::of_bif(id), &args[..]) {
                    // `rem(k, 2) == 0`: an operator, decided without a call.
                    (Some(k), [_, _]) => {
                        let mut args = args.into_iter();
                        match (args.next(), args.next()) {
                            (Some(a), Some(b)) => Guard::BinOp(k, Box::new(a), Box::new(b)),
                            _ => unreachable!("two arguments"),
                        }
                    }
                    _ => Guard::Bif(id, args),
                }
            }
            _ => {
                let shown = if module == "Kernel" {
                    format!("{name}/{}", args.len())
                } else {
                    format!("{module}.{name}/{}", args.len())
                };
                self.error(
                    e.span.start,
                    format!("cannot invoke {shown} inside guards (not a guard-safe function)"),
                );
                Guard::Lit(Value::FALSE)
            }
        }
    }
}

/// The text of a string literal without interpolation.
pub(crate) fn literal_string(parts: &[StrPart]) -> Option<String> {
    let mut s = String::new();
    for p in parts {
        match p {
            StrPart::Lit(t) => s.push_str(t),
            StrPart::Interp(_) => return None,
        }
    }
    Some(s)
}

/// `first..last` (and `first..last//step`) in a pattern: a `%Range{}` map pattern.
fn range_pattern(first: Pat, last: Pat, step: Option<Pat>) -> Pat {
    let mut keys = vec![
        (
            MapKey::Lit(Value::Atom(Atom::STRUCT)),
            Pat::Lit(Value::Atom(Atom::RANGE)),
        ),
        (MapKey::Lit(Value::Atom(Atom::FIRST)), first),
        (MapKey::Lit(Value::Atom(Atom::LAST)), last),
    ];
    if let Some(s) = step {
        keys.push((MapKey::Lit(Value::Atom(Atom::STEP)), s));
    }
    Pat::Map(keys)
}

/// The name a pattern binds when it is just a variable (`x`, or `x` written
/// as a bare call), not `_`, `_ignored` style wildcards or `__MODULE__`.
fn plain_var(e: &Expr) -> Option<&str> {
    let name = match &e.kind {
        ExprKind::Var(name) => name,
        ExprKind::Call {
            target: CallTarget::Local(name),
            args,
            parens: false,
            block: None,
        } if args.is_empty() => name,
        _ => return None,
    };
    (name != "_" && name != "__MODULE__").then_some(name.as_str())
}

/// A charlist literal's value.
fn charlist(s: &str) -> Value {
    Value::list(s.chars().map(|c| Value::Int(c as i64)).collect())
}
