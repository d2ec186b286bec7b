# MapSet as Elixir 1.14 has it: a struct %MapSet{map: %{element => []},
# version: 2}. Enum functions reach the elements through :phial.to_list, `in`
# through matching::member, and inspect prints MapSet.new([...]) (pretty.rs).
defmodule MapSet do
  @moduledoc """
  Sets of any terms, with no repeats and no order to rely on. A `MapSet`
  is a struct; use these functions rather than its fields. It is
  enumerable and collectable, so `Enum` and `Enum.into/2` work with it.

      iex> MapSet.member?(MapSet.new([1, 2]), 2)
      true
  """

  defstruct map: %{}, version: 2

  defp set(map), do: %{__struct__: MapSet, map: map, version: 2}

  @doc """
  An empty set.

      iex> MapSet.size(MapSet.new())
      0
  """
  def new()
  def new, do: set(%{})

  @doc """
  A set of the elements of `enumerable`, repeats dropped.

      iex> MapSet.to_list(MapSet.new([3, 1, 3]))
      [1, 3]
  """
  def new(enumerable)
  def new(%{__struct__: MapSet} = map_set), do: map_set
  def new(enumerable), do: set(Map.from_keys(Enum.to_list(enumerable), []))

  @doc """
  A set of `transform` applied to each element.

      iex> MapSet.to_list(MapSet.new([1, 2], &(&1 * 10)))
      [10, 20]
  """
  def new(enumerable, transform)
  def new(enumerable, transform) when is_function(transform, 1),
    do: set(Map.from_keys(Enum.map(enumerable, transform), []))

  @doc """
  The set without `value`.

      iex> MapSet.to_list(MapSet.delete(MapSet.new([1, 2]), 1))
      [2]
  """
  def delete(map_set, value)
  def delete(%{__struct__: MapSet, map: map} = map_set, value),
    do: %{map_set | map: Map.delete(map, value)}

  @doc """
  The elements of `map_set1` that are not in `map_set2`.

      iex> MapSet.to_list(MapSet.difference(MapSet.new([1, 2, 3]), MapSet.new([2])))
      [1, 3]
  """
  def difference(map_set1, map_set2)
  def difference(%{__struct__: MapSet, map: map1} = map_set, %{__struct__: MapSet, map: map2}),
    do: %{map_set | map: Map.drop(map1, Map.keys(map2))}

  @doc """
  The elements in exactly one of the two sets.

      iex> MapSet.to_list(MapSet.symmetric_difference(MapSet.new([1, 2]), MapSet.new([2, 3])))
      [1, 3]
  """
  def symmetric_difference(map_set1, map_set2)
  def symmetric_difference(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    {small, large} = order_by_size(map1, map2)

    {small, only_large} =
      Enum.reduce(Map.keys(large), {small, []}, fn key, {small, list} ->
        if is_map_key(small, key), do: {Map.delete(small, key), list}, else: {small, [key | list]}
      end)

    set(Map.merge(Map.from_keys(only_large, []), small))
  end

  @doc """
  Whether the sets have no element in common.

      iex> MapSet.disjoint?(MapSet.new([1]), MapSet.new([2]))
      true
  """
  def disjoint?(map_set1, map_set2)
  def disjoint?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    {map1, map2} = order_by_size(map1, map2)
    not Enum.any?(Map.keys(map1), &is_map_key(map2, &1))
  end

  @doc """
  Whether the sets have the same elements (compared with `===`).

      iex> MapSet.equal?(MapSet.new([1, 2]), MapSet.new([2, 1]))
      true
  """
  def equal?(map_set1, map_set2)
  def equal?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: map_size(map1) == map_size(map2) and all_in?(map1, map2)

  @doc """
  The elements in both sets.

      iex> MapSet.to_list(MapSet.intersection(MapSet.new([1, 2]), MapSet.new([2, 3])))
      [2]
  """
  def intersection(map_set1, map_set2)
  def intersection(%{__struct__: MapSet, map: map1} = map_set, %{__struct__: MapSet, map: map2}) do
    {map1, map2} = order_by_size(map1, map2)
    %{map_set | map: Map.take(map2, Map.keys(map1))}
  end

  @doc """
  Whether `value` is in the set.

      iex> MapSet.member?(MapSet.new([:a]), :b)
      false
  """
  def member?(map_set, value)
  def member?(%{__struct__: MapSet, map: map}, value), do: is_map_key(map, value)

  @doc """
  The set with `value` added.

      iex> MapSet.size(MapSet.put(MapSet.new([1]), 1))
      1
  """
  def put(map_set, value)
  def put(%{__struct__: MapSet, map: map} = map_set, value),
    do: %{map_set | map: Map.put(map, value, [])}

  @doc """
  The number of elements.

      iex> MapSet.size(MapSet.new(1..4))
      4
  """
  def size(map_set)
  def size(%{__struct__: MapSet, map: map}), do: map_size(map)

  @doc """
  Whether every element of `map_set1` is in `map_set2`.

      iex> MapSet.subset?(MapSet.new([1]), MapSet.new([1, 2]))
      true
  """
  def subset?(map_set1, map_set2)
  def subset?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: map_size(map1) <= map_size(map2) and all_in?(map1, map2)

  defp all_in?(map1, map2), do: Enum.all?(Map.keys(map1), &is_map_key(map2, &1))

  @doc """
  The elements as a list.

      iex> MapSet.to_list(MapSet.new([:b, :a]))
      [:a, :b]
  """
  def to_list(map_set)
  def to_list(%{__struct__: MapSet, map: map}), do: Map.keys(map)

  @doc """
  The elements in either set.

      iex> MapSet.to_list(MapSet.union(MapSet.new([1]), MapSet.new([2])))
      [1, 2]
  """
  def union(map_set1, map_set2)
  def union(%{__struct__: MapSet, map: map1} = map_set, %{__struct__: MapSet, map: map2}),
    do: %{map_set | map: Map.merge(map1, map2)}

  defp order_by_size(map1, map2) when map_size(map1) > map_size(map2), do: {map2, map1}
  defp order_by_size(map1, map2), do: {map1, map2}

  @doc """
  The elements for which `fun` is truthy, as a set.

      iex> MapSet.to_list(MapSet.filter(MapSet.new(1..4), &(&1 > 2)))
      [3, 4]
  """
  def filter(map_set, fun)
  def filter(%{__struct__: MapSet, map: map}, fun) when is_map(map) and is_function(fun),
    do: set(Map.from_keys(Enum.filter(Map.keys(map), fun), []))

  @doc """
  The elements for which `fun` is falsy, as a set.

      iex> MapSet.to_list(MapSet.reject(MapSet.new(1..4), &(&1 > 2)))
      [1, 2]
  """
  def reject(map_set, fun)
  def reject(%{__struct__: MapSet, map: map}, fun) when is_map(map) and is_function(fun),
    do: set(Map.from_keys(Enum.reject(Map.keys(map), fun), []))
end
