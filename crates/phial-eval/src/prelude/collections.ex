# Map, List and Keyword functions that take a function argument. The pure
# ones are BIFs (bifs/collections.rs), called here with their module prefix.
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
end

defmodule List do
  def foldl(list, acc, fun) when is_list(list), do: Enum.reduce(list, acc, fun)
  def foldr(list, acc, fun) when is_list(list), do: Enum.reduce(Enum.reverse(list), acc, fun)

  def update_at(list, index, fun) when is_list(list) and is_integer(index) do
    case Enum.fetch(list, index) do
      {:ok, v} -> List.replace_at(list, index, fun.(v))
      :error -> list
    end
  end

  def keysort(list, pos), do: Enum.sort_by(list, fn t -> elem(t, pos) end)
end

defmodule Keyword do
  def update(kw, key, default, fun) do
    case Keyword.fetch(kw, key) do
      {:ok, v} -> Keyword.put(kw, key, fun.(v))
      :error -> kw ++ [{key, default}]
    end
  end

  def filter(kw, fun), do: Enum.filter(kw, fun)
  def reject(kw, fun), do: Enum.reject(kw, fun)
end
