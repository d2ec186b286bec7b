# Map functions that take a function argument. Not here: the natives
# (map.rs), called here with their module prefix.
defmodule Map do
  @moduledoc """
  Functions for maps: key-value stores where any term can be a key. Keys
  are unique and compared with `===`, so `1` and `1.0` are different keys.
  Every function gives a new map; the old one is unchanged.

      iex> Map.put(%{a: 1}, :b, 2)
      %{a: 1, b: 2}
  """

  @doc """
  A map from the pairs `transform` returns for each element.

      iex> Map.new([1, 2], fn x -> {x, x * x} end)
      %{1 => 1, 2 => 4}
  """
  def new(enum, fun) do
    Enum.reduce(enum, %{}, fn x, acc ->
      {k, v} = fun.(x)
      Map.put(acc, k, v)
    end)
  end

  @doc """
  Sets `key` to `fun` applied to its value, or to `default` when absent.

      iex> Map.update(%{a: 1}, :a, 0, &(&1 + 1))
      %{a: 2}
  """
  def update(map, key, default, fun) do
    case Map.fetch(map, key) do
      {:ok, v} -> Map.put(map, key, fun.(v))
      :error -> Map.put(map, key, default)
    end
  end

  @doc """
  Sets `key` to `fun` applied to its value; raises `KeyError` when absent.

      iex> Map.update!(%{n: 1}, :n, &(&1 * 10))
      %{n: 10}
  """
  def update!(map, key, fun) do
    case Map.fetch(map, key) do
      {:ok, v} -> Map.put(map, key, fun.(v))
      :error -> raise KeyError, key: key, term: map
    end
  end

  @doc """
  Calls `fun` with the current value (or `nil`); `fun` returns
  `{value_to_give, new_value}` or `:pop`. Gives the first and the updated
  map.

      iex> Map.get_and_update(%{a: 1}, :a, fn v -> {v, v + 1} end)
      {1, %{a: 2}}
  """
  def get_and_update(map, key, fun) do
    case fun.(Map.get(map, key)) do
      {get, new} -> {get, Map.put(map, key, new)}
      :pop -> Map.pop(map, key)
    end
  end

  @doc """
  The value for `key`; when absent, the result of calling `fun` (only then).

      iex> Map.get_lazy(%{}, :a, fn -> 42 end)
      42
  """
  def get_lazy(map, key, fun) do
    case Map.fetch(map, key) do
      {:ok, v} -> v
      :error -> fun.()
    end
  end

  @doc """
  Like `put_new/3`, calling `fun` for the value only when `key` is absent.

      iex> Map.put_new_lazy(%{}, :a, fn -> 1 end)
      %{a: 1}
  """
  def put_new_lazy(map, key, fun) do
    if Map.has_key?(map, key), do: map, else: Map.put(map, key, fun.())
  end

  @doc """
  Like `merge/2`, but a key in both gets `fun.(key, value1, value2)`.

      iex> Map.merge(%{a: 1}, %{a: 2}, fn _k, v1, v2 -> v1 + v2 end)
      %{a: 3}
  """
  def merge(left, right, fun) do
    Enum.reduce(Map.to_list(right), left, fn {k, v}, acc ->
      case Map.fetch(acc, k) do
        {:ok, old} -> Map.put(acc, k, fun.(k, old, v))
        :error -> Map.put(acc, k, v)
      end
    end)
  end

  @doc """
  The entries for which `fun.({key, value})` is truthy.

      iex> Map.filter(%{a: 1, b: 2}, fn {_k, v} -> v > 1 end)
      %{b: 2}
  """
  def filter(map, fun) when is_map(map), do: Map.new(Enum.filter(Map.to_list(map), fun))
  def filter(map, _fun), do: raise(BadMapError, term: map)
  @doc """
  The entries for which `fun.({key, value})` is falsy.

      iex> Map.reject(%{a: 1, b: 2}, fn {_k, v} -> v > 1 end)
      %{a: 1}
  """
  def reject(map, fun) when is_map(map), do: Map.new(Enum.reject(Map.to_list(map), fun))
  def reject(map, _fun), do: raise(BadMapError, term: map)
  @doc """
  A map from the `{key, value}` pairs `fun` returns for each entry.

      iex> Map.map(%{a: 1}, fn {k, v} -> {k, v * 2} end)
      %{a: 2}
  """
  def map(map, fun), do: Map.new(Enum.map(Map.to_list(map), fun))
  @doc """
  Like `get_and_update/3`, but raises `KeyError` when `key` is absent.

      iex> Map.get_and_update!(%{a: 1}, :a, fn v -> {v, :x} end)
      {1, %{a: :x}}
  """
  def get_and_update!(map, key, fun) when is_function(fun, 1) do
    value = Map.fetch!(map, key)

    case fun.(value) do
      {get, update} -> {get, Map.put(map, key, update)}
      :pop -> {value, Map.delete(map, key)}
      other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  @doc """
  Like `pop/3`, calling `fun` for the default only when `key` is absent.

      iex> Map.pop_lazy(%{}, :a, fn -> 0 end)
      {0, %{}}
  """
  def pop_lazy(map, key, fun) when is_function(fun, 0) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> {fun.(), map}
    end
  end

  @doc """
  Sets an existing `key` to `fun` applied to its value; nothing changes
  when it is absent.

      iex> Map.replace_lazy(%{a: 2}, :a, &(&1 * &1))
      %{a: 4}
  """
  def replace_lazy(map, key, fun) when is_map(map) and is_function(fun, 1) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> map
    end
  end
  @doc """
  Like `pop/3`, but raises `KeyError` when `key` is absent.

      iex> Map.pop!(%{a: 1}, :a)
      {1, %{}}
  """
  def pop!(map, key) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> raise KeyError, key: key, term: map
    end
  end

  @doc """
  The number of entries (the same as `map_size/1`).

      iex> Map.size(%{a: 1, b: 2})
      2
  """
  def size(map), do: map_size(map)
end
