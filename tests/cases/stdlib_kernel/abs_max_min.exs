# abs/1, max/2, min/2
IO.inspect(abs(-5))
IO.inspect(abs(5))
IO.inspect(abs(-2.5))
IO.inspect(abs(-123456789012345678901234567890))
IO.inspect(max(3, 7))
IO.inspect(min(3, 7))
IO.inspect(max(1, 1.0))
IO.inspect(min(1, 1.0))
IO.inspect(max(1.0, 1))
IO.inspect(max("a", "b"))
IO.inspect(min(:a, 1))
IO.inspect(max({1, 2}, [1]))
try do
  abs(:x)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
