# Enum.flat_map/2, Enum.frequencies/1, Enum.frequencies_by/2
IO.inspect(Enum.flat_map([1, 2, 3], fn x -> [x, x * 10] end))
IO.inspect(Enum.flat_map([[1], [2, [3]]], & &1))
IO.inspect(Enum.frequencies(~w(a b a c b a)))
IO.inspect(Enum.frequencies([1, 1.0, 1]))
IO.inspect(Enum.frequencies_by(~w(apple avocado banana cherry), &String.first/1))
IO.inspect(Enum.frequencies([]))
