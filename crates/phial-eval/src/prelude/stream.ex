# Stream: lazy enumerables. A stream is a function of two arguments
# implementing Enumerable.reduce/3's contract (an accumulator command
# {:cont | :halt | :suspend, acc} and a reducer), so Enum and every other
# consumer drives it through the Enumerable protocol, one element at a
# time, and side effects happen in Elixir's order. Transformations wrap
# the reducer; stateful ones (take, with_index, chunk_every, ...) carry
# their state beside the consumer's accumulator (:phial_stream.stateful).
#
# :phial_enum below holds the Enum functions that may stop early
# (take, find, any?, ...), written over Enumerable.reduce so that an
# infinite stream is never run to its end.

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

defmodule :phial_stream do
  # A stream whose step sees, beside the consumer's accumulator `a`, a
  # state of its own: step.(x, a, state, reducer) answers
  # {:cont | :halt | :suspend, a, state}. `finish`, when given, turns the
  # state at the end of the input into the last elements to emit.
  def stateful(enum, state, step, finish \\ nil) do
    fn acc, r -> run(enum, acc, state, step, finish, r) end
  end

  defp run(enum, {cmd, a}, state, step, finish, r) do
    reducer = fn x, {a, s} ->
      {cmd, a, s} = step.(x, a, s, r)
      {cmd, {a, s}}
    end

    enum
    |> Enumerable.reduce({cmd, {a, state}}, reducer)
    |> unwrap(finish, r)
  end

  defp unwrap({:done, {a, s}}, nil, _r), do: {:done, a}

  defp unwrap({:done, {a, s}}, finish, r) do
    case emit(finish.(s), a, s, r) do
      {:suspend, a, _} -> {:done, a}
      {:halt, a, _} -> {:halted, a}
      {:cont, a, _} -> {:done, a}
    end
  end

  defp unwrap({:halted, {a, _s}}, _finish, _r), do: {:halted, a}

  defp unwrap({:suspended, {a, s}, cont}, finish, r) do
    {:suspended, a, fn {cmd, a} -> unwrap(cont.({cmd, {a, s}}), finish, r) end}
  end

  # Hands several elements to the consumer; stops where it halts.
  def emit(items, a, s, r) do
    emit_list(Enum.to_list(items), {:cont, a}, s, r)
  end

  defp emit_list([], {cmd, a}, s, _r), do: {cmd, a, s}
  defp emit_list([x | t], {:cont, a}, s, r), do: emit_list(t, r.(x, a), s, r)
  defp emit_list(_rest, {cmd, a}, s, _r), do: {cmd, a, s}

  def unfold_loop(_s, _next, {:halt, a}, _r), do: {:halted, a}
  def unfold_loop(s, next, {:suspend, a}, r), do: {:suspended, a, &unfold_loop(s, next, &1, r)}

  def unfold_loop(s, next, {:cont, a}, r) do
    case next.(s) do
      nil -> {:done, a}
      {x, s} -> unfold_loop(s, next, r.(x, a), r)
    end
  end

  def resource_loop(s, _next, after_fun, {:halt, a}, _r) do
    after_fun.(s)
    {:halted, a}
  end

  def resource_loop(s, next, after_fun, {:suspend, a}, r) do
    {:suspended, a, &resource_loop(s, next, after_fun, &1, r)}
  end

  def resource_loop(s, next, after_fun, {:cont, a}, r) do
    step =
      try do
        case next.(s) do
          {:halt, s} ->
            {:stop, s, {:cont, a}}

          {items, s} ->
            case emit(items, a, s, r) do
              {:cont, a, s} -> {:go, s, {:cont, a}}
              {cmd, a, s} -> {:go, s, {cmd, a}}
            end
        end
      rescue
        e ->
          after_fun.(s)
          reraise e, __STACKTRACE__
      catch
        kind, reason ->
          after_fun.(s)
          :erlang.raise(kind, reason, [])
      end

    case step do
      {:stop, s, {_, a}} ->
        after_fun.(s)
        {:done, a}

      {:go, s, acc} ->
        resource_loop(s, next, after_fun, acc, r)
    end
  end

  def concat_loop([], {:halt, a}, _r), do: {:halted, a}
  def concat_loop([], {:suspend, a}, r), do: {:suspended, a, &concat_loop([], &1, r)}
  def concat_loop([], {:cont, a}, _r), do: {:done, a}

  def concat_loop([e | rest], acc, r) do
    case Enumerable.reduce(e, acc, r) do
      {:done, a} -> concat_loop(rest, {:cont, a}, r)
      {:halted, a} -> {:halted, a}
      {:suspended, a, cont} -> {:suspended, a, fn acc -> concat_more(cont.(acc), rest, r) end}
    end
  end

  defp concat_more({:done, a}, rest, r), do: concat_loop(rest, {:cont, a}, r)
  defp concat_more({:halted, a}, _rest, _r), do: {:halted, a}

  defp concat_more({:suspended, a, cont}, rest, r) do
    {:suspended, a, fn acc -> concat_more(cont.(acc), rest, r) end}
  end

  # One element at a time out of any enumerable, by suspending its reduce.
  def puller(enum) do
    fn cmd -> Enumerable.reduce(enum, cmd, fn x, _ -> {:suspend, x} end) end
  end

  def zip_loop(_pullers, _fun, {:halt, a}, _r), do: {:halted, a}
  def zip_loop(pullers, fun, {:suspend, a}, r), do: {:suspended, a, &zip_loop(pullers, fun, &1, r)}

  def zip_loop(pullers, fun, {:cont, a}, r) do
    case pull_all(pullers, [], []) do
      {:ok, items, next} -> zip_loop(next, fun, r.(fun.(items), a), r)
      :done -> {:done, a}
    end
  end

  defp pull_all([], items, next), do: {:ok, :lists.reverse(items), :lists.reverse(next)}

  defp pull_all([p | rest], items, next) do
    case p.({:cont, nil}) do
      {:suspended, x, cont} ->
        pull_all(rest, [x | items], [cont | next])

      _ ->
        # This one ended: let the others clean up (a resource's after).
        Enum.each(next, fn c -> c.({:halt, nil}) end)
        Enum.each(rest, fn c -> c.({:halt, nil}) end)
        :done
    end
  end
end

# Enum functions that may stop before the end, for enumerables only the
# protocol knows (streams, a struct's own Enumerable). The natives call
# these instead of turning such an enumerable into a list.
defmodule :phial_enum_halting do
  def take(_enum, 0), do: []

  def take(enum, n) when is_integer(n) and n > 0 do
    {_, {list, _}} =
      Enumerable.reduce(enum, {:cont, {[], n}}, fn x, {acc, left} ->
        if left == 1, do: {:halt, {[x | acc], 0}}, else: {:cont, {[x | acc], left - 1}}
      end)

    :lists.reverse(list)
  end

  def take(enum, n), do: Enum.take(:phial_enum.to_list(enum), n)

  def fetch(enum, i) when is_integer(i) and i >= 0 do
    case Enumerable.reduce(enum, {:cont, i}, fn x, left ->
           if left == 0, do: {:halt, {:found, x}}, else: {:cont, left - 1}
         end) do
      {:halted, {:found, x}} -> {:ok, x}
      _ -> :error
    end
  end

  def fetch(enum, i), do: Enum.fetch(:phial_enum.to_list(enum), i)

  def empty?(enum) do
    case Enumerable.reduce(enum, {:cont, true}, fn _, _ -> {:halt, false} end) do
      {_, empty} -> empty
    end
  end

  def zip(enums), do: Enum.to_list(Stream.zip(enums))
  def zip(left, right), do: zip([left, right])

  def slice(enum, start, count) when is_integer(start) and start >= 0 and count >= 0 do
    take(Stream.drop(enum, start), count)
  end

  def slice(enum, start, count), do: Enum.slice(:phial_enum.to_list(enum), start, count)

  def slice(enum, first..last//1) when first >= 0 and last >= 0 do
    slice(enum, first, Kernel.max(last - first + 1, 0))
  end

  def slice(enum, range), do: Enum.slice(:phial_enum.to_list(enum), range)

  def at(enum, i, default \\ nil) do
    case fetch(enum, i) do
      {:ok, x} -> x
      :error -> default
    end
  end

  def fetch!(enum, i) do
    case fetch(enum, i) do
      {:ok, x} -> x
      :error -> raise Enum.OutOfBoundsError, "out of bounds error"
    end
  end

  def all?(enum, fun) do
    {_, all} = Enumerable.reduce(enum, {:cont, true}, fn x, _ ->
      if fun.(x), do: {:cont, true}, else: {:halt, false}
    end)
    all
  end

  def any?(enum, fun) do
    {_, any} = Enumerable.reduce(enum, {:cont, false}, fn x, _ ->
      if fun.(x), do: {:halt, true}, else: {:cont, false}
    end)
    any
  end

  def find(enum, default, fun) do
    case Enumerable.reduce(enum, {:cont, nil}, fn x, _ ->
           if fun.(x), do: {:halt, {:found, x}}, else: {:cont, nil}
         end) do
      {:halted, {:found, x}} -> x
      _ -> default
    end
  end

  def find_index(enum, fun) do
    case Enumerable.reduce(enum, {:cont, 0}, fn x, i ->
           if fun.(x), do: {:halt, {:found, i}}, else: {:cont, i + 1}
         end) do
      {:halted, {:found, i}} -> i
      _ -> nil
    end
  end

  def find_value(enum, default, fun) do
    case Enumerable.reduce(enum, {:cont, nil}, fn x, _ ->
           v = fun.(x)
           if v, do: {:halt, {:found, v}}, else: {:cont, nil}
         end) do
      {:halted, {:found, v}} -> v
      _ -> default
    end
  end

  def take_while(enum, fun) do
    {_, acc} = Enumerable.reduce(enum, {:cont, []}, fn x, acc ->
      if fun.(x), do: {:cont, [x | acc]}, else: {:halt, acc}
    end)
    :lists.reverse(acc)
  end

  def reduce_while(enum, acc, fun) do
    {_, acc} = Enumerable.reduce(enum, {:cont, acc}, fun)
    acc
  end
end
