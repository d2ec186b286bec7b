# Several clauses with guards in a module
defmodule Num do
  def kind(n) when is_integer(n) and n < 0, do: :negative
  def kind(0), do: :zero
  def kind(n) when is_integer(n) and rem(n, 2) == 0, do: :even
  def kind(n) when is_integer(n), do: :odd
  def kind(n) when is_float(n), do: :float

  def fact(0), do: 1
  def fact(n) when n > 0, do: n * fact(n - 1)

  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)
end
IO.inspect(Enum.map([-5, 0, 4, 7, 1.5], &Num.kind/1))
IO.inspect(Num.fact(20))
IO.inspect(Num.fact(25))
IO.inspect(Enum.map(0..15, &Num.fib/1))
