# UndefinedFunctionError fields and messages
try do
  apply(Kernel, :no_such_function, [1, 2])
rescue
  e in UndefinedFunctionError ->
    IO.inspect({e.module, e.function, e.arity})
    IO.puts(Exception.message(e))
end
mod = :lists
try do
  mod.nonexistent()
rescue
  e -> IO.puts(Exception.message(e))
end
m2 = DoesNotExist.Anywhere
try do
  m2.call(1, 2, 3)
rescue
  e -> IO.puts(Exception.message(e))
end
