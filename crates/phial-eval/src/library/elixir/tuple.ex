# Tuple's phial half: sum/1 and product/1. Not here: the natives (tuple.rs).
defmodule Tuple do
  def sum(tuple), do: sum(tuple, tuple_size(tuple))

  defp sum(_tuple, 0), do: 0
  defp sum(tuple, index), do: elem(tuple, index - 1) + sum(tuple, index - 1)

  def product(tuple), do: product(tuple, tuple_size(tuple))

  defp product(_tuple, 0), do: 1
  defp product(tuple, index), do: elem(tuple, index - 1) * product(tuple, index - 1)
end
