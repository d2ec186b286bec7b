# Elixir's built-in protocols as real protocols, so a program's own
# types can implement them: String.Chars (to_string, interpolation),
# Enumerable (Enum, for), Collectable (Enum.into, for ... into:).
# The natives handle the built-in types directly and dispatch here for
# anything else (a struct, a stream function); these impls serve direct
# calls such as String.Chars.to_string(1) or Enumerable.reduce(list, ...).

defprotocol String.Chars do
  def to_string(term)
end

defimpl String.Chars, for: [Atom, BitString, Integer, Float, List] do
  def to_string(term), do: :phial.chars_to_string(term)
end

defprotocol List.Chars do
  def to_charlist(term)
end

defimpl List.Chars, for: [Atom, BitString, Integer, Float, List] do
  def to_charlist(term), do: Kernel.to_charlist(term)
end

defprotocol Enumerable do
  def count(enumerable)
  def member?(enumerable, element)
  def reduce(enumerable, acc, fun)
  def slice(enumerable)
end

defimpl Enumerable, for: List do
  def count(list), do: {:ok, length(list)}
  def member?(list, element), do: {:ok, Enum.member?(list, element)}
  def slice(_list), do: {:error, __MODULE__}

  def reduce(_list, {:halt, acc}, _fun), do: {:halted, acc}
  def reduce(list, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(list, &1, fun)}
  def reduce([], {:cont, acc}, _fun), do: {:done, acc}
  def reduce([h | t], {:cont, acc}, fun), do: reduce(t, fun.(h, acc), fun)
end

defimpl Enumerable, for: Map do
  def count(map), do: {:ok, map_size(map)}

  def member?(map, {key, value}) do
    case map do
      %{^key => ^value} -> {:ok, true}
      _ -> {:ok, false}
    end
  end

  def member?(_map, _other), do: {:ok, false}
  def slice(_map), do: {:error, __MODULE__}
  def reduce(map, acc, fun), do: Enumerable.List.reduce(Map.to_list(map), acc, fun)
end

defimpl Enumerable, for: Function do
  def count(_function), do: {:error, __MODULE__}
  def member?(_function, _value), do: {:error, __MODULE__}
  def slice(_function), do: {:error, __MODULE__}
  def reduce(function, acc, fun) when is_function(function, 2), do: function.(acc, fun)
end

defimpl Enumerable, for: Range do
  def count(range), do: {:ok, Enum.count(range)}
  def member?(range, value), do: {:ok, Enum.member?(range, value)}
  def slice(_range), do: {:error, __MODULE__}

  def reduce(first..last//step, acc, fun), do: reduce(first, last, step, acc, fun)

  defp reduce(_first, _last, _step, {:halt, acc}, _fun), do: {:halted, acc}

  defp reduce(first, last, step, {:suspend, acc}, fun) do
    {:suspended, acc, &reduce(first, last, step, &1, fun)}
  end

  defp reduce(first, last, step, {:cont, acc}, fun)
       when (step > 0 and first <= last) or (step < 0 and first >= last) do
    reduce(first + step, last, step, fun.(first, acc), fun)
  end

  defp reduce(_first, _last, _step, {:cont, acc}, _fun), do: {:done, acc}
end

defimpl Enumerable, for: MapSet do
  def count(set), do: {:ok, MapSet.size(set)}
  def member?(set, x), do: {:ok, MapSet.member?(set, x)}
  def slice(_set), do: {:error, __MODULE__}
  def reduce(set, acc, fun), do: Enumerable.List.reduce(MapSet.to_list(set), acc, fun)
end

defprotocol Collectable do
  def into(collectable)
end

defimpl Collectable, for: List do
  def into(list) do
    fun = fn
      acc, {:cont, x} -> [x | acc]
      acc, :done -> list ++ :lists.reverse(acc)
      _acc, :halt -> :ok
    end

    {[], fun}
  end
end

defimpl Collectable, for: Map do
  def into(map) do
    fun = fn
      acc, {:cont, {k, v}} -> Map.put(acc, k, v)
      acc, :done -> acc
      _acc, :halt -> :ok
    end

    {map, fun}
  end
end

defimpl Collectable, for: BitString do
  def into(binary) do
    fun = fn
      acc, {:cont, x} when is_binary(x) -> acc <> x
      acc, :done -> acc
      _acc, :halt -> :ok
    end

    {binary, fun}
  end
end

defimpl Collectable, for: MapSet do
  def into(set) do
    fun = fn
      s, {:cont, x} -> MapSet.put(s, x)
      s, :done -> s
      _s, :halt -> :ok
    end

    {set, fun}
  end
end

# What the natives call when a value is enumerable only through the
# protocol (a struct's own implementation, a stream function).
defmodule :phial_enum do
  def to_list(enum) do
    {_, acc} = Enumerable.reduce(enum, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
    :lists.reverse(acc)
  end

  def count(enum) do
    case Enumerable.count(enum) do
      {:ok, n} -> n
      {:error, _} -> length(to_list(enum))
    end
  end

  def member?(enum, x) do
    case Enumerable.member?(enum, x) do
      {:ok, found} -> found
      {:error, _} -> Enum.any?(enum, fn y -> y === x end)
    end
  end

  def collect(enum, collectable) do
    {initial, fun} = Collectable.into(collectable)
    acc = Enum.reduce(enum, initial, fn x, acc -> fun.(acc, {:cont, x}) end)
    fun.(acc, :done)
  end
end
