# Loops via recursion, tail recursion with accumulators
defmodule Loop do
  def count_down(0), do: IO.puts("liftoff")
  def count_down(n) do
    IO.puts(n)
    count_down(n - 1)
  end

  def sum([], acc), do: acc
  def sum([h | t], acc), do: sum(t, acc + h)

  def len([]), do: 0
  def len([_ | t]), do: 1 + len(t)

  def tail_count(0, acc), do: acc
  def tail_count(n, acc), do: tail_count(n - 1, acc + 1)
end
Loop.count_down(3)
IO.inspect(Loop.sum(Enum.to_list(1..1000), 0))
IO.inspect(Loop.len(Enum.to_list(1..100_000)))
IO.inspect(Loop.tail_count(1_000_000, 0))
