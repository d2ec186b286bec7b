# Map.delete/2, Map.update/4, Map.update!/3
m = %{a: 1, b: 2}
IO.inspect(Map.delete(m, :a))
IO.inspect(Map.delete(m, :zzz))
IO.inspect(Map.update(m, :a, 0, &(&1 + 10)))
IO.inspect(Map.update(m, :c, 0, &(&1 + 10)))
IO.inspect(Map.update!(m, :b, &(&1 * 3)))
try do
  Map.update!(m, :c, &(&1 * 3))
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
