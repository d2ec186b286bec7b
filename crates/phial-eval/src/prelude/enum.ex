# Enum functions that take a function argument. Each converts its
# enumerable to a list first (:phial.to_list), then walks it with tail
# recursion and reverses the accumulator. Pure Enum functions are BIFs
# (bifs/enum_core.rs) and must be called here with the Enum. prefix.
defmodule Enum do
  def map(enum, fun), do: map_list(:phial.to_list(enum), fun, [])

  defp map_list([], _fun, acc), do: Enum.reverse(acc)
  defp map_list([h | t], fun, acc), do: map_list(t, fun, [fun.(h) | acc])

  def each(%Range{first: first, last: last, step: step}, fun) do
    reduce_range(first, last, step, :ok, fn x, _ -> fun.(x) end)
    :ok
  end

  def each(enum, fun) do
    each_list(:phial.to_list(enum), fun)
  end

  defp each_list([], _fun), do: :ok

  defp each_list([h | t], fun) do
    fun.(h)
    each_list(t, fun)
  end

  def reduce(%Range{first: first, last: last, step: step}, acc, fun),
    do: reduce_range(first, last, step, acc, fun)

  def reduce(enum, acc, fun), do: reduce_list(:phial.to_list(enum), acc, fun)

  # A range is walked, not made a list first: constant memory at any size.
  defp reduce_range(i, last, step, acc, _fun) when step > 0 and i > last, do: acc
  defp reduce_range(i, last, step, acc, _fun) when step < 0 and i < last, do: acc
  defp reduce_range(i, last, step, acc, fun), do: reduce_range(i + step, last, step, fun.(i, acc), fun)

  def reduce(enum, fun) do
    case :phial.to_list(enum) do
      [h | t] -> reduce_list(t, h, fun)
      [] -> raise Enum.EmptyError, message: "empty error"
    end
  end

  defp reduce_list([], acc, _fun), do: acc
  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)

  def reduce_while(%Range{first: first, last: last, step: step}, acc, fun),
    do: reduce_while_range(first, last, step, acc, fun)

  def reduce_while(enum, acc, fun), do: reduce_while_list(:phial.to_list(enum), acc, fun)

  defp reduce_while_range(i, last, step, acc, _fun) when step > 0 and i > last, do: acc
  defp reduce_while_range(i, last, step, acc, _fun) when step < 0 and i < last, do: acc

  defp reduce_while_range(i, last, step, acc, fun) do
    case fun.(i, acc) do
      {:cont, acc} -> reduce_while_range(i + step, last, step, acc, fun)
      {:halt, acc} -> acc
    end
  end

  defp reduce_while_list([], acc, _fun), do: acc

  defp reduce_while_list([h | t], acc, fun) do
    case fun.(h, acc) do
      {:cont, acc} -> reduce_while_list(t, acc, fun)
      {:halt, acc} -> acc
    end
  end

  def map_reduce(enum, acc, fun) do
    {list, acc} =
      reduce(enum, {[], acc}, fn x, {l, a} ->
        {y, a} = fun.(x, a)
        {[y | l], a}
      end)

    {Enum.reverse(list), acc}
  end

  def scan(enum, fun) do
    case :phial.to_list(enum) do
      [] -> []
      [h | t] -> scan_list(t, h, fun, [h])
    end
  end

  def scan(enum, acc, fun), do: scan_list(:phial.to_list(enum), acc, fun, [])

  defp scan_list([], _acc, _fun, out), do: Enum.reverse(out)

  defp scan_list([h | t], acc, fun, out) do
    acc = fun.(h, acc)
    scan_list(t, acc, fun, [acc | out])
  end

  def filter(enum, fun), do: filter_list(:phial.to_list(enum), fun, [])

  defp filter_list([], _fun, acc), do: Enum.reverse(acc)

  defp filter_list([h | t], fun, acc) do
    if fun.(h), do: filter_list(t, fun, [h | acc]), else: filter_list(t, fun, acc)
  end

  def reject(enum, fun), do: filter(enum, fn x -> !fun.(x) end)

  def split_with(enum, fun) do
    {a, b} =
      reduce(enum, {[], []}, fn x, {a, b} ->
        if fun.(x), do: {[x | a], b}, else: {a, [x | b]}
      end)

    {Enum.reverse(a), Enum.reverse(b)}
  end

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
    reduce(enum, collectable, fn
      {k, v}, acc -> Map.put(acc, k, v)
      _, _ -> raise ArgumentError
    end)
  end

  def into(enum, collectable) when is_binary(collectable) do
    reduce(enum, collectable, fn
      s, acc when is_binary(s) -> acc <> s
      _, _ -> raise ArgumentError
    end)
  end

  def into(enum, collectable, fun), do: into(map(enum, fun), collectable)

  def uniq_by(enum, fun), do: uniq_list(:phial.to_list(enum), fun, %{}, [])

  defp uniq_list([], _fun, _seen, acc), do: Enum.reverse(acc)

  defp uniq_list([h | t], fun, seen, acc) do
    key = fun.(h)

    if Map.has_key?(seen, key),
      do: uniq_list(t, fun, seen, acc),
      else: uniq_list(t, fun, Map.put(seen, key, true), [h | acc])
  end

  def dedup_by(enum, fun) do
    {out, _} =
      reduce(enum, {[], make_ref()}, fn x, {out, last} ->
        key = fun.(x)
        if key === last, do: {out, last}, else: {[x | out], key}
      end)

    Enum.reverse(out)
  end

  def all?(enum), do: all?(enum, fn x -> x end)
  def all?(enum, fun), do: all_list(:phial.to_list(enum), fun)

  defp all_list([], _fun), do: true
  defp all_list([h | t], fun), do: if(fun.(h), do: all_list(t, fun), else: false)

  def any?(enum), do: any?(enum, fn x -> x end)
  def any?(enum, fun), do: any_list(:phial.to_list(enum), fun)

  defp any_list([], _fun), do: false
  defp any_list([h | t], fun), do: if(fun.(h), do: true, else: any_list(t, fun))

  def count(enum, fun), do: reduce(enum, 0, fn x, n -> if fun.(x), do: n + 1, else: n end)

  def count_until(enum, limit), do: Kernel.min(Enum.count(enum), limit)

  def count_until(enum, fun, limit), do: Kernel.min(count(enum, fun), limit)

  def find(enum, fun), do: find(enum, nil, fun)
  def find(enum, default, fun), do: find_list(:phial.to_list(enum), default, fun)

  defp find_list([], default, _fun), do: default
  defp find_list([h | t], default, fun), do: if(fun.(h), do: h, else: find_list(t, default, fun))

  def find_index(enum, fun), do: find_index_list(:phial.to_list(enum), fun, 0)

  defp find_index_list([], _fun, _i), do: nil
  defp find_index_list([h | t], fun, i), do: if(fun.(h), do: i, else: find_index_list(t, fun, i + 1))

  def find_value(enum, fun), do: find_value(enum, nil, fun)
  def find_value(enum, default, fun), do: find_value_list(:phial.to_list(enum), default, fun)

  defp find_value_list([], default, _fun), do: default

  defp find_value_list([h | t], default, fun) do
    v = fun.(h)
    if v, do: v, else: find_value_list(t, default, fun)
  end

  def take_while(enum, fun), do: take_while_list(:phial.to_list(enum), fun, [])

  defp take_while_list([], _fun, acc), do: Enum.reverse(acc)

  defp take_while_list([h | t], fun, acc) do
    if fun.(h), do: take_while_list(t, fun, [h | acc]), else: Enum.reverse(acc)
  end

  def drop_while(enum, fun), do: drop_while_list(:phial.to_list(enum), fun)

  defp drop_while_list([], _fun), do: []
  defp drop_while_list([h | t] = l, fun), do: if(fun.(h), do: drop_while_list(t, fun), else: l)

  def split_while(enum, fun) do
    list = :phial.to_list(enum)
    taken = take_while(list, fun)
    {taken, Enum.drop(list, length(taken))}
  end

  def group_by(enum, key_fun), do: group_by(enum, key_fun, fn x -> x end)

  def group_by(enum, key_fun, value_fun) do
    enum
    |> Enum.reverse()
    |> reduce(%{}, fn x, acc ->
      key = key_fun.(x)
      Map.put(acc, key, [value_fun.(x) | Map.get(acc, key, [])])
    end)
  end

  def frequencies_by(enum, fun) do
    reduce(enum, %{}, fn x, acc ->
      key = fun.(x)
      Map.put(acc, key, Map.get(acc, key, 0) + 1)
    end)
  end

  def map_join(enum, fun), do: Enum.join(map(enum, fun), "")
  def map_join(enum, joiner, fun), do: Enum.join(map(enum, fun), joiner)

  def max_by(enum, fun), do: by(enum, fun, fn a, b -> a > b end, "max_by")
  def min_by(enum, fun), do: by(enum, fun, fn a, b -> a < b end, "min_by")

  def max(enum, empty_fallback) when is_function(empty_fallback, 0) do
    if Enum.empty?(enum), do: empty_fallback.(), else: Enum.max(enum)
  end

  def min(enum, empty_fallback) when is_function(empty_fallback, 0) do
    if Enum.empty?(enum), do: empty_fallback.(), else: Enum.min(enum)
  end

  def min_max_by(enum, fun), do: {min_by(enum, fun), max_by(enum, fun)}

  defp by(enum, fun, better, _name) do
    case :phial.to_list(enum) do
      [] ->
        raise Enum.EmptyError, message: "empty error"

      [h | t] ->
        {best, _} =
          reduce(t, {h, fun.(h)}, fn x, {b, bk} ->
            k = fun.(x)
            if better.(k, bk), do: {x, k}, else: {b, bk}
          end)

        best
    end
  end

  def sort(enum, :asc), do: Enum.sort(enum)
  def sort(enum, :desc), do: :phial.sort_desc(enum)
  def sort(enum, fun) when is_function(fun, 2), do: merge_sort(:phial.to_list(enum), fun)

  def sort_by(enum, mapper), do: sort_by(enum, mapper, :asc)

  def sort_by(enum, mapper, sorter) do
    pairs = map(enum, fn x -> {mapper.(x), x} end)

    sorted =
      case sorter do
        :asc -> merge_sort(pairs, fn {a, _}, {b, _} -> a <= b end)
        :desc -> merge_sort(pairs, fn {a, _}, {b, _} -> a >= b end)
        fun -> merge_sort(pairs, fn {a, _}, {b, _} -> fun.(a, b) end)
      end

    map(sorted, fn {_, x} -> x end)
  end

  # A stable merge sort: `fun.(a, b)` true means a may come first.
  defp merge_sort([], _fun), do: []
  defp merge_sort([x], _fun), do: [x]

  defp merge_sort(list, fun) do
    {l, r} = Enum.split(list, div(length(list), 2))
    merge(merge_sort(l, fun), merge_sort(r, fun), fun, [])
  end

  defp merge([], r, _fun, acc), do: Enum.reverse(acc, r)
  defp merge(l, [], _fun, acc), do: Enum.reverse(acc, l)

  defp merge([a | l], [b | r], fun, acc) do
    if fun.(a, b), do: merge(l, [b | r], fun, [a | acc]), else: merge([a | l], r, fun, [b | acc])
  end

  def with_index(enum, fun) when is_function(fun, 2) do
    {list, _} = map_reduce(enum, 0, fn x, i -> {fun.(x, i), i + 1} end)
    list
  end

  def with_index(enum, offset), do: :phial.with_index(enum, offset)

  def zip_with(l, r, fun), do: map(Enum.zip(l, r), fn {a, b} -> fun.(a, b) end)

  def zip_with(lists, fun), do: map(Enum.zip(lists), fn t -> fun.(Tuple.to_list(t)) end)

  def chunk_by(enum, fun) do
    case :phial.to_list(enum) do
      [] ->
        []

      [h | t] ->
        {chunks, cur, _} =
          reduce(t, {[], [h], fun.(h)}, fn x, {chunks, cur, key} ->
            k = fun.(x)
            if k === key, do: {chunks, [x | cur], key}, else: {[Enum.reverse(cur) | chunks], [x], k}
          end)

        Enum.reverse([Enum.reverse(cur) | chunks])
    end
  end

  def filter_map(enum, filter, mapper), do: map(filter(enum, filter), mapper)

  def sum_by(enum, fun), do: reduce(enum, 0, fn x, acc -> acc + fun.(x) end)
end
