# Internal (:phial_enum_halting): Enum functions that may stop before the
# end, written over Enumerable.reduce so an infinite stream is never run to
# its end. The natives call these instead of turning such an enumerable
# into a list. Not for programs.
defmodule :phial_enum_halting do
  def take(_enum, 0), do: []

  def take(enum, n) when is_integer(n) and n > 0 do
    {_, {list, _}} =
      Enumerable.reduce(enum, {:cont, {[], n}}, fn x, {acc, left} ->
        if left == 1, do: {:halt, {[x | acc], 0}}, else: {:cont, {[x | acc], left - 1}}
      end)

    :lists.reverse(list)
  end

  def take(enum, n), do: Enum.take(:phial_enum.to_list(enum), n)

  def fetch(enum, i) when is_integer(i) and i >= 0 do
    case Enumerable.reduce(enum, {:cont, i}, fn x, left ->
           if left == 0, do: {:halt, {:found, x}}, else: {:cont, left - 1}
         end) do
      {:halted, {:found, x}} -> {:ok, x}
      _ -> :error
    end
  end

  def fetch(enum, i), do: Enum.fetch(:phial_enum.to_list(enum), i)

  def empty?(enum) do
    case Enumerable.reduce(enum, {:cont, true}, fn _, _ -> {:halt, false} end) do
      {_, empty} -> empty
    end
  end

  def zip(enums), do: Enum.to_list(Stream.zip(enums))
  def zip(left, right), do: zip([left, right])

  def slice(enum, start, count) when is_integer(start) and start >= 0 and count >= 0 do
    take(Stream.drop(enum, start), count)
  end

  def slice(enum, start, count), do: Enum.slice(:phial_enum.to_list(enum), start, count)

  def slice(enum, first..last//1) when first >= 0 and last >= 0 do
    slice(enum, first, Kernel.max(last - first + 1, 0))
  end

  def slice(enum, range), do: Enum.slice(:phial_enum.to_list(enum), range)

  def at(enum, i, default \\ nil) do
    case fetch(enum, i) do
      {:ok, x} -> x
      :error -> default
    end
  end

  def fetch!(enum, i) do
    case fetch(enum, i) do
      {:ok, x} -> x
      :error -> raise Enum.OutOfBoundsError, "out of bounds error"
    end
  end

  def all?(enum, fun) do
    {_, all} = Enumerable.reduce(enum, {:cont, true}, fn x, _ ->
      if fun.(x), do: {:cont, true}, else: {:halt, false}
    end)
    all
  end

  def any?(enum, fun) do
    {_, any} = Enumerable.reduce(enum, {:cont, false}, fn x, _ ->
      if fun.(x), do: {:halt, true}, else: {:cont, false}
    end)
    any
  end

  def find(enum, default, fun) do
    case Enumerable.reduce(enum, {:cont, nil}, fn x, _ ->
           if fun.(x), do: {:halt, {:found, x}}, else: {:cont, nil}
         end) do
      {:halted, {:found, x}} -> x
      _ -> default
    end
  end

  def find_index(enum, fun) do
    case Enumerable.reduce(enum, {:cont, 0}, fn x, i ->
           if fun.(x), do: {:halt, {:found, i}}, else: {:cont, i + 1}
         end) do
      {:halted, {:found, i}} -> i
      _ -> nil
    end
  end

  def find_value(enum, default, fun) do
    case Enumerable.reduce(enum, {:cont, nil}, fn x, _ ->
           v = fun.(x)
           if v, do: {:halt, {:found, v}}, else: {:cont, nil}
         end) do
      {:halted, {:found, v}} -> v
      _ -> default
    end
  end

  def take_while(enum, fun) do
    {_, acc} = Enumerable.reduce(enum, {:cont, []}, fn x, acc ->
      if fun.(x), do: {:cont, [x | acc]}, else: {:halt, acc}
    end)
    :lists.reverse(acc)
  end

  def reduce_while(enum, acc, fun) do
    {_, acc} = Enumerable.reduce(enum, {:cont, acc}, fun)
    acc
  end
end
