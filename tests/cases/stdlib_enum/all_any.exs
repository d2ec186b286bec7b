# Enum.all?/1,2 and Enum.any?/1,2
IO.inspect(Enum.all?([1, 2, 3], &(&1 > 0)))
IO.inspect(Enum.all?([1, -2, 3], &(&1 > 0)))
IO.inspect(Enum.all?([]))
IO.inspect(Enum.all?([true, 1, :a]))
IO.inspect(Enum.all?([true, nil]))
IO.inspect(Enum.any?([1, 2, 3], &(&1 > 2)))
IO.inspect(Enum.any?([]))
IO.inspect(Enum.any?([false, nil]))
IO.inspect(Enum.any?([false, 0]))
IO.inspect(Enum.any?(%{a: 1}, fn {k, _} -> k == :a end))
IO.inspect(Enum.all?(1..5, &is_integer/1))
try do
  Enum.all?(:not_enumerable, & &1)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
