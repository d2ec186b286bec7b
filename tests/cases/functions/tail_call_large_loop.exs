# A tail-recursive anonymous-function loop and module loop over many iterations
defmodule TC do
  def loop(0, acc), do: acc
  def loop(n, acc), do: loop(n - 1, rem(acc * 31 + n, 1_000_003))
end
IO.inspect(TC.loop(2_000_000, 7))
sum = Enum.reduce(1..1_000_000, 0, &+/2)
IO.inspect(sum)
