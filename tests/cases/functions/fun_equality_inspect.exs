# Functions as values: is_function, comparison, storing in data structures
ops = %{add: &+/2, mul: &*/2, sub: &-/2}
IO.inspect(ops.add.(2, 3))
IO.inspect(ops[:mul].(4, 5))
IO.inspect(Enum.map([:add, :mul, :sub], fn op -> ops[op].(10, 2) end))
IO.inspect(is_function(ops.add, 2))
IO.inspect(inspect(&String.upcase/1))
IO.inspect(inspect(&Enum.map/2))
list = [fn -> 1 end, fn -> 2 end]
IO.inspect(Enum.map(list, & &1.()))
