//! Erlang's modules, one unit each (`:erlang`, `:lists`, `:math`,
//! `:rand`, `:timer`, `:file`, `:io`, `:io_lib`, `:string`): `name.rs` holds a module's natives, `name.ex` beside it its
//! part written in phial. Listed in `library::UNITS`.
//!
//! Not here: Elixir's modules (`elixir`), even where a native is shared.

// The `:erlang` module's unit, inside the directory of Erlang's modules.
#[allow(clippy::module_inception)]
pub mod erlang;
pub mod file;
pub mod io;
pub mod io_lib;
pub mod lists;
pub mod math;
pub mod rand;
pub mod string;
pub mod timer;
