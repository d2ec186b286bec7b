//! Properties of compiled code that the step loop relies on: every function
//! the compiler builds keeps execution inside its own ops (the unchecked op
//! fetch in both step loops depends on it), and the head shortcuts are built
//! only where they keep Elixir's clause order.
//!
//! Not here: what programs print (the `.exs` suite under `tests/cases`).

use super::{Compiler, Known};
use crate::atom::Atom;
use crate::code::{FnCode, Leaf, Op};
use phial_syntax::{parse, ParseOutcome};
use std::sync::Arc;

struct NothingKnown;

impl Known for NothingKnown {
    fn has_function(&self, _: Atom, _: Atom, _: u32) -> bool {
        false
    }
}

fn compile(source: &str) -> Arc<FnCode> {
    let ParseOutcome::Complete(exprs) = parse(source) else {
        panic!("does not parse: {source}");
    };
    match Compiler::new(&NothingKnown, "t.exs", source).compile_program(&exprs, &[], false) {
        Ok(p) => p.code,
        Err(e) => panic!("does not compile: {e:?}"),
    }
}

/// The program, its closures and the functions of the modules it defines.
fn all_code(code: &Arc<FnCode>, out: &mut Vec<Arc<FnCode>>) {
    out.push(code.clone());
    for l in &code.lambdas {
        all_code(l, out);
    }
    for m in &code.modules {
        for f in m.functions.values() {
            all_code(f, out);
        }
    }
}

const EVERY_FORM: &str = r#"
defmodule M do
  def fib(0), do: 0
  def fib(1), do: 1
  def fib(k) when k > 1, do: fib(k - 1) + fib(k - 2)
  def opt(a, b \\ 2), do: a + b
  defp loop(0, acc), do: acc
  defp loop(n, acc), do: loop(n - 1, acc + n)
  def run(x) do
    try do
      case x do
        {:ok, v} when v > 1 -> v
        _ -> cond do
          x == 1 -> :one
          true -> raise "boom"
        end
      end
    rescue
      e in RuntimeError -> e.message
    catch
      :throw, v -> v
    after
      :done
    end
  end
  def wait do
    receive do
      {:msg, v} -> v
      :stop -> loop(3, 0)
    after
      10 -> :timeout
    end
  end
end
f = fn
  0 -> :zero
  n when n < 0 -> :neg
  _ -> if true, do: :pos, else: :never
end
with {:ok, a} <- {:ok, 1}, b = a + 1 do
  for x <- [1, 2], y <- [3], x < 2, do: {x, y, b, f.(x)}
else
  _ -> :error
end
&(&1 + &2)
x = 1 && 2 || 3
x and false or true
"#;

#[test]
fn every_compiled_function_keeps_execution_inside_its_ops() {
    let mut codes = Vec::new();
    all_code(&compile(EVERY_FORM), &mut codes);
    assert!(codes.len() > 10, "only {} functions compiled", codes.len());
    for c in &codes {
        assert!(
            c.targets_in_range(),
            "{}.{}/{} leaves its ops",
            c.module.as_str(),
            c.name.as_str(),
            c.arity
        );
    }
}

#[test]
fn a_jump_out_of_range_or_a_last_op_that_falls_through_is_caught() {
    let code = compile("x = 1\nx + 1");
    let mut code = Arc::try_unwrap(code)
        .ok()
        .expect("program code is not shared");
    assert!(code.targets_in_range());
    code.ops.insert(0, Op::Jump(code.ops.len() as u32 + 1));
    assert!(!code.targets_in_range());
    code.ops.remove(0);
    code.ops.push(Op::Pop);
    assert!(!code.targets_in_range(), "falls through its last op");
}

fn function(code: &Arc<FnCode>, name: &str, arity: u32) -> Arc<FnCode> {
    let mut codes = Vec::new();
    all_code(code, &mut codes);
    codes
        .into_iter()
        .find(|c| c.name.as_str() == name && c.arity == arity)
        .unwrap_or_else(|| panic!("no {name}/{arity}"))
}

#[test]
fn head_switch_covers_only_the_leading_unguarded_literal_heads() {
    let code = compile(EVERY_FORM);
    let fib = function(&code, "fib", 1);
    let sw = fib.head_switch.as_ref().expect("fib/1 has a head switch");
    assert_eq!((sw.arg, sw.rest), (0, 2));
    assert_eq!(
        sw.cases.iter().map(|(x, _)| *x).collect::<Vec<_>>(),
        vec![0, 1]
    );
    let lp = function(&code, "loop", 2);
    let sw = lp.head_switch.as_ref().expect("loop/2 has a head switch");
    assert_eq!((sw.arg, sw.rest, sw.cases.len()), (0, 1, 1));
    assert!(function(&code, "run", 1).head_switch.is_none());

    // A guard on a literal head ends the run: the guard must still be tried.
    let guarded = compile(
        "defmodule G do\n def g(0) when true, do: 0\n def g(1), do: 1\n def g(_), do: 2\nend",
    );
    assert!(function(&guarded, "g", 1).head_switch.is_none());
    // A repeated literal keeps its first clause (the later one is dead).
    let twice =
        compile("defmodule T do\n def t(0), do: :a\n def t(0), do: :b\n def t(_), do: :c\nend");
    let t = function(&twice, "t", 1);
    let sw = t.head_switch.as_ref().expect("t/1 has a head switch");
    assert_eq!((sw.cases.len(), sw.rest), (1, 2));
    assert_eq!(sw.cases[0].1.entry, t.clauses[0].case.entry);
}

#[test]
fn literal_heads_that_only_return_are_known_as_leaves() {
    let code = compile(
        "defmodule L do\n def fib(0), do: 0\n def fib(1), do: 1\n def fib(k) when k > 1, do: fib(k - 1) + fib(k - 2)\n\
         def pick(0, acc), do: acc\n def pick(n, acc), do: pick(n - 1, acc)\n\
         def name(0), do: :zero\n def name(n), do: n\nend",
    );
    let fib = function(&code, "fib", 1);
    let sw = fib.head_switch.as_ref().expect("fib/1 has a head switch");
    assert_eq!(sw.case_for(0).and_then(|c| c.leaf), Some(Leaf::Int(0)));
    assert_eq!(sw.case_for(1).and_then(|c| c.leaf), Some(Leaf::Int(1)));
    assert!(sw.case_for(2).is_none() && sw.case_for(-1).is_none());
    let pick = function(&code, "pick", 2);
    let sw = pick.head_switch.as_ref().expect("pick/2 has a head switch");
    assert_eq!(sw.case_for(0).and_then(|c| c.leaf), Some(Leaf::Arg(1)));
    // Any other constant is a leaf too, returned from the constant table.
    let name = function(&code, "name", 1);
    let sw = name.head_switch.as_ref().expect("name/1 has a head switch");
    match sw.case_for(0).and_then(|c| c.leaf) {
        Some(Leaf::Const(i)) => assert!(matches!(
            name.consts[i as usize],
            crate::value::Value::Atom(a) if a.as_str() == "zero"
        )),
        other => panic!("name(0) returns :zero, not {other:?}"),
    }
}

#[test]
fn the_open_clause_is_the_first_past_the_switch_and_only_when_plain() {
    let code = compile(
        "defmodule O do\n def fib(0), do: 0\n def fib(1), do: 1\n def fib(k) when k > 1, do: k\n\
         def any(x), do: x\n\
         def ne(k) when k != 3, do: k\n def ne(_), do: 0\n\
         def typed(k) when is_integer(k), do: k\n\
         def tup({a, _}), do: a\n\
         def edge(k) when k > 9223372036854775807, do: k\n def edge(_), do: 0\nend",
    );
    let fib = function(&code, "fib", 1);
    let open = fib.open_clause.expect("fib/1's third clause is open");
    assert_eq!(open.case.entry, fib.clauses[2].case.entry);
    let g = open.guard.expect("`k > 1` is an integer guard");
    assert!(g.test(2) && g.test(i64::MAX) && !g.test(1) && !g.test(i64::MIN));
    // No guard at all, and a leaf that returns its argument.
    let any = function(&code, "any", 1)
        .open_clause
        .expect("any/1 is open");
    assert!(any.guard.is_none());
    assert_eq!(any.case.leaf, Some(Leaf::Arg(0)));
    // `!=` passes everything outside its one value.
    let ne = function(&code, "ne", 1).open_clause.expect("ne/1 is open");
    let g = ne.guard.expect("`k != 3` is an integer guard");
    assert!(!g.test(3) && g.test(2) && g.test(4) && g.test(i64::MIN));
    // A guard that is not an integer comparison, a pattern in the head, or
    // a comparison no integer passes: left to the general heads.
    assert!(function(&code, "typed", 1).open_clause.is_none());
    assert!(function(&code, "tup", 1).open_clause.is_none());
    let edge = function(&code, "edge", 1);
    assert!(edge.open_clause.is_none() && edge.clauses[0].int_guard.is_none());
}

#[test]
fn a_sparse_head_switch_still_finds_its_literals() {
    let code =
        compile("defmodule S do\n def f(0), do: 1\n def f(1000), do: 2\n def f(n), do: n\nend");
    let f = function(&code, "f", 1);
    let sw = f.head_switch.as_ref().expect("f/1 has a head switch");
    assert_eq!(
        sw.case_for(0).map(|c| c.entry),
        Some(f.clauses[0].case.entry)
    );
    assert_eq!(
        sw.case_for(1000).map(|c| c.entry),
        Some(f.clauses[1].case.entry)
    );
    assert!(sw.case_for(500).is_none() && sw.case_for(1001).is_none());
}
