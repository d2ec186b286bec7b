# Uncaught ArithmeticError
list = [1, 2, 0]
Enum.each(list, fn x -> IO.puts(10 / x) end)
IO.puts("unreachable")
