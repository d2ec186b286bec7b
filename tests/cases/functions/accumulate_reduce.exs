# Building results with reduce and recursion
words = ~w(the quick brown fox jumps over the lazy dog the end)
counts = Enum.reduce(words, %{}, fn w, acc -> Map.update(acc, w, 1, &(&1 + 1)) end)
IO.inspect(counts)
{evens, odds} = Enum.reduce(1..10, {[], []}, fn x, {e, o} ->
  if rem(x, 2) == 0, do: {[x | e], o}, else: {e, [x | o]}
end)
IO.inspect({Enum.reverse(evens), Enum.reverse(odds)})
longest = Enum.reduce(words, fn w, best -> if String.length(w) > String.length(best), do: w, else: best end)
IO.inspect(longest)
