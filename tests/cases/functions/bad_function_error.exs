# BadFunctionError when calling something that is not a function
for v <- [:not_a_fun, 42, "str", [1]] do
  try do
    v.()
  rescue
    e in BadFunctionError -> IO.puts(Exception.message(e))
  end
end
