# Map.put_new/3, Map.pop/2,3, Map.split/2, Map.equal?/2
m = %{a: 1}
IO.inspect(Map.put_new(m, :a, 99))
IO.inspect(Map.put_new(m, :b, 2))
IO.inspect(Map.pop(%{a: 1, b: 2}, :a))
IO.inspect(Map.pop(%{a: 1}, :z, :default))
IO.inspect(Map.split(%{a: 1, b: 2, c: 3}, [:a, :c]))
IO.inspect(Map.equal?(%{a: 1}, %{a: 1}))
IO.inspect(Map.equal?(%{a: 1}, %{a: 1.0}))
