# Enum.random, Enum.shuffle and Enum.take_random draw from :rand as
# Elixir 1.14 does, so a seeded process gets Elixir's picks.
:rand.seed(:exsss, {100, 101, 102})
IO.inspect(Enum.random([1, 2, 3, 4, 5]))
IO.inspect(Enum.random(1..1_000))
IO.inspect(Enum.random(%{a: 1, b: 2, c: 3}))
IO.inspect(Enum.random([:only]))
IO.inspect(Enum.shuffle([1, 2, 3, 4, 5, 6, 7, 8]))
IO.inspect(Enum.shuffle(1..5))
IO.inspect(Enum.shuffle([]))
IO.inspect(Enum.take_random(1..100, 1))
IO.inspect(Enum.take_random([:a, :b, :c, :d], 1))
IO.inspect(Enum.take_random(1..100, 5))
IO.inspect(Enum.take_random([1, 2, 3], 10))
IO.inspect(Enum.take_random(1..300, 130) |> Enum.take(10))
IO.inspect(Enum.take_random([], 3))
IO.inspect(Enum.take_random(1..10, 0))
IO.inspect(:rand.uniform(10))

try do
  Enum.take_random([1, 2], -1)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}")
end
