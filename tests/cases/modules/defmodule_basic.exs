# defmodule, def, defp, calling public and private functions
defmodule Greeter do
  def hello(name), do: "Hello, " <> punctuate(name)
  def hello, do: hello("world")

  defp punctuate(s), do: s <> "!"
end
IO.puts(Greeter.hello("phial"))
IO.puts(Greeter.hello())
IO.puts(Greeter.hello)
IO.inspect(function_exported?(Greeter, :hello, 1))
IO.inspect(function_exported?(Greeter, :punctuate, 1))
try do
  apply(Greeter, :punctuate, ["x"])
rescue
  e in UndefinedFunctionError -> IO.puts(Exception.message(e))
end
