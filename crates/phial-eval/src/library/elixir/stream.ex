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
  # Elixir's composed-stream struct; phial's streams are functions (see
  # the top of this file), so this only exists for code that names it.
  defstruct enum: nil, funs: [], accs: [], done: nil

  # ---- transformations ----------------------------------------------

  def map(enum, fun) do
    fn acc, r -> Enumerable.reduce(enum, acc, fn x, a -> r.(fun.(x), a) end) end
  end

  def each(enum, fun) do
    fn acc, r ->
      Enumerable.reduce(enum, acc, fn x, a ->
        fun.(x)
        r.(x, a)
      end)
    end
  end

  def filter(enum, fun) do
    fn acc, r ->
      Enumerable.reduce(enum, acc, fn x, a -> if fun.(x), do: r.(x, a), else: {:cont, a} end)
    end
  end

  def reject(enum, fun), do: filter(enum, fn x -> !fun.(x) end)

  def filter_map(enum, filter, mapper), do: enum |> filter(filter) |> map(mapper)

  def flat_map(enum, fun) do
    transform(enum, nil, fn x, s -> {fun.(x), s} end)
  end

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

  def take_while(enum, fun) do
    fn acc, r ->
      Enumerable.reduce(enum, acc, fn x, a ->
        if fun.(x), do: r.(x, a), else: {:halt, a}
      end)
    end
  end

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

  def map_every(enum, 0, _fun), do: enum

  def map_every(enum, n, fun) when is_integer(n) and n > 0 do
    :phial_stream.stateful(enum, 0, fn x, a, i, r ->
      y = if rem(i, n) == 0, do: fun.(x), else: x
      {cmd, a} = r.(y, a)
      {cmd, a, i + 1}
    end)
  end

  def with_index(enum, offset \\ 0) do
    :phial_stream.stateful(enum, offset, fn x, a, i, r ->
      {cmd, a} = r.({x, i}, a)
      {cmd, a, i + 1}
    end)
  end

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

  def scan(enum, acc, fun) do
    :phial_stream.stateful(enum, acc, fn x, a, s, r ->
      s = fun.(x, s)
      {cmd, a} = r.(s, a)
      {cmd, a, s}
    end)
  end

  def chunk(enum, n), do: chunk(enum, n, n, nil)
  def chunk(enum, n, step, leftover \\ nil), do: chunk_every(enum, n, step, leftover || :discard)

  def duplicate(value, n) when is_integer(n) and n >= 0, do: take(repeatedly(fn -> value end), n)

  def uniq(enum, fun), do: uniq_by(enum, fun)

  def dedup(enum), do: dedup_by(enum, fn x -> x end)

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

  def uniq(enum), do: uniq_by(enum, fn x -> x end)

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

  def chunk_every(enum, count), do: chunk_every(enum, count, count, [])

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

  def transform(enum, acc, reducer) do
    :phial_stream.stateful(enum, acc, fn x, a, s, r ->
      case reducer.(x, s) do
        {:halt, s} -> {:halt, a, s}
        {items, s} -> :phial_stream.emit(items, a, s, r)
      end
    end)
  end

  def transform(enum, start_fun, reducer, after_fun) do
    transform(enum, start_fun, reducer, fn s -> {[], s} end, after_fun)
  end

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

  def concat(enums) do
    fn acc, r -> :phial_stream.concat_loop(Enum.to_list(enums), acc, r) end
  end

  def concat(first, second), do: concat([first, second])

  def zip(left, right), do: zip([left, right])

  def zip(enums) do
    zip_with(enums, fn items -> List.to_tuple(items) end)
  end

  def zip_with(left, right, fun) when is_function(fun, 2) do
    zip_with([left, right], fn [a, b] -> fun.(a, b) end)
  end

  def zip_with(enums, fun) do
    fn acc, r ->
      pullers = Enum.map(Enum.to_list(enums), &:phial_stream.puller/1)
      :phial_stream.zip_loop(pullers, fun, acc, r)
    end
  end

  # ---- generators ----------------------------------------------------

  def unfold(acc, next) do
    fn cmd, r -> :phial_stream.unfold_loop(acc, next, cmd, r) end
  end

  def iterate(start, next) do
    unfold({:first, start}, fn
      {:first, x} -> {x, {:after, x}}
      {:after, x} -> y = next.(x)
                     {y, {:after, y}}
    end)
  end

  def repeatedly(fun), do: unfold(nil, fn nil -> {fun.(), nil} end)

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

  def resource(start_fun, next_fun, after_fun) do
    fn acc, r -> :phial_stream.resource_loop(start_fun.(), next_fun, after_fun, acc, r) end
  end

  def interval(ms) do
    unfold(0, fn i ->
      Process.sleep(ms)
      {i, i + 1}
    end)
  end

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

  def run(stream) do
    Enumerable.reduce(stream, {:cont, nil}, fn _, _ -> {:cont, nil} end)
    :ok
  end

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
