# Range's phial half: the struct functions, whose fields are all enforced,
# and the functions built from other natives. Not here: new/size/disjoint?
# (range.rs).
defmodule Range do
  @moduledoc """
  Ranges of integers, `first..last//step`: enumerable without building a
  list, and cheap to test for membership with `in`.

      iex> Enum.to_list(1..10//3)
      [1, 4, 7, 10]
  """

  def __struct__, do: %{__struct__: Range, first: nil, last: nil, step: nil}

  # Range's fields are all enforced: every one must be given.
  def __struct__(kv) do
    missing = Enum.reject([:first, :last, :step], &Keyword.has_key?(kv, &1))

    if missing != [] do
      raise ArgumentError,
            "the following keys must also be given when building struct Range: #{inspect(missing)}"
    end

    Enum.reduce(kv, __struct__(), fn {k, v}, acc ->
      if Map.has_key?(acc, k) and k != :__struct__,
        do: Map.put(acc, k, v),
        else: raise(KeyError, key: k)
    end)
  end

  @doc """
  The range moved by `steps` of its own step.

      iex> Range.shift(0..3, 2)
      2..5
  """
  def shift(range, steps)
  def shift(first..last//step, steps_to_shift)
      when is_integer(first) and is_integer(last) and is_integer(step) and is_integer(steps_to_shift),
      do: Range.new(first + steps_to_shift * step, last + steps_to_shift * step, step)

  @doc """
  Whether `term` is a range struct.

      iex> Range.range?(1..2)
      true
  """
  def range?(first..last) when is_integer(first) and is_integer(last), do: true
  def range?(_), do: false
end
