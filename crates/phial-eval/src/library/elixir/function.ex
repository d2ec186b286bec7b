# Function's phial half: identity/1. Not here: info and capture
# (function.rs).
defmodule Function do
  def identity(value), do: value
end
