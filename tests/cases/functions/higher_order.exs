# Functions taking and returning functions
twice = fn f -> fn x -> f.(f.(x)) end end
IO.inspect(twice.(&(&1 * 3)).(2))
apply_n = fn f, n, x -> Enum.reduce(1..n, x, fn _, acc -> f.(acc) end) end
IO.inspect(apply_n.(&(&1 + 2), 5, 0))
compose = fn fs -> fn x -> Enum.reduce(fs, x, fn f, acc -> f.(acc) end) end end
pipeline = compose.([&String.trim/1, &String.upcase/1, &String.reverse/1])
IO.inspect(pipeline.("  abc "))
defmodule HO do
  def map([], _f), do: []
  def map([h | t], f), do: [f.(h) | map(t, f)]
  def filter(l, p), do: for(x <- l, p.(x), do: x)
end
IO.inspect(HO.map([1, 2, 3], fn x -> x * x end))
IO.inspect(HO.filter(1..10, &(rem(&1, 4) == 0)))
