# Keyword functions that take a function argument, and the ones simplest
# ported clause by clause. Not here: the natives (keyword.rs), called here
# with their module prefix.
defmodule Keyword do
  @moduledoc """
  Functions for keyword lists: lists of `{atom, value}` pairs, written
  `[a: 1, b: 2]`. Unlike a map, a keyword list keeps its order and may
  repeat a key; the functions that read a key take its first entry.

      iex> Keyword.get([color: :red, size: 2], :size)
      2
  """

  # Ported from Elixir 1.14's keyword.ex: the same clauses, so the same
  # results and the same errors (FunctionClauseError from the guards).
  @doc """
  A keyword list giving every key in `keys` the same `value`.

      iex> Keyword.from_keys([:x, :y], 0)
      [x: 0, y: 0]
  """
  def from_keys(keys, value) when is_list(keys), do: Enum.map(keys, &{&1, value})

  @doc """
  Like `new/1`, from the pairs `transform` returns for each element.

      iex> Keyword.new([:a, :b], fn k -> {k, k} end)
      [a: :a, b: :b]
  """
  def new(pairs, transform) when is_function(transform, 1) do
    fun = fn el, acc ->
      {k, v} = transform.(el)
      Keyword.put_new(acc, k, v)
    end

    Enum.reduce(Enum.reverse(pairs), [], fun)
  end

  @doc """
  Checks that `keywords` has only the keys `values` names (an atom, or
  `{atom, default}` for a default): `{:ok, keywords}` with defaults added,
  or `{:error, unknown_keys}`.

      iex> Keyword.validate([a: 1], [:a, b: 2])
      {:ok, [b: 2, a: 1]}
  """
  def validate(keyword, values) when is_list(keyword) and is_list(values),
    do: validate(keyword, values, [], [], [])

  defp validate([{key, _} = pair | keyword], values1, values2, acc, bad_keys) when is_atom(key) do
    case find_key!(key, values1, values2) do
      {values1, values2} ->
        validate(keyword, values1, values2, [pair | acc], bad_keys)

      :error ->
        case find_key!(key, values2, values1) do
          {values1, values2} -> validate(keyword, values1, values2, [pair | acc], bad_keys)
          :error -> validate(keyword, values1, values2, acc, [key | bad_keys])
        end
    end
  end

  defp validate([], values1, values2, acc, []), do: {:ok, move_pairs!(values1, move_pairs!(values2, acc))}
  defp validate([], _values1, _values2, _acc, bad_keys), do: {:error, bad_keys}

  defp validate([pair | _], _values1, _values2, _acc, []) do
    raise ArgumentError,
          "expected a keyword list as first argument, got invalid entry: #{inspect(pair)}"
  end

  defp find_key!(key, [key | rest], acc), do: {rest, acc}
  defp find_key!(key, [{key, _} | rest], acc), do: {rest, acc}
  defp find_key!(key, [head | tail], acc), do: find_key!(key, tail, [head | acc])
  defp find_key!(_key, [], _acc), do: :error

  defp move_pairs!([key | rest], acc) when is_atom(key), do: move_pairs!(rest, acc)
  defp move_pairs!([{key, _} = pair | rest], acc) when is_atom(key), do: move_pairs!(rest, [pair | acc])
  defp move_pairs!([], acc), do: acc

  defp move_pairs!([other | _], _) do
    raise ArgumentError,
          "expected the second argument to be a list of atoms or tuples, got: #{inspect(other)}"
  end

  @doc """
  Like `validate/2`, but gives the list or raises `ArgumentError`.

      iex> Keyword.validate!([], [size: 10])
      [size: 10]
  """
  def validate!(keyword, values) do
    case validate(keyword, values) do
      {:ok, kw} ->
        kw

      {:error, invalid_keys} ->
        keys = for value <- values, do: if(is_atom(value), do: value, else: elem(value, 0))

        message =
          case Enum.split_with(invalid_keys, &(&1 in keys)) do
            {_, [_ | _] = unknown} ->
              "unknown keys #{inspect(unknown)} in #{inspect(keyword)}, " <>
                "the allowed keys are: #{inspect(keys)}"

            {[_ | _] = known, _} ->
              "duplicate keys #{inspect(known)} in #{inspect(keyword)}"
          end

        raise ArgumentError, message
    end
  end

  @doc """
  The value for `key`; when absent, the result of calling `fun`.

      iex> Keyword.get_lazy([], :a, fn -> 1 end)
      1
  """
  def get_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case List.keyfind(keywords, key, 0) do
      {^key, value} -> value
      nil -> fun.()
    end
  end

  @doc """
  Calls `fun` with the value of `key` (or `nil`); `fun` returns
  `{value_to_give, new_value}` or `:pop`.

      iex> Keyword.get_and_update([a: 1], :a, fn v -> {v, v * 2} end)
      {1, [a: 2]}
  """
  def get_and_update(keywords, key, fun) when is_list(keywords) and is_atom(key),
    do: get_and_update(keywords, [], key, fun)

  defp get_and_update([{key, current} | t], acc, key, fun) do
    case fun.(current) do
      {get, value} -> {get, Enum.reverse(acc, [{key, value} | t])}
      :pop -> {current, Enum.reverse(acc, t)}
      other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  defp get_and_update([{_, _} = h | t], acc, key, fun), do: get_and_update(t, [h | acc], key, fun)

  defp get_and_update([], acc, key, fun) do
    case fun.(nil) do
      {get, update} -> {get, [{key, update} | Enum.reverse(acc)]}
      :pop -> {nil, Enum.reverse(acc)}
      other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  @doc """
  Like `get_and_update/3`, but raises `KeyError` when `key` is absent.

      iex> Keyword.get_and_update!([a: 1], :a, fn v -> {v, 0} end)
      {1, [a: 0]}
  """
  def get_and_update!(keywords, key, fun), do: get_and_update!(keywords, key, fun, [])

  defp get_and_update!([{key, value} | keywords], key, fun, acc) do
    case fun.(value) do
      {get, value} -> {get, Enum.reverse(acc, [{key, value} | Keyword.delete(keywords, key)])}
      :pop -> {value, Enum.reverse(acc, keywords)}
      other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  defp get_and_update!([{_, _} = e | keywords], key, fun, acc), do: get_and_update!(keywords, key, fun, [e | acc])
  defp get_and_update!([], key, _fun, acc) when is_atom(key), do: raise(KeyError, key: key, term: acc)

  @doc """
  Removes the entries of `key` whose value is `value`.

      iex> Keyword.delete([a: 1, a: 2], :a, 1)
      [a: 2]
  """
  def delete(keywords, key, value) when is_list(keywords) and is_atom(key) do
    case List.keymember?(keywords, key, 0) do
      true -> delete_key_value(keywords, key, value)
      _ -> keywords
    end
  end

  defp delete_key_value([{key, value} | tail], key, value), do: delete_key_value(tail, key, value)
  defp delete_key_value([{_, _} = pair | tail], key, value), do: [pair | delete_key_value(tail, key, value)]
  defp delete_key_value([], _key, _value), do: []

  @doc """
  Removes only the first entry for `key`.

      iex> Keyword.delete_first([a: 1, a: 2], :a)
      [a: 2]
  """
  def delete_first(keywords, key) when is_list(keywords) and is_atom(key) do
    case List.keymember?(keywords, key, 0) do
      true -> delete_first_key(keywords, key)
      _ -> keywords
    end
  end

  defp delete_first_key([{key, _} | tail], key), do: tail
  defp delete_first_key([{_, _} = pair | tail], key), do: [pair | delete_first_key(tail, key)]
  defp delete_first_key([], _key), do: []

  @doc """
  Like `put_new/3`, calling `fun` for the value only when needed.

      iex> Keyword.put_new_lazy([a: 1], :a, fn -> 2 end)
      [a: 1]
  """
  def put_new_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case List.keyfind(keywords, key, 0) do
      {^key, _} -> keywords
      nil -> [{key, fun.()} | keywords]
    end
  end

  @doc """
  Replaces the value of `key` when present; otherwise nothing changes.

      iex> Keyword.replace([a: 1], :a, 2)
      [a: 2]
  """
  def replace(keywords, key, value) when is_list(keywords) and is_atom(key), do: do_replace(keywords, key, value)

  defp do_replace([{key, _} | keywords], key, value), do: [{key, value} | Keyword.delete(keywords, key)]
  defp do_replace([{_, _} = e | keywords], key, value), do: [e | do_replace(keywords, key, value)]
  defp do_replace([], _key, _value), do: []

  @doc """
  Like `replace/3`, but raises `KeyError` when `key` is absent.

      iex> Keyword.replace!([a: 1, b: 2], :b, 0)
      [a: 1, b: 0]
  """
  def replace!(keywords, key, value) when is_list(keywords) and is_atom(key),
    do: replace!(keywords, key, value, keywords)

  defp replace!([{key, _} | keywords], key, value, _original), do: [{key, value} | Keyword.delete(keywords, key)]
  defp replace!([{_, _} = e | keywords], key, value, original), do: [e | replace!(keywords, key, value, original)]
  defp replace!([], key, _value, original), do: raise(KeyError, key: key, term: original)

  @doc """
  Replaces the value of `key` with `fun` applied to it, when present.

      iex> Keyword.replace_lazy([a: 2], :a, &(&1 + 1))
      [a: 3]
  """
  def replace_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1),
    do: do_replace_lazy(keywords, key, fun)

  defp do_replace_lazy([{key, value} | keywords], key, fun), do: [{key, fun.(value)} | Keyword.delete(keywords, key)]
  defp do_replace_lazy([{_, _} = e | keywords], key, fun), do: [e | do_replace_lazy(keywords, key, fun)]
  defp do_replace_lazy([], _key, _value), do: []

  @doc """
  Whether two keyword lists have the same entries, in any order.

      iex> Keyword.equal?([a: 1, b: 2], [b: 2, a: 1])
      true
  """
  def equal?(left, right) when is_list(left) and is_list(right), do: Enum.sort(left) === Enum.sort(right)

  @doc """
  Like `merge/2`, but a key in both gets `fun.(key, value1, value2)`.

      iex> Keyword.merge([a: 1], [a: 2], fn _k, x, y -> x + y end)
      [a: 3]
  """
  def merge(keywords1, keywords2, fun) when is_list(keywords1) and is_list(keywords2) and is_function(fun, 3) do
    if Keyword.keyword?(keywords1) do
      do_merge(keywords2, [], keywords1, keywords1, fun, keywords2)
    else
      raise ArgumentError, "expected a keyword list as the first argument, got: #{inspect(keywords1)}"
    end
  end

  defp do_merge([{key, value2} | tail], acc, rest, original, fun, keywords2) when is_atom(key) do
    case List.keyfind(original, key, 0) do
      {^key, value1} ->
        acc = [{key, fun.(key, value1, value2)} | acc]
        original = List.keydelete(original, key, 0)
        do_merge(tail, acc, Keyword.delete(rest, key), original, fun, keywords2)

      nil ->
        do_merge(tail, [{key, value2} | acc], rest, original, fun, keywords2)
    end
  end

  defp do_merge([], acc, rest, _original, _fun, _keywords2), do: rest ++ Enum.reverse(acc)

  defp do_merge(_other, _acc, _rest, _original, _fun, keywords2) do
    raise ArgumentError, "expected a keyword list as the second argument, got: #{inspect(keywords2)}"
  end

  @doc """
  Replaces the value of `key` with `fun` applied to it; raises `KeyError`
  when absent.

      iex> Keyword.update!([a: 1], :a, &(&1 * 3))
      [a: 3]
  """
  def update!(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1),
    do: update!(keywords, key, fun, keywords)

  defp update!([{key, value} | keywords], key, fun, _original), do: [{key, fun.(value)} | Keyword.delete(keywords, key)]
  defp update!([{_, _} = pair | keywords], key, fun, original), do: [pair | update!(keywords, key, fun, original)]
  defp update!([], key, _fun, original), do: raise(KeyError, key: key, term: original)

  @doc """
  Replaces the value of `key` with `fun` applied to it, or puts
  `{key, default}` when absent.

      iex> Keyword.update([a: 1], :b, 0, &(&1 + 1))
      [a: 1, b: 0]
  """
  def update(keywords, key, default, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1),
    do: update_guarded(keywords, key, default, fun)

  defp update_guarded([{key, value} | keywords], key, _default, fun), do: [{key, fun.(value)} | Keyword.delete(keywords, key)]
  defp update_guarded([{_, _} = pair | keywords], key, default, fun), do: [pair | update_guarded(keywords, key, default, fun)]
  defp update_guarded([], key, default, _fun), do: [{key, default}]

  @doc """
  Two keyword lists: the entries for `keys`, and the rest.

      iex> Keyword.split([a: 1, b: 2], [:a])
      {[a: 1], [b: 2]}
  """
  def split(keywords, keys) when is_list(keywords) and is_list(keys) do
    fun = fn {k, v}, {take, drop} ->
      case k in keys do
        true -> {[{k, v} | take], drop}
        false -> {take, [{k, v} | drop]}
      end
    end

    {take, drop} = Enum.reduce(keywords, {[], []}, fun)
    {Enum.reverse(take), Enum.reverse(drop)}
  end

  @doc """
  Takes every entry of `key` out: `{first_value, rest}`, `nil` when absent.

      iex> Keyword.pop([b: 2], :a)
      {nil, [b: 2]}
  """
  def pop(keywords, key), do: pop(keywords, key, nil)

  @doc """
  Takes every entry of `key` out: `{first_value, rest}`.

      iex> Keyword.pop([a: 1, b: 2], :a)
      {1, [b: 2]}
  """
  def pop(keywords, key, default) when is_list(keywords) and is_atom(key) do
    case Keyword.fetch(keywords, key) do
      {:ok, value} -> {value, Keyword.delete(keywords, key)}
      :error -> {default, keywords}
    end
  end

  @doc """
  Like `pop/3`, but raises `KeyError` when `key` is absent.

      iex> Keyword.pop!([a: 1], :a)
      {1, []}
  """
  def pop!(keywords, key) when is_list(keywords) and is_atom(key) do
    case Keyword.fetch(keywords, key) do
      {:ok, value} -> {value, Keyword.delete(keywords, key)}
      :error -> raise KeyError, key: key, term: keywords
    end
  end

  @doc """
  Takes every entry of `key` out: `{values, rest}`.

      iex> Keyword.pop_values([a: 1, b: 2, a: 3], :a)
      {[1, 3], [b: 2]}
  """
  def pop_values(keywords, key) when is_list(keywords) and is_atom(key),
    do: pop_values(Enum.reverse(keywords), key, [], [])

  defp pop_values([{key, value} | tail], key, values, acc), do: pop_values(tail, key, [value | values], acc)
  defp pop_values([{_, _} = pair | tail], key, values, acc), do: pop_values(tail, key, values, [pair | acc])
  defp pop_values([], _key, values, acc), do: {values, acc}

  @doc """
  Like `pop/3`, calling `fun` for the default only when needed.

      iex> Keyword.pop_lazy([], :a, fn -> :none end)
      {:none, []}
  """
  def pop_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case Keyword.fetch(keywords, key) do
      {:ok, value} -> {value, Keyword.delete(keywords, key)}
      :error -> {fun.(), keywords}
    end
  end

  @doc """
  Takes only the first entry of `key` out: `{value, rest}`.

      iex> Keyword.pop_first([a: 1, a: 2], :a)
      {1, [a: 2]}
  """
  def pop_first(keywords, key), do: pop_first(keywords, key, nil)

  @doc """
  Takes only the first entry of `key` out.

      iex> Keyword.pop_first([a: 1, a: 2], :a)
      {1, [a: 2]}
  """
  def pop_first(keywords, key, default) when is_list(keywords) and is_atom(key) do
    case List.keytake(keywords, key, 0) do
      {{^key, value}, rest} -> {value, rest}
      nil -> {default, keywords}
    end
  end

  @doc """
  The number of entries.

      iex> Keyword.size(a: 1, b: 2)
      2
  """
  def size(keywords), do: length(keywords)

  @doc """
  The entries for which `fun.({key, value})` is truthy.

      iex> Keyword.filter([a: 1, b: 2], fn {_k, v} -> v > 1 end)
      [b: 2]
  """
  def filter(keywords, fun) when is_list(keywords) and is_function(fun, 1), do: do_filter(keywords, fun)

  defp do_filter([], _fun), do: []

  defp do_filter([{_, _} = entry | entries], fun) do
    if fun.(entry), do: [entry | do_filter(entries, fun)], else: do_filter(entries, fun)
  end

  @doc """
  The entries for which `fun.({key, value})` is falsy.

      iex> Keyword.reject([a: 1, b: 2], fn {_k, v} -> v > 1 end)
      [a: 1]
  """
  def reject(keywords, fun) when is_list(keywords) and is_function(fun, 1), do: do_reject(keywords, fun)

  defp do_reject([], _fun), do: []

  defp do_reject([{_, _} = entry | entries], fun) do
    if fun.(entry), do: do_reject(entries, fun), else: [entry | do_reject(entries, fun)]
  end

  @doc """
  Replaces each value with `fun.({key, value})`.

      iex> Keyword.map([a: 1, b: 2], fn {_k, v} -> v * 10 end)
      [a: 10, b: 20]
  """
  def map(keywords, fun) when is_list(keywords), do: Enum.map(keywords, fn {k, v} -> {k, fun.({k, v})} end)
end
