# MatchError: struct fields and message
try do
  {:ok, v} = {:error, "reason"}
  v
rescue
  e in MatchError ->
    IO.inspect(e.term)
    IO.puts(Exception.message(e))
    IO.inspect(e)
end
defmodule M do
  def f(x) do
    [a, b] = x
    a + b
  end
end
try do
  M.f([1])
rescue
  e -> IO.inspect(e.__struct__)
end
