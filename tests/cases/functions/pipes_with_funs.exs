# Pipes into anonymous functions, captures and module functions
square = fn x -> x * x end
3 |> square.() |> IO.inspect()
"abc" |> (&(&1 <> &1)).() |> IO.inspect()
[1, 2, 3] |> Enum.map(square) |> Enum.reverse() |> IO.inspect()
%{a: 1} |> Map.get(:a) |> Kernel.+(10) |> IO.inspect()
defmodule P do
  def wrap(x, tag), do: {tag, x}
end
:v |> P.wrap(:tag) |> IO.inspect()
