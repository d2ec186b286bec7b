# with else without a matching clause raises WithClauseError
f = fn v ->
  with {:ok, x} <- v do
    x
  else
    :error -> :was_error
  end
end
IO.inspect(f.({:ok, 1}))
IO.inspect(f.(:error))
try do
  f.({:other, 2})
rescue
  e -> IO.inspect(e.__struct__); IO.puts(Exception.message(e))
end
