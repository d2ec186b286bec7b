result = list |> Enum.filter(&(&1 > 2)) |> Enum.map(fn x -> x * 2 end)
other =
  list
  |> Enum.reverse()
  |> Enum.take(3)
