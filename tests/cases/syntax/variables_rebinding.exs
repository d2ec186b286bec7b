# Variables, rebinding, scoping, underscore names
x = 1
IO.inspect(x)
x = x + 1
IO.inspect(x)
_ignored = 99
y = if true do
  x = 100
  x + 1
else
  0
end
IO.inspect({x, y})
f = fn -> x * 10 end
x = 7
IO.inspect(f.())
IO.inspect(x)
list = for x <- [1, 2, 3], do: x * 2
IO.inspect({x, list})
{a, a} = {3, 3}
IO.inspect(a)
z = case 5 do
  n when n > 3 -> n
end
IO.inspect(z)
