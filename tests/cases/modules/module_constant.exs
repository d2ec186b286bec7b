# __MODULE__ and module info
defmodule Who.Am.I do
  def me, do: __MODULE__
  def name, do: inspect(__MODULE__)
  def str, do: to_string(__MODULE__)
  def call_self, do: __MODULE__.me()
end
IO.inspect(Who.Am.I.me())
IO.inspect(Who.Am.I.name())
IO.inspect(Who.Am.I.str())
IO.inspect(Who.Am.I.call_self())
IO.inspect(__MODULE__)
