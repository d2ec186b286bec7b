# match?/2: patterns with guards, pins, structs; its variables do not leak
defmodule Pt do
  defstruct x: 0
end

defmodule M do
  def run do
    x = 5
    IO.inspect(match?({:ok, _}, {:ok, 1}))
    IO.inspect(match?({:ok, _}, :error))
    IO.inspect(match?(y when y > 3, 4))
    IO.inspect(match?(^x, 5))
    IO.inspect(match?(%Pt{}, %Pt{x: 1}))
    IO.inspect(match?(%{x: 1}, %Pt{x: 1}))
    IO.inspect(match?([_ | _], []))
    IO.inspect(Enum.filter([1, {:ok, 2}, {:ok, 3}, :no], &match?({:ok, n} when n > 2, &1)))
    y = :outer
    IO.inspect(match?(y, 1))
    IO.inspect(y)
  end
end

M.run()
