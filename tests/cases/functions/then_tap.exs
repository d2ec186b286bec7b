# Kernel.then and Kernel.tap
5 |> then(fn x -> x * 2 end) |> IO.inspect()
[1, 2, 3] |> tap(fn l -> IO.puts("length #{length(l)}") end) |> Enum.sum() |> IO.inspect()
r = tap(:value, fn _ -> :ignored end)
IO.inspect(r)
IO.inspect(then(%{a: 1}, &Map.put(&1, :b, 2)))
