# Every place where phial's fast step loop hands an op back to the general
# loop, and each of the clause shortcuts a call takes, checked against what
# Elixir computes.
defmodule Edges do
  # A literal head switch, then an open clause with an integer guard.
  def fib(0), do: 0
  def fib(1), do: 1
  def fib(k) when k > 1, do: fib(k - 1) + fib(k - 2)

  # A leaf that returns an argument, reached by a non-tail call and by a
  # tail call; the argument may be any term.
  def pick(0, acc), do: acc
  def pick(n, acc), do: pick(n - 1, acc)

  def wrap(x), do: {:wrapped, pick(0, x)}

  # Arithmetic that overflows into big integers in the middle of a loop.
  def grow(0, acc), do: acc
  def grow(n, acc), do: grow(n - 1, acc * 1_000_003 + n)

  # Operands that are not integers: floats, then atoms (ArithmeticError).
  def add_one(x), do: x + 1
  def sum_locals(a, b), do: a + b

  # The open clause's guard fails: the next clause decides.
  def sign(n) when n > 0, do: :pos
  def sign(n) when is_integer(n), do: :non_pos
  def sign(_), do: :other

  # Guards on a non-integer argument fall back to the general heads.
  def small(n) when n < 10, do: :small
  def small(_), do: :big

  # A constant leaf that is not an integer.
  def name(0), do: :zero
  def name(1), do: "one"
  def name(n), do: n

  # The same leaves called straight from module code.
  def names, do: {name(0), name(1), name(7)}

  # Locals beyond the arguments, and a comparison feeding `if`.
  def count_up(n, limit) do
    next = n + 1

    if next < limit do
      count_up(next, limit)
    else
      next
    end
  end

  # No clause matches: FunctionClauseError from a fast-path call.
  def only_zero(0), do: :zero

  # A long non-tail recursion: the frames outgrow their first allocation.
  def depth(0), do: 0
  def depth(n), do: 1 + depth(n - 1)
end

IO.puts(Edges.fib(20))
IO.inspect(Edges.pick(5, [1, 2, 3]))
IO.inspect(Edges.pick(3, %{a: 1}))
IO.inspect(Edges.wrap("text"))
IO.inspect(Edges.wrap(7))
IO.puts(Edges.grow(30, 1))
IO.inspect(Edges.add_one(1.5))
IO.inspect(Edges.add_one(9_223_372_036_854_775_807))
IO.inspect(Edges.sum_locals(2, 3.0))
IO.inspect(Edges.sum_locals(-9_223_372_036_854_775_807, -10))
IO.inspect(Enum.map([3, 0, -2, 2.5, :a], &Edges.sign/1))
IO.inspect(Enum.map([1, 10, 2.0, :atom, "s"], &Edges.small/1))
IO.inspect(Enum.map([0, 1, 2, -1], &Edges.name/1))
IO.inspect(Edges.names())
IO.puts(Edges.count_up(0, 100_000))
IO.puts(Edges.depth(200_000))

try do
  Edges.add_one(:a)
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  Edges.only_zero(1)
rescue
  e in FunctionClauseError -> IO.puts("#{e.function}/#{e.arity}")
end

# Many processes running the fast loop at once: each is preempted at a
# call when its reductions run out, and resumes where it stopped.
parent = self()

for i <- 1..4 do
  spawn(fn -> send(parent, {i, Edges.fib(18 + i)}) end)
end

results =
  for _ <- 1..4 do
    receive do
      {i, r} -> {i, r}
    end
  end

IO.inspect(Enum.sort(results))
