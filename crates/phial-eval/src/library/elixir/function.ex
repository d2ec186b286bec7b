# Function's phial half: identity/1. Not here: info and capture
# (function.rs).
defmodule Function do
  @moduledoc """
  Functions about functions: their arity and other facts, captures built
  at run time, and `identity/1`.

      iex> Function.info(&Enum.map/2, :arity)
      {:arity, 2}
  """

  @doc """
  Gives its argument back: handy as a function value.

      iex> Enum.map([1, 2], &Function.identity/1)
      [1, 2]
  """
  def identity(value)
  def identity(value), do: value
end
