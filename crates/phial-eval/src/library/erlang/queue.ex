# :queue: Erlang's double-ended FIFO queue, as a pair of lists {Rear, Front}
# (Rear newest first, Front oldest first) kept in the same shapes as OTP
# keeps them, so a queue inspects and compares as it does on the BEAM. The
# original API (in/out/...), the extended one (get/peek/drop/...) and the
# Okasaki one (cons/head/tail/snoc/daeh/liat). An empty queue where a value
# is needed raises `:empty`; what is not a queue raises `:badarg`.
# Not here: `in/2` (queue.rs); the invariant checks of OTP's debug build.
# `split/2` gives the same queues as OTP but not always the same list shapes.
defmodule :queue do
  def new, do: {[], []}

  def is_queue({r, f}) when is_list(r) and is_list(f), do: true
  def is_queue(_), do: false

  def is_empty({[], []}), do: true
  def is_empty({r, f}) when is_list(r) and is_list(f), do: false
  def is_empty(_), do: :erlang.error(:badarg)

  def len({r, f}) when is_list(r) and is_list(f), do: length(r) + length(f)
  def len(_), do: :erlang.error(:badarg)

  def to_list({r, f}) when is_list(r) and is_list(f), do: f ++ Enum.reverse(r)
  def to_list(_), do: :erlang.error(:badarg)

  def from_list(l) when is_list(l), do: f2r(l)
  def from_list(_), do: :erlang.error(:badarg)

  def member(x, {r, f}) when is_list(r) and is_list(f),
    do: Enum.member?(r, x) or Enum.member?(f, x)

  def member(_, _), do: :erlang.error(:badarg)

  # Insert at the rear: `in/2` is a native (queue.rs), its name being an
  # operator.

  # Insert at the front.
  def in_r(x, {[], [_] = f}), do: {f, [x]}
  def in_r(x, {r, f}) when is_list(r) and is_list(f), do: {r, [x | f]}
  def in_r(_, _), do: :erlang.error(:badarg)

  # Take from the front.
  def out({[], []} = q), do: {:empty, q}
  def out({[v], []}), do: {{:value, v}, {[], []}}

  def out({[y | r], []}) do
    [v | f] = Enum.reverse(r)
    {{:value, v}, {[y], f}}
  end

  def out({r, [v]}) when is_list(r), do: {{:value, v}, r2f(r)}
  def out({r, [v | f]}) when is_list(r), do: {{:value, v}, {r, f}}
  def out(_), do: :erlang.error(:badarg)

  # Take from the rear.
  def out_r({[], []} = q), do: {:empty, q}
  def out_r({[], [v]}), do: {{:value, v}, {[], []}}

  def out_r({[], [y | f]}) do
    [v | r] = Enum.reverse(f)
    {{:value, v}, {r, [y]}}
  end

  def out_r({[v], f}) when is_list(f), do: {{:value, v}, f2r(f)}
  def out_r({[v | r], f}) when is_list(f), do: {{:value, v}, {r, f}}
  def out_r(_), do: :erlang.error(:badarg)

  def get({[], []}), do: :erlang.error(:empty)
  def get({r, [h | _]}) when is_list(r), do: h
  def get({r, []}) when is_list(r), do: List.last(r)
  def get(_), do: :erlang.error(:badarg)

  def get_r({[], []}), do: :erlang.error(:empty)
  def get_r({[h | _], f}) when is_list(f), do: h
  def get_r({[], f}) when is_list(f), do: List.last(f)
  def get_r(_), do: :erlang.error(:badarg)

  def peek({[], []}), do: :empty
  def peek({r, [h | _]}) when is_list(r), do: {:value, h}
  def peek({r, []}) when is_list(r), do: {:value, List.last(r)}
  def peek(_), do: :erlang.error(:badarg)

  def peek_r({[], []}), do: :empty
  def peek_r({[h | _], f}) when is_list(f), do: {:value, h}
  def peek_r({[], f}) when is_list(f), do: {:value, List.last(f)}
  def peek_r(_), do: :erlang.error(:badarg)

  def drop({[], []}), do: :erlang.error(:empty)
  def drop({[_], []}), do: {[], []}

  def drop({[y | r], []}) do
    [_ | f] = Enum.reverse(r)
    {[y], f}
  end

  def drop({r, [_]}) when is_list(r), do: r2f(r)
  def drop({r, [_ | f]}) when is_list(r), do: {r, f}
  def drop(_), do: :erlang.error(:badarg)

  def drop_r({[], []}), do: :erlang.error(:empty)
  def drop_r({[], [_]}), do: {[], []}

  def drop_r({[], [y | f]}) do
    [_ | r] = Enum.reverse(f)
    {r, [y]}
  end

  def drop_r({[_], f}) when is_list(f), do: f2r(f)
  def drop_r({[_ | r], f}) when is_list(f), do: {r, f}
  def drop_r(_), do: :erlang.error(:badarg)

  def reverse({r, f}) when is_list(r) and is_list(f), do: {f, r}
  def reverse(_), do: :erlang.error(:badarg)

  def join({r, f} = q, {[], []}) when is_list(r) and is_list(f), do: q
  def join({[], []}, {r, f} = q) when is_list(r) and is_list(f), do: q

  def join({r1, f1}, {r2, f2})
      when is_list(r1) and is_list(f1) and is_list(r2) and is_list(f2),
      do: {r2, f1 ++ Enum.reverse(r1) ++ f2}

  def join(_, _), do: :erlang.error(:badarg)

  def split(0, {r, f} = q) when is_list(r) and is_list(f), do: {{[], []}, q}

  def split(n, {r, f} = q) when is_integer(n) and n > 0 and is_list(r) and is_list(f) do
    if n >= len(q) do
      {q, {[], []}}
    else
      {a, b} = Enum.split(to_list(q), n)
      {f2r(a), f2r(b)}
    end
  end

  def split(_, _), do: :erlang.error(:badarg)

  # `fun` returns true (keep), false (drop) or a list to put in its place.
  def filter(fun, {r, f} = q) when is_function(fun, 1) and is_list(r) and is_list(f),
    do: f2r(Enum.flat_map(to_list(q), fn x -> keep(fun.(x), x) end))

  def filter(_, _), do: :erlang.error(:badarg)

  defp keep(true, x), do: [x]
  defp keep(false, _), do: []
  defp keep(list, _) when is_list(list), do: list
  defp keep(_, _), do: :erlang.error(:badarg)

  # `fun` returns true, false or {true, new_value}.
  def filtermap(fun, {r, f} = q) when is_function(fun, 1) and is_list(r) and is_list(f),
    do: f2r(Enum.flat_map(to_list(q), fn x -> mapped(fun.(x), x) end))

  def filtermap(_, _), do: :erlang.error(:badarg)

  defp mapped(true, x), do: [x]
  defp mapped(false, _), do: []
  defp mapped({true, v}, _), do: [v]
  defp mapped(_, _), do: :erlang.error(:badarg)

  def fold(fun, acc, {r, f}) when is_function(fun, 2) and is_list(r) and is_list(f),
    do: List.foldl(Enum.reverse(r), List.foldl(f, acc, fun), fun)

  def fold(_, _, _), do: :erlang.error(:badarg)

  def all(pred, {r, f}) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: Enum.all?(f, pred) and Enum.all?(r, pred)

  def all(_, _), do: :erlang.error(:badarg)

  def any(pred, {r, f}) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: Enum.any?(f, pred) or Enum.any?(r, pred)

  def any(_, _), do: :erlang.error(:badarg)

  # The first (front-most) element equal to x goes.
  def delete(x, {r, f} = q) when is_list(r) and is_list(f) do
    if member(x, q), do: f2r(List.delete(to_list(q), x)), else: q
  end

  def delete(_, _), do: :erlang.error(:badarg)

  # The last (rear-most) element equal to x goes.
  def delete_r(x, {r, f} = q) when is_list(r) and is_list(f) do
    if member(x, q), do: reverse(delete(x, reverse(q))), else: q
  end

  def delete_r(_, _), do: :erlang.error(:badarg)

  def delete_with(pred, {r, f} = q) when is_function(pred, 1) and is_list(r) and is_list(f) do
    {before, rest} = Enum.split_while(to_list(q), fn x -> not pred.(x) end)

    case rest do
      [] -> q
      [_ | tail] -> f2r(before ++ tail)
    end
  end

  def delete_with(_, _), do: :erlang.error(:badarg)

  def delete_with_r(pred, q), do: reverse(delete_with(pred, reverse(q)))

  # Okasaki's names.
  def cons(x, q), do: in_r(x, q)
  def head(q), do: get(q)
  def tail(q), do: drop(q)
  def snoc(q, x), do: __MODULE__.in(x, q)
  def daeh(q), do: get_r(q)
  def last(q), do: get_r(q)
  def liat(q), do: drop_r(q)
  def lait(q), do: drop_r(q)
  def init(q), do: drop_r(q)

  # A list as a queue, its first element at the front; more than two are
  # split in half between the two ends, as OTP does.
  defp f2r([]), do: {[], []}
  defp f2r([_] = f), do: {f, []}
  defp f2r([x, y]), do: {[y], [x]}

  defp f2r(list) do
    {ff, rr} = Enum.split(list, div(length(list), 2))
    {Enum.reverse(rr), ff}
  end

  # The rear list `r` (newest first) as a queue.
  defp r2f([]), do: {[], []}
  defp r2f([_] = r), do: {[], r}
  defp r2f([y, x]), do: {[y], [x]}

  defp r2f(list) do
    {rr, ff} = Enum.split(list, div(length(list), 2))
    {rr, Enum.reverse(ff)}
  end
end
