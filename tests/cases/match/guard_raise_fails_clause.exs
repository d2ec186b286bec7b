# An error inside a guard makes the clause fail instead of raising
f = fn
  x when hd(x) > 0 -> :positive_head
  x when elem(x, 0) == :ok -> :ok_tuple
  x when length(x) > 2 -> :long
  x when map_size(x) == 1 -> :one_key
  _ -> :fallback
end
IO.inspect(f.([1]))
IO.inspect(f.({:ok}))
IO.inspect(f.(:atom))
IO.inspect(f.(%{a: 1}))
IO.inspect(f.([]))
IO.inspect(f.(42))
g = fn x when 1 / x > 0.5 -> :big; _ -> :small_or_bad end
IO.inspect(g.(1))
IO.inspect(g.(0))
IO.inspect(g.(4))
