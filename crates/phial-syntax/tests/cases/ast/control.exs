try do
  1
rescue
  e in RuntimeError -> e
catch
  :throw, x -> x
  kind, reason -> {kind, reason}
else
  v -> v
after
  :ok
end
cond do
  x > 1 -> :a
  true -> :b
end
receive do
  {:msg, m} -> m
after
  5000 -> :timeout
end
unless x, do: 1
