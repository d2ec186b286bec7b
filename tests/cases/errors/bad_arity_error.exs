# BadArityError fields
add = fn a, b -> a + b end
try do
  add.(1, 2, 3)
rescue
  e in BadArityError ->
    IO.inspect(e.args)
    IO.inspect(is_function(e.function, 2))
end
try do
  Enum.reduce([1, 2], fn x -> x end)
rescue
  e -> IO.inspect(e.__struct__)
end
