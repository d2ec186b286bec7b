# Keyword lists are lists of two-element tuples
kw = [name: "x", size: 3]
IO.inspect(kw)
IO.inspect(kw == [{:name, "x"}, {:size, 3}])
IO.inspect(kw[:size])
IO.inspect([{:a, 1}, {:b, 2}])
IO.inspect([{:a, 1}, {"b", 2}])
IO.inspect([{:a, 1, 2}])
IO.inspect([a: 1, a: 2])
IO.inspect(["quoted key": 1, "ok?": 2])
IO.inspect([{:"with space", 1}])
f = fn opts -> Keyword.get(opts, :mode, :default) end
IO.inspect(f.(mode: :fast))
IO.inspect(f.([]))
IO.inspect(length(kw))
IO.inspect(if true, do: :yes, else: :no)
