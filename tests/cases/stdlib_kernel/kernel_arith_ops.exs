# Arithmetic operators as Kernel functions and their errors
IO.inspect(Kernel.+(1, 2))
IO.inspect(Kernel.-(1.5, 2))
IO.inspect(Kernel.*(3, 4))
IO.inspect(Kernel./(9, 3))
IO.inspect(Kernel.-(5))
IO.inspect(Enum.reduce([1, 2, 3, 4], &Kernel.*/2))
IO.inspect(2 ** 10)
IO.inspect(2 ** -1)
IO.inspect(2.0 ** 3)
for f <- [fn -> 1 + nil end, fn -> [] - 1 end, fn -> :a * 2 end, fn -> "4" / 2 end] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
