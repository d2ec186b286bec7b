# Function and closure heads made of a tuple of variables (`{k, v}`),
# which are decided without the pattern walker, beside the heads that
# still need it: wrong sizes, non-tuples, repeated variables, literals
# inside, nested tuples, and the errors when no clause accepts.
defmodule Pairs do
  def swap({a, b}), do: {b, a}
  def first({a, _}), do: a
  def size3({_, _, _}), do: 3
  def size3(_), do: :other

  def sum_pairs([], acc), do: acc
  def sum_pairs([{k, v} | rest], acc), do: sum_pairs(rest, acc + k * v)

  def kind({x, x}), do: :same
  def kind({{a, b}, c}), do: a + b + c
  def kind({_, _}), do: :different
  def kind({:ok, v, _}), do: {:tagged, v}
  def kind(other), do: {:other, other}

  def walk(0, acc), do: acc
  def walk(n, {a, b}), do: walk(n - 1, {b, a + b})

  def empty({}), do: :empty
end

IO.inspect(Pairs.swap({1, 2}))
IO.inspect(Pairs.first({:a, :b}))
IO.inspect(Enum.map([{1, 2, 3}, {1, 2}, [1, 2, 3]], &Pairs.size3/1))
IO.inspect(Pairs.sum_pairs(Enum.map(1..10_000, &{&1, 2}), 0))
IO.inspect(Enum.map([{1, 1}, {1, 2}, {:ok, 5, 6}, {{1, 2}, 3}, {1, 2, 3}, :x], &Pairs.kind/1))
IO.inspect(Pairs.walk(90, {0, 1}))
IO.inspect(Pairs.empty({}))

pairs = Enum.with_index(Enum.map(1..20_000, &(&1 * 1.5)))
IO.inspect(Enum.reduce(pairs, 0.0, fn {v, i}, acc -> acc + v * i end))
IO.inspect(Enum.map(%{a: 1, b: 2}, fn {k, v} -> {v, k} end))
IO.inspect(Enum.map([{1, 2}, {3, 4}], fn {_, b} -> b end))
IO.inspect(Enum.map([{1, 2}, {3}, 7], fn
  {a, b} -> a + b
  {a} -> a
  x -> x
end))
IO.inspect(Enum.map([{1, {2, 3}}, {4, 5}], fn
  {a, {b, c}} -> a + b + c
  {a, b} -> a * b
end))

try do
  Pairs.swap({1, 2, 3})
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  Enum.map([{1, 2}, {1, 2, 3}], fn {a, b} -> a + b end)
rescue
  e in FunctionClauseError -> IO.inspect(e.arity)
end

try do
  Pairs.swap([1, 2])
rescue
  e -> IO.puts(Exception.message(e))
end
