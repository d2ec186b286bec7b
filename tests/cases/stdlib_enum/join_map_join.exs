# Enum.join/1,2 and Enum.map_join/2,3
IO.inspect(Enum.join([1, 2, 3]))
IO.inspect(Enum.join([1, 2, 3], ", "))
IO.inspect(Enum.join(["a", :b, 'c', 1.5], "-"))
IO.inspect(Enum.join([], ","))
IO.inspect(Enum.map_join([1, 2, 3], &(&1 * 2)))
IO.inspect(Enum.map_join(1..3, " | ", &"<#{&1}>"))
try do
  Enum.join([{1}], ",")
rescue
  e -> IO.puts(inspect(e.__struct__))
end
