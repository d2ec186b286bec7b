# Date.range: steps in both directions, empty ranges, Enum and Stream over
# them, membership, slicing, equality and inspect.
r = Date.range(~D[2024-02-26], ~D[2024-03-03])
IO.inspect(r)
IO.inspect({r.first, r.last, r.step, r.first_in_iso_days, r.last_in_iso_days})
IO.inspect(Enum.to_list(r))
IO.inspect({Enum.count(r), Enum.empty?(r), Enum.member?(r, ~D[2024-02-29])})
IO.inspect({~D[2024-03-04] in r, ~T[10:00:00] in r, :x in r})
IO.inspect(Enum.at(r, -1))
IO.inspect(Enum.slice(r, 1, 3))
IO.inspect(Enum.reverse(r))
IO.inspect(Enum.take_every(r, 3))
IO.inspect(Enum.zip(r, 1..10))
IO.inspect(Enum.reduce_while(r, 0, fn d, acc -> if d.month == 3, do: {:halt, acc}, else: {:cont, acc + 1} end))
IO.inspect(Stream.map(r, &Date.day_of_week/1) |> Enum.take(3))
IO.inspect(for d <- r, Date.day_of_week(d) in [6, 7], do: Date.to_string(d))
IO.inspect(Enum.into(Date.range(~D[2024-01-01], ~D[2024-01-03]), MapSet.new()))

down = Date.range(~D[2024-01-10], ~D[2024-01-01], -3)
IO.inspect(down)
IO.inspect(Enum.to_list(down))
IO.inspect({Enum.count(down), ~D[2024-01-04] in down, ~D[2024-01-05] in down})

empty = Date.range(~D[2024-01-10], ~D[2024-01-01], 1)
IO.inspect(empty)
IO.inspect({Enum.to_list(empty), Enum.count(empty), Enum.empty?(empty), ~D[2024-01-05] in empty})

single = Date.range(~D[2024-01-01], ~D[2024-01-01])
IO.inspect({single, Enum.to_list(single)})

years = Date.range(~D[1999-12-30], ~D[2001-01-02], 100)
IO.inspect(Enum.to_list(years))
IO.inspect(Enum.count(Date.range(~D[0000-01-01], ~D[9999-12-31])))

IO.inspect(Date.range(~D[2024-01-01], ~D[2024-01-31], 7) == Date.range(~D[2024-01-01], ~D[2024-01-31], 7))
IO.inspect(Date.range(~D[2024-01-01], ~D[2024-01-31]) == Date.range(~D[2024-01-01], ~D[2024-01-31], 2))
IO.inspect(inspect(Date.range(~D[2024-01-01], ~D[2024-01-31], 2)))
IO.puts("#{inspect(r)} has #{Enum.count(r)} days")

# a week-by-week calendar of a month
month = Date.range(Date.beginning_of_week(~D[2024-03-01]), Date.end_of_week(~D[2024-03-31]))
month
|> Enum.chunk_every(7)
|> Enum.each(fn week ->
  week
  |> Enum.map(fn d -> if d.month == 3, do: String.pad_leading("#{d.day}", 2), else: " ." end)
  |> Enum.join(" ")
  |> IO.puts()
end)

for f <- [
      fn -> Date.range(~D[2024-01-01], ~D[2024-02-01], 0) end,
      fn -> Date.range(~D[2024-01-01], ~N[2024-02-01 00:00:00]) end,
      fn -> Date.range(~D[2024-01-01], :tomorrow) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
