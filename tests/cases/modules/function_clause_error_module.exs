# FunctionClauseError from a module function
defmodule Strict do
  def only_ints(x) when is_integer(x), do: x
  def pair({a, b}), do: a + b
end
try do
  Strict.only_ints(:a)
rescue
  e in FunctionClauseError -> IO.puts(Exception.message(e))
end
try do
  Strict.pair({1, 2, 3})
rescue
  e -> IO.inspect(e.__struct__); IO.puts(Exception.message(e))
end
