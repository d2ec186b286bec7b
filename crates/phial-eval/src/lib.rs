//! phial's evaluator: values, lowering of the AST to compiled code, the
//! explicit-frame machine that runs processes, pattern matching, the standard
//! library and Elixir's error formats.
//!
//! Hosts (the script runner, the REPL) create a [`Vm`] with an [`Output`]
//! sink, load sources with [`Vm::load`] and run them as processes on the
//! VM's runtime. This crate does no terminal I/O of its own.

pub mod atom;
pub mod binary;
pub mod bitstring;
pub mod code;
pub mod compile;
pub mod dist;
pub mod error;
pub mod etf;
pub mod format;
mod heap;
pub mod library;
mod machine;
pub mod matching;
pub mod pretty;
pub mod process;
pub mod protocols;
mod reclaim;
mod stack;
pub mod stacktrace;
pub mod structs;
pub mod term;
pub mod value;
pub mod vm;

pub use atom::Atom;
pub use error::{Kind, Raise};
pub use process::{Process, Role, ShellHost};
pub use value::Value;
pub use vm::{LoadError, Output, Runtime, StartError, Vm};
