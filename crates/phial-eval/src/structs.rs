//! Struct definitions: what `defstruct` and `defexception` declare, kept
//! where building, updating and printing a struct can find it.
//!
//! A struct value is an ordinary map with a `:__struct__` key (see
//! `value`); this table adds what the map alone does not say: the fields'
//! order of definition (inspect prints them in that order), their
//! defaults, and the `@enforce_keys`. The table is process-wide, like the
//! atom table, because printing (`pretty`) has no VM at hand; a redefined
//! struct replaces its entry.
//!
//! Not here: the `defstruct` lowering (`compile::module`), the builtins
//! over structs (`library::support::structs`).

use crate::atom::Atom;
use crate::error::{self, Raise};
use crate::format::inspect;
use crate::value::{MapInner, Value};
use parking_lot::RwLock;
use rustc_hash::FxHashMap;
use std::sync::{Arc, OnceLock};

pub struct StructDef {
    pub module: Atom,
    /// Fields in definition order with their defaults (`__exception__`
    /// first for an exception; never `__struct__`).
    pub fields: Vec<(Atom, Value)>,
    pub enforce: Vec<Atom>,
    /// `@derive`: the protocols derived, each with its options (`[]`).
    pub derive: Vec<(Atom, Value)>,
    /// The struct with every default: `module.__struct__()`.
    pub template: Value,
}

impl StructDef {
    pub fn new(module: Atom, fields: Vec<(Atom, Value)>, enforce: Vec<Atom>) -> StructDef {
        let mut m = MapInner::new();
        m.insert(Value::Atom(Atom::STRUCT), Value::Atom(module));
        for (k, v) in &fields {
            m.insert(Value::Atom(*k), v.clone());
        }
        StructDef {
            module,
            fields,
            enforce,
            derive: Vec::new(),
            template: Value::map(m),
        }
    }

    /// The options `protocol` is derived with, if it is.
    pub fn derives(&self, protocol: Atom) -> Option<&Value> {
        self.derive
            .iter()
            .find(|(p, _)| *p == protocol)
            .map(|(_, o)| o)
    }

    pub fn has_field(&self, k: Atom) -> bool {
        self.fields.iter().any(|(f, _)| *f == k)
    }

    /// Whether `map`'s keys are exactly this struct's (so inspect may print
    /// it as `%Name{...}`; a struct with a key removed prints as a map).
    pub fn fits(&self, map: &MapInner) -> bool {
        map.len() == self.fields.len() + 1
            && self
                .fields
                .iter()
                .all(|(k, _)| map.contains_key(&Value::Atom(*k)))
    }

    pub fn is_exception(&self) -> bool {
        self.has_field(Atom::EXCEPTION)
    }

    /// `%Name{k: v, ...}` / `Name.__struct__(kv)`: the defaults overridden
    /// by `pairs`; every key must be a field (KeyError) and every enforced
    /// key given (ArgumentError), as Elixir checks when it expands a struct.
    pub fn build(&self, pairs: impl IntoIterator<Item = (Value, Value)>) -> Result<Value, Raise> {
        let Value::Map(template) = &self.template else {
            return Err(error::badarg());
        };
        let mut m = (**template).clone();
        let mut given = Vec::new();
        for (k, v) in pairs {
            match k.as_atom() {
                Some(a) if self.has_field(a) && a != Atom::EXCEPTION => {
                    given.push(a);
                    m.insert(k, v);
                }
                _ => return Err(error::key_error(k, Value::NIL_ATOM)),
            }
        }
        let missing: Vec<Value> = self
            .enforce
            .iter()
            .filter(|k| !given.contains(k))
            .map(|k| Value::Atom(*k))
            .collect();
        if !missing.is_empty() {
            return Err(error::argument_error(format!(
                "the following keys must also be given when building struct {}: {}",
                error::module_name(self.module),
                inspect(&Value::list(missing))
            )));
        }
        Ok(Value::map(m))
    }
}

fn table() -> &'static RwLock<FxHashMap<Atom, Arc<StructDef>>> {
    static TABLE: OnceLock<RwLock<FxHashMap<Atom, Arc<StructDef>>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = FxHashMap::default();
        for (name, fields) in BUILTIN_EXCEPTIONS {
            let module = Atom::alias(name);
            let mut all = vec![(Atom::EXCEPTION, Value::TRUE)];
            for (f, default) in fields.iter() {
                let v = default.map_or(Value::NIL_ATOM, Value::str);
                all.push((Atom::new(f), v));
            }
            t.insert(module, Arc::new(StructDef::new(module, all, Vec::new())));
        }
        let range = vec![
            (Atom::FIRST, Value::NIL_ATOM),
            (Atom::LAST, Value::NIL_ATOM),
            (Atom::STEP, Value::NIL_ATOM),
        ];
        t.insert(
            Atom::RANGE,
            Arc::new(StructDef::new(Atom::RANGE, range, Vec::new())),
        );
        RwLock::new(t)
    })
}

type Fields = &'static [(&'static str, Option<&'static str>)];

/// The exceptions Elixir defines, with their fields in Elixir 1.14's order
/// and their string defaults (`None` is `nil`).
const BUILTIN_EXCEPTIONS: &[(&str, Fields)] = &[
    ("RuntimeError", &[("message", Some("runtime error"))]),
    ("ArgumentError", &[("message", Some("argument error"))]),
    (
        "ArithmeticError",
        &[("message", Some("bad argument in arithmetic expression"))],
    ),
    (
        "SystemLimitError",
        &[("message", Some("a system limit has been reached"))],
    ),
    (
        "KeyError",
        &[("key", None), ("term", None), ("message", None)],
    ),
    ("MatchError", &[("term", None)]),
    ("CaseClauseError", &[("term", None)]),
    ("CondClauseError", &[]),
    ("TryClauseError", &[("term", None)]),
    ("WithClauseError", &[("term", None)]),
    (
        "FunctionClauseError",
        &[
            ("module", None),
            ("function", None),
            ("arity", None),
            ("kind", None),
            ("args", None),
            ("clauses", None),
        ],
    ),
    ("BadArityError", &[("function", None), ("args", None)]),
    ("BadFunctionError", &[("term", None)]),
    ("BadMapError", &[("term", None)]),
    ("BadBooleanError", &[("term", None), ("operator", None)]),
    (
        "UndefinedFunctionError",
        &[
            ("module", None),
            ("function", None),
            ("arity", None),
            ("reason", None),
            ("message", None),
        ],
    ),
    ("ErlangError", &[("original", None), ("reason", None)]),
    (
        "Protocol.UndefinedError",
        &[
            ("protocol", None),
            ("value", None),
            ("description", Some("")),
        ],
    ),
    ("BadStructError", &[("struct", None), ("term", None)]),
    ("Enum.EmptyError", &[("message", Some("empty error"))]),
    (
        "Enum.OutOfBoundsError",
        &[("message", Some("out of bounds error"))],
    ),
    (
        "UnicodeConversionError",
        &[("encoded", None), ("message", None)],
    ),
    (
        "File.Error",
        &[("reason", None), ("path", None), ("action", Some(""))],
    ),
    (
        "File.CopyError",
        &[
            ("reason", None),
            ("source", None),
            ("destination", None),
            ("on", Some("")),
            ("action", Some("")),
        ],
    ),
    (
        "File.RenameError",
        &[
            ("reason", None),
            ("source", None),
            ("destination", None),
            ("on", Some("")),
            ("action", Some("")),
        ],
    ),
    (
        "File.LinkError",
        &[
            ("reason", None),
            ("existing", None),
            ("new", None),
            ("action", Some("")),
        ],
    ),
    ("System.EnvError", &[("env", None)]),
    ("IO.StreamError", &[("reason", None), ("message", None)]),
    (
        "SyntaxError",
        &[
            ("file", None),
            ("line", None),
            ("column", None),
            ("description", Some("syntax error")),
        ],
    ),
    (
        "TokenMissingError",
        &[
            ("file", None),
            ("line", None),
            ("column", None),
            ("description", Some("expression is incomplete")),
        ],
    ),
    (
        "Code.LoadError",
        &[("file", None), ("message", None), ("reason", None)],
    ),
];

/// Defines (or redefines) a struct.
pub fn define(def: StructDef) {
    table().write().insert(def.module, Arc::new(def));
}

/// The struct `module` defines, if any.
pub fn get(module: Atom) -> Option<Arc<StructDef>> {
    table().read().get(&module).cloned()
}
