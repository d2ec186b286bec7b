defmodule Foo do
  @default 1
  def f(a \\ @default), do: a
  defp g(x) do
    x * 2
  end
end
