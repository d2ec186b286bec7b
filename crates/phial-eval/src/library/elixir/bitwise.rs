//! `Bitwise`: `band bor bxor bnot bsl bsr` and the operator spellings
//! `&&& ||| ^^^ ~~~ <<< >>>`, all guard-safe as in Elixir, over integers of
//! any size; a non-integer raises `ArithmeticError` as `:erlang.band` does.
//!
//! Not here: the operations themselves (`support::arith::bits`, shared
//! with `:erlang`), `use Bitwise` (a macro phial does not have).

use crate::library::support::arith::bits;
use crate::library::{guard, Native};

/// Bitwise's moduledoc (the unit has no phial source to hold it).
pub const MODULEDOC: &str = r#"Bitwise operations on integers, as functions (`band/2`, `bsl/2`, ...)
and, after `import Bitwise`, as operators (`&&&`, `<<<`, ...). Integers
have no size limit; negative ones behave as in two's complement.

    iex> Bitwise.band(0xFF, 0x0F)
    15"#;

pub const NATIVES: &[Native] = &[
    guard("band", 2, |_, a| bits::band(&a[0], &a[1])).doc(
        r#"band(left, right)"#,
        r#"The bitwise and of two integers. Allowed in guards.

    iex> Bitwise.band(0b1100, 0b1010)
    8"#,
    ),
    guard("bor", 2, |_, a| bits::bor(&a[0], &a[1])).doc(
        r#"bor(left, right)"#,
        r#"The bitwise or of two integers. Allowed in guards.

    iex> Bitwise.bor(0b1100, 0b1010)
    14"#,
    ),
    guard("bxor", 2, |_, a| bits::bxor(&a[0], &a[1])).doc(
        r#"bxor(left, right)"#,
        r#"The bitwise exclusive or of two integers. Allowed in guards.

    iex> Bitwise.bxor(0b1100, 0b1010)
    6"#,
    ),
    guard("bnot", 1, |_, a| bits::bnot(&a[0])).doc(
        r#"bnot(expr)"#,
        r#"The bitwise not of an integer, in two's complement: `-expr - 1`.
Allowed in guards.

    iex> Bitwise.bnot(5)
    -6"#,
    ),
    guard("bsl", 2, |_, a| bits::bsl(&a[0], &a[1])).doc(
        r#"bsl(left, right)"#,
        r#"Shifts `left` left by `right` bits (right for a negative `right`).
Allowed in guards.

    iex> Bitwise.bsl(1, 10)
    1024"#,
    ),
    guard("bsr", 2, |_, a| bits::bsr(&a[0], &a[1])).doc(
        r#"bsr(left, right)"#,
        r#"Shifts `left` right by `right` bits, keeping the sign. Allowed in guards.

    iex> Bitwise.bsr(-16, 2)
    -4"#,
    ),
    guard("&&&", 2, |_, a| bits::band(&a[0], &a[1])).doc(
        r#"left &&& right"#,
        r#"The operator form of `band/2`, after `import Bitwise`.

    iex> Bitwise.&&&(6, 3)
    2"#,
    ),
    guard("|||", 2, |_, a| bits::bor(&a[0], &a[1])).doc(
        r#"left ||| right"#,
        r#"The operator form of `bor/2`, after `import Bitwise`.

    iex> Bitwise.|||(6, 3)
    7"#,
    ),
    guard("^^^", 2, |_, a| bits::bxor(&a[0], &a[1])).doc(
        r#"left ^^^ right"#,
        r#"The old operator form of `bxor/2`.

    iex> Bitwise.^^^(6, 3)
    5"#,
    ),
    guard("~~~", 1, |_, a| bits::bnot(&a[0])).doc(
        r#"~~~expr"#,
        r#"The operator form of `bnot/1`, after `import Bitwise`.

    iex> Bitwise.~~~(0)
    -1"#,
    ),
    guard("<<<", 2, |_, a| bits::bsl(&a[0], &a[1])).doc(
        r#"left <<< right"#,
        r#"The operator form of `bsl/2`, after `import Bitwise`.

    iex> Bitwise.<<<(1, 4)
    16"#,
    ),
    guard(">>>", 2, |_, a| bits::bsr(&a[0], &a[1])).doc(
        r#"left >>> right"#,
        r#"The operator form of `bsr/2`, after `import Bitwise`.

    iex> Bitwise.>>>(16, 4)
    1"#,
    ),
];
