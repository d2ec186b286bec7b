# :lists: OTP's list functions that phial programs reach for, with OTP's
# argument orders (the list last for the higher-order ones, `nth`
# 1-based) and OTP's errors: a call outside a function's domain is a
# FunctionClauseError, as on the BEAM. Not here: `reverse/1`, `sort/1`,
# `seq/2` and `flatten/1,2` (lists.rs natives).
defmodule :lists do
  def reverse(list, tail) when is_list(list), do: rev(list, tail)

  defp rev([h | t], acc), do: rev(t, [h | acc])
  defp rev([], acc), do: acc

  def append(lists) when is_list(lists), do: Enum.concat(lists)
  def append(a, b) when is_list(a), do: a ++ b

  def member(x, list) when is_list(list), do: Enum.member?(list, x)

  def last([h]), do: h
  def last([_ | t]), do: last(t)

  def nth(1, [h | _]), do: h
  def nth(n, [_ | t]) when is_integer(n) and n > 1, do: nth(n - 1, t)

  def nthtail(0, list), do: list
  def nthtail(n, [_ | t]) when is_integer(n) and n > 0, do: nthtail(n - 1, t)

  def sublist(list, len) when is_list(list) and is_integer(len) and len >= 0,
    do: Enum.take(list, len)

  def sublist(list, start, len)
      when is_list(list) and is_integer(start) and start >= 1 and is_integer(len) and len >= 0,
      do: Enum.take(nthtail(start - 1, list), len)

  def droplast([_]), do: []
  def droplast([h | t]), do: [h | droplast(t)]

  def delete(x, [x | t]), do: t
  def delete(x, [h | t]), do: [h | delete(x, t)]
  def delete(_, []), do: []

  def subtract(a, b) when is_list(a) and is_list(b), do: a -- b

  def duplicate(n, x) when is_integer(n) and n >= 0, do: List.duplicate(x, n)

  def seq(from, to, 0) when from == to and is_integer(from), do: [from]

  def seq(from, to, step)
      when is_integer(from) and is_integer(to) and is_integer(step) and step > 0 and
             from - step <= to,
      do: Enum.to_list(Range.new(from, from + div(to - from, step) * step, step))

  def seq(from, to, step)
      when is_integer(from) and is_integer(to) and is_integer(step) and step < 0 and
             from - step >= to,
      do: Enum.to_list(Range.new(from, from + div(from - to, -step) * step, step))

  def sum(list) when is_list(list), do: Enum.sum(list)
  def max([_ | _] = list), do: Enum.max(list)
  def min([_ | _] = list), do: Enum.min(list)

  def prefix([x | a], [x | b]), do: prefix(a, b)
  def prefix([], b) when is_list(b), do: true
  def prefix(a, b) when is_list(a) and is_list(b), do: false

  def suffix(a, b) when is_list(a) and is_list(b) do
    delta = length(b) - length(a)
    delta >= 0 and nthtail(delta, b) == a
  end

  def usort(list) when is_list(list), do: Enum.uniq(Enum.sort(list))
  def merge(a, b) when is_list(a) and is_list(b), do: Enum.sort(a ++ b)
  def merge(fun, a, b) when is_function(fun, 2), do: Enum.sort(a ++ b, fun)

  def split(n, list) when is_integer(n) and n >= 0 and is_list(list) and n <= length(list),
    do: Enum.split(list, n)

  def zip(a, b) when is_list(a) and is_list(b) and length(a) == length(b), do: Enum.zip(a, b)

  def zip3(a, b, c) when is_list(a) and is_list(b) and is_list(c),
    do: Enum.zip([a, b, c])

  def unzip(list) when is_list(list), do: Enum.unzip(list)

  def zipwith(fun, a, b) when is_function(fun, 2) and length(a) == length(b),
    do: Enum.zip_with(a, b, fun)

  # ---------------------------------------------------------- higher order

  def map(fun, list) when is_function(fun, 1) and is_list(list), do: Enum.map(list, fun)
  def filter(pred, list) when is_function(pred, 1) and is_list(list), do: Enum.filter(list, pred)
  def foreach(fun, list) when is_function(fun, 1) and is_list(list), do: Enum.each(list, fun)
  def any(pred, list) when is_function(pred, 1) and is_list(list), do: Enum.any?(list, pred)
  def all(pred, list) when is_function(pred, 1) and is_list(list), do: Enum.all?(list, pred)

  def foldl(fun, acc, list) when is_function(fun, 2) and is_list(list),
    do: Enum.reduce(list, acc, fun)

  def foldr(fun, acc, list) when is_function(fun, 2) and is_list(list),
    do: Enum.reduce(rev(list, []), acc, fun)

  def flatmap(fun, list) when is_function(fun, 1) and is_list(list),
    do: Enum.flat_map(list, fun)

  def filtermap(fun, list) when is_function(fun, 1) and is_list(list) do
    Enum.flat_map(list, fn x ->
      case fun.(x) do
        true -> [x]
        false -> []
        {true, v} -> [v]
      end
    end)
  end

  def mapfoldl(fun, acc, list) when is_function(fun, 2) and is_list(list),
    do: Enum.map_reduce(list, acc, fun)

  def takewhile(pred, list) when is_function(pred, 1) and is_list(list),
    do: Enum.take_while(list, pred)

  def dropwhile(pred, list) when is_function(pred, 1) and is_list(list),
    do: Enum.drop_while(list, pred)

  def splitwith(pred, list) when is_function(pred, 1) and is_list(list),
    do: Enum.split_while(list, pred)

  def partition(pred, list) when is_function(pred, 1) and is_list(list),
    do: Enum.split_with(list, pred)

  def sort(fun, list) when is_function(fun, 2) and is_list(list), do: Enum.sort(list, fun)

  def search(pred, [h | t]) when is_function(pred, 1) do
    if pred.(h), do: {:value, h}, else: search(pred, t)
  end

  def search(pred, []) when is_function(pred, 1), do: false

  # ------------------------------------------------------------ key lists

  def keyfind(key, n, list) when is_integer(n) and n >= 1 and is_list(list),
    do: List.keyfind(list, key, n - 1) || false

  def keymember(key, n, list) when is_integer(n) and n >= 1 and is_list(list),
    do: List.keymember?(list, key, n - 1)

  def keydelete(key, n, list) when is_integer(n) and n >= 1 and is_list(list),
    do: List.keydelete(list, key, n - 1)

  def keyreplace(key, n, list, new) when is_integer(n) and n >= 1 and is_tuple(new),
    do: List.keyreplace(list, key, n - 1, new)

  def keystore(key, n, list, new) when is_integer(n) and n >= 1 and is_tuple(new),
    do: List.keystore(list, key, n - 1, new)

  def keytake(key, n, list) when is_integer(n) and n >= 1 and is_list(list) do
    case List.keytake(list, key, n - 1) do
      nil -> false
      {t, rest} -> {:value, t, rest}
    end
  end

  def keysort(n, list) when is_integer(n) and n >= 1 and is_list(list),
    do: List.keysort(list, n - 1)
end
