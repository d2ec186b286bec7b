# Internal (:phial_stream): the helpers Stream's functions share (stateful
# transformations, suspension for zip). Not for programs.
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
