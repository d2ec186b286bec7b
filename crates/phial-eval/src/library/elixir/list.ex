# List functions that take a function argument. Not here: the natives
# (list.rs), called here with their module prefix.
defmodule List do
  @moduledoc """
  Functions for linked lists. A list is a head and a tail, so reaching its
  front is cheap and its end costs a walk; most list functions are also in
  `Enum`, which takes any enumerable. Lists of `{key, value}` tuples are
  handled by the `key*` functions.

      iex> List.first([3, 2, 1])
      3
  """

  @doc """
  Folds `list` from the left: calls `fun.(element, acc)` on each element in
  turn and gives the last accumulator.

      iex> List.foldl([1, 2, 3], 0, fn x, acc -> x - acc end)
      2
  """
  def foldl(list, acc, fun) when is_list(list), do: Enum.reduce(list, acc, fun)
  @doc """
  Folds `list` from the right: like `foldl/3`, last element first.

      iex> List.foldr([1, 2, 3], [], fn x, acc -> [x * 10 | acc] end)
      [10, 20, 30]
  """
  def foldr(list, acc, fun) when is_list(list), do: Enum.reduce(Enum.reverse(list), acc, fun)

  @doc """
  Replaces the element at `index` with `fun` applied to it.

      iex> List.update_at([1, 2, 3], 1, &(&1 * 100))
      [1, 200, 3]
  """
  def update_at(list, index, fun) when is_list(list) and is_integer(index) do
    case Enum.fetch(list, index) do
      {:ok, v} -> List.replace_at(list, index, fun.(v))
      :error -> list
    end
  end

  @doc """
  Sorts tuples by their element at `position`, ascending, keeping the
  order of equal keys.

      iex> List.keysort([{2, :b}, {1, :a}], 0)
      [{1, :a}, {2, :b}]
  """
  def keysort(list, position), do: keysort(list, position, :asc)
  @doc """
  Like `keyfind/3`, with `default` in place of `nil`.

      iex> List.keyfind([a: 1], :z, 0, :missing)
      :missing
  """
  def keyfind(list, key, position, default) when is_integer(position),
    do: List.keyfind(list, key, position) || default

  @doc """
  Like `keyfind/3`, but raises `KeyError` when no tuple matches.

      iex> List.keyfind!([a: 1], :a, 0)
      {:a, 1}
  """
  def keyfind!(list, key, position) when is_integer(position) do
    List.keyfind(list, key, position) ||
      raise KeyError,
        key: key,
        term: list,
        message: "key #{inspect(key)} at position #{inspect(position)} not found in: #{inspect(list)}"
  end

  @doc """
  Sorts tuples by their element at `position`, keeping the order of equal
  keys; `sorter` is `:asc`, `:desc` or a two-argument function.

      iex> List.keysort([b: 2, a: 1], 0)
      [a: 1, b: 2]
  """
  def keysort(list, position, :asc) when is_list(list) and is_integer(position),
    do: Enum.sort(list, keysort_fun(&<=/2, position))

  def keysort(list, position, sorter) when is_list(list) and is_integer(position),
    do: Enum.sort(list, keysort_fun(sorter, position))

  defp keysort_fun(sorter, position) when is_function(sorter, 2),
    do: &sorter.(elem(&1, position), elem(&2, position))

  defp keysort_fun(:desc, position), do: &(elem(&1, position) >= elem(&2, position))

  defp keysort_fun(module, position) when is_atom(module),
    do: &(module.compare(elem(&1, position), elem(&2, position)) != :gt)

  @doc """
  Whether `list` is a charlist of printable ASCII characters, looking at
  most at `limit` of them.

      iex> List.ascii_printable?('abc')
      true
  """
  def ascii_printable?(list, limit)
      when is_list(list) and (limit == :infinity or (is_integer(limit) and limit >= 0)),
      do: ascii_printable_guarded?(list, limit)

  defp ascii_printable_guarded?(_, 0), do: true

  # 7..13 is '\a\b\t\n\v\f\r', 27 is ?\e, 32..126 the ASCII printables.
  defp ascii_printable_guarded?([char | rest], counter)
       when is_integer(char) and
              ((char >= 7 and char <= 13) or char == 27 or (char >= 32 and char <= 126)),
       do: ascii_printable_guarded?(rest, decrement(counter))

  defp ascii_printable_guarded?([], _counter), do: true
  defp ascii_printable_guarded?(_, _counter), do: false

  defp decrement(:infinity), do: :infinity
  defp decrement(counter), do: counter - 1

  @doc """
  Takes out the element at `index`: `{element, rest}`, or `{nil, list}`
  when the index is outside the list.

      iex> List.pop_at([1, 2], 5)
      {nil, [1, 2]}
  """
  def pop_at(list, index), do: pop_at(list, index, nil)

  @doc """
  Takes out the element at `index`: `{element, rest}`, with `default` when
  the index is outside the list.

      iex> List.pop_at([:a, :b, :c], 1)
      {:b, [:a, :c]}
  """
  def pop_at(list, index, default) when is_integer(index) do
    if index < 0 do
      do_pop_at(list, length(list) + index, default, [])
    else
      do_pop_at(list, index, default, [])
    end
  end

  defp do_pop_at([], _index, default, acc), do: {default, Enum.reverse(acc)}
  defp do_pop_at([head | tail], 0, _default, acc), do: {head, Enum.reverse(acc, tail)}
  defp do_pop_at([head | tail], index, default, acc), do: do_pop_at(tail, index - 1, default, [head | acc])

  @doc """
  Whether `list` begins with the elements of `prefix`.

      iex> List.starts_with?([1, 2, 3], [1, 2])
      true
  """
  def starts_with?([head | tail], [head | prefix_tail]), do: starts_with?(tail, prefix_tail)
  def starts_with?(list, []) when is_list(list), do: true
  def starts_with?(list, [_ | _]) when is_list(list), do: false

  # Myers' difference algorithm, as Elixir 1.14's List.myers_difference
  # (same paths explored, so the same script for ties).
  @doc """
  The edit script from `list1` to `list2`, as a keyword list of `:eq`,
  `:del` and `:ins` runs.

      iex> List.myers_difference([1, 2, 3], [1, 4, 3])
      [eq: [1], del: [2], ins: [4], eq: [3]]
  """
  def myers_difference(list1, list2) when is_list(list1) and is_list(list2),
    do: myers_difference_with_diff_script(list1, list2, nil)

  @doc """
  Like `myers_difference/2`, calling `diff_script.(a, b)` on each pair of
  deleted and inserted runs to describe their difference (or `nil`).

      iex> List.myers_difference([1], [2], fn _, _ -> nil end)
      [del: [1], ins: [2]]
  """
  def myers_difference(list1, list2, diff_script)
      when is_list(list1) and is_list(list2) and is_function(diff_script),
      do: myers_difference_with_diff_script(list1, list2, diff_script)

  defp myers_difference_with_diff_script(list1, list2, diff_script) do
    path = {0, list1, list2, []}
    find_script(0, length(list1) + length(list2), [path], diff_script)
  end

  defp find_script(envelope, max, paths, diff_script) do
    case each_diagonal(-envelope, envelope, paths, [], diff_script) do
      {:done, edits} -> compact_reverse(edits, [])
      {:next, paths} -> find_script(envelope + 1, max, paths, diff_script)
    end
  end

  defp compact_reverse([], acc), do: acc
  defp compact_reverse([{:diff, _} = fragment | rest], acc), do: compact_reverse(rest, [fragment | acc])

  defp compact_reverse([{kind, elem} | rest], [{kind, result} | acc]),
    do: compact_reverse(rest, [{kind, [elem | result]} | acc])

  defp compact_reverse(rest, [{:eq, elem}, {:ins, elem}, {:eq, other} | acc]),
    do: compact_reverse(rest, [{:ins, elem}, {:eq, elem ++ other} | acc])

  defp compact_reverse([{kind, elem} | rest], acc), do: compact_reverse(rest, [{kind, [elem]} | acc])

  defp each_diagonal(diag, limit, _paths, next_paths, _diff_script) when diag > limit,
    do: {:next, Enum.reverse(next_paths)}

  defp each_diagonal(diag, limit, paths, next_paths, diff_script) do
    {path, rest} = proceed_path(diag, limit, paths, diff_script)

    case follow_snake(path) do
      {:cont, path} -> each_diagonal(diag + 2, limit, rest, [path | next_paths], diff_script)
      {:done, edits} -> {:done, edits}
    end
  end

  defp proceed_path(0, 0, [path], _diff_script), do: {path, []}

  defp proceed_path(diag, limit, [path | _] = paths, diff_script) when diag == -limit,
    do: {move_down(path, diff_script), paths}

  defp proceed_path(diag, limit, [path], diff_script) when diag == limit,
    do: {move_right(path, diff_script), []}

  defp proceed_path(_diag, _limit, [path1, path2 | rest], diff_script) do
    if elem(path1, 0) > elem(path2, 0) do
      {move_right(path1, diff_script), [path2 | rest]}
    else
      {move_down(path2, diff_script), [path2 | rest]}
    end
  end

  defp move_right({y, [elem1 | rest1] = list1, [elem2 | rest2], edits}, diff_script)
       when diff_script != nil do
    if diff = diff_script.(elem1, elem2) do
      {y + 1, rest1, rest2, [{:diff, diff} | edits]}
    else
      {y, list1, rest2, [{:ins, elem2} | edits]}
    end
  end

  defp move_right({y, list1, [elem | rest], edits}, _diff_script), do: {y, list1, rest, [{:ins, elem} | edits]}
  defp move_right({y, list1, [], edits}, _diff_script), do: {y, list1, [], edits}

  defp move_down({y, [elem1 | rest1], [elem2 | rest2] = list2, edits}, diff_script)
       when diff_script != nil do
    if diff = diff_script.(elem1, elem2) do
      {y + 1, rest1, rest2, [{:diff, diff} | edits]}
    else
      {y + 1, rest1, list2, [{:del, elem1} | edits]}
    end
  end

  defp move_down({y, [elem | rest], list2, edits}, _diff_script), do: {y + 1, rest, list2, [{:del, elem} | edits]}
  defp move_down({y, [], list2, edits}, _diff_script), do: {y + 1, [], list2, edits}

  defp follow_snake({y, [elem | rest1], [elem | rest2], edits}),
    do: follow_snake({y + 1, rest1, rest2, [{:eq, elem} | edits]})

  defp follow_snake({_y, [], [], edits}), do: {:done, edits}
  defp follow_snake(path), do: {:cont, path}
end
