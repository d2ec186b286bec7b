# Integer guards decided without the general evaluator, and each way they
# hand back to it: a non-integer variable, an overflow, a zero divisor,
# `and`/`or` with an undecided side, a guard over a bound list head.
defmodule G do
  def kind(x) when rem(x, 2) == 0 and x > 0, do: :pos_even
  def kind(x) when rem(x, 2) == 1 or x < -100, do: :odd_or_small
  def kind(_), do: :other
  def big(x) when x * x > 100, do: :big
  def big(_), do: :small
  def by(x, d) when rem(x, d) == 0, do: :divides
  def by(_, _), do: :no
  def mixed(x) when is_integer(x) and div(x, 2) > 1, do: :int_gt
  def mixed(x) when x > 1.5, do: :float_gt
  def mixed(_), do: :rest
  def head([h | _]) when h * 2 > 10, do: :big_head
  def head(_), do: :small_head
end

IO.inspect(Enum.map([4, 3, -200, -4, 0, 2.0, :a], &G.kind/1))
IO.inspect(Enum.map([20, 3, 4_000_000_000_000, 9_223_372_036_854_775_807, 2.5, -11], &G.big/1))
IO.inspect(Enum.map([{6, 3}, {7, 3}, {5, 0}, {5, :x}], fn {x, d} -> G.by(x, d) end))
IO.inspect(Enum.map([10, 2, 2.0, 1.0, "s"], &G.mixed/1))
IO.inspect(Enum.map([[6], [1, 2], [], [:a]], &G.head/1))
