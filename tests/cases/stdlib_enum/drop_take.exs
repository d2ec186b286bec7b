# Enum.drop/2, Enum.take/2, Enum.take_while/2, Enum.drop_while/2
l = [1, 2, 3, 4, 5]
IO.inspect(Enum.take(l, 2))
IO.inspect(Enum.take(l, 10))
IO.inspect(Enum.take(l, -2))
IO.inspect(Enum.take(l, 0))
IO.inspect(Enum.drop(l, 2))
IO.inspect(Enum.drop(l, -2))
IO.inspect(Enum.drop(l, 9))
IO.inspect(Enum.take_while(l, &(&1 < 3)))
IO.inspect(Enum.drop_while(l, &(&1 < 3)))
IO.inspect(Enum.take(1..1000, 3))
try do
  Enum.take(l, :two)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
