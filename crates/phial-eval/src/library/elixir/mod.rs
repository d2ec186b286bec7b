//! Elixir's modules, one unit each: `name.rs` holds a module's natives
//! (`NATIVES`), `name.ex` beside it its part written in phial. The units
//! are listed in `library::UNITS`; this file only declares the Rust halves.
//!
//! Not here: Erlang's modules (`erlang`), phial's internal ones (`internal`).

pub mod access;
pub mod atom;
pub mod base;
pub mod bitwise;
pub mod calendar;
pub mod calendar_iso;
pub mod code;
#[path = "enum.rs"]
pub mod enum_;
pub mod exception;
pub mod file;
pub mod float;
pub mod function;
pub mod integer;
pub mod io;
pub mod kernel;
pub mod keyword;
pub mod list;
pub mod macro_;
pub mod map;
pub mod module;
pub mod node;
pub mod path;
pub mod process;
pub mod range;
pub mod regex;
pub mod string;
pub mod system;
pub mod tuple;
