# Modules calling each other, mutual recursion
defmodule Even do
  def even?(0), do: true
  def even?(n), do: Odd.odd?(n - 1)
end
defmodule Odd do
  def odd?(0), do: false
  def odd?(n), do: Even.even?(n - 1)
end
IO.inspect(Even.even?(10))
IO.inspect(Odd.odd?(7))
IO.inspect(Even.even?(100_001))
defmodule Tree do
  def sum({l, v, r}), do: sum(l) + v + sum(r)
  def sum(nil), do: 0
  def insert(nil, x), do: {nil, x, nil}
  def insert({l, v, r}, x) when x < v, do: {insert(l, x), v, r}
  def insert({l, v, r}, x), do: {l, v, insert(r, x)}
  def to_list(nil), do: []
  def to_list({l, v, r}), do: to_list(l) ++ [v] ++ to_list(r)
end
t = Enum.reduce([5, 3, 8, 1, 4, 9], nil, &Tree.insert(&2, &1))
IO.inspect(Tree.sum(t))
IO.inspect(Tree.to_list(t))
IO.inspect(t)
