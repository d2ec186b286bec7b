# Keyword.delete, fetch, merge, get_values, to_list and keyword? check
kw = [x: 1, y: 2, x: 3]
IO.inspect(Keyword.delete(kw, :x))
IO.inspect(Keyword.fetch(kw, :y))
IO.inspect(Keyword.fetch(kw, :q))
IO.inspect(Keyword.get_values(kw, :x))
IO.inspect(Keyword.merge([a: 1, b: 2], [b: 3, c: 4]))
IO.inspect(Keyword.keyword?([a: 1]))
IO.inspect(Keyword.keyword?([{"a", 1}]))
IO.inspect(Keyword.new([{:b, 1}, {:a, 2}]))
IO.inspect(Keyword.to_list(kw))
