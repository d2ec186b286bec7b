# Enum.chunk_every/2,3,4
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 2))
IO.inspect(Enum.chunk_every(1..6, 3))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 2, 1))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 2, 3))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 3, 3, :discard))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 3, 3, [:pad]))
IO.inspect(Enum.chunk_every([], 2))
try do
  Enum.chunk_every([1, 2], 0)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
