# The match operator binds and asserts
x = 1
IO.inspect(1 = x)
{a, b} = {:left, :right}
IO.inspect(a)
IO.inspect(b)
[h | t] = [1, 2, 3]
IO.inspect({h, t})
[only] = [:single]
IO.inspect(only)
{:ok, value} = {:ok, 42}
IO.inspect(value)
"prefix-" <> rest = "prefix-suffix"
IO.inspect(rest)
%{k: v} = %{k: :val, other: 1}
IO.inspect(v)
result = {_, second, _} = {1, 2, 3}
IO.inspect({second, result})
a = b = 5
IO.inspect(a + b)
