# The shapes the evaluator runs on fast paths must keep Elixir's meaning:
# local op literal, local op local, heads that bind arguments directly,
# repeated variables in heads, literal heads, captures and defaults.
defmodule Fast do
  def dec(x), do: x - 1
  def inc(x), do: x + 1
  def dbl(x), do: x * 2
  def lt(x), do: x < 10
  def ge(x), do: x >= 10
  def eq(x), do: x == 1
  def seq(x), do: x === 1
  def ne(x), do: x != 1
  def add(a, b), do: a + b
  def sub(a, b), do: a - b
  def less(a, b), do: a < b
  def same(x, x), do: :same
  def same(_, _), do: :different
  def kind(0), do: :zero
  def kind(:zero), do: :atom_zero
  def kind(n) when n > 0, do: :positive
  def kind(_), do: :other
  def pair({a, b}, c), do: {b, a, c}
  def opt(a, b \\ 5, c \\ 7), do: [a, b, c]
  def leaf(_), do: :ok
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + n)
end

IO.inspect(Enum.map([1, 1.5, -3], &Fast.dec/1))
IO.inspect(Fast.inc(9_223_372_036_854_775_807))
IO.inspect(Fast.dec(-9_223_372_036_854_775_808))
IO.inspect(Fast.dbl(4_611_686_018_427_387_904))
IO.inspect({Fast.lt(9), Fast.lt(10), Fast.lt(9.5), Fast.lt(:atom), Fast.lt("s")})
IO.inspect({Fast.ge(10), Fast.ge(10.0), Fast.ge([])})
IO.inspect({Fast.eq(1), Fast.eq(1.0), Fast.seq(1), Fast.seq(1.0), Fast.ne(1.0)})
IO.inspect({Fast.add(1, 2), Fast.add(1, 2.5), Fast.sub(10, 20), Fast.less(:a, 1)})
IO.inspect({Fast.same(1, 1), Fast.same(1, 1.0), Fast.same(:a, :b)})
IO.inspect(Enum.map([0, :zero, 5, -5, "x"], &Fast.kind/1))
IO.inspect(Fast.pair({1, 2}, 3))
IO.inspect({Fast.opt(1), Fast.opt(1, 2), Fast.opt(1, 2, 3)})
IO.inspect(Fast.count(100_000, 0))
IO.inspect(Enum.map(1..3, &(&1 * &1 - 1)))
IO.inspect(Enum.reduce(1..4, 0, &(&1 + &2)))
f = fn x -> x - 1 end
g = fn
  0 -> :zero
  n when n < 0 -> :neg
  _ -> :pos
end
IO.inspect({f.(1), g.(0), g.(-2), g.(3), Fast.leaf(1)})

for v <- [:a, "b", nil] do
  try do
    Fast.dec(v)
  rescue
    e -> IO.inspect(e)
  end
end

try do
  Fast.add(1, :b)
rescue
  e -> IO.inspect(e)
end

try do
  Fast.pair(:no, 1)
rescue
  e -> IO.puts(Exception.message(e))
end
