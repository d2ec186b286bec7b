# Default arguments
defmodule Defaults do
  def greet(name, greeting \\ "Hello", punct \\ "!") do
    "#{greeting}, #{name}#{punct}"
  end

  def join(a, b \\ nil)
  def join(a, nil), do: a
  def join(a, b), do: a <> b

  def range(from \\ 0, to), do: Enum.to_list(from..to)
end
IO.puts(Defaults.greet("Ann"))
IO.puts(Defaults.greet("Ann", "Hi"))
IO.puts(Defaults.greet("Ann", "Hi", "?"))
IO.inspect(Defaults.join("x"))
IO.inspect(Defaults.join("x", "y"))
IO.inspect(Defaults.range(3))
IO.inspect(Defaults.range(1, 3))
IO.inspect(function_exported?(Defaults, :greet, 1))
IO.inspect(function_exported?(Defaults, :greet, 3))
