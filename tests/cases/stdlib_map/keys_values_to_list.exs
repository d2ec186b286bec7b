# Map.keys/1, Map.values/1, Map.to_list/1 (term order of keys)
m = %{"b" => 2, :z => 26, 1 => :one, :a => 1, {0} => :t}
IO.inspect(Map.keys(m))
IO.inspect(Map.values(m))
IO.inspect(Map.to_list(m))
IO.inspect(Map.to_list(%{c: 3, a: 1, b: 2}))
IO.inspect(Map.keys(%{}))
try do
  Map.keys([a: 1])
rescue
  e -> IO.puts(inspect(e.__struct__))
end
