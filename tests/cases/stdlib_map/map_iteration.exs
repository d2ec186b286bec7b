# Enum functions over maps see {key, value} pairs in key order
m = %{3 => "c", 1 => "a", 2 => "b"}
IO.inspect(Enum.map(m, fn {k, v} -> "#{k}#{v}" end))
IO.inspect(for {k, v} <- m, k > 1, do: v)
IO.inspect(Enum.reduce(m, 0, fn {k, _}, acc -> k + acc end))
IO.inspect(Map.new(m, fn {k, v} -> {v, k} end))
big = Map.new(1..40, fn i -> {i, i * i} end)
IO.inspect(map_size(big))
IO.inspect(big |> Map.keys() |> Enum.sort() |> Enum.take(5))
IO.inspect(map_size(Map.new(1..32, &{&1, 0})))
IO.inspect(Map.new(1..32, &{&1, 0}) |> Map.keys() |> Enum.take(3))
IO.inspect(Map.get(big, 33))
