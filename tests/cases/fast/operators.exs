# rem, div and / as operators: integers, floats, mixed, big integers,
# the zero divisor, and guards over them.
defmodule Ops do
  def parity(k) when rem(k, 2) == 0, do: :even
  def parity(_), do: :odd
  def band(x) when div(x, 10) == 1 and rem(x, 10) > 4, do: :high_teen
  def band(x) when x < 0 or x > 100, do: :out
  def band(_), do: :other
  def loop(0, acc), do: acc
  def loop(n, acc), do: loop(n - 1, acc + rem(n * n, 7) + div(n, 3))
end

IO.inspect(Enum.map(1..4, &Ops.parity/1))
IO.inspect(Enum.map([15, 12, -1, 101, 50], &Ops.band/1))
IO.inspect(Ops.loop(100_000, 0))
IO.inspect({rem(-7, 2), div(-7, 2), rem(7, -2), div(7, -2)})
IO.inspect({7 / 2, 1.5 / 0.5, 3 / 1.5, 2.0 * 3, 1 + 0.5, 0.5 - 1})
IO.inspect(div(-9_223_372_036_854_775_808, -1))
IO.inspect(rem(-9_223_372_036_854_775_808, -1))
IO.inspect(rem(123_456_789_012_345_678_901_234_567_890, 97))
x = 1.0e308
IO.inspect(try do x * 10.0 rescue e -> e end)
IO.inspect(try do rem(1, 0) rescue e -> e end)
IO.inspect(try do div(1, 0) rescue e -> e end)
IO.inspect(try do 1 / 0 rescue e -> e end)
IO.inspect(try do 1.0 / 0.0 rescue e -> e end)
IO.inspect(try do rem(1.0, 2) rescue e -> e end)
IO.inspect(try do :a / 2 rescue e -> e end)
a = 10
b = 4
IO.inspect({a / b, rem(a, b), div(a, b)})
