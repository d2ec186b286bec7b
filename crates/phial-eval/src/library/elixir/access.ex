# Access's phial half: the accessors get_in/put_in/update_in take (key, key!,
# elem, at, all, filter) and get_and_update/fetch/pop over maps and keyword
# lists. Not here: Access.get/2,3, a native (access.rs; it is also what
# data[key] runs).
defmodule Access do
  def fetch(%{__struct__: _} = data, key), do: {:ok, Access.get(data, key)}
  def fetch(map, key) when is_map(map), do: Map.fetch(map, key)
  def fetch(list, key) when is_list(list), do: Keyword.fetch(list, key)
  def fetch(nil, _key), do: :error

  def fetch!(data, key) do
    case fetch(data, key) do
      {:ok, v} -> v
      :error -> raise KeyError, key: key, term: data
    end
  end

  def get(data, key, default) do
    case fetch(data, key) do
      {:ok, v} -> v
      :error -> default
    end
  end

  def get_and_update(%{__struct__: _} = data, key, _fun), do: Access.get(data, key)

  def get_and_update(map, key, fun) when is_map(map) do
    current = Map.get(map, key)

    case fun.(current) do
      {get, update} -> {get, Map.put(map, key, update)}
      :pop -> {current, Map.delete(map, key)}
    end
  end

  def get_and_update(list, key, fun) when is_list(list), do: Keyword.get_and_update(list, key, fun)

  def get_and_update(nil, key, _fun) do
    raise ArgumentError, "could not put/update key #{inspect(key)} on a nil value"
  end

  def pop(map, key) when is_map(map), do: Map.pop(map, key)
  def pop(list, key) when is_list(list), do: Keyword.pop(list, key)
  def pop(nil, _key), do: {nil, nil}

  def key(key, default \\ nil) do
    fn
      :get, data, next ->
        next.(Map.get(data, key, default))

      :get_and_update, data, next ->
        value = Map.get(data, key, default)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end
    end
  end

  def key!(key) do
    fn
      :get, %{} = data, next ->
        next.(Map.fetch!(data, key))

      :get_and_update, %{} = data, next ->
        value = Map.fetch!(data, key)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end

      _op, data, _next ->
        raise "Access.key!/1 expected a map/struct, got: #{inspect(data)}"
    end
  end

  def elem(index) when is_integer(index) and index >= 0 do
    pos = index + 1

    fn
      :get, data, next when is_tuple(data) ->
        next.(:erlang.element(pos, data))

      :get_and_update, data, next when is_tuple(data) ->
        value = :erlang.element(pos, data)

        case next.(value) do
          {get, update} -> {get, :erlang.setelement(pos, data, update)}
          :pop -> raise "cannot pop data from a tuple"
        end
    end
  end

  def at(index) when is_integer(index) do
    fn
      :get, data, next when is_list(data) ->
        next.(Enum.at(data, index))

      :get_and_update, data, next when is_list(data) ->
        value = Enum.at(data, index)

        case next.(value) do
          {get, update} -> {get, List.replace_at(data, index, update)}
          :pop -> {value, List.delete_at(data, index)}
        end
    end
  end

  def all do
    fn
      :get, data, next when is_list(data) ->
        Enum.map(data, next)

      :get_and_update, data, next when is_list(data) ->
        {gets, updates} =
          Enum.reduce(data, {[], []}, fn x, {gets, updates} ->
            case next.(x) do
              {get, update} -> {[get | gets], [update | updates]}
              :pop -> {[x | gets], updates}
            end
          end)

        {:lists.reverse(gets), :lists.reverse(updates)}
    end
  end

  def at!(index) when is_integer(index) do
    fn
      :get, data, next when is_list(data) ->
        case Enum.fetch(data, index) do
          {:ok, value} -> next.(value)
          :error -> raise Enum.OutOfBoundsError
        end

      :get_and_update, data, next when is_list(data) ->
        case Enum.fetch(data, index) do
          {:ok, value} ->
            case next.(value) do
              {get, update} -> {get, List.replace_at(data, index, update)}
              :pop -> {value, List.delete_at(data, index)}
            end

          :error ->
            raise Enum.OutOfBoundsError
        end

      _op, data, _next ->
        raise "Access.at!/1 expected a list, got: #{inspect(data)}"
    end
  end

  def slice(%Range{first: first, last: last, step: step} = range) do
    if step <= 0 do
      raise ArgumentError,
            "Access.slice/1 does not accept ranges with negative steps, got: #{inspect(range)}"
    end

    fn
      :get, data, next when is_list(data) ->
        data |> Enum.slice(range) |> Enum.map(next)

      :get_and_update, data, next when is_list(data) ->
        # Negative ends count from the end, as Enum.slice reads them.
        count = length(data)
        first = if first >= 0, do: first, else: Kernel.max(first + count, 0)
        last = if last >= 0, do: last, else: last + count

        if first > last do
          {[], data}
        else
          wanted = first..last//step

          {gets, kept} =
            data
            |> Enum.with_index()
            |> Enum.reduce({[], []}, fn {x, i}, {gets, kept} ->
              if i in wanted do
                case next.(x) do
                  {get, update} -> {[get | gets], [update | kept]}
                  :pop -> {[x | gets], kept}
                end
              else
                {gets, [x | kept]}
              end
            end)

          {Enum.reverse(gets), Enum.reverse(kept)}
        end

      _op, data, _next ->
        raise ArgumentError, "Access.slice/1 expected a list, got: #{inspect(data)}"
    end
  end

  def filter(pred) when is_function(pred, 1) do
    fn
      :get, data, next when is_list(data) ->
        data |> Enum.filter(pred) |> Enum.map(next)

      :get_and_update, data, next when is_list(data) ->
        {gets, updates} =
          Enum.reduce(data, {[], []}, fn x, {gets, updates} ->
            if pred.(x) do
              case next.(x) do
                {get, update} -> {[get | gets], [update | updates]}
                :pop -> {[x | gets], updates}
              end
            else
              {gets, [x | updates]}
            end
          end)

        {:lists.reverse(gets), :lists.reverse(updates)}
    end
  end
end
