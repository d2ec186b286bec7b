# BadFunctionError: calling a non-function
not_fun = %{a: 1}
try do
  not_fun.(1)
rescue
  e in BadFunctionError ->
    IO.inspect(e.term)
    IO.puts(Exception.message(e))
    IO.inspect(e)
end
try do
  Enum.map([1], :not_a_function)
rescue
  e -> IO.inspect(e.__struct__)
end
