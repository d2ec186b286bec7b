# Tuple's phial half: sum/1 and product/1. Not here: the natives (tuple.rs).
defmodule Tuple do
  @moduledoc """
  Functions over tuples: fixed-size containers whose elements are reached
  by position in constant time. To change many elements, convert the tuple
  to a list first; each function here builds a new tuple.

      iex> Tuple.append({:ok, 1}, :extra)
      {:ok, 1, :extra}
  """

  @doc """
  Adds up the numbers in `tuple`; an empty tuple sums to 0.

      iex> Tuple.sum({1, 2, 3.5})
      6.5
  """
  def sum(tuple), do: sum(tuple, tuple_size(tuple))

  defp sum(_tuple, 0), do: 0
  defp sum(tuple, index), do: elem(tuple, index - 1) + sum(tuple, index - 1)

  @doc """
  Multiplies the numbers in `tuple`; an empty tuple gives 1.

      iex> Tuple.product({2, 3, 4})
      24
  """
  def product(tuple), do: product(tuple, tuple_size(tuple))

  defp product(_tuple, 0), do: 1
  defp product(tuple, index), do: elem(tuple, index - 1) * product(tuple, index - 1)
end
