a |> f() |> g(b)
x
|> f()
|> Enum.map(&(&1 * 2))
for x <- l do
  x
end
|> Enum.sort()
