# A macro that raises while it expands stops the script before anything in
# it runs: expansion happens at compile time.
defmodule Strict do
  defmacro positive!(n) when is_integer(n) and n > 0, do: n

  defmacro positive!(n) do
    raise ArgumentError, "expected a positive integer literal, got: #{Macro.to_string(n)}"
  end
end

IO.puts("this line never prints")
require Strict
IO.inspect(Strict.positive!(3))
IO.inspect(Strict.positive!(-1))
