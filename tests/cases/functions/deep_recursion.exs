# Non-tail recursion one million deep, and a tail-recursive loop of ten
# million iterations (which must run in constant space).
defmodule Deep do
  def sum(0), do: 0
  def sum(n), do: n + sum(n - 1)

  def loop(0, acc), do: acc
  def loop(n, acc), do: loop(n - 1, acc + 1)
end

IO.puts(Deep.sum(1_000_000))
IO.puts(Deep.loop(10_000_000, 0))
