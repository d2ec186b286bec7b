# Maps: literals, access, update syntax
m = %{:a => 1, "b" => 2, 3 => :three}
IO.inspect(m)
IO.inspect(m[:a])
IO.inspect(m["b"])
IO.inspect(m[3])
IO.inspect(m[:missing])
k = %{name: "Ann", age: 30}
IO.inspect(k)
IO.inspect(k.name)
IO.inspect(%{k | age: 31})
IO.inspect(map_size(k))
IO.inspect(%{})
IO.inspect(%{b: 1, a: 2, c: 3})
IO.inspect(%{1 => :x, :a => :y, "s" => :z, {1} => :t, [1] => :l})
IO.inspect(%{a: 1} == %{a: 1.0})
IO.inspect(%{a: 1} === %{a: 1})
IO.inspect(%{a: %{b: %{c: 1}}})
IO.inspect(%{a: 1, a: 2})
IO.inspect(is_map(k))
nested = %{user: %{tags: [:x, :y]}}
IO.inspect(nested.user.tags)
IO.inspect(nested[:user][:tags])
