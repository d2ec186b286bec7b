# Enum.find/2,3, Enum.find_index/2, Enum.find_value/2
l = [3, 8, 12, 7]
IO.inspect(Enum.find(l, &(&1 > 5)))
IO.inspect(Enum.find(l, &(&1 > 50)))
IO.inspect(Enum.find(l, :none, &(&1 > 50)))
IO.inspect(Enum.find_index(l, &(&1 == 12)))
IO.inspect(Enum.find_index(l, &(&1 == 99)))
IO.inspect(Enum.find_value(l, fn x -> if x > 10, do: x * 2 end))
IO.inspect(Enum.find(%{a: 1, b: 2}, fn {_, v} -> v == 2 end))
