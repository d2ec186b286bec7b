//! Interned atoms: a global, append-only table shared by every process.
//!
//! An `Atom` is a `u32` index, so comparing two atoms for identity is one
//! integer compare and a message carrying atoms is cheap to send. Atoms are
//! never freed, as on the BEAM. Term order between atoms is by their text,
//! which `Atom::cmp_text` gives; the derived `Ord` (by index) is only for
//! hashing-style uses and must not be used for Elixir ordering.
//!
//! Not here: printing rules (quoting `:"a b"`, `Elixir.` prefixes) live in
//! `format`.

use parking_lot::RwLock;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Atom(pub u32);

struct Table {
    names: Vec<&'static str>,
    index: FxHashMap<&'static str, u32>,
}

fn table() -> &'static RwLock<Table> {
    static TABLE: OnceLock<RwLock<Table>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            names: Vec::with_capacity(1024),
            index: FxHashMap::default(),
        };
        for name in PREDEFINED {
            let id = t.names.len() as u32;
            t.names.push(name);
            t.index.insert(name, id);
        }
        RwLock::new(t)
    })
}

/// The BEAM's default atom table size (`+t`): creating an atom past it
/// raises `SystemLimitError` here (the BEAM itself aborts).
pub const MAX_ATOMS: usize = 1_048_576;

impl Atom {
    /// The atom with this text, interning it on first use; `None` when
    /// that would pass `MAX_ATOMS`. For atoms made from user data at run
    /// time (`String.to_atom/1` and kin); the compiler's and the library's
    /// own atoms use `new`, which the limit does not stop.
    pub fn try_new(name: &str) -> Option<Atom> {
        if let Some(&id) = table().read().index.get(name) {
            return Some(Atom(id));
        }
        if table().read().names.len() >= MAX_ATOMS {
            return None;
        }
        Some(Atom::new(name))
    }

    /// The atom with this text, interning it on first use.
    pub fn new(name: &str) -> Atom {
        if let Some(&id) = table().read().index.get(name) {
            return Atom(id);
        }
        let mut t = table().write();
        if let Some(&id) = t.index.get(name) {
            return Atom(id);
        }
        // Leaked on purpose: atoms live for the whole run, like the BEAM's.
        let text: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let id = t.names.len() as u32;
        t.names.push(text);
        t.index.insert(text, id);
        Atom(id)
    }

    /// The atom with this text if it already exists (`String.to_existing_atom`).
    pub fn existing(name: &str) -> Option<Atom> {
        table().read().index.get(name).map(|&id| Atom(id))
    }

    pub fn as_str(self) -> &'static str {
        table().read().names[self.0 as usize]
    }

    /// Erlang term order between atoms: by their text.
    pub fn cmp_text(self, other: Atom) -> std::cmp::Ordering {
        if self == other {
            return std::cmp::Ordering::Equal;
        }
        let t = table().read();
        t.names[self.0 as usize].cmp(t.names[other.0 as usize])
    }

    /// An Elixir alias atom such as `Elixir.String` for `String`.
    pub fn alias(dotted: &str) -> Atom {
        Atom::new(&format!("Elixir.{dotted}"))
    }
}

macro_rules! predefined {
    ($($konst:ident = $text:expr),* $(,)?) => {
        const PREDEFINED: &[&str] = &[$($text),*];
        #[allow(non_camel_case_types, dead_code, clippy::upper_case_acronyms)]
        enum PredefIndex { $($konst),* }
        impl Atom {
            $(pub const $konst: Atom = Atom(PredefIndex::$konst as u32);)*
        }
    };
}

predefined! {
    NIL = "nil",
    TRUE = "true",
    FALSE = "false",
    OK = "ok",
    ERROR = "error",
    NORMAL = "normal",
    KILL = "kill",
    KILLED = "killed",
    NOPROC = "noproc",
    EXIT_TAG = "EXIT",
    DOWN = "DOWN",
    PROCESS = "process",
    STRUCT = "__struct__",
    EXCEPTION = "__exception__",
    MESSAGE = "message",
    INFINITY = "infinity",
    UNDEFINED = "undefined",
    THROW = "throw",
    EXIT = "exit",
    SHUTDOWN = "shutdown",
    NOCATCH = "nocatch",
    TRAP_EXIT = "trap_exit",
    DO = "do",
    ELSE = "else",
    INTO = "into",
    FIRST = "first",
    LAST = "last",
    STEP = "step",
    RANGE = "Elixir.Range",
    KERNEL = "Elixir.Kernel",
    TERM = "term",
    KEY = "key",
    MODULE = "module",
    FUNCTION = "function",
    ARITY = "arity",
    ARGS = "args",
    REASON = "reason",
    ORIGINAL = "original",
    VALUE = "value",
    PROTOCOL = "protocol",
    DESCRIPTION = "description",
    OPERATOR = "operator",
    LABEL = "label",
    RUNTIME_ERROR = "Elixir.RuntimeError",
    ARGUMENT_ERROR = "Elixir.ArgumentError",
    ARITHMETIC_ERROR = "Elixir.ArithmeticError",
    MATCH_ERROR = "Elixir.MatchError",
    CASE_CLAUSE_ERROR = "Elixir.CaseClauseError",
    COND_CLAUSE_ERROR = "Elixir.CondClauseError",
    TRY_CLAUSE_ERROR = "Elixir.TryClauseError",
    WITH_CLAUSE_ERROR = "Elixir.WithClauseError",
    FUNCTION_CLAUSE_ERROR = "Elixir.FunctionClauseError",
    BAD_ARITY_ERROR = "Elixir.BadArityError",
    BAD_FUNCTION_ERROR = "Elixir.BadFunctionError",
    BAD_MAP_ERROR = "Elixir.BadMapError",
    BAD_BOOLEAN_ERROR = "Elixir.BadBooleanError",
    UNDEFINED_FUNCTION_ERROR = "Elixir.UndefinedFunctionError",
    KEY_ERROR = "Elixir.KeyError",
    ERLANG_ERROR = "Elixir.ErlangError",
    PROTOCOL_UNDEFINED_ERROR = "Elixir.Protocol.UndefinedError",
    SYSTEM_LIMIT_ERROR = "Elixir.SystemLimitError",
    BADARG = "badarg",
    BADARITH = "badarith",
    BADMATCH = "badmatch",
    BADFUN = "badfun",
    BADARITY = "badarity",
    UNDEF = "undef",
    FUNCTION_CLAUSE = "function_clause",
    CASE_CLAUSE = "case_clause",
    BADKEY = "badkey",
    BADMAP = "badmap",
    ERLANG = "erlang",
    ELIXIR_ENUM = "Elixir.Enum",
    DEMONITOR = "demonitor",
}
