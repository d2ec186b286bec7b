# Map.merge/2,3
IO.inspect(Map.merge(%{a: 1, b: 2}, %{b: 3, c: 4}))
IO.inspect(Map.merge(%{a: 1, b: 2}, %{b: 3, c: 4}, fn _k, v1, v2 -> v1 + v2 end))
IO.inspect(Map.merge(%{}, %{"x" => 1}))
IO.inspect(Map.merge(%{list: [1]}, %{list: [2]}, fn _, a, b -> a ++ b end))
try do
  Map.merge(%{}, [a: 1])
rescue
  e -> IO.puts(inspect(e.__struct__))
end
