# Keyword.keys/1, Keyword.values/1, Keyword.has_key?/2
kw = [b: 2, a: 1, b: 3]
IO.inspect(Keyword.keys(kw))
IO.inspect(Keyword.values(kw))
IO.inspect(Keyword.has_key?(kw, :a))
IO.inspect(Keyword.has_key?(kw, :c))
IO.inspect(Keyword.keys([]))
try do
  Keyword.keys([{"a", 1}])
rescue
  e -> IO.puts(inspect(e.__struct__))
end
