//! The standard library, organised by Elixir and Erlang module: each module
//! is one *unit*, its natives in Rust (`elixir/enum.rs`) beside its part
//! written in phial (`elixir/enum.ex`), and every unit is listed once, in
//! `UNITS`. The builtin registry (`registry`) is built from that list, and
//! so is the module table the VM starts with (`loader`): eager units'
//! sources compile when a VM starts, lazy ones the first time one of their
//! modules is looked up. A name defined twice (a unit listed twice, a
//! native row twice in a unit, a function both native and in the unit's
//! source) stops the VM from starting (`Vm::with_threads`).
//!
//! Where a new module goes: a file pair under `elixir/` (or `erlang/`,
//! `internal/`), declared in that directory's `mod.rs`, and one row here.
//! Rust helpers several units share live in `support`.
//!
//! Not here: the evaluator's control flow (`machine`), printing (`format`),
//! how a native's calls into phial code run (`machine::native`).

pub mod docs;
pub mod elixir;
pub mod erlang;
pub mod internal;
mod loader;
mod registry;
pub mod support;

pub(crate) use loader::{lazy_unit_for, load_eager, load_unit};
pub use registry::*;

use elixir as ex;
use erlang as erl;

/// When a unit's phial source is compiled.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Load {
    /// When a VM starts: a script is likely to need it.
    Eager,
    /// The first time the unit's module, or a `Module.*` module that is not
    /// a unit of its own (`Inspect.Map` for `Inspect`), is looked up at run
    /// time or imported: most scripts never use a stream or a protocol of
    /// their own, and compiling these at start-up would double its time.
    Lazy,
}

/// A unit's phial source, with its path under `library/` for messages.
pub struct Source {
    pub path: &'static str,
    pub text: &'static str,
}

/// One Elixir or Erlang module: its natives and its phial source.
pub struct Unit {
    /// The Elixir alias (`"Enum"`, `"String.Chars"`) or an Erlang module
    /// with a leading colon (`":erlang"`).
    pub module: &'static str,
    pub natives: &'static [Native],
    pub source: Option<Source>,
    pub load: Load,
    /// A moduledoc and function docs kept in Rust instead of the source
    /// (`Unit::with_docs`): for an eager source, where `@doc` text would
    /// be lexed at every start-up.
    pub moduledoc: Option<&'static str>,
    pub source_docs: &'static [SourceDoc],
}

impl Unit {
    /// The unit with its moduledoc and its source's function docs in Rust.
    const fn with_docs(self, moduledoc: &'static str, docs: &'static [SourceDoc]) -> Unit {
        Unit {
            moduledoc: Some(moduledoc),
            source_docs: docs,
            ..self
        }
    }
}

macro_rules! source {
    ($path:literal) => {
        Some(Source {
            path: $path,
            text: include_str!($path),
        })
    };
}

/// A unit with natives and, maybe, a source compiled at start-up.
const fn eager(module: &'static str, natives: &'static [Native], source: Option<Source>) -> Unit {
    Unit {
        module,
        natives,
        source,
        load: Load::Eager,
        moduledoc: None,
        source_docs: &[],
    }
}

/// A unit whose source is compiled on first use (its natives, if any, are
/// registered from the start like every other).
const fn lazy(module: &'static str, natives: &'static [Native], source: Option<Source>) -> Unit {
    Unit {
        module,
        natives,
        source,
        load: Load::Lazy,
        moduledoc: None,
        source_docs: &[],
    }
}

/// The library: every Elixir, Erlang and internal module phial has, each
/// once. Eager sources compile in this order.
///
/// Every source but Kernel's (whose imports and macros the compiler needs
/// for the first line of any program) is lazy: a script pays only for the
/// phial-written functions it calls. Compiling them all at start-up took
/// start-up from 14M to 47M instructions (5 to 10 ms) as the library grew.
///
/// A `static`, not a `const`: every use of a `const` may get its own copy
/// of the whole table (every native row, every doc), each copy a few
/// thousand relocations the dynamic loader does at start-up.
pub static UNITS: &[Unit] = &[
    // Elixir
    eager("Kernel", ex::kernel::NATIVES, source!("elixir/kernel.ex"))
        .with_docs(ex::kernel::MODULEDOC, ex::kernel::SOURCE_DOCS),
    lazy("Enum", ex::enum_::NATIVES, source!("elixir/enum.ex")),
    lazy("Map", ex::map::NATIVES, source!("elixir/map.ex")),
    lazy("List", ex::list::NATIVES, source!("elixir/list.ex")),
    lazy(
        "Keyword",
        ex::keyword::NATIVES,
        source!("elixir/keyword.ex"),
    ),
    lazy(
        "Process",
        ex::process::NATIVES,
        source!("elixir/process.ex"),
    ),
    lazy("Node", ex::node::NATIVES, source!("elixir/node.ex")),
    lazy("MapSet", &[], source!("elixir/mapset.ex")),
    lazy("Tuple", ex::tuple::NATIVES, source!("elixir/tuple.ex")),
    lazy(
        "Integer",
        ex::integer::NATIVES,
        source!("elixir/integer.ex"),
    ),
    lazy("Float", ex::float::NATIVES, source!("elixir/float.ex")),
    lazy("Atom", ex::atom::NATIVES, source!("elixir/atom.ex")),
    lazy("Range", ex::range::NATIVES, source!("elixir/range.ex")),
    lazy(
        "Function",
        ex::function::NATIVES,
        source!("elixir/function.ex"),
    ),
    lazy("String", ex::string::NATIVES, source!("elixir/string.ex")),
    lazy("IO", ex::io::NATIVES, source!("elixir/io.ex")),
    lazy("File", ex::file::NATIVES, source!("elixir/file.ex")),
    lazy("Path", ex::path::NATIVES, None).with_docs(ex::path::MODULEDOC, &[]),
    eager("Bitwise", ex::bitwise::NATIVES, None).with_docs(ex::bitwise::MODULEDOC, &[]),
    lazy("System", ex::system::NATIVES, source!("elixir/system.ex")),
    lazy("Code", ex::code::NATIVES, source!("elixir/code.ex")),
    eager("Module", ex::module::NATIVES, None),
    lazy("Macro", ex::macro_::NATIVES, source!("elixir/macro.ex")),
    // ExUnit, written in phial: compiled only by scripts that use it.
    lazy("ExUnit", &[], source!("elixir/ex_unit.ex")),
    lazy("ExUnit.Case", &[], source!("elixir/ex_unit_case.ex")),
    lazy(
        "ExUnit.Assertions",
        &[],
        source!("elixir/ex_unit_assertions.ex"),
    ),
    lazy(
        "ExUnit.AssertionError",
        &[],
        source!("elixir/ex_unit_assertion_error.ex"),
    ),
    lazy(
        "ExUnit.CaptureIO",
        &[],
        source!("elixir/ex_unit_capture_io.ex"),
    ),
    lazy(
        "Exception",
        ex::exception::NATIVES,
        source!("elixir/exception.ex"),
    ),
    lazy(
        "Phial.ProjectTest",
        &[],
        source!("elixir/phial_project_test.ex"),
    ),
    lazy("Logger", &[], source!("elixir/logger.ex")),
    lazy("Task", &[], source!("elixir/task.ex")),
    lazy("Task.Supervisor", &[], source!("elixir/task_supervisor.ex")),
    lazy("Registry", &[], source!("elixir/registry.ex")),
    // OTP behaviours, written in phial.
    lazy("GenServer", &[], source!("elixir/gen_server.ex")),
    lazy("Agent", &[], source!("elixir/agent.ex")),
    lazy("Supervisor", &[], source!("elixir/supervisor.ex")),
    lazy(
        "DynamicSupervisor",
        &[],
        source!("elixir/dynamic_supervisor.ex"),
    ),
    lazy("Access", ex::access::NATIVES, source!("elixir/access.ex")),
    lazy("String.Chars", &[], source!("elixir/string_chars.ex")),
    lazy("List.Chars", &[], source!("elixir/list_chars.ex")),
    lazy("Enumerable", &[], source!("elixir/enumerable.ex")),
    lazy("Collectable", &[], source!("elixir/collectable.ex")),
    lazy("Inspect", &[], source!("elixir/inspect.ex")),
    lazy("Inspect.Opts", &[], source!("elixir/inspect_opts.ex")),
    lazy("Inspect.Algebra", &[], source!("elixir/inspect_algebra.ex")),
    lazy("Stream", &[], source!("elixir/stream.ex")),
    lazy("Base", ex::base::NATIVES, None).with_docs(ex::base::MODULEDOC, &[]),
    lazy("Regex", ex::regex::NATIVES, source!("elixir/regex.ex")),
    lazy("URI", &[], source!("elixir/uri.ex")),
    // The calendar types: lazy, as most scripts never touch a date.
    lazy(
        "Calendar",
        ex::calendar::NATIVES,
        source!("elixir/calendar.ex"),
    ),
    lazy(
        "Calendar.ISO",
        ex::calendar_iso::NATIVES,
        source!("elixir/calendar_iso.ex"),
    ),
    // A unit's source that builds another's struct loads that one first:
    // listed after what they build (Date.Range, Date, Time).
    lazy("Date.Range", &[], source!("elixir/date_range.ex")),
    lazy("Date", &[], source!("elixir/date.ex")),
    lazy("Time", &[], source!("elixir/time.ex")),
    lazy("NaiveDateTime", &[], source!("elixir/naive_date_time.ex")),
    lazy("DateTime", &[], source!("elixir/date_time.ex")),
    // Erlang
    eager(":erlang", erl::erlang::NATIVES, None),
    lazy(":lists", erl::lists::NATIVES, source!("erlang/lists.ex")),
    eager(":math", erl::math::NATIVES, None),
    eager(":binary", erl::binary::NATIVES, None),
    eager(":unicode", erl::unicode::NATIVES, None),
    eager(":rand", erl::rand::NATIVES, None),
    lazy(":file", erl::file::NATIVES, None),
    lazy(":global", erl::global::NATIVES, None),
    lazy(":io", erl::io::NATIVES, None),
    lazy(":io_lib", erl::io_lib::NATIVES, None),
    lazy(":string", erl::string::NATIVES, None),
    lazy(":timer", erl::timer::NATIVES, source!("erlang/timer.ex")),
    lazy(":crypto", erl::crypto::NATIVES, None),
    lazy(":sys", &[], source!("erlang/sys.ex")),
    lazy(":erpc", &[], source!("erlang/erpc.ex")),
    lazy(":net_kernel", &[], source!("erlang/net_kernel.ex")),
    lazy(":rpc", &[], source!("erlang/rpc.ex")),
    lazy(":queue", erl::queue::NATIVES, source!("erlang/queue.ex")),
    lazy(":supervisor", &[], source!("erlang/supervisor.ex")),
    lazy(":persistent_term", erl::persistent_term::NATIVES, None),
    // phial's own
    eager(":phial", internal::phial::NATIVES, None),
    eager(":phial_calendar", internal::phial_calendar::NATIVES, None),
    lazy(":phial_io", internal::phial_io::NATIVES, None),
    lazy(
        ":phial_dist",
        internal::phial_dist::NATIVES,
        source!("internal/phial_dist.ex"),
    ),
    lazy(":phial_logger", internal::phial_logger::NATIVES, None),
    lazy(":phial_enum", &[], source!("internal/phial_enum.ex")),
    lazy(":phial_inspect", &[], source!("internal/phial_inspect.ex")),
    lazy(":phial_stream", &[], source!("internal/phial_stream.ex")),
    lazy(
        ":phial_enum_halting",
        &[],
        source!("internal/phial_enum_halting.ex"),
    ),
];
