# Map.new/0,1,2, Map.put/3, Map.get/2,3
IO.inspect(Map.new())
IO.inspect(Map.new([{:a, 1}, {:b, 2}]))
IO.inspect(Map.new(a: 1, a: 2))
IO.inspect(Map.new([1, 2, 3], fn x -> {x, x * x} end))
m = Map.put(%{}, :k, :v)
IO.inspect(m)
IO.inspect(Map.put(m, :k, :new))
IO.inspect(Map.get(m, :k))
IO.inspect(Map.get(m, :missing))
IO.inspect(Map.get(m, :missing, 0))
IO.inspect(Map.get(%{1 => :int}, 1.0))
try do
  Map.get(:not_a_map, :k)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
try do
  Map.new([1, 2])
rescue
  e -> IO.puts(inspect(e.__struct__))
end
