# Ranges
r = 1..5
IO.inspect(r)
IO.inspect(Enum.to_list(r))
IO.inspect(Enum.to_list(5..1))
IO.inspect(Enum.to_list(1..10//3))
IO.inspect(1..10//2)
IO.inspect(3 in r)
IO.inspect(6 in r)
IO.inspect(Enum.sum(1..100))
first..last = 4..9
IO.inspect({first, last})
IO.inspect(Enum.count(-3..3))
IO.inspect(Range.size(1..10//3))
IO.inspect(is_struct(r))
IO.inspect(Enum.map(0..3, &(&1 * 10)))
for i <- 1..3, do: IO.puts(i)
