# BadArityError when calling a fun with the wrong number of arguments
f = fn x, y -> x + y end
try do
  f.(1)
rescue
  e in BadArityError -> IO.inspect({e.__struct__, e.args, :erlang.fun_info(e.function)[:arity]})
end
g = fn -> :ok end
try do
  g.(1, 2)
rescue
  e -> IO.inspect(e.__struct__); IO.inspect(e.args)
end
r = try do
  Enum.map([1, 2], fn a, b -> a + b end)
rescue
  e -> e.__struct__
end
IO.inspect(r)
