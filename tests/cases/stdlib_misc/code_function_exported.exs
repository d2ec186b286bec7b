IO.inspect for {m, f, a} <- [{Integer, :is_even, 1}, {Kernel, :is_nil, 1}, {Kernel, :then, 2}, {Kernel, :length, 1}, {Kernel, :if, 2}, {Enum, :map, 2}, {MapSet, :new, 1}, {MapSet, :set, 1}, {Nope, :x, 0}, {:lists, :reverse, 1}, {Code, :ensure_loaded, 1}], do: (Code.ensure_loaded(m); function_exported?(m, f, a))
defmodule Foo do
  def a(x), do: x
  defp b(x), do: x
  def d(x \\ 1), do: x
end
IO.inspect {function_exported?(Foo, :a, 1), function_exported?(Foo, :b, 1), function_exported?(Foo, :d, 0), function_exported?(Foo, :d, 1), Foo.d()}
IO.inspect {Code.ensure_loaded(Foo), Code.ensure_loaded(MapSet), Code.ensure_loaded(:lists), Code.ensure_loaded(Nope), Code.ensure_loaded?(String), Code.ensure_loaded?(Nope)}
try do
  Code.ensure_loaded("x")
rescue
  e -> IO.puts Exception.message(e)
end
try do
  Code.ensure_loaded!(Nope)
rescue
  e -> IO.puts Exception.message(e)
end
