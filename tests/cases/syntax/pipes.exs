# The pipe operator
"  Hello Pipe World  "
|> String.trim()
|> String.downcase()
|> String.split()
|> Enum.map(&String.capitalize/1)
|> Enum.join("-")
|> IO.puts()

1..10
|> Enum.filter(fn x -> rem(x, 2) == 0 end)
|> Enum.map(&(&1 * &1))
|> Enum.sum()
|> IO.inspect()

[3, 1, 2] |> Enum.sort() |> Enum.reverse() |> IO.inspect()
%{a: 1} |> Map.put(:b, 2) |> Map.keys() |> IO.inspect()
add = fn a, b -> a + b end
10 |> add.(5) |> IO.inspect()
:hello |> Atom.to_string() |> String.upcase() |> IO.puts()
