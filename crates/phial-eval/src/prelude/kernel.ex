# Kernel functions that take a function argument.
defmodule Kernel do
  def then(value, fun), do: fun.(value)

  def tap(value, fun) do
    fun.(value)
    value
  end
end
