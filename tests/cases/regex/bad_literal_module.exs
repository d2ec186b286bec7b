# A ~r literal that does not compile inside a module body: what comes
# before the module runs, the module's definition then fails
IO.puts("before the module")

defmodule Matcher do
  def bad, do: ~r/[a-/
end

IO.puts("never printed")
