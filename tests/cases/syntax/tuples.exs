# Tuples
t = {:ok, 1, "two"}
IO.inspect(t)
IO.inspect(elem(t, 0))
IO.inspect(elem(t, 2))
IO.inspect(tuple_size(t))
IO.inspect(put_elem(t, 1, :one))
IO.inspect(t)
IO.inspect({})
IO.inspect({1})
IO.inspect({1, {2, {3, {}}}})
IO.inspect({:a, :b} == {:a, :b})
IO.inspect({1, 2} < {1, 3})
IO.inspect({9} < {1, 1})
IO.inspect(is_tuple(t))
IO.inspect(Tuple.to_list(t))
{x, y, z} = t
IO.puts("#{x} #{y} #{z}")
