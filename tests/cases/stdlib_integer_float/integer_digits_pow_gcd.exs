# Integer.digits/1,2, Integer.undigits/1, Integer.pow/2, Integer.gcd/2
IO.inspect(Integer.digits(12345))
IO.inspect(Integer.digits(0))
IO.inspect(Integer.digits(-123))
IO.inspect(Integer.digits(10, 2))
IO.inspect(Integer.undigits([1, 2, 3]))
IO.inspect(Integer.pow(3, 4))
IO.inspect(Integer.pow(2, 0))
IO.inspect(Integer.pow(-2, 5))
IO.inspect(Integer.pow(10, 30))
IO.inspect(Integer.gcd(12, 18))
IO.inspect(Integer.gcd(-12, 18))
IO.inspect(Integer.gcd(0, 0))
IO.inspect(rem(4, 2) == 0)
for f <- [fn -> Integer.pow(2, -1) end, fn -> Integer.digits(1.5) end, fn -> Integer.gcd(1.0, 2) end] do
  try do
    f.()
  rescue
    e -> IO.puts(inspect(e.__struct__))
  end
end
