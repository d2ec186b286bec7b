//! `:rand` natives: Erlang's default generator, exsss (Xorshift116 with
//! the `**` scrambler, seeded through SplitMix64), so that a seed gives
//! exactly the numbers the BEAM gives: `seed/1,2`, `seed_s/1,2`,
//! `uniform/0,1`, `uniform_s/1,2`, `uniform_real/0`, `uniform_real_s/1`,
//! `export_seed/0`, `export_seed_s/1`, `jump/0,1`. The state is Erlang's
//! term, `{%{type: :exsss, ...}, [s0 | s1]}`, kept in the process
//! dictionary under `:rand_seed` as Erlang keeps it; a process that never
//! seeded is seeded from the clock, its pid and a unique counter.
//!
//! `Enum.random/1`, `shuffle/1` and `take_random/2` draw from here the way
//! Elixir 1.14's Enum does (`uniform_in`, `uniform_float`).
//!
//! Not here: the other algorithms (`exrop`, `exs1024`, ...; seeding one
//! raises Erlang's `FunctionClauseError` in `:rand.mk_alg/1`), `bytes`
//! (phial's binaries are text), `normal`.

use crate::atom::Atom;
use crate::error::{self, Raise, Result};
use crate::library::support::processes::dict;
use crate::library::{def, Ctx, Native};
use crate::value::{Fun, MapInner, Value};
use num_bigint::BigInt;
use num_traits::{One, ToPrimitive, Zero};

pub const NATIVES: &[Native] = &[
    def("seed", 1, |ctx, a| {
        let st = seed_s1(&a[0])?;
        put_state(ctx, &st)
    }),
    def("seed", 2, |ctx, a| {
        let st = seed_s2(&a[0], &a[1])?;
        put_state(ctx, &st)
    }),
    def("seed_s", 1, |_, a| Ok(seed_s1(&a[0])?.term())),
    def("seed_s", 2, |_, a| Ok(seed_s2(&a[0], &a[1])?.term())),
    def("export_seed", 0, |ctx, _| {
        let key = Value::atom("rand_seed");
        let found = dict(ctx)?
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone());
        Ok(match found.as_ref().and_then(State::from_term) {
            Some(st) => st.export(),
            None => Value::atom("undefined"),
        })
    }),
    def("export_seed_s", 1, |_, a| match State::from_term(&a[0]) {
        Some(st) => Ok(st.export()),
        None => Err(clause("export_seed_s", 1, &a[0])),
    }),
    def("uniform", 0, |ctx, _| uniform_float(ctx).map(Value::Float)),
    def("uniform", 1, |ctx, a| {
        let mut st = current(ctx)?;
        let n = range_arg(&a[0])?;
        let v = st.uniform_n(&n);
        store(ctx, &st)?;
        Ok(v)
    }),
    def("uniform_s", 1, |_, a| {
        let mut st = State::from_term(&a[0]).ok_or_else(|| clause("uniform_s", 1, &a[0]))?;
        let f = st.uniform();
        Ok(Value::tuple(vec![Value::Float(f), st.term()]))
    }),
    def("uniform_s", 2, |_, a| {
        let mut st = State::from_term(&a[1]).ok_or_else(|| clause("uniform_s", 2, &a[0]))?;
        let n = range_arg(&a[0])?;
        let v = st.uniform_n(&n);
        Ok(Value::tuple(vec![v, st.term()]))
    }),
    def("uniform_real", 0, |ctx, _| {
        let mut st = current(ctx)?;
        let f = st.uniform_real();
        store(ctx, &st)?;
        Ok(Value::Float(f))
    }),
    def("uniform_real_s", 1, |_, a| {
        let mut st = State::from_term(&a[0]).ok_or_else(|| clause("uniform_real_s", 1, &a[0]))?;
        let f = st.uniform_real();
        Ok(Value::tuple(vec![Value::Float(f), st.term()]))
    }),
    def("jump", 0, |ctx, _| {
        let mut st = current(ctx)?;
        st.jump();
        put_state(ctx, &st)
    }),
    def("jump", 1, |_, a| {
        let mut st = State::from_term(&a[0]).ok_or_else(|| clause("jump", 1, &a[0]))?;
        st.jump();
        Ok(st.term())
    }),
];

const M58: u64 = (1 << 58) - 1;

/// `?BSL(58, x, n)`: shift left within 58 bits.
fn bsl58(x: u64, n: u32) -> u64 {
    (x & ((1 << (58 - n)) - 1)) << n
}

/// SplitMix64, which turns seed integers into generator state.
fn splitmix64_next(x0: u64) -> (u64, u64) {
    let x = x0.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let z = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31), x)
}

/// A nonzero 58-bit word from SplitMix64 (zeros skipped), and the next
/// SplitMix state.
fn seed58(mut x: u64) -> (u64, u64) {
    loop {
        let (z, next) = splitmix64_next(x);
        x = next;
        if z & M58 != 0 {
            return (z & M58, x);
        }
    }
}

/// The low 64 bits of an integer in two's complement: all that Erlang's
/// seeding keeps of a seed integer, however large or negative.
fn low64(v: &Value) -> Option<u64> {
    match v {
        Value::Int(i) => Some(*i as u64),
        Value::BigInt(b) => {
            let masked: BigInt = &**b & BigInt::from(u64::MAX);
            masked.to_u64()
        }
        _ => None,
    }
}

/// An exsss state: Erlang's improper list `[head | tail]`, two 58-bit words.
#[derive(Clone, Copy)]
pub(crate) struct State {
    head: u64,
    tail: u64,
}

impl State {
    /// One step of Xorshift116; returns the 58-bit `**`-scrambled output.
    fn next(&mut self) -> u64 {
        let s0 = self.tail & M58;
        let s1 = self.head;
        let s1_b = (s1 & M58) ^ bsl58(s1, 24);
        let new_s1 = s1_b ^ s0 ^ (s1_b >> 11) ^ (s0 >> 41);
        self.head = s0;
        self.tail = new_s1;
        // ((s0 * 5) rotl 7) * 9, modulo 2^58
        let a = s0 + bsl58(s0, 2);
        let b = bsl58(a, 7) | ((a >> (58 - 7)) & 0x7f);
        (b + bsl58(b, 3)) & M58
    }

    /// A float in `[0.0, 1.0)`: the top 53 bits of a word times 2^-53.
    pub(crate) fn uniform(&mut self) -> f64 {
        (self.next() >> 5) as f64 * f64::powi(2.0, -53)
    }

    /// An integer in `1..=n` (`n >= 1`), rejecting words from the
    /// truncated top of the range as Erlang does, so the draws agree.
    pub(crate) fn uniform_n(&mut self, n: &BigInt) -> Value {
        if let Some(n) = n.to_u64().filter(|n| *n <= 1 << 58) {
            return Value::Int(self.uniform_u58(n) as i64);
        }
        let v = self.next();
        crate::library::support::numbers::norm(self.uniform_big(n, v))
    }

    /// `uniform_n` for `1 <= n <= 2^58`.
    pub(crate) fn uniform_u58(&mut self, n: u64) -> u64 {
        let max_minus_n = (1u64 << 58) - n;
        loop {
            let v = self.next();
            if v < n {
                return v + 1;
            }
            let i = v % n;
            if v - i <= max_minus_n {
                return i + 1;
            }
        }
    }

    /// `uniform_range/4` of rand.erl: a range wider than one word, built
    /// from several words (58 bits each, none wasted: exsss has no weak
    /// low bits).
    fn uniform_big(&mut self, range: &BigInt, mut v: u64) -> BigInt {
        loop {
            let minus1 = range - 1u32;
            let power_of_two = (range & &minus1).is_zero();
            let mut top: BigInt = if power_of_two {
                range >> 58
            } else {
                range >> 56
            };
            let mut acc = BigInt::from(v);
            let mut bits = 58u64;
            while top > BigInt::one() {
                let next = self.next();
                acc = (acc << 58) | BigInt::from(next);
                bits += 58;
                top >>= 58;
            }
            if power_of_two {
                return (acc & minus1) + 1u32;
            }
            let i = &acc % range;
            if &acc - &i <= (BigInt::one() << bits) - range {
                return i + 1u32;
            }
            v = self.next();
        }
    }

    /// A float in `(0.0, 1.0]` keeping 53 random mantissa bits however
    /// small it is (`uniform_real_s/1`).
    pub(crate) fn uniform_real(&mut self) -> f64 {
        let m1 = self.next() >> 2;
        if let Some(f) = top56(m1, 0) {
            return f;
        }
        let v2 = self.next();
        self.real_more(m1, -56, v2)
    }

    /// `uniform_real_s/7`: `m0` holds the bits so far, `bit_no` their
    /// exponent, `v1` a fresh word.
    fn real_more(&mut self, m0: u64, bit_no: i32, v1: u64) -> f64 {
        let pow = |e: i32| f64::powi(2.0, e);
        if bit_no == -1064 {
            let b0 = 53 - bit_len(m0);
            return ((m0 << b0) | (v1 >> (58 - b0))) as f64 * pow(-1064 - b0 as i32);
        }
        if m0 >= 1 << 51 {
            ((m0 << 1) | (v1 >> 57)) as f64 * pow(bit_no - 1)
        } else if m0 >= 1 << 50 {
            ((m0 << 2) | (v1 >> 56)) as f64 * pow(bit_no - 2)
        } else if m0 >= 1 << 49 {
            ((m0 << 3) | (v1 >> 55)) as f64 * pow(bit_no - 3)
        } else if m0 == 0 {
            let m1 = v1 >> 2;
            if let Some(f) = top56(m1, bit_no) {
                f
            } else if bit_no == -1008 && m1 < 1 << 42 {
                // Would underflow 2^-1022: start over, as Erlang does.
                self.uniform_real()
            } else {
                let v = self.next();
                self.real_more(m1, bit_no - 56, v)
            }
        } else {
            let b0 = 53 - bit_len(m0);
            ((m0 << b0) | (v1 >> (58 - b0))) as f64 * pow(bit_no - b0 as i32)
        }
    }

    /// Jumps 2^64 steps ahead (`exsplus_jump/1`).
    fn jump(&mut self) {
        let (mut h, mut t) = (0u64, 0u64);
        for word in [0x002f_8ea6_bc32_c797_u64, 0x0345_d2a0_f85f_788c] {
            for bit in 0..58 {
                if word >> bit & 1 == 1 {
                    h ^= self.head;
                    t ^= self.tail;
                }
                self.next();
            }
        }
        self.head = h;
        self.tail = t;
    }

    /// Erlang's full state term `{alg_handler, [head | tail]}`.
    pub(crate) fn term(&self) -> Value {
        let fun = |name: &str, arity: u32| {
            Value::Fun(std::sync::Arc::new(Fun::External {
                module: Atom::new("rand"),
                name: Atom::new(name),
                arity,
            }))
        };
        let mut m = MapInner::new();
        m.insert(Value::atom("type"), Value::atom("exsss"));
        m.insert(Value::atom("bits"), Value::Int(58));
        m.insert(Value::atom("next"), fun("exsss_next", 1));
        m.insert(Value::atom("uniform"), fun("exsss_uniform", 1));
        m.insert(Value::atom("uniform_n"), fun("exsss_uniform", 2));
        m.insert(Value::atom("jump"), fun("exsplus_jump", 1));
        Value::tuple(vec![Value::map(m), self.words()])
    }

    fn words(&self) -> Value {
        Value::cons(Value::Int(self.head as i64), Value::Int(self.tail as i64))
    }

    /// `export_seed_s/1`: `{:exsss, [head | tail]}`.
    fn export(&self) -> Value {
        Value::tuple(vec![Value::atom("exsss"), self.words()])
    }

    /// A state from its full term, or from an exported one.
    pub(crate) fn from_term(v: &Value) -> Option<State> {
        let Value::Tuple(t) = v else { return None };
        if t.len() != 2 {
            return None;
        }
        let alg = match &t[0] {
            Value::Map(m) => m.get(&Value::atom("type"))?.clone(),
            other => other.clone(),
        };
        if alg.as_atom()? != Atom::new("exsss") {
            return None;
        }
        let Value::Cons(c) = &t[1] else { return None };
        match (&c.head, &c.tail) {
            (Value::Int(h), Value::Int(t)) if *h >= 0 && *t >= 0 => Some(State {
                head: *h as u64,
                tail: *t as u64,
            }),
            _ => None,
        }
    }

    fn from_triple(a1: u64, a2: u64, a3: u64) -> State {
        let (_, x0) = seed58(a1);
        let (s0, x1) = seed58(a2 ^ x0);
        let (s1, _) = seed58(a3 ^ x1);
        State { head: s0, tail: s1 }
    }
}

/// `?uniform_real` for the first 56 bits: a float when the word's top
/// bits make 53 significant ones.
fn top56(m1: u64, bit_no: i32) -> Option<f64> {
    let pow = |e: i32| f64::powi(2.0, e);
    if m1 >= 1 << 55 {
        Some((m1 >> 3) as f64 * pow(bit_no - 53))
    } else if m1 >= 1 << 54 {
        Some((m1 >> 2) as f64 * pow(bit_no - 54))
    } else if m1 >= 1 << 53 {
        Some((m1 >> 1) as f64 * pow(bit_no - 55))
    } else if m1 >= 1 << 52 {
        Some(m1 as f64 * pow(bit_no - 56))
    } else {
        None
    }
}

fn bit_len(v: u64) -> u32 {
    64 - v.leading_zeros()
}

/// `FunctionClauseError` in `:rand.name/arity`, as the BEAM raises it.
fn clause(name: &str, arity: u32, _arg: &Value) -> Raise {
    error::erlang_function_clause_error(Atom::new("rand"), Atom::new(name), arity)
}

/// The `n` of `uniform(n)`: an integer of at least 1.
fn range_arg(v: &Value) -> Result<BigInt> {
    let n = match v {
        Value::Int(i) => BigInt::from(*i),
        Value::BigInt(b) => (**b).clone(),
        _ => BigInt::zero(),
    };
    if n < BigInt::one() {
        return Err(clause("uniform_s", 2, v));
    }
    Ok(n)
}

fn is_exsss(alg: &Value) -> bool {
    matches!(alg.as_atom().map(|a| a.as_str()), Some("exsss" | "default"))
}

/// `seed_s/1`: an algorithm (seeded from the clock), an exported seed or
/// a full state.
fn seed_s1(v: &Value) -> Result<State> {
    if let Some(st) = State::from_term(v) {
        return Ok(st);
    }
    if is_exsss(v) {
        return Ok(default_seed());
    }
    Err(clause("mk_alg", 1, v))
}

/// `seed_s/2`: an algorithm and a seed (an integer, a list of integers or
/// a triple).
fn seed_s2(alg: &Value, seed: &Value) -> Result<State> {
    if !is_exsss(alg) {
        return Err(clause("mk_alg", 1, alg));
    }
    let seed_clause = || clause("exsss_seed", 1, seed);
    match seed {
        Value::Int(_) | Value::BigInt(_) => {
            let x = low64(seed).ok_or_else(seed_clause)?;
            let (s0, x) = seed58(x);
            let (s1, _) = seed58(x);
            Ok(State { head: s0, tail: s1 })
        }
        Value::Tuple(t) if t.len() == 3 => {
            let w = |i: usize| low64(&t[i]).ok_or_else(error::arithmetic_error);
            Ok(State::from_triple(w(0)?, w(1)?, w(2)?))
        }
        Value::Nil | Value::Cons(_) => {
            let items = seed.list_to_vec().ok_or_else(seed_clause)?;
            let mut words = [0u64; 2];
            if items.is_empty() {
                return Err(error::erlang_error(Value::atom("zero_seed")));
            }
            if items.len() > 2 {
                return Err(error::erlang_error(Value::atom("too_many_seed_integers")));
            }
            for (w, v) in words.iter_mut().zip(&items) {
                *w = low64(v)
                    .ok_or_else(|| error::erlang_error(Value::atom("non_integer_seed")))?
                    & M58;
            }
            if words == [0, 0] {
                return Err(error::erlang_error(Value::atom("zero_seed")));
            }
            Ok(State {
                head: words[0],
                tail: words[1],
            })
        }
        _ => Err(seed_clause()),
    }
}

/// A state for a process that never seeded: the clock, a process-wide
/// counter and the thread, mixed by SplitMix as any triple is.
fn default_seed() -> State {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
    let here = &unique as *const u64 as u64;
    State::from_triple(here, now, unique)
}

/// The calling process's state, seeding it first if it has none.
pub(crate) fn current(ctx: &mut Ctx) -> Result<State> {
    let key = Value::atom("rand_seed");
    let d = dict(ctx)?;
    if let Some(st) = d
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| State::from_term(v))
    {
        return Ok(st);
    }
    Ok(default_seed())
}

/// Puts `st` in the process dictionary as `:rand_seed`.
pub(crate) fn store(ctx: &mut Ctx, st: &State) -> Result<()> {
    let key = Value::atom("rand_seed");
    let term = st.term();
    let d = dict(ctx)?;
    match d.iter_mut().find(|(k, _)| *k == key) {
        Some((_, v)) => *v = term,
        None => d.push((key, term)),
    }
    Ok(())
}

/// Stores `st` and returns its term (what `seed/1,2` and `jump/0` return).
fn put_state(ctx: &mut Ctx, st: &State) -> Result<Value> {
    store(ctx, st)?;
    Ok(st.term())
}

/// `:rand.uniform()` for other natives.
pub(crate) fn uniform_float(ctx: &mut Ctx) -> Result<f64> {
    let mut st = current(ctx)?;
    let f = st.uniform();
    store(ctx, &st)?;
    Ok(f)
}

/// Elixir's `Enum.random_integer(0, upper)`: `upper` itself when it is 0
/// (no draw), else `:rand.uniform(upper + 1) - 1`.
/// `:rand.uniform(count) - 1` for any positive `count`, bignum or not
/// (`Enum.random` over a range).
pub(crate) fn index_below(ctx: &mut Ctx, count: &BigInt) -> Result<BigInt> {
    let mut st = current(ctx)?;
    let v = st.uniform_n(count);
    store(ctx, &st)?;
    let v = match v {
        Value::Int(i) => BigInt::from(i),
        Value::BigInt(b) => (*b).clone(),
        _ => BigInt::from(1),
    };
    Ok(v - 1)
}

pub(crate) fn index_upto(ctx: &mut Ctx, upper: usize) -> Result<usize> {
    if upper == 0 {
        return Ok(0);
    }
    let mut st = current(ctx)?;
    let v = st.uniform_u58(upper as u64 + 1);
    store(ctx, &st)?;
    Ok(v as usize - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Figures printed by Erlang/OTP 25 for the same seeds.
    #[test]
    fn seeds_and_draws_agree_with_the_beam() {
        let mut st = State::from_triple(1, 2, 3);
        assert_eq!((st.head, st.tail), (117085240290607817, 199386643319833935));
        assert_eq!(st.uniform(), 0.5455598952593053);
        assert_eq!(st.uniform(), 0.6039309974353404);
        assert_eq!(st.uniform(), 0.6684893034823949);
        let draws: Vec<u64> = (0..3).map(|_| st.uniform_u58(1000)).collect();
        assert_eq!(draws, [639, 331, 474]);
    }
}
