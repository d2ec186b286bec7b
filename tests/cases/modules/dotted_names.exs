# Dotted module names and nested modules
defmodule My.App.Math do
  def double(x), do: x * 2
end
defmodule Outer do
  defmodule Inner do
    def where, do: __MODULE__
  end
  def where, do: __MODULE__
  def call_inner, do: Outer.Inner.where()
end
IO.inspect(My.App.Math.double(21))
IO.inspect(Outer.where())
IO.inspect(Outer.Inner.where())
IO.inspect(Outer.call_inner())
IO.inspect(My.App.Math)
IO.puts(My.App.Math)
IO.inspect(is_atom(My.App.Math))
IO.inspect(Module.concat(My, Thing))
IO.inspect(apply(My.App.Math, :double, [5]))
