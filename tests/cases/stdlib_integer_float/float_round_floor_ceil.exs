# Float.round/1,2, Float.floor/1,2, Float.ceil/1,2
IO.inspect(Float.round(3.14159, 2))
IO.inspect(Float.round(2.5))
IO.inspect(Float.round(-2.5))
IO.inspect(Float.round(1.005, 2))
IO.inspect(Float.round(1234.5678, 0))
IO.inspect(Float.floor(3.7))
IO.inspect(Float.floor(-3.2))
IO.inspect(Float.floor(3.789, 1))
IO.inspect(Float.ceil(3.2))
IO.inspect(Float.ceil(-3.7))
IO.inspect(Float.ceil(3.211, 2))
for f <- [fn -> Float.round(3, 1) end, fn -> Float.floor(1.5, 20) end, fn -> Float.ceil("1.0") end] do
  try do
    f.()
  rescue
    e -> IO.puts(inspect(e.__struct__))
  end
end
