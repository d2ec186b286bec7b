# Nested structures stay on one line when they fit
IO.inspect({:ok, [1, 2, {3, %{a: [4, 5]}}]})
IO.inspect([a: [b: [c: []]]])
IO.inspect(%{list: [1, 2], tuple: {1, 2}, map: %{}, str: "s", kw: [x: 1]})
IO.inspect([%{a: 1}, %{b: 2}])
IO.inspect({{}, [], %{}, ""})
IO.inspect([[[[[]]]]])
IO.inspect({1, {2, {3, {4, {5, {6}}}}}})
IO.puts(inspect({:ok, [1, 2, {3, %{a: [4, 5]}}]}))
