# CondClauseError
f = fn x ->
  cond do
    x == 1 -> :one
    x == 2 -> :two
  end
end
IO.inspect(f.(2))
try do
  f.(3)
rescue
  e -> IO.inspect(e); IO.puts(Exception.message(e))
end
