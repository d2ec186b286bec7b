//! `Bitwise`: `band bor bxor bnot bsl bsr` and the operator spellings
//! `&&& ||| ^^^ ~~~ <<< >>>`, all guard-safe as in Elixir, over integers of
//! any size; a non-integer raises `ArithmeticError` as `:erlang.band` does.
//!
//! Not here: the operations themselves (`support::arith::bits`, shared
//! with `:erlang`), `use Bitwise` (a macro phial does not have).

use crate::library::support::arith::bits;
use crate::library::{guard, Native};

pub const NATIVES: &[Native] = &[
    guard("band", 2, |_, a| bits::band(&a[0], &a[1])),
    guard("bor", 2, |_, a| bits::bor(&a[0], &a[1])),
    guard("bxor", 2, |_, a| bits::bxor(&a[0], &a[1])),
    guard("bnot", 1, |_, a| bits::bnot(&a[0])),
    guard("bsl", 2, |_, a| bits::bsl(&a[0], &a[1])),
    guard("bsr", 2, |_, a| bits::bsr(&a[0], &a[1])),
    guard("&&&", 2, |_, a| bits::band(&a[0], &a[1])),
    guard("|||", 2, |_, a| bits::bor(&a[0], &a[1])),
    guard("^^^", 2, |_, a| bits::bxor(&a[0], &a[1])),
    guard("~~~", 1, |_, a| bits::bnot(&a[0])),
    guard("<<<", 2, |_, a| bits::bsl(&a[0], &a[1])),
    guard(">>>", 2, |_, a| bits::bsr(&a[0], &a[1])),
];
