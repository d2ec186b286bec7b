# Enum.concat/1,2 and Enum.count/1,2
IO.inspect(Enum.concat([[1, 2], [3], []]))
IO.inspect(Enum.concat([1, 2], [3, 4]))
IO.inspect(Enum.concat(1..2, [:x]))
IO.inspect(Enum.count([1, 2, 3]))
IO.inspect(Enum.count(%{a: 1, b: 2}))
IO.inspect(Enum.count(1..100))
IO.inspect(Enum.count([1, 2, 3, 4], &(rem(&1, 2) == 0)))
IO.inspect(Enum.count([]))
try do
  Enum.count(42)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
