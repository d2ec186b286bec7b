# FunctionClauseError: module, function and arity fields
defmodule Picky do
  def take(:yes, n) when n > 0, do: n
  defp hidden(:ok), do: :ok
  def call_hidden(x), do: hidden(x)
end
try do
  Picky.take(:no, 1)
rescue
  e in FunctionClauseError ->
    IO.inspect({e.module, e.function, e.arity})
    IO.puts(Exception.message(e))
end
try do
  Picky.call_hidden(:bad)
rescue
  e in FunctionClauseError -> IO.puts(Exception.message(e))
end
try do
  String.upcase(123)
rescue
  e in FunctionClauseError -> IO.puts(Exception.message(e))
end
