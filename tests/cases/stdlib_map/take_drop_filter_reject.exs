# Map.take/2, Map.drop/2, Map.filter/2, Map.reject/2
m = %{a: 1, b: 2, c: 3, d: 4}
IO.inspect(Map.take(m, [:a, :c, :zz]))
IO.inspect(Map.drop(m, [:a, :c, :zz]))
IO.inspect(Map.filter(m, fn {_k, v} -> rem(v, 2) == 0 end))
IO.inspect(Map.reject(m, fn {k, _v} -> k in [:a, :b] end))
IO.inspect(Map.take(m, []))
try do
  Map.take(m, :a)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
