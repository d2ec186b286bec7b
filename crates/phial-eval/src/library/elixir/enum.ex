# Enum functions that take a function argument. Each converts its
# enumerable to a list first (:phial.to_list), then walks it with tail
# recursion and reverses the accumulator; the commonest walk a stream or a
# struct's own Enumerable in one pass instead, and those that may stop
# early leave it to :phial_enum_halting (internal/phial_enum_halting.ex).
# Not here: the pure Enum functions, natives (enum.rs), which must be
# called here with the Enum. prefix.
defmodule Enum do
  @moduledoc """
  Eager functions over enumerables: lists, maps, ranges, `MapSet`s,
  streams, and any type that implements `Enumerable`. A map is walked as
  `{key, value}` tuples. Each function walks the whole input at once and
  gives a list or a value; `Stream` is the lazy counterpart.

      iex> Enum.map(1..3, fn x -> x * 2 end)
      [2, 4, 6]
  """

  # An enumerable only the protocol knows (a stream, a struct's own
  # Enumerable) is walked in one pass through Enumerable.reduce, so its
  # side effects and the function's interleave as in Elixir.
  @doc """
  A list of `fun` applied to each element, in order.

      iex> Enum.map([1, 2, 3], fn x -> x * x end)
      [1, 4, 9]
  """
  def map(enumerable, fun)
  def map(enum, fun) when :phial.is_foreign_enum(enum) do
    :lists.reverse(reduce(enum, [], fn x, acc -> [fun.(x) | acc] end))
  end

  def map(enum, fun), do: map_list(:phial.to_list(enum), fun, [])

  defp map_list([], _fun, acc), do: Enum.reverse(acc)
  defp map_list([h | t], fun, acc), do: map_list(t, fun, [fun.(h) | acc])

  @doc """
  Calls `fun` on each element for its side effects; gives `:ok`.

      iex> Enum.each([1, 2], &IO.puts/1)
      1
      2
      :ok
  """
  def each(enumerable, fun)
  def each(enum, fun) when :phial.is_foreign_enum(enum) do
    reduce(enum, nil, fn x, _ -> fun.(x) end)
    :ok
  end

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

  @doc """
  Folds the elements into an accumulator: calls `fun.(element, acc)` for
  each element, starting from `acc`, and gives the last result.

      iex> Enum.reduce([1, 2, 3], 0, fn x, acc -> x + acc end)
      6
  """
  def reduce(enum, acc, fun) when :phial.is_foreign_enum(enum) do
    {_, acc} = Enumerable.reduce(enum, {:cont, acc}, fn x, a -> {:cont, fun.(x, a)} end)
    acc
  end

  def reduce(%Range{first: first, last: last, step: step}, acc, fun),
    do: reduce_range(first, last, step, acc, fun)

  def reduce(enum, acc, fun), do: reduce_list(:phial.to_list(enum), acc, fun)

  # A range is walked, not made a list first: constant memory at any size.
  defp reduce_range(i, last, step, acc, _fun) when step > 0 and i > last, do: acc
  defp reduce_range(i, last, step, acc, _fun) when step < 0 and i < last, do: acc
  defp reduce_range(i, last, step, acc, fun), do: reduce_range(i + step, last, step, fun.(i, acc), fun)

  @doc """
  Like `reduce/3`, with the first element as the starting accumulator;
  raises `Enum.EmptyError` when empty.

      iex> Enum.reduce([1, 2, 3], fn x, acc -> x * acc end)
      6
  """
  def reduce(enum, fun) do
    case :phial.to_list(enum) do
      [h | t] -> reduce_list(t, h, fun)
      [] -> raise Enum.EmptyError, message: "empty error"
    end
  end

  defp reduce_list([], acc, _fun), do: acc
  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)

  @doc """
  Like `reduce/3`, but `fun` returns `{:cont, acc}` to go on or
  `{:halt, acc}` to stop there.

      iex> Enum.reduce_while(1..100, 0, fn x, acc -> if acc > 10, do: {:halt, acc}, else: {:cont, acc + x} end)
      15
  """
  def reduce_while(enum, acc, fun) when is_list(enum), do: reduce_while_list(enum, acc, fun)
  def reduce_while(%Range{first: first, last: last, step: step}, acc, fun),
    do: reduce_while_range(first, last, step, acc, fun)

  def reduce_while(enum, acc, fun), do: :phial_enum_halting.reduce_while(enum, acc, fun)

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

  @doc """
  Maps and folds at once: `fun.(element, acc)` returns
  `{mapped, new_acc}`; gives `{mapped_list, final_acc}`.

      iex> Enum.map_reduce([1, 2, 3], 0, fn x, acc -> {x * 2, acc + x} end)
      {[2, 4, 6], 6}
  """
  def map_reduce(enum, acc, fun) do
    {list, acc} =
      reduce(enum, {[], acc}, fn x, {l, a} ->
        {y, a} = fun.(x, a)
        {[y | l], a}
      end)

    {Enum.reverse(list), acc}
  end

  @doc """
  Every intermediate accumulator of a reduce, first element included.

      iex> Enum.scan([1, 2, 3], &+/2)
      [1, 3, 6]
  """
  def scan(enum, fun) do
    case :phial.to_list(enum) do
      [] -> []
      [h | t] -> scan_list(t, h, fun, [h])
    end
  end

  @doc """
  Like `scan/2`, starting from `acc` (not itself included).

      iex> Enum.scan([1, 2, 3], 10, &+/2)
      [11, 13, 16]
  """
  def scan(enum, acc, fun), do: scan_list(:phial.to_list(enum), acc, fun, [])

  defp scan_list([], _acc, _fun, out), do: Enum.reverse(out)

  defp scan_list([h | t], acc, fun, out) do
    acc = fun.(h, acc)
    scan_list(t, acc, fun, [acc | out])
  end

  @doc """
  The elements for which `fun` returns a truthy value.

      iex> Enum.filter(1..6, fn x -> rem(x, 3) == 0 end)
      [3, 6]
  """
  def filter(enumerable, fun)
  def filter(enum, fun) when :phial.is_foreign_enum(enum) do
    :lists.reverse(reduce(enum, [], fn x, acc -> if fun.(x), do: [x | acc], else: acc end))
  end

  def filter(enum, fun), do: filter_list(:phial.to_list(enum), fun, [])

  defp filter_list([], _fun, acc), do: Enum.reverse(acc)

  defp filter_list([h | t], fun, acc) do
    if fun.(h), do: filter_list(t, fun, [h | acc]), else: filter_list(t, fun, acc)
  end

  @doc """
  The elements for which `fun` returns a falsy value.

      iex> Enum.reject([1, nil, 2, false], fn x -> x end)
      [nil, false]
  """
  def reject(enum, fun), do: filter(enum, fn x -> !fun.(x) end)

  @doc """
  `{elements fun accepts, elements it rejects}`, each in order.

      iex> Enum.split_with([1, 2, 3, 4], &(&1 > 2))
      {[3, 4], [1, 2]}
  """
  def split_with(enum, fun) do
    {a, b} =
      reduce(enum, {[], []}, fn x, {a, b} ->
        if fun.(x), do: {[x | a], b}, else: {a, [x | b]}
      end)

    {Enum.reverse(a), Enum.reverse(b)}
  end

  @doc """
  Maps each element to a list (or enumerable) and concatenates them.

      iex> Enum.flat_map([1, 2], fn x -> [x, x] end)
      [1, 1, 2, 2]
  """
  def flat_map(enumerable, fun)
  def flat_map(enum, fun) when :phial.is_foreign_enum(enum) do
    :lists.reverse(reduce(enum, [], fn x, acc -> prepend_reversed(:phial.to_list(fun.(x)), acc) end))
  end

  def flat_map(enum, fun), do: flat_map_list(:phial.to_list(enum), fun, [])

  defp flat_map_list([], _fun, acc), do: Enum.reverse(acc)

  defp flat_map_list([h | t], fun, acc) do
    flat_map_list(t, fun, prepend_reversed(:phial.to_list(fun.(h)), acc))
  end

  defp prepend_reversed([], acc), do: acc
  defp prepend_reversed([h | t], acc), do: prepend_reversed(t, [h | acc])

  @doc """
  Puts the elements into `collectable`: a list, a map (from pairs), a
  string (from strings), a `MapSet`...

      iex> Enum.into([a: 1], %{b: 2})
      %{a: 1, b: 2}
  """
  def into(enum, collectable) when is_list(collectable) do
    collectable ++ :phial.to_list(enum)
  end

  def into(enum, %{__struct__: MapSet} = set), do: MapSet.union(set, MapSet.new(enum))

  def into(enum, %{__struct__: _} = collectable), do: :phial_enum.collect(enum, collectable)

  def into(enum, collectable) when is_map(collectable) do
    reduce(enum, collectable, fn
      {k, v}, acc -> Map.put(acc, k, v)
      _, _ -> raise ArgumentError
    end)
  end

  def into(enum, collectable) when is_bitstring(collectable) do
    reduce(enum, collectable, fn
      s, acc when is_bitstring(s) -> <<acc::bitstring, s::bitstring>>
      _, _ -> raise ArgumentError
    end)
  end

  @doc """
  Like `into/2`, transforming each element first.

      iex> Enum.into([1, 2], %{}, fn x -> {x, -x} end)
      %{1 => -1, 2 => -2}
  """
  def into(enum, collectable, fun), do: into(map(enum, fun), collectable)

  @doc """
  Keeps each first element for each distinct value of `fun`.

      iex> Enum.uniq_by([{1, :a}, {2, :b}, {1, :c}], fn {n, _} -> n end)
      [{1, :a}, {2, :b}]
  """
  def uniq_by(enum, fun), do: uniq_list(:phial.to_list(enum), fun, %{}, [])

  defp uniq_list([], _fun, _seen, acc), do: Enum.reverse(acc)

  defp uniq_list([h | t], fun, seen, acc) do
    key = fun.(h)

    if Map.has_key?(seen, key),
      do: uniq_list(t, fun, seen, acc),
      else: uniq_list(t, fun, Map.put(seen, key, true), [h | acc])
  end

  @doc """
  Collapses runs of consecutive elements with equal `fun` values.

      iex> Enum.dedup_by([1, 3, 2, 4, 5], &rem(&1, 2))
      [1, 2, 5]
  """
  def dedup_by(enum, fun) do
    {out, _} =
      reduce(enum, {[], make_ref()}, fn x, {out, last} ->
        key = fun.(x)
        if key === last, do: {out, last}, else: {[x | out], key}
      end)

    Enum.reverse(out)
  end

  @doc """
  Whether every element is truthy; true when empty.

      iex> Enum.all?([1, true, :x])
      true
  """
  def all?(enum), do: all?(enum, fn x -> x end)
  @doc """
  Whether `fun` is truthy for every element; stops at the first that is
  not.

      iex> Enum.all?([2, 4, 5], fn x -> rem(x, 2) == 0 end)
      false
  """
  def all?(enum, fun) when is_list(enum), do: all_list(enum, fun)
  def all?(enum, fun), do: :phial_enum_halting.all?(enum, fun)

  defp all_list([], _fun), do: true
  defp all_list([h | t], fun), do: if(fun.(h), do: all_list(t, fun), else: false)

  @doc """
  Whether some element is truthy; false when empty.

      iex> Enum.any?([nil, false, 0])
      true
  """
  def any?(enum), do: any?(enum, fn x -> x end)
  @doc """
  Whether `fun` is truthy for some element; stops at the first.

      iex> Enum.any?([1, 3, 4], fn x -> rem(x, 2) == 0 end)
      true
  """
  def any?(enum, fun) when is_list(enum), do: any_list(enum, fun)
  def any?(enum, fun), do: :phial_enum_halting.any?(enum, fun)

  defp any_list([], _fun), do: false
  defp any_list([h | t], fun), do: if(fun.(h), do: true, else: any_list(t, fun))

  @doc """
  How many elements `fun` returns a truthy value for.

      iex> Enum.count([1, 2, 3, 4], fn x -> rem(x, 2) == 0 end)
      2
  """
  def count(enum, fun), do: reduce(enum, 0, fn x, n -> if fun.(x), do: n + 1, else: n end)

  @doc """
  How many elements there are, counting no further than `limit`.

      iex> Enum.count_until(1..100, 5)
      5
  """
  def count_until(enum, limit), do: Kernel.min(Enum.count(enum), limit)

  @doc """
  How many elements `fun` accepts, counting no further than `limit`.

      iex> Enum.count_until(1..10, &(&1 > 8), 5)
      2
  """
  def count_until(enum, fun, limit), do: Kernel.min(count(enum, fun), limit)

  @doc """
  The first element `fun` accepts, or `nil`.

      iex> Enum.find([1, 2, 3], &(&1 > 5))
      nil
  """
  def find(enum, fun), do: find(enum, nil, fun)
  @doc """
  The first element `fun` accepts, or `default`.

      iex> Enum.find([1, 2, 3], fn x -> x > 1 end)
      2
  """
  def find(enum, default, fun) when is_list(enum), do: find_list(enum, default, fun)
  def find(enum, default, fun), do: :phial_enum_halting.find(enum, default, fun)

  defp find_list([], default, _fun), do: default
  defp find_list([h | t], default, fun), do: if(fun.(h), do: h, else: find_list(t, default, fun))

  @doc """
  The position of the first element `fun` accepts, or `nil`.

      iex> Enum.find_index([:a, :b], &(&1 == :b))
      1
  """
  def find_index(enum, fun) when is_list(enum), do: find_index_list(enum, fun, 0)
  def find_index(enum, fun), do: :phial_enum_halting.find_index(enum, fun)

  defp find_index_list([], _fun, _i), do: nil
  defp find_index_list([h | t], fun, i), do: if(fun.(h), do: i, else: find_index_list(t, fun, i + 1))

  @doc """
  The first truthy result of `fun`, or `nil`.

      iex> Enum.find_value([nil, 2], & &1)
      2
  """
  def find_value(enum, fun), do: find_value(enum, nil, fun)
  @doc """
  The first truthy result of `fun`, or `default`.

      iex> Enum.find_value([1, 2, 3], fn x -> if x > 1, do: x * 10 end)
      20
  """
  def find_value(enum, default, fun) when is_list(enum), do: find_value_list(enum, default, fun)
  def find_value(enum, default, fun), do: :phial_enum_halting.find_value(enum, default, fun)

  defp find_value_list([], default, _fun), do: default

  defp find_value_list([h | t], default, fun) do
    v = fun.(h)
    if v, do: v, else: find_value_list(t, default, fun)
  end

  @doc """
  The leading elements `fun` accepts.

      iex> Enum.take_while([1, 2, 5, 1], &(&1 < 3))
      [1, 2]
  """
  def take_while(enum, fun) when is_list(enum), do: take_while_list(enum, fun, [])
  def take_while(enum, fun), do: :phial_enum_halting.take_while(enum, fun)

  defp take_while_list([], _fun, acc), do: Enum.reverse(acc)

  defp take_while_list([h | t], fun, acc) do
    if fun.(h), do: take_while_list(t, fun, [h | acc]), else: Enum.reverse(acc)
  end

  @doc """
  The elements from the first one `fun` rejects on.

      iex> Enum.drop_while([1, 2, 5, 1], &(&1 < 3))
      [5, 1]
  """
  def drop_while(enum, fun), do: drop_while_list(:phial.to_list(enum), fun)

  defp drop_while_list([], _fun), do: []
  defp drop_while_list([h | t] = l, fun), do: if(fun.(h), do: drop_while_list(t, fun), else: l)

  @doc """
  `{take_while result, the rest}`.

      iex> Enum.split_while([1, 2, 5, 1], &(&1 < 3))
      {[1, 2], [5, 1]}
  """
  def split_while(enum, fun) do
    list = :phial.to_list(enum)
    taken = take_while(list, fun)
    {taken, Enum.drop(list, length(taken))}
  end

  @doc """
  A map from each key `key_fun` gives to the list of its elements, in
  order.

      iex> Enum.group_by([1, 2, 3], &rem(&1, 2))
      %{0 => [2], 1 => [1, 3]}
  """
  def group_by(enum, key_fun), do: group_by(enum, key_fun, fn x -> x end)

  @doc """
  A map from each key `key_fun` gives to the list of its elements (through
  `value_fun`), in order.

      iex> Enum.group_by(~w(ant bee cat), &String.length/1)
      %{3 => ["ant", "bee", "cat"]}
  """
  def group_by(enum, key_fun, value_fun) do
    enum
    |> Enum.reverse()
    |> reduce(%{}, fn x, acc ->
      key = key_fun.(x)
      Map.put(acc, key, [value_fun.(x) | Map.get(acc, key, [])])
    end)
  end

  @doc """
  A map from each key `key_fun` gives to how many elements give it.

      iex> Enum.frequencies_by(~w(a B b), &String.downcase/1)
      %{"a" => 1, "b" => 2}
  """
  def frequencies_by(enum, fun) do
    reduce(enum, %{}, fn x, acc ->
      key = fun.(x)
      Map.put(acc, key, Map.get(acc, key, 0) + 1)
    end)
  end

  @doc """
  Maps the elements and joins the results with nothing between them.

      iex> Enum.map_join([1, 2], &(&1 * 2))
      "24"
  """
  def map_join(enum, fun), do: Enum.join(map(enum, fun), "")
  @doc """
  Maps the elements and joins the results as `join/2` does.

      iex> Enum.map_join([1, 2], "-", &(&1 * 10))
      "10-20"
  """
  def map_join(enum, joiner, fun), do: Enum.join(map(enum, fun), joiner)

  # max/min and their _by forms take a sorter (a 2-arity function or a
  # module with compare/2) and an empty fallback, as Elixir 1.14's do; a
  # 0-arity function in the sorter's place is the old (deprecated) fallback.
  @doc """
  The largest element by a `sorter` (such as `&>=/2`), or with a function
  of no arguments whose result stands in for an empty input.

      iex> Enum.max([], fn -> :none end)
      :none
  """
  def max(enum, empty_fallback) when is_function(empty_fallback, 0),
    do: max(enum, &>=/2, empty_fallback)

  def max(enum, sorter), do: max(enum, sorter, &empty/0)

  @doc """
  The largest element by `sorter`, or `empty_fallback.()` when empty.

      iex> Enum.max([1, 2], &>=/2, fn -> 0 end)
      2
  """
  def max(enum, sorter, empty_fallback),
    do: aggregate(enum, max_sort_fun(sorter), empty_fallback)

  @doc """
  The smallest element by a `sorter`, or with a fallback function for an
  empty input.

      iex> Enum.min([], fn -> :none end)
      :none
  """
  def min(enum, empty_fallback) when is_function(empty_fallback, 0),
    do: min(enum, &<=/2, empty_fallback)

  def min(enum, sorter), do: min(enum, sorter, &empty/0)

  @doc """
  The smallest element by `sorter`, or `empty_fallback.()` when empty.

      iex> Enum.min([1, 2], &<=/2, fn -> 0 end)
      1
  """
  def min(enum, sorter, empty_fallback),
    do: aggregate(enum, min_sort_fun(sorter), empty_fallback)

  defp empty, do: raise(Enum.EmptyError, message: "empty error")

  defp max_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp max_sort_fun(module) when is_atom(module), do: &(module.compare(&1, &2) != :lt)
  defp min_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp min_sort_fun(module) when is_atom(module), do: &(module.compare(&1, &2) != :gt)

  defp aggregate([], _fun, empty), do: empty.()
  defp aggregate([h | t], fun, _empty), do: aggregate_list(t, h, fun)

  # A range is decided by its two ends, as Elixir does: 1..huge stays lazy.
  defp aggregate(first..last//step = range, fun, empty) do
    case Range.size(range) do
      0 ->
        empty.()

      _ ->
        last = last - rem(last - first, step)

        case fun.(first, last) do
          true -> first
          false -> last
        end
    end
  end

  defp aggregate(enum, fun, empty), do: aggregate(:phial.to_list(enum), fun, empty)

  defp aggregate_list([], acc, _fun), do: acc

  defp aggregate_list([h | t], acc, fun) do
    acc =
      case fun.(acc, h) do
        true -> acc
        false -> h
      end

    aggregate_list(t, acc, fun)
  end

  @doc """
  The element for which `fun` gives the largest value (the first of equal
  ones).

      iex> Enum.max_by(~w(a ccc bb), &String.length/1)
      "ccc"
  """
  def max_by(enum, fun), do: max_by(enum, fun, &>=/2, &empty/0)

  @doc """
  `max_by/2` with a sorter (such as `&>=/2`) or a fallback function for an
  empty input.

      iex> Enum.max_by([], &(&1), fn -> :none end)
      :none
  """
  def max_by(enum, fun, empty_fallback)
      when is_function(fun, 1) and is_function(empty_fallback, 0),
      do: max_by(enum, fun, &>=/2, empty_fallback)

  def max_by(enum, fun, sorter), do: max_by(enum, fun, sorter, &empty/0)

  @doc """
  `max_by/2` with both a sorter and a fallback for an empty input.

      iex> Enum.max_by([1, 3], &(-&1), &>=/2, fn -> 0 end)
      1
  """
  def max_by(enum, fun, sorter, empty_fallback) when is_function(fun, 1),
      do: aggregate_by(enum, fun, max_sort_fun(sorter), empty_fallback)

  @doc """
  The element for which `fun` gives the smallest value.

      iex> Enum.min_by(~w(aa c bbb), &String.length/1)
      "c"
  """
  def min_by(enum, fun), do: min_by(enum, fun, &<=/2, &empty/0)

  @doc """
  `min_by/2` with a sorter or a fallback function for an empty input.

      iex> Enum.min_by([], &(&1), fn -> :none end)
      :none
  """
  def min_by(enum, fun, empty_fallback)
      when is_function(fun, 1) and is_function(empty_fallback, 0),
      do: min_by(enum, fun, &<=/2, empty_fallback)

  def min_by(enum, fun, sorter), do: min_by(enum, fun, sorter, &empty/0)

  @doc """
  `min_by/2` with both a sorter and a fallback for an empty input.

      iex> Enum.min_by([1, 3], &(-&1), &<=/2, fn -> 0 end)
      3
  """
  def min_by(enum, fun, sorter, empty_fallback) when is_function(fun, 1),
      do: aggregate_by(enum, fun, min_sort_fun(sorter), empty_fallback)

  defp aggregate_by(enum, fun, sorter, empty_fallback) do
    first_fun = &[&1 | fun.(&1)]

    reduce_fun = fn entry, [_ | fun_ref] = old ->
      fun_entry = fun.(entry)

      case sorter.(fun_ref, fun_entry) do
        true -> old
        false -> [entry | fun_entry]
      end
    end

    case reduce_by(:phial.to_list(enum), first_fun, reduce_fun) do
      :empty -> empty_fallback.()
      [entry | _] -> entry
    end
  end

  defp reduce_by([], _first, _fun), do: :empty
  defp reduce_by([h | t], first, fun), do: reduce_list(t, first.(h), fun)

  @doc """
  `min_max/1`, or `empty_fallback.()` for an empty input.

      iex> Enum.min_max([], fn -> {nil, nil} end)
      {nil, nil}
  """
  def min_max(enum, empty_fallback) when is_function(empty_fallback, 0) do
    if Enum.empty?(enum), do: empty_fallback.(), else: Enum.min_max(enum)
  end

  @doc """
  `{min_by result, max_by result}` in one pass.

      iex> Enum.min_max_by(~w(aa c bbb), &String.length/1)
      {"c", "bbb"}
  """
  def min_max_by(enum, fun), do: min_max_by(enum, fun, &</2, &empty/0)

  @doc """
  `min_max_by/2` with a sorter or a fallback for an empty input.

      iex> Enum.min_max_by([], &(&1), fn -> :none end)
      :none
  """
  def min_max_by(enum, fun, empty_fallback)
      when is_function(fun, 1) and is_function(empty_fallback, 0),
      do: min_max_by(enum, fun, &</2, empty_fallback)

  def min_max_by(enum, fun, sorter), do: min_max_by(enum, fun, sorter, &empty/0)

  @doc """
  `min_max_by/2` with both a sorter and a fallback.

      iex> Enum.min_max_by([2, 1], &(&1), &</2, fn -> :none end)
      {1, 2}
  """
  def min_max_by(enum, fun, sorter, empty_fallback)
      when is_function(fun, 1) and is_atom(sorter) and is_function(empty_fallback, 0),
      do: min_max_by(enum, fun, &(sorter.compare(&1, &2) == :lt), empty_fallback)

  def min_max_by(enum, fun, sorter, empty_fallback)
      when is_function(fun, 1) and is_function(sorter, 2) and is_function(empty_fallback, 0) do
    first_fun = fn entry ->
      fun_entry = fun.(entry)
      {entry, entry, fun_entry, fun_entry}
    end

    reduce_fun = fn entry, {prev_min, prev_max, fun_min, fun_max} = acc ->
      fun_entry = fun.(entry)

      cond do
        sorter.(fun_entry, fun_min) -> {entry, prev_max, fun_entry, fun_max}
        sorter.(fun_max, fun_entry) -> {prev_min, entry, fun_min, fun_entry}
        true -> acc
      end
    end

    case reduce_by(:phial.to_list(enum), first_fun, reduce_fun) do
      :empty -> empty_fallback.()
      {min, max, _, _} -> {min, max}
    end
  end

  @doc """
  Sorts by `sorter`: `:asc`, `:desc`, or a function `fn a, b -> ... end`
  that is true when `a` goes first. Equal elements keep their order.

      iex> Enum.sort([1, 3, 2], :desc)
      [3, 2, 1]
  """
  def sort(enumerable, sorter)
  def sort(enum, :asc), do: Enum.sort(enum)
  def sort(enum, :desc), do: :phial.sort_desc(enum)
  def sort(enum, sorter), do: merge_sort(:phial.to_list(enum), to_sort_fun(sorter))

  # A sorter: a function, or a module with compare/2 (Date, Time, ...),
  # ascending or in a {:asc | :desc, module} pair.
  defp to_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp to_sort_fun(module) when is_atom(module), do: &(module.compare(&1, &2) != :gt)
  defp to_sort_fun({:asc, module}) when is_atom(module), do: &(module.compare(&1, &2) != :gt)
  defp to_sort_fun({:desc, module}) when is_atom(module), do: &(module.compare(&1, &2) != :lt)

  @doc """
  Sorts by the values `mapper` gives, ascending; equal keys keep their
  order.

      iex> Enum.sort_by(["bb", "a"], &String.length/1)
      ["a", "bb"]
  """
  def sort_by(enum, mapper), do: sort_by(enum, mapper, :asc)

  @doc """
  Sorts by the values `mapper` gives; `sorter` as in `sort/2`. Equal keys
  keep their order.

      iex> Enum.sort_by(["bb", "a", "ccc"], &String.length/1, :desc)
      ["ccc", "bb", "a"]
  """
  def sort_by(enum, mapper, sorter) do
    pairs = map(enum, fn x -> {mapper.(x), x} end)

    sorted =
      case sorter do
        :asc -> merge_sort(pairs, fn {a, _}, {b, _} -> a <= b end)
        :desc -> merge_sort(pairs, fn {a, _}, {b, _} -> a >= b end)
        sorter ->
          fun = to_sort_fun(sorter)
          merge_sort(pairs, fn {a, _}, {b, _} -> fun.(a, b) end)
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

  @doc """
  Pairs each element with its position, `{element, index}`, counting from
  the offset; with a function, gives `fun.(element, index)` instead.

      iex> Enum.with_index([:a, :b])
      [a: 0, b: 1]
  """
  def with_index(enum, fun) when is_function(fun, 2) do
    {list, _} = map_reduce(enum, 0, fn x, i -> {fun.(x, i), i + 1} end)
    list
  end

  def with_index(enum, offset), do: :phial.with_index(enum, offset)

  @doc """
  Combines elements pairwise with `fun`, stopping at the shorter input.

      iex> Enum.zip_with([1, 2], [10, 20], &+/2)
      [11, 22]
  """
  def zip_with(l, r, fun), do: map(Enum.zip(l, r), fn {a, b} -> fun.(a, b) end)

  @doc """
  Combines the elements at each position with `fun`, which gets them as a
  list.

      iex> Enum.zip_with([[1, 2], [3, 4]], fn [a, b] -> a * b end)
      [3, 8]
  """
  def zip_with(lists, fun), do: map(Enum.zip(lists), fn t -> fun.(Tuple.to_list(t)) end)

  @doc """
  Splits into runs of consecutive elements with the same `fun` value.

      iex> Enum.chunk_by([1, 3, 2, 4, 5], &rem(&1, 2))
      [[1, 3], [2, 4], [5]]
  """
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

  @doc """
  The old filter-then-map in one call: `mapper` applied to the elements
  `filter` accepts.

      iex> Enum.filter_map([1, 2, 3], &(&1 > 1), &(&1 * 10))
      [20, 30]
  """
  def filter_map(enum, filter, mapper), do: map(filter(enum, filter), mapper)

  @doc """
  The sum of `mapper` applied to each element.

      iex> Enum.sum_by([1, 2, 3], &(&1 * &1))
      14
  """
  def sum_by(enum, fun), do: reduce(enum, 0, fn x, acc -> acc + fun.(x) end)
  @doc """
  Builds chunks by hand: `chunk_fun.(element, acc)` returns
  `{:cont, chunk, acc}` to emit a chunk or `{:cont, acc}` to go on;
  `after_fun.(acc)` emits what is left.

      iex> Enum.chunk_while(1..5, [], fn x, acc -> if rem(x, 2) == 0, do: {:cont, Enum.reverse([x | acc]), []}, else: {:cont, [x | acc]} end, fn [] -> {:cont, []}; acc -> {:cont, Enum.reverse(acc), []} end)
      [[1, 2], [3, 4], [5]]
  """
  def chunk_while(enum, acc, chunk_fun, after_fun) do
    {res, acc} = chunk_while_list(:phial.to_list(enum), [], acc, chunk_fun)

    case after_fun.(acc) do
      {:cont, _acc} -> Enum.reverse(res)
      {:cont, chunk, _acc} -> Enum.reverse([chunk | res])
    end
  end

  defp chunk_while_list([], buffer, acc, _fun), do: {buffer, acc}

  defp chunk_while_list([h | t], buffer, acc, fun) do
    case fun.(h, acc) do
      {:cont, chunk, acc} -> chunk_while_list(t, [chunk | buffer], acc, fun)
      {:cont, acc} -> chunk_while_list(t, buffer, acc, fun)
      {:halt, acc} -> {buffer, acc}
    end
  end

  @doc """
  The old `chunk_every/4` with `:discard`: full chunks of `count` only.

      iex> Enum.chunk([1, 2, 3], 2)
      [[1, 2]]
  """
  def chunk(enum, count), do: Enum.chunk_every(enum, count, count, :discard)
  @doc """
  Like `chunk/2`, a chunk starting every `step` elements.

      iex> Enum.chunk([1, 2, 3], 2, 1)
      [[1, 2], [2, 3]]
  """
  def chunk(enum, n, step), do: Enum.chunk_every(enum, n, step, :discard)
  @doc """
  Like `chunk/3`, padding a last short chunk from `leftover`.

      iex> Enum.chunk([1, 2, 3], 2, 2, [0])
      [[1, 2], [3, 0]]
  """
  def chunk(enum, count, step, leftover), do: Enum.chunk_every(enum, count, step, leftover || :discard)

  @doc """
  Drops every `nth` element, starting with the first.

      iex> Enum.drop_every(1..6, 2)
      [2, 4, 6]
  """
  def drop_every(_enum, 1), do: []
  def drop_every(enum, 0), do: :phial.to_list(enum)
  def drop_every([], nth) when is_integer(nth), do: []

  def drop_every(enum, nth) when is_integer(nth) and nth > 1,
    do: drop_every_list(:phial.to_list(enum), nth, 0, [])

  defp drop_every_list([], _nth, _i, acc), do: Enum.reverse(acc)

  defp drop_every_list([h | t], nth, i, acc) do
    if rem(i, nth) == 0,
      do: drop_every_list(t, nth, i + 1, acc),
      else: drop_every_list(t, nth, i + 1, [h | acc])
  end

  @doc """
  Applies `fun` to every `nth` element, starting with the first.

      iex> Enum.map_every(1..5, 2, &(&1 * 100))
      [100, 2, 300, 4, 500]
  """
  def map_every(enum, 1, fun), do: map(enum, fun)
  def map_every(enum, 0, _fun), do: :phial.to_list(enum)
  def map_every([], nth, _fun) when is_integer(nth) and nth > 1, do: []

  def map_every(enum, nth, fun) when is_integer(nth) and nth > 1,
    do: map_every_list(:phial.to_list(enum), nth, fun, 0, [])

  defp map_every_list([], _nth, _fun, _i, acc), do: Enum.reverse(acc)

  defp map_every_list([h | t], nth, fun, i, acc) do
    if rem(i, nth) == 0,
      do: map_every_list(t, nth, fun, i + 1, [fun.(h) | acc]),
      else: map_every_list(t, nth, fun, i + 1, [h | acc])
  end

  @doc """
  Maps the elements and puts `separator` between the results.

      iex> Enum.map_intersperse([1, 2], :sep, &(&1 * 2))
      [2, :sep, 4]
  """
  def map_intersperse(enum, separator, mapper) do
    case map(enum, mapper) do
      [] -> []
      list -> Enum.intersperse(list, separator)
    end
  end

  @doc """
  Like `map_reduce/3`, where each mapped value is a list that is
  concatenated; `fun` may return `{:halt, acc}` to stop.

      iex> Enum.flat_map_reduce([1, 2], 0, fn x, acc -> {[x, x], acc + x} end)
      {[1, 1, 2, 2], 3}
  """
  def flat_map_reduce(enum, acc, fun), do: flat_map_reduce_list(:phial.to_list(enum), [], acc, fun)

  defp flat_map_reduce_list([], list, acc, _fun), do: {Enum.reverse(list), acc}

  defp flat_map_reduce_list([h | t], list, acc, fun) do
    case fun.(h, acc) do
      {:halt, acc} -> {Enum.reverse(list), acc}
      {entries, acc} -> flat_map_reduce_list(t, prepend_reversed(:phial.to_list(entries), list), acc, fun)
    end
  end

  @doc """
  The old name of `split_with/2`.

      iex> Enum.partition([1, 2, 3], &(&1 > 1))
      {[2, 3], [1]}
  """
  def partition(enum, fun), do: split_with(enum, fun)

  @doc """
  The old name of `uniq_by/2`.

      iex> Enum.uniq([1, -1, 2], &abs/1)
      [1, 2]
  """
  def uniq(enum, fun), do: uniq_by(enum, fun)

  @doc """
  Reduces two enumerables in step: `reducer.(l, r, acc)`, stopping at the
  shorter.

      iex> Enum.zip_reduce([1, 2], [3, 4], 0, fn l, r, acc -> acc + l * r end)
      11
  """
  def zip_reduce(left, right, acc, reducer) when is_function(reducer, 3),
    do: zip_reduce_list(:phial.to_list(left), :phial.to_list(right), acc, reducer)

  defp zip_reduce_list([l | ls], [r | rs], acc, fun), do: zip_reduce_list(ls, rs, fun.(l, r, acc), fun)
  defp zip_reduce_list(_, _, acc, _fun), do: acc

  @doc """
  Reduces any number of enumerables in step: `reducer.(elements, acc)`
  with the elements at each position as a list.

      iex> Enum.zip_reduce([[1, 2], [3, 4]], 0, fn [a, b], acc -> acc + a * b end)
      11
  """
  def zip_reduce([], acc, reducer) when is_function(reducer, 2), do: acc

  def zip_reduce(enums, acc, reducer) when is_function(reducer, 2),
    do: zip_reduce_all(map(enums, &:phial.to_list/1), acc, reducer)

  defp zip_reduce_all(lists, acc, fun) do
    if Enum.any?(lists, &(&1 == [])) do
      acc
    else
      zip_reduce_all(map(lists, &tl/1), fun.(map(lists, &hd/1), acc), fun)
    end
  end
  @doc """
  Reverses `count` elements from `start_index`, leaving the rest in place.

      iex> Enum.reverse_slice([1, 2, 3, 4, 5], 1, 3)
      [1, 4, 3, 2, 5]
  """
  def reverse_slice(enum, start_index, count)
      when is_integer(start_index) and start_index >= 0 and is_integer(count) and count >= 0 do
    list = :phial.to_list(enum)
    {head, rest} = Enum.split(list, start_index)
    {middle, tail} = Enum.split(rest, count)
    head ++ Enum.reverse(middle, tail)
  end

  @doc """
  Moves one element, or a range of them, to `insertion_index`.

      iex> Enum.slide([:a, :b, :c, :d], 0, 2)
      [:b, :c, :a, :d]
  """
  def slide(enum, single_index, insertion_index) when is_integer(single_index),
    do: slide(enum, single_index..single_index, insertion_index)

  def slide(_, _.._//step = index_range, _insertion_index) when step != 1 do
    raise ArgumentError,
          "Enum.slide/3 does not accept ranges with custom steps, got: #{inspect(index_range)}"
  end

  def slide(enum, first..last, insertion_index)
      when first < 0 or last < 0 or insertion_index < 0 do
    count = Enum.count(enum)
    normalized_first = if first >= 0, do: first, else: Kernel.max(first + count, 0)
    normalized_last = if last >= 0, do: last, else: last + count

    normalized_insertion_index =
      if insertion_index >= 0, do: insertion_index, else: insertion_index + count

    if normalized_first < count and normalized_first != normalized_insertion_index do
      slide(enum, normalized_first..normalized_last//1, normalized_insertion_index)
    else
      Enum.to_list(enum)
    end
  end

  def slide(enum, first.._, insertion_index) when first == insertion_index, do: Enum.to_list(enum)

  def slide(_, first..last, insertion_index)
      when insertion_index > first and insertion_index <= last do
    raise ArgumentError,
          "insertion index for slide must be outside the range being moved " <>
            "(tried to insert #{first}..#{last} at #{insertion_index})"
  end

  def slide(enum, first..last, _insertion_index) when first > last, do: Enum.to_list(enum)

  def slide(enum, first..last, insertion_index) do
    list = :phial.to_list(enum)

    cond do
      insertion_index <= first -> slide_any(list, insertion_index, first, last)
      insertion_index > last -> slide_any(list, first, last + 1, insertion_index)
    end
  end

  # Moves middle..last in front of start: the head and the part moved
  # forward gather (reversed) in pre, the rest in post.
  defp slide_any(list, start, middle, last) do
    {_size, pre, post} =
      reduce(list, {0, [], []}, fn item, {index, pre, post} ->
        {pre, post} =
          cond do
            index < start -> {[item | pre], post}
            index >= start and index < middle -> {pre, [item | post]}
            index >= middle and index <= last -> {[item | pre], post}
            true -> {pre, [item | post]}
          end

        {index + 1, pre, post}
      end)

    Enum.reverse(pre, Enum.reverse(post))
  end
end
