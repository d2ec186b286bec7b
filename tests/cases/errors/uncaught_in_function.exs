# An uncaught error raised inside module functions exits with code 1
defmodule Deep do
  def go(0), do: Map.fetch!(%{}, :missing)
  def go(n), do: go(n - 1)
end
IO.puts("going deep")
Deep.go(10)
IO.puts("unreachable")
