# for comprehensions: generators, filters, patterns, into, multiple generators
IO.inspect(for x <- [1, 2, 3], do: x * x)
IO.inspect(for x <- 1..10, rem(x, 3) == 0, do: x)
IO.inspect(for x <- 1..3, y <- [:a, :b], do: {x, y})
IO.inspect(for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}], do: v)
IO.inspect(for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {v, k})
IO.inspect(for x <- [1, 2, 3], into: %{}, do: {x, x * 10})
IO.inspect(for c <- 'abc', do: c + 1)
IO.inspect(for x <- 1..4, y <- x..4, x + y == 5, do: {x, y})
IO.inspect(for x <- [], do: x)
IO.inspect(for x <- [1, 2, 3], x > 1, y = x * 100, do: y)
IO.inspect(for x <- [3, 1, 3, 2, 1], uniq: true, do: x)
IO.inspect(for x <- 1..5, reduce: 0 do
  acc -> acc + x
end)
IO.inspect(for s <- ~w(a b c), into: "", do: String.upcase(s))
