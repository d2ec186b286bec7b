# Enum functions that take a function argument. Each converts its
# enumerable to a list first (:phial.to_list), then walks it with tail
# recursion and reverses the accumulator.
defmodule Enum do
  def map(enum, fun), do: map_list(:phial.to_list(enum), fun, [])

  defp map_list([], _fun, acc), do: Enum.reverse(acc)
  defp map_list([h | t], fun, acc), do: map_list(t, fun, [fun.(h) | acc])

  def each(enum, fun) do
    each_list(:phial.to_list(enum), fun)
  end

  defp each_list([], _fun), do: :ok

  defp each_list([h | t], fun) do
    fun.(h)
    each_list(t, fun)
  end

  def reduce(enum, acc, fun), do: reduce_list(:phial.to_list(enum), acc, fun)

  def reduce(enum, fun) do
    case :phial.to_list(enum) do
      [h | t] -> reduce_list(t, h, fun)
      [] -> raise Enum.EmptyError
    end
  end

  defp reduce_list([], acc, _fun), do: acc
  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)

  def filter(enum, fun), do: filter_list(:phial.to_list(enum), fun, [])

  defp filter_list([], _fun, acc), do: Enum.reverse(acc)

  defp filter_list([h | t], fun, acc) do
    if fun.(h), do: filter_list(t, fun, [h | acc]), else: filter_list(t, fun, acc)
  end

  def reject(enum, fun), do: filter(enum, fn x -> !fun.(x) end)

  def flat_map(enum, fun), do: flat_map_list(:phial.to_list(enum), fun, [])

  defp flat_map_list([], _fun, acc), do: Enum.reverse(acc)

  defp flat_map_list([h | t], fun, acc) do
    flat_map_list(t, fun, prepend_reversed(:phial.to_list(fun.(h)), acc))
  end

  defp prepend_reversed([], acc), do: acc
  defp prepend_reversed([h | t], acc), do: prepend_reversed(t, [h | acc])

  def into(enum, collectable) when is_list(collectable) do
    collectable ++ :phial.to_list(enum)
  end

  def into(enum, collectable) when is_map(collectable) do
    reduce(enum, collectable, fn {k, v}, acc -> Map.put(acc, k, v) end)
  end

  def uniq(enum), do: uniq_list(:phial.to_list(enum), %{}, [])

  defp uniq_list([], _seen, acc), do: Enum.reverse(acc)

  defp uniq_list([h | t], seen, acc) do
    if Map.get(seen, h, false), do: uniq_list(t, seen, acc), else: uniq_list(t, Map.put(seen, h, true), [h | acc])
  end
end
