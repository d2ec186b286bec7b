# MapSet as Elixir 1.14 has it: a struct %MapSet{map: %{element => []},
# version: 2}. Enum functions reach the elements through :phial.to_list, `in`
# through matching::member, and inspect prints MapSet.new([...]) (pretty.rs).
defmodule MapSet do
  defstruct map: %{}, version: 2

  defp set(map), do: %{__struct__: MapSet, map: map, version: 2}

  def new, do: set(%{})

  def new(%{__struct__: MapSet} = map_set), do: map_set
  def new(enumerable), do: set(Map.from_keys(Enum.to_list(enumerable), []))

  def new(enumerable, transform) when is_function(transform, 1),
    do: set(Map.from_keys(Enum.map(enumerable, transform), []))

  def delete(%{__struct__: MapSet, map: map} = map_set, value),
    do: %{map_set | map: Map.delete(map, value)}

  def difference(%{__struct__: MapSet, map: map1} = map_set, %{__struct__: MapSet, map: map2}),
    do: %{map_set | map: Map.drop(map1, Map.keys(map2))}

  def symmetric_difference(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    {small, large} = order_by_size(map1, map2)

    {small, only_large} =
      Enum.reduce(Map.keys(large), {small, []}, fn key, {small, list} ->
        if is_map_key(small, key), do: {Map.delete(small, key), list}, else: {small, [key | list]}
      end)

    set(Map.merge(Map.from_keys(only_large, []), small))
  end

  def disjoint?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    {map1, map2} = order_by_size(map1, map2)
    not Enum.any?(Map.keys(map1), &is_map_key(map2, &1))
  end

  def equal?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: map_size(map1) == map_size(map2) and all_in?(map1, map2)

  def intersection(%{__struct__: MapSet, map: map1} = map_set, %{__struct__: MapSet, map: map2}) do
    {map1, map2} = order_by_size(map1, map2)
    %{map_set | map: Map.take(map2, Map.keys(map1))}
  end

  def member?(%{__struct__: MapSet, map: map}, value), do: is_map_key(map, value)

  def put(%{__struct__: MapSet, map: map} = map_set, value),
    do: %{map_set | map: Map.put(map, value, [])}

  def size(%{__struct__: MapSet, map: map}), do: map_size(map)

  def subset?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: map_size(map1) <= map_size(map2) and all_in?(map1, map2)

  defp all_in?(map1, map2), do: Enum.all?(Map.keys(map1), &is_map_key(map2, &1))

  def to_list(%{__struct__: MapSet, map: map}), do: Map.keys(map)

  def union(%{__struct__: MapSet, map: map1} = map_set, %{__struct__: MapSet, map: map2}),
    do: %{map_set | map: Map.merge(map1, map2)}

  defp order_by_size(map1, map2) when map_size(map1) > map_size(map2), do: {map2, map1}
  defp order_by_size(map1, map2), do: {map1, map2}

  def filter(%{__struct__: MapSet, map: map}, fun) when is_map(map) and is_function(fun),
    do: set(Map.from_keys(Enum.filter(Map.keys(map), fun), []))

  def reject(%{__struct__: MapSet, map: map}, fun) when is_map(map) and is_function(fun),
    do: set(Map.from_keys(Enum.reject(Map.keys(map), fun), []))
end
