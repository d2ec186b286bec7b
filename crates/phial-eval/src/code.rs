//! The compiled form the evaluator runs: per-function instruction arrays,
//! patterns and guards.
//!
//! Expressions compile to a small stack-machine code (`Op`); patterns (`Pat`)
//! and guards (`Guard`) stay trees, matched and evaluated natively, because
//! neither can call user code or wait, so they never need to suspend. That
//! split is what lets a process stop at any `Op` boundary (a call, a
//! `receive`) and resume later on another thread with nothing on the Rust
//! stack: the whole continuation is the frame stack plus the value stack.
//!
//! Not here: how ops execute (`machine`), how the AST becomes ops (`compile`).

use crate::atom::Atom;
use crate::library::BifId;
use crate::value::Value;
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// One compiled function: a named function with all its clauses, an
/// anonymous `fn`, or a top-level script body (arity 0, one clause).
// Non-exhaustive: only this crate builds `FnCode` (the compiler, which
// checks `targets_in_range` of everything it builds); other crates cannot.
#[non_exhaustive]
pub struct FnCode {
    pub module: Atom,
    pub name: Atom,
    pub arity: u32,
    /// For an anonymous function: the named function it is written in and
    /// the fun's index there, which its stacktrace entry names as the
    /// BEAM does (`:"-f/1-fun-0-"`, printed `anonymous fn/0 in M.f/1`).
    pub parent: Option<(Atom, u32, u32)>,
    /// Variables copied from the enclosing frame when the closure is created:
    /// `(outer slot, inner slot)`. For a program, the outer "slot" is the
    /// index into the values the host passes in (REPL bindings).
    pub captures: Vec<(u32, u32)>,
    /// Local slots the frame needs, the arguments included: slots
    /// `0..arity` are the arguments themselves, where the caller pushed them,
    /// so a head like `def f(k)` binds `k` without copying anything.
    pub nlocals: u32,
    /// Function heads tried in order when the function is entered.
    pub clauses: Vec<Clause>,
    /// A shortcut past the leading literal heads (see `HeadSwitch`).
    pub head_switch: Option<HeadSwitch>,
    /// The first clause the head switch does not cover, when its head is
    /// all plain variables (see `OpenClause`).
    pub open_clause: Option<OpenClause>,
    pub ops: Vec<Op>,
    /// Byte offset in the source of each op (for error locations).
    pub offsets: Vec<u32>,
    pub consts: Vec<Value>,
    pub pats: Vec<Pat>,
    pub switches: Vec<Switch>,
    pub lambdas: Vec<Arc<FnCode>>,
    pub calls: Vec<CallSite>,
    pub handlers: Vec<Handler>,
    /// The segments of each `<<...>>` this code builds (`Op::Bits`).
    pub bitstrings: Vec<Arc<[crate::bitstring::Segment]>>,
    /// Modules defined by `DefModule` ops in this code.
    pub modules: Vec<Arc<crate::compile::Module>>,
    /// The file this code came from, for error locations.
    pub file: Arc<str>,
    /// Line starts of that file (for offset -> line).
    pub lines: Arc<Vec<u32>>,
}

impl FnCode {
    /// The code of the frame a stepping native waits in while phial code
    /// it called runs: `Resume` takes the call's result to the native's
    /// continuation (which may call again, and the frame resumes again),
    /// then `Return` hands the native's value to its caller. One shared
    /// static: it holds no data of its own.
    pub fn trampoline() -> &'static FnCode {
        static CODE: OnceLock<FnCode> = OnceLock::new();
        CODE.get_or_init(|| {
            let code = FnCode {
                module: Atom::new("phial"),
                name: Atom::new("native"),
                arity: 0,
                parent: None,
                captures: Vec::new(),
                nlocals: 0,
                clauses: Vec::new(),
                head_switch: None,
                open_clause: None,
                ops: vec![Op::Resume, Op::Return],
                offsets: vec![0, 0],
                consts: Vec::new(),
                pats: Vec::new(),
                switches: Vec::new(),
                bitstrings: Vec::new(),
                lambdas: Vec::new(),
                calls: Vec::new(),
                handlers: Vec::new(),
                modules: Vec::new(),
                file: Arc::from("nofile"),
                lines: Arc::new(vec![0]),
            };
            debug_assert!(code.targets_in_range());
            code
        })
    }

    /// 1-based source line of op `pc`.
    pub fn line_of(&self, pc: usize) -> u32 {
        let off = self.offsets.get(pc).copied().unwrap_or(0);
        match self.lines.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    pub fn is_anonymous(&self) -> bool {
        self.name == Atom::new("-fun-")
    }

    /// Whether execution can only ever reach ops of this function: every
    /// clause entry and every jump, switch, `after` and handler target is in
    /// range, and the last op never falls through to the next. The step loop
    /// relies on this to fetch ops without a bounds check (both step loops);
    /// the compiler checks it of every function it builds (`pop_fn`).
    pub fn targets_in_range(&self) -> bool {
        let n = self.ops.len() as u32;
        let ok = |t: u32| t < n;
        let last_stops = matches!(
            self.ops.last(),
            Some(
                Op::Return
                    | Op::ReturnConst(_)
                    | Op::ReturnLocal(_)
                    | Op::ReturnBinOp(_)
                    | Op::Jump(_)
                    | Op::TailCall(_)
                    | Op::CondFail
                    | Op::Reraise
                    | Op::CallDyn { tail: true, .. }
                    | Op::CallFun { tail: true, .. }
                    | Op::Apply { tail: true, .. }
            )
        );
        let ops_ok = self.ops.iter().all(|op| match *op {
            Op::Jump(t)
            | Op::JumpIfFalsy(t)
            | Op::BoolShort { target: t, .. }
            | Op::TruthyShort { target: t, .. }
            | Op::Receive { after: t, .. } => ok(t),
            Op::Switch(i) => (i as usize) < self.switches.len(),
            Op::TryEnter(h) => (h as usize) < self.handlers.len(),
            _ => true,
        });
        last_stops
            && ops_ok
            && self.clauses.iter().all(|c| ok(c.case.entry))
            && self
                .switches
                .iter()
                .all(|s| s.clauses.iter().all(|c| ok(c.target)))
            && self
                .handlers
                .iter()
                .all(|h| h.clauses.iter().all(|c| ok(c.target)) && h.reraise_via.is_none_or(ok))
    }
}

/// A function head: patterns for each argument, an optional guard, and where
/// its body starts.
pub struct Clause {
    /// The argument patterns that test something (not `Pat::Any`), with the
    /// argument each applies to, literal integers and atoms pulled out so
    /// trying a head like `fib(0)` is one comparison.
    pub checks: Box<[ArgCheck]>,
    pub guard: Option<Guard>,
    /// The guard again when it compares a variable with an integer literal
    /// (`when k > 1`), decided without walking the guard tree.
    pub int_guard: Option<IntGuard>,
    /// The guard again when it is integer arithmetic and comparisons over
    /// variables and literals (`when rem(k, 2) == 0 and k > 0`), as a
    /// flat program decided without building values (see `IntCond`).
    pub int_cond: Option<IntCond>,
    /// Where the body starts, and what it returns when it only returns
    /// (`Case::leaf`, filled in once the function's ops are complete by
    /// `Clause::find_leaves`). Kept as a `Case` so that choosing a clause
    /// hands on a reference to it, not a copy.
    pub case: Case,
}

/// `slot op imm`: a guard comparing a variable with an integer literal,
/// kept as the range of integers that pass (`k > 1` is `2..=i64::MAX`), so
/// deciding it is one subtraction and one unsigned comparison.
#[derive(Clone, Copy)]
pub struct IntGuard {
    pub slot: u32,
    /// The range's first value, and its length less one.
    lo: i64,
    span: u64,
    /// `!=`: the integers that pass are those outside the range.
    outside: bool,
}

impl IntGuard {
    fn of(g: &Guard) -> Option<IntGuard> {
        let Guard::BinOp(op, a, b) = g else {
            return None;
        };
        // `1 < k` is `k > 1`.
        let (op, slot, imm) = match (&**a, &**b) {
            (Guard::Local(s), Guard::Lit(Value::Int(i))) => (*op, *s, *i),
            (Guard::Lit(Value::Int(i)), Guard::Local(s)) => (op.flipped()?, *s, *i),
            _ => return None,
        };
        // An empty range (`k < i64::MIN`) is left to the general guard.
        let (lo, hi, outside) = match op {
            BinOp::Lt => (i64::MIN, imm.checked_sub(1)?, false),
            BinOp::Le => (i64::MIN, imm, false),
            BinOp::Gt => (imm.checked_add(1)?, i64::MAX, false),
            BinOp::Ge => (imm, i64::MAX, false),
            BinOp::Eq => (imm, imm, false),
            BinOp::Ne => (imm, imm, true),
            _ => return None,
        };
        Some(IntGuard {
            slot,
            lo,
            span: hi.wrapping_sub(lo) as u64,
            outside,
        })
    }

    /// The guard's outcome when the variable holds the integer `x`.
    #[inline(always)]
    pub fn test(self, x: i64) -> bool {
        ((x.wrapping_sub(self.lo) as u64) <= self.span) != self.outside
    }
}

/// An integer guard as a postfix program over a small stack of `i64`s
/// (booleans as 0 and 1). Built only for guards that are wholly integer
/// arithmetic (`+ - * rem div`), comparisons and `and`/`or` over variables
/// and integer literals; evaluating one builds no value and recurses
/// nowhere. Undecided (`None`: a variable holding something else, an
/// overflow, a zero divisor, a slot the frame does not have yet) leaves the
/// guard to the general evaluator, which then decides it as Elixir does.
/// `and`/`or` evaluate both sides: a side that would not be decided makes
/// the whole undecided, never wrong.
#[derive(Clone, Debug)]
pub struct IntCond {
    items: Box<[IntItem]>,
}

#[derive(Clone, Copy, Debug)]
enum IntItem {
    Slot(u32),
    Imm(i64),
    Op(BinOp),
    And,
    Or,
}

impl IntCond {
    /// Deepest stack a program may need.
    const DEPTH: usize = 8;

    fn of(g: &Guard) -> Option<IntCond> {
        let mut items = Vec::new();
        // The guard must be a boolean: a comparison, or `and`/`or` of them.
        Self::push_bool(g, &mut items)?;
        // Check the depth once, here, so `eval` cannot overflow its stack.
        let mut depth = 0usize;
        let mut max = 0;
        for it in &items {
            match it {
                IntItem::Slot(_) | IntItem::Imm(_) => depth += 1,
                _ => depth -= 1,
            }
            max = max.max(depth);
        }
        (max <= Self::DEPTH).then(|| IntCond {
            items: items.into_boxed_slice(),
        })
    }

    fn push_bool(g: &Guard, out: &mut Vec<IntItem>) -> Option<()> {
        match g {
            Guard::And(a, b) | Guard::Or(a, b) => {
                Self::push_bool(a, out)?;
                Self::push_bool(b, out)?;
                out.push(if matches!(g, Guard::And(..)) {
                    IntItem::And
                } else {
                    IntItem::Or
                });
            }
            Guard::BinOp(
                k @ (BinOp::Lt
                | BinOp::Gt
                | BinOp::Le
                | BinOp::Ge
                | BinOp::Eq
                | BinOp::Ne
                | BinOp::StrictEq
                | BinOp::StrictNe),
                a,
                b,
            ) => {
                Self::push_int(a, out)?;
                Self::push_int(b, out)?;
                out.push(IntItem::Op(*k));
            }
            _ => return None,
        }
        Some(())
    }

    fn push_int(g: &Guard, out: &mut Vec<IntItem>) -> Option<()> {
        match g {
            Guard::Local(s) => out.push(IntItem::Slot(*s)),
            Guard::Lit(Value::Int(i)) => out.push(IntItem::Imm(*i)),
            Guard::BinOp(
                k @ (BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Rem | BinOp::Div),
                a,
                b,
            ) => {
                Self::push_int(a, out)?;
                Self::push_int(b, out)?;
                out.push(IntItem::Op(*k));
            }
            _ => return None,
        }
        Some(())
    }

    /// The guard's outcome over the frame slots `locals`, when decided.
    #[inline]
    pub fn eval(&self, locals: &[Value]) -> Option<bool> {
        let mut st = [0i64; Self::DEPTH];
        let mut n = 0usize;
        for it in self.items.iter() {
            let v = match *it {
                IntItem::Slot(s) => match locals.get(s as usize) {
                    Some(Value::Int(x)) => *x,
                    _ => return None,
                },
                IntItem::Imm(i) => i,
                op => {
                    // Built with its depth checked (`of`): two operands
                    // are there; `get` keeps a bad program from panicking.
                    let (x, y) = (*st.get(n.wrapping_sub(2))?, *st.get(n - 1)?);
                    n -= 2;
                    match op {
                        IntItem::And => x & y,
                        IntItem::Or => x | y,
                        IntItem::Op(k) => match k {
                            BinOp::Add => x.checked_add(y)?,
                            BinOp::Sub => x.checked_sub(y)?,
                            BinOp::Mul => x.checked_mul(y)?,
                            BinOp::Rem if y != 0 => x.wrapping_rem(y),
                            BinOp::Div => x.checked_div(y)?,
                            BinOp::Lt => (x < y) as i64,
                            BinOp::Gt => (x > y) as i64,
                            BinOp::Le => (x <= y) as i64,
                            BinOp::Ge => (x >= y) as i64,
                            BinOp::Eq | BinOp::StrictEq => (x == y) as i64,
                            BinOp::Ne | BinOp::StrictNe => (x != y) as i64,
                            _ => return None,
                        },
                        _ => return None,
                    }
                }
            };
            *st.get_mut(n)? = v;
            n += 1;
        }
        (n == 1).then(|| st[0] != 0)
    }
}

impl Clause {
    pub fn new(args: Vec<Pat>, guard: Option<Guard>, entry: u32) -> Clause {
        let argc = args.len() as u32;
        let checks = args
            .into_iter()
            .enumerate()
            .filter_map(|(j, p)| {
                let j = j as u32;
                match p {
                    Pat::Any => None,
                    Pat::Lit(Value::Int(i)) => Some(ArgCheck::Int(j, i)),
                    Pat::Lit(Value::Atom(a)) => Some(ArgCheck::Atom(j, a)),
                    Pat::Nil => Some(ArgCheck::Nil(j)),
                    Pat::Cons(h, t) => match (slot_of(&h), slot_of(&t)) {
                        (Some(h), Some(t)) => Some(ArgCheck::Cons(j, h, t)),
                        _ => Some(ArgCheck::Pat(j, Pat::Cons(h, t))),
                    },
                    Pat::Tuple(ps) => match tuple_slots(&ps, argc) {
                        Some(slots) => Some(ArgCheck::Tuple(j, slots)),
                        None => Some(ArgCheck::Pat(j, Pat::Tuple(ps))),
                    },
                    p => Some(ArgCheck::Pat(j, p)),
                }
            })
            .collect();
        Clause {
            checks,
            int_guard: guard.as_ref().and_then(IntGuard::of),
            int_cond: guard.as_ref().and_then(IntCond::of),
            guard,
            case: Case { entry, leaf: None },
        }
    }
}

/// The slot a head's sub-pattern binds, `Some(None)` for `_`, `None` for
/// any other pattern (see `ArgCheck::Cons`).
fn slot_of(p: &Pat) -> Option<Option<u32>> {
    match p {
        Pat::Bind(s) => Some(Some(*s)),
        Pat::Any => Some(None),
        _ => None,
    }
}

/// The slots of a tuple pattern made only of fresh variables and `_`
/// (`{k, v}`, `{_, x}`), when every one is past the `argc` arguments, as
/// the slots a head binds are: then binding them never writes the slot of
/// the tuple being read (`machine::enter::bind_tuple`).
fn tuple_slots(ps: &[Pat], argc: u32) -> Option<Box<[Option<u32>]>> {
    ps.iter()
        .map(|p| match slot_of(p)? {
            Some(s) if s < argc => None,
            slot => Some(slot),
        })
        .collect()
}

/// Function heads that open with literal integers for one argument
/// (`fib(0)`, `fib(1)`, then `fib(k)`): a call finds its literal's clause, or
/// skips all of them, with one lookup instead of trying each in turn.
pub struct HeadSwitch {
    /// The argument the literals are for.
    pub arg: u32,
    /// Each literal and the first clause for it.
    pub cases: Box<[(i64, Case)]>,
    /// The smallest and largest literal: most calls of a recursive function
    /// miss every literal, and this says so in two comparisons.
    pub lo: i64,
    pub hi: i64,
    /// When the literals span at most `DENSE_SPAN` values: the entry for
    /// each value from `lo`, `NO_CASE` where there is none. Empty otherwise.
    dense: Box<[Option<Case>]>,
    /// Index of the first clause the switch does not cover.
    pub rest: usize,
}

impl HeadSwitch {
    /// The switch over `clauses`' leading run of heads whose only test is
    /// one integer literal, all for the same argument, with no guard.
    pub fn of(clauses: &[Clause]) -> Option<HeadSwitch> {
        let mut arg = None;
        let mut cases: Vec<(i64, Case)> = Vec::new();
        let mut covered = 0;
        for c in clauses {
            match (&*c.checks, &c.guard) {
                ([ArgCheck::Int(j, x)], None) if arg.is_none_or(|a| a == *j) => {
                    arg = Some(*j);
                    // A repeated literal's later clause can never be chosen.
                    if !cases.iter().any(|(y, _)| y == x) {
                        cases.push((*x, c.case));
                    }
                    covered += 1;
                }
                _ => break,
            }
        }
        let lo = cases.iter().map(|(x, _)| *x).min()?;
        let hi = cases.iter().map(|(x, _)| *x).max()?;
        let dense = match hi.checked_sub(lo) {
            Some(span) if span < Self::DENSE_SPAN => {
                let mut table = vec![None; span as usize + 1];
                for (x, c) in &cases {
                    table[(x - lo) as usize] = Some(*c);
                }
                table.into_boxed_slice()
            }
            _ => Box::default(),
        };
        Some(HeadSwitch {
            arg: arg?,
            cases: cases.into_boxed_slice(),
            lo,
            hi,
            dense,
            rest: covered,
        })
    }

    const DENSE_SPAN: i64 = 64;

    /// The clause for the arguments `args`, if a literal is the switched
    /// argument.
    #[inline(always)]
    pub fn case_for_args(&self, args: &[Value]) -> Option<&Case> {
        match args.get(self.arg as usize) {
            Some(Value::Int(y)) => self.case_for(*y),
            _ => None,
        }
    }

    /// The clause for the integer `y`, if a literal is `y`.
    #[inline(always)]
    pub fn case_for(&self, y: i64) -> Option<&Case> {
        if y < self.lo || y > self.hi {
            return None;
        }
        if self.dense.is_empty() {
            return self.cases.iter().find(|(x, _)| *x == y).map(|(_, c)| c);
        }
        self.dense.get(y.wrapping_sub(self.lo) as usize)?.as_ref()
    }
}

/// A clause a call can choose without trying the heads: where it starts,
/// and, when its body only returns, what it returns (such a clause runs
/// without a frame).
#[derive(Clone, Copy)]
pub struct Case {
    pub entry: u32,
    pub leaf: Option<Leaf>,
}

/// The body of a clause that only returns, which a non-tail call runs
/// without pushing a frame: `def fib(0), do: 0` returns an integer,
/// `def name(0), do: :zero` another constant, `def loop(0, acc), do: acc`
/// an argument. The integer is kept apart so that returning it reads no
/// constant table and builds the value straight in its slot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Leaf {
    Int(i64),
    /// `consts[i]`, not an integer.
    Const(u32),
    Arg(u32),
}

impl Clause {
    /// Fills in each clause's `leaf` from the op its body starts with.
    pub fn find_leaves(clauses: &mut [Clause], ops: &[Op], consts: &[Value], arity: u32) {
        for c in clauses {
            c.case.leaf = match ops.get(c.case.entry as usize) {
                Some(Op::ReturnConst(i)) => match consts.get(*i as usize) {
                    Some(Value::Int(x)) => Some(Leaf::Int(*x)),
                    Some(_) => Some(Leaf::Const(*i)),
                    None => None,
                },
                Some(Op::ReturnLocal(j)) if *j < arity => Some(Leaf::Arg(*j)),
                _ => None,
            };
        }
    }
}

/// A clause whose head is all plain variables, guarded by nothing or by an
/// integer comparison (`def fib(k) when k > 1`, `def loop(n, acc)`): what
/// most calls of a recursive function choose, decided by the fast step
/// loop without looking at the clause list.
#[derive(Clone, Copy)]
pub struct OpenClause {
    pub guard: Option<IntGuard>,
    pub case: Case,
}

impl OpenClause {
    /// The open clause of `clauses` that a call tries first once `switch`
    /// (if any) has no literal for it.
    pub fn of(clauses: &[Clause], switch: Option<&HeadSwitch>) -> Option<OpenClause> {
        let c = clauses.get(switch.map_or(0, |sw| sw.rest))?;
        if !c.checks.is_empty() || (c.guard.is_some() && c.int_guard.is_none()) {
            return None;
        }
        Some(OpenClause {
            guard: c.int_guard,
            case: c.case,
        })
    }
}

/// One test a function head makes of one argument (by index).
pub enum ArgCheck {
    /// The argument is this integer.
    Int(u32, i64),
    /// The argument is this atom.
    Atom(u32, Atom),
    /// The argument is the empty list.
    Nil(u32),
    /// The argument is a non-empty list, `[h | t]`: its head and tail go
    /// to these slots (`None` for `_`). Decided and bound by both step
    /// loops without the pattern walker.
    Cons(u32, Option<u32>, Option<u32>),
    /// The argument is a tuple of exactly as many elements as there are
    /// slots, each element going to its slot (`None` for `_`): `{k, v}`
    /// in `fn {k, v} -> ... end`. Decided and bound without the pattern
    /// walker, as `Cons` is.
    Tuple(u32, Box<[Option<u32>]>),
    /// Any other pattern (it may bind variables).
    Pat(u32, Pat),
}

/// A named call the compiler could not bind to a builtin: looked up in the
/// module table the first time it runs, then cached.
pub struct CallSite {
    pub module: Atom,
    pub name: Atom,
    pub arity: u32,
    /// The function found, valid while no module has been defined since
    /// (`gen` against `vm::generation`): a redefined module reaches every
    /// caller, as in Elixir. Points into the VM's module table, which never
    /// frees module code.
    cache: AtomicPtr<FnCode>,
    gen: AtomicU64,
}

impl CallSite {
    pub fn new(module: Atom, name: Atom, arity: u32) -> CallSite {
        CallSite {
            module,
            name,
            arity,
            cache: AtomicPtr::new(std::ptr::null_mut()),
            gen: AtomicU64::new(u64::MAX),
        }
    }

    /// The cached callee, if still current.
    #[inline(always)]
    pub fn cached(&self) -> Option<&FnCode> {
        if self.gen.load(Ordering::Acquire) != crate::vm::generation() {
            return None;
        }
        // SAFETY: a non-null pointer was stored by `store` from module code,
        // which the VM keeps for its whole life (`Vm::define_module` never
        // frees a module), and every process running this code holds the VM.
        unsafe { self.cache.load(Ordering::Acquire).as_ref() }
    }

    /// Remembers `code`, a module function found in the VM's table now.
    pub fn store(&self, code: &Arc<FnCode>) -> &FnCode {
        let generation = crate::vm::generation();
        self.cache
            .store(Arc::as_ptr(code) as *mut FnCode, Ordering::Release);
        self.gen.store(generation, Ordering::Release);
        // SAFETY: as in `cached`: module code outlives every caller.
        unsafe { &*Arc::as_ptr(code) }
    }
}

/// The clauses of a `case`, `receive`, `rescue`/`catch` or `with ... else`.
pub struct Switch {
    pub clauses: Vec<SwitchClause>,
    pub kind: SwitchKind,
    /// Cached answer of `is_pure`.
    pub pure: OnceLock<bool>,
}

impl Switch {
    pub fn new(kind: SwitchKind) -> Switch {
        Switch {
            clauses: Vec::new(),
            kind,
            pure: OnceLock::new(),
        }
    }

    /// Whether a message this switch rejected once is rejected forever:
    /// no guards and no patterns that compare with bound variables. A
    /// `receive` over such a switch can skip messages it already scanned on
    /// an earlier visit (see `machine::receive_scan`).
    pub fn is_pure(&self) -> bool {
        *self.pure.get_or_init(|| {
            self.clauses
                .iter()
                .all(|c| c.guard.is_none() && c.pat.is_pure())
        })
    }
}

impl Pat {
    /// No `Same`/pinned parts: the outcome depends only on the value.
    pub fn is_pure(&self) -> bool {
        match self {
            Pat::Any | Pat::Bind(_) | Pat::Lit(_) | Pat::Nil => true,
            Pat::Same(_) => false,
            Pat::Tuple(ps) => ps.iter().all(Pat::is_pure),
            Pat::Cons(h, t) => h.is_pure() && t.is_pure(),
            Pat::Map(keys) => keys
                .iter()
                .all(|(k, p)| matches!(k, MapKey::Lit(_)) && p.is_pure()),
            Pat::StrPrefix(_, rest) => rest.is_pure(),
            // A size read from a variable bound before the pattern is not.
            Pat::Bits(segs) => segs.iter().all(|s| {
                s.value.is_pure() && !matches!(s.seg.size, crate::bitstring::Size::Local(_))
            }),
            Pat::Both(a, b) => a.is_pure() && b.is_pure(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SwitchKind {
    Case,
    Receive,
    /// `try ... else` clauses: no match raises TryClauseError.
    TryElse,
    /// `with ... else`: no match raises WithClauseError.
    WithElse,
    /// `cond`-like internal switches that never fail (the compiler adds a catch-all).
    Total,
}

pub struct SwitchClause {
    pub pat: Pat,
    pub guard: Option<Guard>,
    pub target: u32,
}

/// A `try` block's handler: where to go when an exception unwinds into it.
pub struct Handler {
    /// Clauses over the tuple `{kind, value}` (kind is `:error`, `:exit` or `:throw`);
    /// `rescue` clauses are compiled to patterns over `{:error, exception}`.
    pub clauses: Vec<SwitchClause>,
    /// Clauses from this index on are `catch` clauses: they see Erlang's raw
    /// error terms (`:badarg`), while `rescue` clauses see exceptions.
    pub catch_from: usize,
    /// Code to run when no clause matches (the `after` block, then re-raise),
    /// or `None` to re-raise at once.
    pub reraise_via: Option<u32>,
}

/// Arithmetic and comparison operators with an inline integer fast path
/// (the hot core of numeric code); other operand types fall back to the
/// general builtins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Lt,
    Gt,
    Le,
    Ge,
    Eq,
    Ne,
    StrictEq,
    StrictNe,
    /// `rem/2`, `div/2` (integers only; a zero divisor raises) and `/`
    /// (always a float): ops rather than builtin calls, so loops and guards
    /// doing integer or float arithmetic stay in the fast step loop.
    Rem,
    Div,
    FDiv,
}

impl BinOp {
    /// The `:erlang` function an arithmetic op is, as a trace names it
    /// when it raises; `None` for comparisons, which never do.
    pub fn erlang_name(self) -> Option<&'static str> {
        Some(match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::FDiv => "/",
            BinOp::Div => "div",
            BinOp::Rem => "rem",
            _ => return None,
        })
    }

    /// The operator a call of builtin `id` is (`rem(a, b)`, `:erlang.div/2`),
    /// so the compiler emits the op instead of the call.
    pub fn of_bif(id: BifId) -> Option<BinOp> {
        static OPS: OnceLock<Vec<(BifId, BinOp)>> = OnceLock::new();
        let ops = OPS.get_or_init(|| {
            let mut v = Vec::new();
            for m in ["Kernel", "erlang"] {
                let m = if m == "Kernel" {
                    Atom::alias(m)
                } else {
                    Atom::new(m)
                };
                for (name, op) in [("rem", BinOp::Rem), ("div", BinOp::Div), ("/", BinOp::FDiv)] {
                    if let Some(id) = crate::library::lookup(m, Atom::new(name), 2) {
                        v.push((id, op));
                    }
                }
            }
            v
        });
        ops.iter().find(|(b, _)| *b == id).map(|(_, op)| *op)
    }

    /// The comparison with its operands swapped (`a < b` is `b > a`).
    pub fn flipped(self) -> Option<BinOp> {
        Some(match self {
            BinOp::Lt => BinOp::Gt,
            BinOp::Gt => BinOp::Lt,
            BinOp::Le => BinOp::Ge,
            BinOp::Ge => BinOp::Le,
            BinOp::Eq => BinOp::Eq,
            BinOp::Ne => BinOp::Ne,
            _ => return None,
        })
    }

    pub fn from_symbol(s: &str) -> Option<BinOp> {
        Some(match s {
            "+" => BinOp::Add,
            "-" => BinOp::Sub,
            "*" => BinOp::Mul,
            "<" => BinOp::Lt,
            ">" => BinOp::Gt,
            "<=" => BinOp::Le,
            ">=" => BinOp::Ge,
            "==" => BinOp::Eq,
            "!=" => BinOp::Ne,
            "===" => BinOp::StrictEq,
            "!==" => BinOp::StrictNe,
            "/" => BinOp::FDiv,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug)]
pub enum Op {
    /// Pops two operands, pushes the result of the operator.
    BinOp(BinOp),
    /// `x - 1`, `n < 10`: local `slot` and a small integer, pushes the
    /// result. The commonest operator shape in loops, in one dispatch.
    BinOpLocalInt {
        op: BinOp,
        slot: u32,
        imm: i32,
    },
    /// `k - 1`, `count + 1`: local `slot` plus a small integer (a
    /// subtraction arrives with `imm` negated). The commonest operator of
    /// all, without `BinOpLocalInt`'s second dispatch on the operator.
    AddLocalInt {
        slot: u32,
        imm: i32,
    },
    /// `sum + v`: two locals, pushes the result.
    BinOpLocals {
        op: BinOp,
        a: u32,
        b: u32,
    },
    /// Push `consts[i]`.
    Const(u32),
    /// Push a copy of local slot `i`.
    Local(u32),
    /// Discard the top of the stack.
    Pop,
    Tuple(u32),
    /// `n` items on the stack, then the tail on top.
    ListTail(u32),
    /// `n` key/value pairs (2n values).
    Map(u32),
    /// A map, then `n` key/value pairs: `%{m | k => v}` (keys must exist).
    MapUpdate(u32),
    /// Match the top of the stack against `pats[i]` (leaves it on the stack);
    /// MatchError when it does not match.
    Match(u32),
    /// Call a builtin with `argc` arguments from the stack.
    Bif(BifId, u8),
    /// Call a stepping native (`bifs::Step`), which may call phial code
    /// before it has its value (see `machine::native`).
    Native(BifId, u8),
    /// Only in `FnCode::trampoline`: hand the value on top to the native
    /// continuation waiting for it, and do what it asks next.
    Resume,
    /// `send(dest, msg)` (`Kernel.send/2`, `:erlang.send/2`, `dest <- msg`):
    /// pops both, sends, pushes `msg` (the call's value). Done in place
    /// rather than as a builtin so the message moves instead of being
    /// copied, and saves its reference-count round trips.
    Send,
    /// A `Send` whose value the very next op, a `Pop`, throws away: the
    /// message moves into the mailbox and `nil` is pushed for the `Pop`.
    /// (The `Pop` stays, since a jump from another branch may land on it.)
    SendDiscard,
    /// Call `calls[i]` with the arguments on the stack.
    Call(u32),
    /// Tail call: reuse the current frame.
    TailCall(u32),
    /// `module.name(args)` where module is a runtime value below the args.
    CallDyn {
        name: Atom,
        argc: u8,
        tail: bool,
    },
    /// Call the function value below the `argc` arguments (`f.(x)`).
    CallFun {
        argc: u8,
        tail: bool,
    },
    /// `apply(fun, args)` (2) or `apply(mod, fun, args)` (3).
    Apply {
        argc: u8,
        tail: bool,
    },
    /// Create a closure from `lambdas[i]`.
    MakeFn(u32),
    Jump(u32),
    /// Pop; jump if falsy (`nil`/`false`).
    JumpIfFalsy(u32),
    /// For `and`/`or`: the top must be a boolean (BadBooleanError otherwise);
    /// if it equals `short`, leave it and jump; else pop it and continue.
    BoolShort {
        short: bool,
        target: u32,
    },
    /// For `&&`/`||`: if the top's truthiness equals `short`, leave it and
    /// jump; else pop it and continue.
    TruthyShort {
        short: bool,
        target: u32,
    },
    /// Pop the subject and jump to the first matching clause of `switches[i]`.
    Switch(u32),
    /// `receive` over `switches[i]`; the timeout value is on top of the stack;
    /// `after` is where to go when it expires.
    Receive {
        switch: u32,
        after: u32,
    },
    /// Enter a `try`: install `handlers[i]`.
    TryEnter(u32),
    /// Leave the innermost `try` normally.
    TryExit,
    /// Re-raise the pending exception (`{kind, value}` on the stack top).
    Reraise,
    /// Build a string from the top `n` values (interpolation parts, converted
    /// with `String.Chars` first by `Bif(ToString)`).
    Concat(u32),
    /// Build a bitstring as `bitstrings[i]` lays it out, from the values
    /// on the stack (each segment's value, then its size when computed).
    Bits(u32),
    Return,
    /// `Const(i)` then `Return`, in one dispatch: what a leaf clause such
    /// as `def fib(0), do: 0` or a `:ok` at the end of a function runs. The
    /// compiler leaves the `Return` after it in place for jumps that land
    /// there.
    ReturnConst(u32),
    /// `Local(i)` then `Return` (`def f(_, acc), do: acc`).
    ReturnLocal(u32),
    /// `BinOp(k)` then `Return` (`fib(k - 1) + fib(k - 2)`).
    ReturnBinOp(BinOp),
    /// Raise `CondClauseError` (no `cond` clause was true).
    CondFail,
    /// Register `modules[i]`; pops the value of the module body and pushes
    /// `{:module, Name, nil, value}`.
    DefModule(u32),
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub enum Pat {
    Any,
    /// Bind the value to a local slot.
    Bind(u32),
    /// The value must be `===` the local (`^x`, or a repeated variable).
    Same(u32),
    /// The value must be `===` this literal.
    Lit(Value),
    Tuple(Vec<Pat>),
    Nil,
    Cons(Box<Pat>, Box<Pat>),
    /// Map patterns: each key (literal or pinned) must be present and match.
    Map(Vec<(MapKey, Pat)>),
    /// `"prefix" <> rest`: the prefix's bytes.
    StrPrefix(Vec<u8>, Box<Pat>),
    /// `<<a::16, rest::binary>>`: the segments in order.
    Bits(Vec<crate::bitstring::PatSegment>),
    /// `p1 = p2` inside a pattern: both must match.
    Both(Box<Pat>, Box<Pat>),
}

#[derive(Clone, Debug)]
pub enum MapKey {
    Lit(Value),
    Pinned(u32),
}

/// A guard expression: only guard-safe builtins, evaluated without waiting.
#[derive(Clone, Debug)]
pub enum Guard {
    Lit(Value),
    Local(u32),
    Bif(BifId, Vec<Guard>),
    Tuple(Vec<Guard>),
    List(Vec<Guard>, Option<Box<Guard>>),
    /// `and` / `&&`
    And(Box<Guard>, Box<Guard>),
    Or(Box<Guard>, Box<Guard>),
    Not(Box<Guard>),
    /// `x in [a, b]` / `x in 1..3` with a literal right side.
    In(Box<Guard>, Box<Guard>),
    /// An arithmetic or comparison operator (integer fast path).
    BinOp(BinOp, Box<Guard>, Box<Guard>),
}
