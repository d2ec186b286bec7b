# a module that fails to compile stops the script when the script reaches
# it: what runs before it has run, what comes after never does
IO.puts("before the module")
value = Enum.sum([1, 2, 3])
IO.inspect(value)

defmodule Broken do
  def ok, do: :fine
  def bad, do: missing_helper(1)
end

IO.puts("never printed")
