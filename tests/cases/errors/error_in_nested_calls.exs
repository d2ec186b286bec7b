# An error deep in a call chain unwinds to the nearest rescue; after blocks run
defmodule Chain do
  def a(x), do: b(x) + 1
  def b(x) do
    try do
      c(x)
    after
      IO.puts("b after")
    end
  end
  def c(0), do: raise("hit zero")
  def c(x), do: x
end
IO.inspect(Chain.a(5))
try do
  Chain.a(0)
rescue
  e -> IO.puts("caught: " <> e.message)
end
