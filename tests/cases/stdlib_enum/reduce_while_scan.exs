# Enum.reduce_while/3, Enum.scan/2, Enum.intersperse/2, Enum.random-free helpers
IO.inspect(Enum.reduce_while(1..100, 0, fn x, acc ->
  if acc + x > 20, do: {:halt, acc}, else: {:cont, acc + x}
end))
IO.inspect(Enum.scan([1, 2, 3, 4], &+/2))
IO.inspect(Enum.intersperse([1, 2, 3], :sep))
IO.inspect(Enum.chunk_by([1, 1, 2, 3, 3], & &1))
IO.inspect(Enum.count_until(1..100, 5))
