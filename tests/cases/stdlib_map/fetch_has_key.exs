# Map.fetch/2, Map.fetch!/2, Map.has_key?/2
m = %{a: 1, b: nil}
IO.inspect(Map.fetch(m, :a))
IO.inspect(Map.fetch(m, :b))
IO.inspect(Map.fetch(m, :c))
IO.inspect(Map.fetch!(m, :a))
IO.inspect(Map.has_key?(m, :b))
IO.inspect(Map.has_key?(m, :c))
try do
  Map.fetch!(m, :c)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
try do
  Map.fetch([a: 1], :a)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
