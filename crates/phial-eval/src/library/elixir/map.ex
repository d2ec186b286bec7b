# Map functions that take a function argument. Not here: the natives
# (map.rs), called here with their module prefix.
defmodule Map do
  def new(enum, fun) do
    Enum.reduce(enum, %{}, fn x, acc ->
      {k, v} = fun.(x)
      Map.put(acc, k, v)
    end)
  end

  def update(map, key, default, fun) do
    case Map.fetch(map, key) do
      {:ok, v} -> Map.put(map, key, fun.(v))
      :error -> Map.put(map, key, default)
    end
  end

  def update!(map, key, fun) do
    case Map.fetch(map, key) do
      {:ok, v} -> Map.put(map, key, fun.(v))
      :error -> raise KeyError, key: key, term: map
    end
  end

  def get_and_update(map, key, fun) do
    case fun.(Map.get(map, key)) do
      {get, new} -> {get, Map.put(map, key, new)}
      :pop -> Map.pop(map, key)
    end
  end

  def get_lazy(map, key, fun) do
    case Map.fetch(map, key) do
      {:ok, v} -> v
      :error -> fun.()
    end
  end

  def put_new_lazy(map, key, fun) do
    if Map.has_key?(map, key), do: map, else: Map.put(map, key, fun.())
  end

  def merge(left, right, fun) do
    Enum.reduce(Map.to_list(right), left, fn {k, v}, acc ->
      case Map.fetch(acc, k) do
        {:ok, old} -> Map.put(acc, k, fun.(k, old, v))
        :error -> Map.put(acc, k, v)
      end
    end)
  end

  def filter(map, fun) when is_map(map), do: Map.new(Enum.filter(Map.to_list(map), fun))
  def filter(map, _fun), do: raise(BadMapError, term: map)
  def reject(map, fun) when is_map(map), do: Map.new(Enum.reject(Map.to_list(map), fun))
  def reject(map, _fun), do: raise(BadMapError, term: map)
  def map(map, fun), do: Map.new(Enum.map(Map.to_list(map), fun))
  def get_and_update!(map, key, fun) when is_function(fun, 1) do
    value = Map.fetch!(map, key)

    case fun.(value) do
      {get, update} -> {get, Map.put(map, key, update)}
      :pop -> {value, Map.delete(map, key)}
      other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  def pop_lazy(map, key, fun) when is_function(fun, 0) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> {fun.(), map}
    end
  end

  def replace_lazy(map, key, fun) when is_map(map) and is_function(fun, 1) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> map
    end
  end
  def pop!(map, key) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> raise KeyError, key: key, term: map
    end
  end

  def size(map), do: map_size(map)
end
