# Enum.filter/2 and Enum.reject/2
IO.inspect(Enum.filter(1..10, &(rem(&1, 3) == 0)))
IO.inspect(Enum.reject(1..10, &(rem(&1, 3) == 0)))
IO.inspect(Enum.filter([1, nil, false, :a], & &1))
IO.inspect(Enum.filter(%{a: 1, b: 2, c: 3}, fn {_, v} -> v > 1 end))
IO.inspect(Enum.reject([], fn _ -> true end))
