# List.flatten/1,2 and List.duplicate/2
IO.inspect(List.flatten([1, [2, [3, [4]]], [], 5]))
IO.inspect(List.flatten([[], [[]]]))
IO.inspect(List.flatten([1, [2]], [3, [4]]))
IO.inspect(List.duplicate(:x, 3))
IO.inspect(List.duplicate([1], 2))
IO.inspect(List.duplicate("ab", 0))
try do
  List.duplicate(:x, -1)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
