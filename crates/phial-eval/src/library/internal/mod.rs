//! phial's internal modules, one unit each: `:phial` (natives the compiler
//! emits and the library calls) and the phial-written `:phial_enum`,
//! `:phial_stream`, `:phial_inspect`, `:phial_enum_halting`. Programs may
//! call them, as Elixir's may call `:elixir_*`, but nothing promises them.
//!
//! Not here: anything a program is meant to call.

pub mod phial;
pub mod phial_calendar;
pub mod phial_dist;
pub mod phial_io;
pub mod phial_logger;
