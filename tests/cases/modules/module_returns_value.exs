# defmodule evaluates to a tuple; module code runs at definition
result = defmodule Printing do
  IO.puts("module body runs at definition time")
  def f, do: :f
end
{:module, name, _bytecode, _} = result
IO.inspect(name)
IO.inspect(Printing.f())
