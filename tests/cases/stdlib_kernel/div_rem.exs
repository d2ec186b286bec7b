# div/2 and rem/2 (truncating), with negative operands and errors
for {a, b} <- [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {100_000_000_000_000_000_000, 7}] do
  IO.inspect({a, b, div(a, b), rem(a, b)})
end
IO.inspect(Integer.mod(-7, 2))
IO.inspect(Integer.floor_div(-7, 2))
for f <- [fn -> div(1, 0) end, fn -> rem(1, 0) end, fn -> div(1.0, 2) end, fn -> rem(5, 2.0) end] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
