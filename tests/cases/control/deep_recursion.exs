# Deep non-tail recursion (1,000,000 frames)
defmodule Deep do
  def build(0), do: []
  def build(n), do: [n | build(n - 1)]

  def depth(0), do: 0
  def depth(n), do: 1 + depth(n - 1)
end
IO.inspect(Deep.depth(1_000_000))
l = Deep.build(1_000_000)
IO.inspect(length(l))
IO.inspect(hd(l))
