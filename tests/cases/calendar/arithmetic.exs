# Arithmetic across month, year, leap-year and era boundaries: add, diff,
# compare, truncate, before?/after?-style checks, weeks and months.
for {d, n} <- [{~D[2024-01-31], 1}, {~D[2024-02-28], 1}, {~D[2023-02-28], 1}, {~D[2024-12-31], 1},
               {~D[2024-03-01], -1}, {~D[2000-02-28], 1}, {~D[1900-02-28], 1}, {~D[0001-01-01], -1},
               {~D[0000-01-01], -366}, {~D[2024-01-01], 146_097}, {~D[2024-06-15], -1_000_000}] do
  IO.inspect({d, n, Date.add(d, n)})
end

IO.inspect(Date.diff(~D[2025-03-01], ~D[2024-03-01]))
IO.inspect(Date.diff(~D[2024-03-01], ~D[2023-03-01]))
IO.inspect(Date.diff(~D[0001-01-01], ~D[-0001-01-01]))
IO.inspect(Enum.map([~D[2023-12-31], ~D[2024-01-01], ~D[2024-01-02]], &Date.compare(&1, ~D[2024-01-01])))
IO.inspect(Enum.map(1..7, &Date.day_of_week(Date.new!(2024, 1, &1))))
IO.inspect(Enum.map([:monday, :tuesday, :wednesday, :thursday, :friday, :saturday, :sunday],
  &Date.day_of_week(~D[2024-01-03], &1)))
IO.inspect(Enum.map([:monday, :sunday, :saturday], &Date.beginning_of_week(~D[2024-01-03], &1)))
IO.inspect(Enum.map([:monday, :sunday, :saturday], &Date.end_of_week(~D[2024-01-03], &1)))
IO.inspect({Date.beginning_of_week(~D[2024-01-01]), Date.end_of_week(~D[2023-12-31])})
IO.inspect(for y <- [1600, 1700, 2000, 2023, 2024, 2100, -4, -1], do: {y, Calendar.ISO.leap_year?(y)})
IO.inspect(Enum.map(1..12, &Calendar.ISO.days_in_month(2024, &1)))
IO.inspect(Enum.map([~D[2024-01-01], ~D[2024-03-31], ~D[2024-04-01], ~D[2024-12-31]], &Date.quarter_of_year/1))
IO.inspect(Enum.map([~D[2024-01-01], ~D[0001-01-01], ~D[0000-12-31], ~D[-0100-06-01]], &Date.year_of_era/1))
IO.inspect(Enum.map([~D[2024-01-01], ~D[0001-01-01], ~D[0000-12-31], ~D[-0001-01-01]], &Date.day_of_era/1))
IO.inspect(Enum.map([~D[2023-12-31], ~D[2024-12-31], ~D[2024-03-01]], &Date.day_of_year/1))
IO.inspect({Calendar.ISO.day_of_week(2024, 1, 1), Calendar.ISO.months_in_year(2024)})

# month arithmetic by hand, clamping the day
add_months = fn date, n ->
  total = date.year * 12 + date.month - 1 + n
  {y, m} = {div(total, 12), rem(total, 12) + 1}
  Date.new!(y, m, min(date.day, Calendar.ISO.days_in_month(y, m)))
end
IO.inspect(Enum.map(0..13, &add_months.(~D[2024-01-31], &1)))

t = ~T[23:59:59.999]
IO.inspect(Time.add(t, 1, :millisecond))
IO.inspect(Time.add(t, -86_400 * 2))
IO.inspect(Time.add(~T[00:00:00], -1, :microsecond))
IO.inspect(Time.add(~T[00:00:00.000], 1, :nanosecond))
IO.inspect(Time.add(~T[10:00:00], 2, :hour))
IO.inspect(Time.diff(~T[00:00:00], ~T[23:59:59.5], :microsecond))
IO.inspect(Time.diff(~T[12:00:00], ~T[11:00:00], 1000))
IO.inspect(Time.compare(~T[10:00:00.000001], ~T[10:00:00]))
IO.inspect(Enum.map([:microsecond, :millisecond, :second], &Time.truncate(~T[10:00:00.123456], &1)))
IO.inspect(Time.truncate(~T[10:00:00.1], :millisecond))

n = ~N[2024-02-28 23:59:59.9]
IO.inspect(NaiveDateTime.add(n, 1))
IO.inspect(NaiveDateTime.add(n, 100, :millisecond))
IO.inspect(NaiveDateTime.add(n, -59, :day))
IO.inspect(NaiveDateTime.add(~N[2023-12-31 23:00:00], 3600))
IO.inspect(NaiveDateTime.add(~N[2024-01-01 00:00:00], -1, :microsecond))
IO.inspect(NaiveDateTime.add(~N[2024-01-01 00:00:00], 1_500_000_000, :nanosecond))
IO.inspect(NaiveDateTime.diff(~N[2025-01-01 00:00:00], ~N[2024-01-01 00:00:00], :day))
IO.inspect(NaiveDateTime.diff(~N[2024-01-01 00:00:00], ~N[2024-01-01 00:00:00.5], :millisecond))
IO.inspect(NaiveDateTime.diff(~N[2024-01-01 00:00:00], ~N[2024-01-01 00:00:00.5]))
IO.inspect(NaiveDateTime.compare(~N[2024-01-01 00:00:00], ~N[2024-01-01 00:00:00.000]))
IO.inspect(NaiveDateTime.truncate(~N[2024-01-01 00:00:00.654321], :millisecond))

u = ~U[2024-12-31 23:59:59Z]
IO.inspect(DateTime.add(u, 1))
IO.inspect(DateTime.add(u, 1, :day))
IO.inspect(DateTime.add(u, -366, :day))
IO.inspect(DateTime.add(u, 90, :minute))
IO.inspect(DateTime.add(u, 1, :microsecond))
IO.inspect(DateTime.diff(~U[2025-01-01 00:00:00Z], u, :microsecond))
IO.inspect(DateTime.diff(~U[2024-01-01 00:00:00Z], ~U[2025-01-01 00:00:00Z], :day))
IO.inspect(DateTime.compare(~U[2024-01-01 00:00:00.1Z], ~U[2024-01-01 00:00:00.100000Z]))
IO.inspect(DateTime.truncate(~U[2024-01-01 00:00:00.987654Z], :second))

# ordering with the modules as sorters
times = [~N[2024-01-02 00:00:00], ~N[2023-12-31 23:59:59], ~N[2024-01-01 12:00:00]]
IO.inspect(Enum.sort(times, NaiveDateTime))
IO.inspect(Enum.sort(times, {:desc, NaiveDateTime}))
IO.inspect(Enum.sort(times, {:asc, NaiveDateTime}))
IO.inspect(Enum.min_max_by(times, & &1, NaiveDateTime))
IO.inspect(Enum.max([~T[10:00:00], ~T[09:00:00.999]], Time))
IO.inspect(Enum.sort_by([{"b", ~D[2024-01-02]}, {"a", ~D[2023-01-02]}], &elem(&1, 1), {:desc, Date}))

for f <- [
      fn -> Time.add(~T[10:00:00], 1.0) end,
      fn -> Time.add(~T[10:00:00], 1, :days) end,
      fn -> NaiveDateTime.add(~N[2024-01-01 00:00:00], 1, :week) end,
      fn -> DateTime.add(~U[2024-01-01 00:00:00Z], 1, :year) end,
      fn -> Date.diff(~D[2024-01-01], ~T[10:00:00]) end,
      fn -> Date.compare(~D[2024-01-01], ~N[2024-01-01 00:00:00]) end,
      fn -> Time.truncate(~T[10:00:00], :minute) end,
      fn -> Date.add(~D[2024-01-01], :one) end,
      fn -> Date.day_of_week(~D[2024-01-01], :someday) end,
      fn -> Date.range(~D[2024-01-01], ~D[2024-02-01], 1.5) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
