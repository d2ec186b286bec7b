//! Erlang's modules, one unit each (`:erlang`, `:binary`, `:file`, `:global`, `:io`,
//! `:io_lib`, `:lists`, `:math`, `:persistent_term`, `:queue`, `:rand`, `:string`, `:timer`, `:unicode`): `name.rs` holds a module's natives, `name.ex` beside it its
//! part written in phial. Listed in `library::UNITS`.
//!
//! Not here: Elixir's modules (`elixir`), even where a native is shared.

pub mod binary;
// The `:erlang` module's unit, inside the directory of Erlang's modules.
pub mod crypto;
#[allow(clippy::module_inception)]
pub mod erlang;
pub mod file;
pub mod global;
pub mod io;
pub mod io_lib;
pub mod lists;
pub mod math;
pub mod persistent_term;
pub mod queue;
pub mod rand;
pub mod string;
pub mod timer;
pub mod unicode;
