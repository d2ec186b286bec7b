# Requests for huge values: ranges stay lazy, sizes past the BEAM's limits
# raise rescuable errors, odd bases work (each used to abort or panic).
max = 9_223_372_036_854_775_807
min = -9_223_372_036_854_775_808

IO.inspect(Enum.take(1..max, 3))
IO.inspect(Enum.take(1..max, -2))
IO.inspect(Enum.take(max..1//-7, 2))
IO.inspect(Range.size(min..max))
IO.inspect(Range.size(max..min//-1))
IO.inspect(Enum.count(min..max//2))
IO.inspect({Enum.at(1..max//3, -1), Enum.at(1..max, 1_000_000_000_000), Enum.at(1..3, 5, :none)})
IO.inspect(Enum.empty?(max..min//1))
IO.inspect(Enum.sum(1..50_000_000))
IO.inspect(Enum.sum(min..max))
IO.inspect(Enum.sum(10..1//-3))
IO.inspect(Enum.reduce_while(1..max, 0, fn x, a -> if x > 100, do: {:halt, a}, else: {:cont, a + x} end))
IO.inspect(Enum.reduce(max - 2..max, [], &[&1 | &2]))
Enum.each(min..(min + 1), &IO.inspect/1)

for n <- [2 ** 40, 2 ** 24, -1] do
  try do
    Tuple.duplicate(0, n)
  rescue
    e -> IO.inspect({n, e.__struct__, Exception.message(e)})
  end
end

IO.inspect(tuple_size(Tuple.duplicate(:x, 16_777_215)))

try do
  String.duplicate("ab", -1)
rescue
  e -> IO.inspect({e.__struct__, Exception.message(e)})
end

IO.inspect(Integer.digits(1234, 100))
IO.inspect(Integer.digits(-1234, 100))
IO.inspect(Integer.digits(10 ** 30, 10 ** 12))
IO.inspect(Integer.digits(123, 10 ** 30))
IO.inspect(Integer.digits(0, 1000))
IO.inspect(Integer.digits(2 ** 100, 2 ** 64))
