# The Enumerable protocol (Enum, for) and its built-in implementations,
# for a program's own types to implement and for direct calls such as
# Enumerable.reduce(list, ...). The natives handle the built-in types
# directly and dispatch here for anything else.
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

defimpl Enumerable, for: File.Stream do
  def count(_stream), do: {:error, __MODULE__}
  def member?(_stream, _x), do: {:error, __MODULE__}
  def slice(_stream), do: {:error, __MODULE__}
  def reduce(stream, acc, fun), do: File.Stream.__reduce__(stream, acc, fun)
end
