//! Float printing round-trips: for a million random bit patterns, both the
//! `inspect` and the `to_string` forms parse back (with Rust's exact parser)
//! to the very same bits. Also pins the Elixir 1.14 spellings recorded from
//! real Elixir for the boundary cases.
//!
//! Not here: layout of floats inside containers (`tests/inspect_terms`).

use phial_eval::format::{float_inspect, float_to_string};

/// A seeded xorshift so the sweep is the same every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

#[test]
fn a_million_random_floats_round_trip() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut checked = 0;
    while checked < 1_000_000 {
        let f = f64::from_bits(rng.next());
        if !f.is_finite() {
            continue;
        }
        for text in [float_inspect(f), float_to_string(f)] {
            let back: f64 = text
                .parse()
                .unwrap_or_else(|_| panic!("{text} does not parse"));
            assert_eq!(back.to_bits(), f.to_bits(), "{f:e} printed as {text}");
            assert!(text.contains('.'), "{text} has no fractional part");
        }
        checked += 1;
    }
}

#[test]
fn elixir_spellings() {
    // (value, inspect, to_string) as Elixir 1.14 prints them.
    let cases: &[(f64, &str, &str)] = &[
        (1.0e15, "1000000000000000.0", "1.0e15"),
        (1.0e16, "1.0e16", "1.0e16"),
        (123456789.0, "123456789.0", "123456789.0"),
        (0.0001, "0.0001", "0.0001"),
        (0.00012345, "1.2345e-4", "1.2345e-4"),
        (100.0, "100.0", "100.0"),
        (1.0e10, "10000000000.0", "1.0e10"),
        (5.0e-324, "5.0e-324", "5.0e-324"),
        (
            9007199254740992.0,
            "9007199254740992.0",
            "9.007199254740992e15",
        ),
        (
            1234567890123456.8,
            "1234567890123456.8",
            "1234567890123456.8",
        ),
        (
            123456789012345680.0,
            "1.2345678901234568e17",
            "1.2345678901234568e17",
        ),
        (-0.0, "-0.0", "-0.0"),
    ];
    for (f, ins, ts) in cases {
        assert_eq!(float_inspect(*f), *ins, "inspect {f:e}");
        assert_eq!(float_to_string(*f), *ts, "to_string {f:e}");
    }
}
