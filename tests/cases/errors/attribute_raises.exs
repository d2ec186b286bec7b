# an attribute whose expression raises stops the program at compile time
defmodule Broken do
  @ratio div(10, 0)
  def ratio, do: @ratio
end

IO.puts("never printed")
