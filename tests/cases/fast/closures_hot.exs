# Closures called in hot loops (the fast loop's closure call), with
# captures, several clauses, a tuple pattern, a leaf clause, and a raise
# from inside one after many calls.
k = 3
add_k = fn x -> x + k end
IO.inspect(Enum.map(1..10, add_k))
IO.inspect(Enum.reduce(1..100_000, 0, fn x, acc -> acc + rem(x, 7) end))
classify = fn
  0 -> :zero
  n when n < 0 -> :neg
  _ -> :pos
end
IO.inspect(Enum.map([-2, 0, 5], classify))
IO.inspect(Enum.reduce([{1, 2}, {3, 4}], 0, fn {a, b}, acc -> acc + a * b end))
const = fn _ -> :same end
IO.inspect(Enum.map([1, 2], const))

try do
  Enum.each(1..50_000, fn x -> if x == 40_000, do: raise("boom at #{x}"), else: x end)
rescue
  e -> IO.puts("rescued: " <> Exception.message(e))
end

try do
  Enum.map([1, 2, 3], fn 1 -> :one end)
rescue
  e in FunctionClauseError -> IO.puts("no clause: #{e.arity}")
end

f2 = fn a, b -> a - b end
IO.inspect(Enum.reduce(1..10, 100, f2))
try do
  f2.(1)
rescue
  e in BadArityError -> IO.puts("bad arity: #{inspect(e.args)}")
end
IO.inspect(Enum.map(1..3, &Integer.to_string/1))
