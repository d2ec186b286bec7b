# [] and [h | t] heads (chosen inline by the fast loop), with _ parts,
# guards over the arguments and over bound parts, and no clause matching.
defmodule L do
  def sum([], acc), do: acc
  def sum([h | t], acc), do: sum(t, acc + h)
  def len([_ | t], n), do: len(t, n + 1)
  def len([], n), do: n
  def firsts([h | _]), do: h
  def pos([h | t], acc) when h > 0, do: pos(t, [h | acc])
  def pos([_ | t], acc), do: pos(t, acc)
  def pos([], acc), do: Enum.reverse(acc)
  def skip(n, [_ | t]) when n > 0, do: skip(n - 1, t)
  def skip(_, l), do: l
  def improper([a | b]), do: {a, b}
end

IO.inspect(L.sum(Enum.to_list(1..100_000), 0))
IO.inspect(L.len(Enum.to_list(1..1000), 0))
IO.inspect(L.firsts([:a, :b]))
IO.inspect(L.pos([1, -2, 3, 0, 5], []))
IO.inspect(L.skip(2, [1, 2, 3, 4]))
IO.inspect(L.skip(10, [1, 2]))
IO.inspect(L.improper([1 | 2]))
IO.inspect(try do L.firsts([]) rescue e -> {e.module, e.function, e.arity} end)
IO.inspect(try do L.sum([1 | 2], 0) rescue e -> {e.module, e.function, e.arity} end)
