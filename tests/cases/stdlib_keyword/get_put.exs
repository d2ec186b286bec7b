# Keyword.get/2,3 and Keyword.put/3
kw = [a: 1, b: 2, a: 3]
IO.inspect(Keyword.get(kw, :a))
IO.inspect(Keyword.get(kw, :z))
IO.inspect(Keyword.get(kw, :z, :dflt))
IO.inspect(Keyword.put(kw, :a, 9))
IO.inspect(Keyword.put(kw, :c, 4))
IO.inspect(Keyword.put([], :x, 1))
try do
  Keyword.get(kw, "a")
rescue
  e -> IO.puts(inspect(e.__struct__))
end
try do
  Keyword.put(kw, "str", 1)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
