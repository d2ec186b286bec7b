# Enum.map/2, Enum.reduce/2,3, Enum.map_reduce/3
IO.inspect(Enum.map([1, 2, 3], &(&1 * 2)))
IO.inspect(Enum.map(%{a: 1}, fn {k, v} -> {k, v + 1} end))
IO.inspect(Enum.map(1..0//1, & &1))
IO.inspect(Enum.reduce([1, 2, 3], &+/2))
IO.inspect(Enum.reduce([1, 2, 3], 10, &+/2))
IO.inspect(Enum.reduce(["a", "b", "c"], fn x, acc -> acc <> x end))
IO.inspect(Enum.map_reduce([1, 2, 3], 0, fn x, acc -> {x * 2, acc + x} end))
try do
  Enum.reduce([], &+/2)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
