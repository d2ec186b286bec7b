# A module with a tail-recursive loop accumulating state
defmodule Collatz do
  def steps(1, acc), do: acc
  def steps(n, acc) when rem(n, 2) == 0, do: steps(div(n, 2), acc + 1)
  def steps(n, acc), do: steps(3 * n + 1, acc + 1)

  def longest(limit) do
    Enum.reduce(1..limit, {1, 0}, fn n, {_, best} = acc ->
      s = steps(n, 0)
      if s > best, do: {n, s}, else: acc
    end)
  end
end
IO.inspect(Collatz.steps(27, 0))
IO.inspect(Collatz.longest(1000))
