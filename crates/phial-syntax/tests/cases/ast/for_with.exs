for x <- l, x > 1, into: %{}, do: {x, x}
for a <- 1..3, b <- a..3 do
  {a, b}
end
with {:ok, a} <- f(),
     {:ok, b} <- g(a) do
  a + b
else
  _ -> :error
end
