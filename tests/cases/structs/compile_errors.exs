# An unknown struct key is a compile-time error: nothing runs.
defmodule Box do
  defstruct [:w]
end

defmodule Use do
  def f, do: %Box{h: 1}
end

IO.puts("never printed")
