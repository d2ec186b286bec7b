# if/case/cond are expressions
n = 3
label = if n > 2, do: "big", else: "small"
kind = case rem(n, 2) do
  0 -> :even
  1 -> :odd
end
sign = cond do
  n > 0 -> 1
  n < 0 -> -1
  true -> 0
end
IO.inspect({label, kind, sign})
IO.inspect([if(true, do: 1), unless(true, do: 2)])
v = if false, do: :x
IO.inspect(v)
