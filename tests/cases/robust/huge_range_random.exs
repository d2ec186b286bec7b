# Enum.random over a range draws its element by arithmetic, as Elixir's
# Enumerable.slice does: any size, the same pick for the same seed.
:rand.seed(:exsss, {7, 8, 9})
IO.inspect(Enum.random(1..(2 ** 40)))
IO.inspect(Enum.random(-(2 ** 62)..(2 ** 62)//3))
IO.inspect(Enum.random(10..1//-3))
IO.inspect(Enum.random(5..5))
IO.inspect(Enum.random([1, 2, 3]))
try do
  Enum.random(1..0//1)
rescue
  e -> IO.inspect(e)
end
