# Stream: lazy enumerables. A stream is a function of two arguments
# implementing Enumerable.reduce/3's contract (an accumulator command
# {:cont | :halt | :suspend, acc} and a reducer), so Enum and every other
# consumer drives it through the Enumerable protocol, one element at a
# time, and side effects happen in Elixir's order. Transformations wrap
# the reducer; stateful ones (take, with_index, chunk_every, ...) carry
# their state beside the consumer's accumulator (:phial_stream.stateful).
# Not here: the helpers (internal/phial_stream.ex), the Enum functions that
# stop early (internal/phial_enum_halting.ex).
defmodule Stream do
  @moduledoc """
  Lazy enumerables. A stream describes a computation over elements
  without doing it: functions here wrap an enumerable in another stream,
  and nothing runs until a consumer such as `Enum` asks for elements,
  one at a time. That lets a pipeline stop early, and work on sources
  with no end.

      iex> Stream.iterate(1, &(&1 + 1)) |> Stream.map(&(&1 * 2)) |> Enum.take(3)
      [2, 4, 6]
  """

  # Elixir's composed-stream struct; phial's streams are functions (see
  # the top of this file), so this only exists for code that names it.
  defstruct enum: nil, funs: [], accs: [], done: nil

  # ---- transformations ----------------------------------------------

  @doc """
  A stream that gives `fun` applied to each element, computed only as the
  consumer asks for it.

      iex> Stream.map([1, 2, 3], fn x -> x * 10 end) |> Enum.to_list()
      [10, 20, 30]
  """
  def map(enumerable, fun)
  def map(enum, fun) do
    fn acc, r -> Enumerable.reduce(enum, acc, fn x, a -> r.(fun.(x), a) end) end
  end

  @doc """
  A stream that passes each element through unchanged after calling `fun`
  on it, so the side effects happen as the stream is consumed.

      iex> Stream.each([1, 2], &IO.puts/1) |> Enum.to_list()
      1
      2
      [1, 2]
  """
  def each(enumerable, fun)
  def each(enum, fun) do
    fn acc, r ->
      Enumerable.reduce(enum, acc, fn x, a ->
        fun.(x)
        r.(x, a)
      end)
    end
  end

  @doc """
  A stream of the elements for which `fun` gives a truthy value.

      iex> Stream.filter(1..6, &(rem(&1, 2) == 0)) |> Enum.to_list()
      [2, 4, 6]
  """
  def filter(enumerable, fun)
  def filter(enum, fun) do
    fn acc, r ->
      Enumerable.reduce(enum, acc, fn x, a -> if fun.(x), do: r.(x, a), else: {:cont, a} end)
    end
  end

  @doc """
  A stream of the elements for which `fun` gives `false` or `nil`.

      iex> Stream.reject(1..6, &(rem(&1, 2) == 0)) |> Enum.to_list()
      [1, 3, 5]
  """
  def reject(enumerable, fun)
  def reject(enum, fun), do: filter(enum, fn x -> !fun.(x) end)

  @doc """
  Keeps the elements `filter` accepts and maps them with `mapper`, lazily;
  deprecated in Elixir in favour of `filter/2` then `map/2`.

      iex> Stream.filter_map(1..4, &(&1 > 2), &(&1 * &1)) |> Enum.to_list()
      [9, 16]
  """
  def filter_map(enumerable, filter, mapper)
  def filter_map(enum, filter, mapper), do: enum |> filter(filter) |> map(mapper)

  @doc """
  A stream of the elements of each enumerable `fun` returns, one after the
  other.

      iex> Stream.flat_map([1, 2], fn x -> [x, -x] end) |> Enum.to_list()
      [1, -1, 2, -2]
  """
  def flat_map(enumerable, fun)
  def flat_map(enum, fun) do
    transform(enum, nil, fn x, s -> {fun.(x), s} end)
  end

  @doc """
  A stream of the first `count` elements; the source is not read past
  them, so it works on infinite streams. A negative `count` takes from the
  end, which reads the whole source.

      iex> Stream.take(1..100, 3) |> Enum.to_list()
      [1, 2, 3]
  """
  def take(enumerable, count)
  def take(_enum, 0), do: fn {_, a}, _r -> {:done, a} end

  def take(enum, n) when is_integer(n) and n > 0 do
    :phial_stream.stateful(enum, n, fn x, a, left, r ->
      case r.(x, a) do
        {:cont, a} when left == 1 -> {:halt, a, 0}
        {cmd, a} -> {cmd, a, left - 1}
      end
    end)
  end

  def take(enum, n) when is_integer(n) and n < 0 do
    fn acc, r -> Enumerable.reduce(Enum.take(enum, n), acc, r) end
  end

  @doc """
  A stream of the leading elements for which `fun` is truthy; it stops at
  the first one that is not.

      iex> Stream.take_while(1..100, &(&1 < 4)) |> Enum.to_list()
      [1, 2, 3]
  """
  def take_while(enumerable, fun)
  def take_while(enum, fun) do
    fn acc, r ->
      Enumerable.reduce(enum, acc, fn x, a ->
        if fun.(x), do: r.(x, a), else: {:halt, a}
      end)
    end
  end

  @doc """
  A stream without its first `count` elements (the last ones, for a
  negative `count`).

      iex> Stream.drop(1..5, 2) |> Enum.to_list()
      [3, 4, 5]
  """
  def drop(enumerable, count)
  def drop(enum, n) when is_integer(n) and n >= 0 do
    :phial_stream.stateful(enum, n, fn x, a, left, r ->
      if left > 0 do
        {:cont, a, left - 1}
      else
        {cmd, a} = r.(x, a)
        {cmd, a, 0}
      end
    end)
  end

  def drop(enum, n) when is_integer(n) do
    fn acc, r -> Enumerable.reduce(Enum.drop(enum, n), acc, r) end
  end

  @doc """
  A stream that skips elements while `fun` is truthy and gives everything
  from the first element where it is not.

      iex> Stream.drop_while(1..5, &(&1 < 3)) |> Enum.to_list()
      [3, 4, 5]
  """
  def drop_while(enumerable, fun)
  def drop_while(enum, fun) do
    :phial_stream.stateful(enum, true, fn x, a, dropping, r ->
      if dropping and fun.(x) do
        {:cont, a, true}
      else
        {cmd, a} = r.(x, a)
        {cmd, a, false}
      end
    end)
  end

  @doc """
  A stream of every `nth` element, starting with the first; `nth` 0 gives
  an empty stream.

      iex> Stream.take_every(1..10, 3) |> Enum.to_list()
      [1, 4, 7, 10]
  """
  def take_every(enumerable, nth)
  def take_every(enum, 0), do: fn {_, a}, _r -> {:done, a} end

  def take_every(enum, n) when is_integer(n) and n > 0 do
    :phial_stream.stateful(enum, 0, fn x, a, i, r ->
      if rem(i, n) == 0 do
        {cmd, a} = r.(x, a)
        {cmd, a, i + 1}
      else
        {:cont, a, i + 1}
      end
    end)
  end

  @doc """
  A stream that leaves out every `nth` element, starting with the first;
  `nth` 0 leaves the source as it is.

      iex> Stream.drop_every(1..6, 2) |> Enum.to_list()
      [2, 4, 6]
  """
  def drop_every(enumerable, nth)
  def drop_every(enum, 0), do: enum

  def drop_every(enum, n) when is_integer(n) and n > 0 do
    :phial_stream.stateful(enum, 0, fn x, a, i, r ->
      if rem(i, n) == 0 do
        {:cont, a, i + 1}
      else
        {cmd, a} = r.(x, a)
        {cmd, a, i + 1}
      end
    end)
  end

  @doc """
  A stream where every `nth` element, starting with the first, goes
  through `fun` and the others pass unchanged.

      iex> Stream.map_every(1..6, 2, &(&1 * 100)) |> Enum.to_list()
      [100, 2, 300, 4, 500, 6]
  """
  def map_every(enumerable, nth, fun)
  def map_every(enum, 0, _fun), do: enum

  def map_every(enum, n, fun) when is_integer(n) and n > 0 do
    :phial_stream.stateful(enum, 0, fn x, a, i, r ->
      y = if rem(i, n) == 0, do: fun.(x), else: x
      {cmd, a} = r.(y, a)
      {cmd, a, i + 1}
    end)
  end

  @doc """
  A stream of `{element, index}` tuples, indices counting from `offset`.

      iex> Stream.with_index([:a, :b], 1) |> Enum.to_list()
      [a: 1, b: 2]
  """
  def with_index(enum, offset \\ 0) do
    :phial_stream.stateful(enum, offset, fn x, a, i, r ->
      {cmd, a} = r.({x, i}, a)
      {cmd, a, i + 1}
    end)
  end

  @doc """
  A stream of running results: the first element, then `fun.(element,
  acc)` with the previous result as `acc`.

      iex> Stream.scan(1..4, &(&1 + &2)) |> Enum.to_list()
      [1, 3, 6, 10]
  """
  def scan(enumerable, fun)
  def scan(enum, fun) do
    :phial_stream.stateful(enum, :first, fn
      x, a, :first, r ->
        {cmd, a} = r.(x, a)
        {cmd, a, {:acc, x}}

      x, a, {:acc, s}, r ->
        s = fun.(x, s)
        {cmd, a} = r.(s, a)
        {cmd, a, {:acc, s}}
    end)
  end

  @doc """
  Like `scan/2`, starting from `acc` (which is not itself emitted).

      iex> Stream.scan(1..3, 10, &(&1 + &2)) |> Enum.to_list()
      [11, 13, 16]
  """
  def scan(enumerable, acc, fun)
  def scan(enum, acc, fun) do
    :phial_stream.stateful(enum, acc, fn x, a, s, r ->
      s = fun.(x, s)
      {cmd, a} = r.(s, a)
      {cmd, a, s}
    end)
  end

  @doc """
  Lists of `count` elements, dropping an incomplete last one; deprecated
  in Elixir in favour of `chunk_every/2`.

      iex> Stream.chunk([1, 2, 3, 4, 5], 2) |> Enum.to_list()
      [[1, 2], [3, 4]]
  """
  def chunk(enumerable, count)
  def chunk(enum, n), do: chunk(enum, n, n, nil)
  @doc """
  Lists of `count` elements starting every `step` elements; a last short
  list is padded from `leftover` when given, dropped when not. Deprecated
  in Elixir in favour of `chunk_every/4`.

      iex> Stream.chunk([1, 2, 3, 4, 5], 2, 2, [0]) |> Enum.to_list()
      [[1, 2], [3, 4], [5, 0]]
  """
  def chunk(enum, n, step, leftover \\ nil), do: chunk_every(enum, n, step, leftover || :discard)

  @doc """
  A stream of `value`, `count` times.

      iex> Stream.duplicate(:x, 3) |> Enum.to_list()
      [:x, :x, :x]
  """
  def duplicate(value, count)
  def duplicate(value, n) when is_integer(n) and n >= 0, do: take(repeatedly(fn -> value end), n)

  @doc """
  The same as `uniq_by/2`; deprecated in Elixir.

      iex> Stream.uniq([1, -1, 2], &abs/1) |> Enum.to_list()
      [1, 2]
  """
  def uniq(enumerable, fun)
  def uniq(enum, fun), do: uniq_by(enum, fun)

  @doc """
  A stream without consecutive repeats: an element equal (`===`) to the
  one before it is left out.

      iex> Stream.dedup([1, 1, 2, 1, 1]) |> Enum.to_list()
      [1, 2, 1]
  """
  def dedup(enumerable)
  def dedup(enum), do: dedup_by(enum, fn x -> x end)

  @doc """
  Like `dedup/1`, comparing `fun.(element)` instead of the elements.

      iex> Stream.dedup_by([1, 3, 2, 4, 5], &rem(&1, 2)) |> Enum.to_list()
      [1, 2, 5]
  """
  def dedup_by(enumerable, fun)
  def dedup_by(enum, fun) do
    :phial_stream.stateful(enum, :none, fn x, a, last, r ->
      key = fun.(x)

      if last === {:some, key} do
        {:cont, a, last}
      else
        {cmd, a} = r.(x, a)
        {cmd, a, {:some, key}}
      end
    end)
  end

  @doc """
  A stream that gives each element only the first time it appears; it
  remembers every element seen so far.

      iex> Stream.uniq([1, 2, 1, 3, 2]) |> Enum.to_list()
      [1, 2, 3]
  """
  def uniq(enumerable)
  def uniq(enum), do: uniq_by(enum, fn x -> x end)

  @doc """
  Like `uniq/1`, two elements counting as the same when `fun` gives the
  same value for them; the first one is kept.

      iex> Stream.uniq_by([{1, :a}, {2, :b}, {1, :c}], &elem(&1, 0)) |> Enum.to_list()
      [{1, :a}, {2, :b}]
  """
  def uniq_by(enumerable, fun)
  def uniq_by(enum, fun) do
    :phial_stream.stateful(enum, %{}, fn x, a, seen, r ->
      key = fun.(x)

      if Map.has_key?(seen, key) do
        {:cont, a, seen}
      else
        {cmd, a} = r.(x, a)
        {cmd, a, Map.put(seen, key, true)}
      end
    end)
  end

  @doc """
  A stream with `separator` between each pair of neighbouring elements.

      iex> Stream.intersperse([1, 2, 3], 0) |> Enum.to_list()
      [1, 0, 2, 0, 3]
  """
  def intersperse(enumerable, separator)
  def intersperse(enum, sep) do
    :phial_stream.stateful(enum, false, fn x, a, started, r ->
      if started do
        case r.(sep, a) do
          {:cont, a} ->
            {cmd, a} = r.(x, a)
            {cmd, a, true}

          {cmd, a} ->
            {cmd, a, true}
        end
      else
        {cmd, a} = r.(x, a)
        {cmd, a, true}
      end
    end)
  end

  @doc """
  A stream of lists of `count` elements; the last one may be shorter.

      iex> Stream.chunk_every(1..5, 2) |> Enum.to_list()
      [[1, 2], [3, 4], [5]]
  """
  def chunk_every(enumerable, count)
  def chunk_every(enum, count), do: chunk_every(enum, count, count, [])

  @doc """
  Lists of `count` elements, a new one starting every `step` elements (so
  they overlap when `step` is smaller). A short last list is filled from
  `leftover`, or left out when `leftover` is `:discard`.

      iex> Stream.chunk_every(1..5, 3, 2, :discard) |> Enum.to_list()
      [[1, 2, 3], [3, 4, 5]]
  """
  def chunk_every(enum, count, step, leftover \\ [])
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    chunk_while(
      enum,
      {[], 0, 0},
      fn x, {buf, n, skip} ->
        cond do
          skip > 0 ->
            {:cont, {buf, n, skip - 1}}

          n + 1 == count ->
            chunk = :lists.reverse([x | buf])
            rest = if step < count, do: :lists.reverse(Enum.drop(chunk, step)), else: []
            {:cont, chunk, {rest, length(rest), max(step - count, 0)}}

          true ->
            {:cont, {[x | buf], n + 1, skip}}
        end
      end,
      fn
        {[], _, _} ->
          {:cont, {[], 0, 0}}

        {buf, n, _} ->
          case leftover do
            :discard ->
              {:cont, {[], 0, 0}}

            pad ->
              chunk = :lists.reverse(buf) ++ Enum.take(pad, count - n)
              # A step shorter than the count only emits a leftover that
              # holds elements no full chunk emitted.
              if step < count and n <= count - step,
                do: {:cont, {[], 0, 0}},
                else: {:cont, chunk, {[], 0, 0}}
          end
      end
    )
  end

  @doc """
  A stream of lists of neighbouring elements for which `fun` gives the same
  value; a new list starts where the value changes.

      iex> Stream.chunk_by([1, 3, 2, 4, 5], &rem(&1, 2)) |> Enum.to_list()
      [[1, 3], [2, 4], [5]]
  """
  def chunk_by(enumerable, fun)
  def chunk_by(enum, fun) do
    chunk_while(
      enum,
      :none,
      fn
        x, :none ->
          {:cont, {fun.(x), [x]}}

        x, {key, buf} ->
          k = fun.(x)

          if k == key,
            do: {:cont, {key, [x | buf]}},
            else: {:cont, :lists.reverse(buf), {k, [x]}}
      end,
      fn
        :none -> {:cont, :none}
        {_, buf} -> {:cont, :lists.reverse(buf), :none}
      end
    )
  end

  @doc """
  Chunks with an accumulator of your own: `chunk_fun.(element, acc)` gives
  `{:cont, chunk, acc}` to emit a chunk, `{:cont, acc}` to go on, or
  `{:halt, acc}` to stop; at the end `after_fun.(acc)` may emit a last one.

      iex> Stream.chunk_while(1..6, [], fn x, acc -> if rem(x, 3) == 0, do: {:cont, Enum.reverse([x | acc]), []}, else: {:cont, [x | acc]} end, fn [] -> {:cont, []}; acc -> {:cont, Enum.reverse(acc), []} end) |> Enum.to_list()
      [[1, 2, 3], [4, 5, 6]]
  """
  def chunk_while(enumerable, acc, chunk_fun, after_fun)
  def chunk_while(enum, acc, chunk_fun, after_fun) do
    :phial_stream.stateful(
      enum,
      acc,
      fn x, a, s, r ->
        case chunk_fun.(x, s) do
          {:cont, chunk, s} ->
            {cmd, a} = r.(chunk, a)
            {cmd, a, s}

          {:cont, s} ->
            {:cont, a, s}

          {:halt, s} ->
            {:halt, a, s}
        end
      end,
      fn s ->
        case after_fun.(s) do
          {:cont, chunk, _} -> [chunk]
          {:cont, _} -> []
        end
      end
    )
  end

  @doc """
  The general stateful stream: `reducer.(element, acc)` gives `{items,
  acc}`, and the items (any enumerable) are emitted, or `{:halt, acc}`
  to stop.

      iex> Stream.transform(1..5, 0, fn x, sum -> if sum > 5, do: {:halt, sum}, else: {[sum + x], sum + x} end) |> Enum.to_list()
      [1, 3, 6]
  """
  def transform(enumerable, acc, reducer)
  def transform(enum, acc, reducer) do
    :phial_stream.stateful(enum, acc, fn x, a, s, r ->
      case reducer.(x, s) do
        {:halt, s} -> {:halt, a, s}
        {items, s} -> :phial_stream.emit(items, a, s, r)
      end
    end)
  end

  @doc """
  Like `transform/3`, the accumulator made by `start_fun.()` when the
  stream starts, and `after_fun.(acc)` called when it ends or is halted,
  to release what `start_fun` took.

      iex> Stream.transform(1..3, fn -> 0 end, fn x, n -> {[x * 2], n + 1} end, fn n -> IO.puts(n) end) |> Enum.to_list()
      3
      [2, 4, 6]
  """
  def transform(enumerable, start_fun, reducer, after_fun)
  def transform(enum, start_fun, reducer, after_fun) do
    transform(enum, start_fun, reducer, fn s -> {[], s} end, after_fun)
  end

  @doc """
  Like `transform/4`, with `last_fun.(acc)` giving `{items, acc}` once
  the source is exhausted, to emit what is left before `after_fun` runs.

      iex> Stream.transform([1, 2], fn -> 0 end, fn x, n -> {[x], n + x} end, fn n -> {[:sum, n], n} end, fn _ -> :ok end) |> Enum.to_list()
      [1, 2, :sum, 3]
  """
  def transform(enumerable, start_fun, reducer, last_fun, after_fun)
  def transform(enum, start_fun, reducer, last_fun, after_fun) do
    fn acc, r ->
      s0 = start_fun.()

      stream =
        :phial_stream.stateful(
          enum,
          s0,
          fn x, a, s, r ->
            case reducer.(x, s) do
              {:halt, s} -> {:halt, a, s}
              {items, s} -> :phial_stream.emit(items, a, s, r)
            end
          end,
          fn s ->
            {items, s} = last_fun.(s)
            after_fun.(s)
            Enum.to_list(items)
          end
        )

      stream.(acc, r)
    end
  end

  @doc """
  A stream of the elements of each enumerable in `enumerables`, one after
  the other; each is read only when the one before is done.

      iex> Stream.concat([[1], 2..3, [4]]) |> Enum.to_list()
      [1, 2, 3, 4]
  """
  def concat(enumerables)
  def concat(enums) do
    fn acc, r -> :phial_stream.concat_loop(Enum.to_list(enums), acc, r) end
  end

  @doc """
  A stream of the elements of `first` followed by those of `second`.

      iex> Stream.concat([1, 2], [3]) |> Enum.to_list()
      [1, 2, 3]
  """
  def concat(first, second), do: concat([first, second])

  @doc """
  A stream of `{left, right}` pairs, ending when either side ends.

      iex> Stream.zip([1, 2, 3], [:a, :b]) |> Enum.to_list()
      [{1, :a}, {2, :b}]
  """
  def zip(enumerable1, enumerable2)
  def zip(left, right), do: zip([left, right])

  @doc """
  A stream of tuples taking one element from each enumerable, ending with
  the shortest.

      iex> Stream.zip([[1, 2], [:a, :b], ["x", "y"]]) |> Enum.to_list()
      [{1, :a, "x"}, {2, :b, "y"}]
  """
  def zip(enumerables)
  def zip(enums) do
    zip_with(enums, fn items -> List.to_tuple(items) end)
  end

  @doc """
  Like `zip/2`, giving `fun.(left, right)` instead of a tuple.

      iex> Stream.zip_with([1, 2], [10, 20], &(&1 + &2)) |> Enum.to_list()
      [11, 22]
  """
  def zip_with(enumerable1, enumerable2, fun)
  def zip_with(left, right, fun) when is_function(fun, 2) do
    zip_with([left, right], fn [a, b] -> fun.(a, b) end)
  end

  @doc """
  Like `zip/1`, giving `fun` applied to the list of one element from each
  enumerable instead of a tuple.

      iex> Stream.zip_with([[1, 2], [10, 20]], &Enum.sum/1) |> Enum.to_list()
      [11, 22]
  """
  def zip_with(enumerables, fun)
  def zip_with(enums, fun) do
    fn acc, r ->
      pullers = Enum.map(Enum.to_list(enums), &:phial_stream.puller/1)
      :phial_stream.zip_loop(pullers, fun, acc, r)
    end
  end

  # ---- generators ----------------------------------------------------

  @doc """
  A stream made from a seed: `next_fun.(acc)` gives `{element, next_acc}`
  for each element, or `nil` to end.

      iex> Stream.unfold(3, fn 0 -> nil; n -> {n, n - 1} end) |> Enum.to_list()
      [3, 2, 1]
  """
  def unfold(acc, next_fun)
  def unfold(acc, next) do
    fn cmd, r -> :phial_stream.unfold_loop(acc, next, cmd, r) end
  end

  @doc """
  An infinite stream of `start_value`, `next_fun.(start_value)`, and so on.

      iex> Stream.iterate(1, &(&1 * 2)) |> Enum.take(5)
      [1, 2, 4, 8, 16]
  """
  def iterate(start_value, next_fun)
  def iterate(start, next) do
    unfold({:first, start}, fn
      {:first, x} -> {x, {:after, x}}
      {:after, x} -> y = next.(x)
                     {y, {:after, y}}
    end)
  end

  @doc """
  An infinite stream that calls `generator_fun` for each element.

      iex> Stream.repeatedly(fn -> :hi end) |> Enum.take(2)
      [:hi, :hi]
  """
  def repeatedly(generator_fun)
  def repeatedly(fun), do: unfold(nil, fn nil -> {fun.(), nil} end)

  @doc """
  An infinite stream repeating the elements of `enumerable` over and over;
  an empty one raises `ArgumentError`.

      iex> Stream.cycle([1, 2]) |> Enum.take(5)
      [1, 2, 1, 2, 1]
  """
  def cycle(enumerable)
  def cycle(enum) do
    case Enum.to_list(enum) do
      [] -> raise ArgumentError, "cannot cycle over an empty enumerable"
      list -> unfold(list, fn
                [] -> [h | t] = list
                      {h, t}
                [h | t] -> {h, t}
              end)
    end
  end

  @doc """
  A stream over an outside resource: `start_fun.()` opens it,
  `next_fun.(acc)` gives `{items, acc}` or `{:halt, acc}`, and
  `after_fun.(acc)` closes it whether the stream ends or is halted.

      iex> Stream.resource(fn -> 3 end, fn 0 -> {:halt, 0}; n -> {[n], n - 1} end, fn _ -> IO.puts("closed") end) |> Enum.to_list()
      closed
      [3, 2, 1]
  """
  def resource(start_fun, next_fun, after_fun) do
    fn acc, r -> :phial_stream.resource_loop(start_fun.(), next_fun, after_fun, acc, r) end
  end

  @doc """
  An infinite stream of 0, 1, 2, ..., waiting `milliseconds` before
  each element.

      iex> Stream.interval(1) |> Enum.take(3)
      [0, 1, 2]
  """
  def interval(milliseconds)
  def interval(ms) do
    unfold(0, fn i ->
      Process.sleep(ms)
      {i, i + 1}
    end)
  end

  @doc """
  A stream of the single element 0, given after waiting `milliseconds`.

      iex> Stream.timer(1) |> Enum.to_list()
      [0]
  """
  def timer(milliseconds)
  def timer(ms) do
    unfold(true, fn
      true ->
        Process.sleep(ms)
        {0, false}

      false ->
        nil
    end)
  end

  # ---- consuming -----------------------------------------------------

  @doc """
  Consumes `stream` for its side effects, dropping its elements; gives
  `:ok`.

      iex> Stream.run(Stream.each([1, 2], &IO.puts/1))
      1
      2
      :ok
  """
  def run(stream) do
    Enumerable.reduce(stream, {:cont, nil}, fn _, _ -> {:cont, nil} end)
    :ok
  end

  @doc """
  A stream that, while it is consumed, also puts each element (through
  `transform`) into `collectable`; the elements themselves pass unchanged.

      iex> Stream.into([1, 2], [], &(&1 * 3)) |> Enum.to_list()
      [1, 2]
  """
  def into(enum, collectable, transform \\ fn x -> x end) do
    fn acc, r ->
      {initial, collect} = Collectable.into(collectable)

      stream =
        :phial_stream.stateful(
          enum,
          initial,
          fn x, a, c, r ->
            c = collect.(c, {:cont, transform.(x)})
            {cmd, a} = r.(x, a)
            {cmd, a, c}
          end,
          fn c ->
            collect.(c, :done)
            []
          end
        )

      stream.(acc, r)
    end
  end
end
