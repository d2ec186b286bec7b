# Unix time in every unit, its limits, and the clocks (checked only
# through relations that always hold).
for {n, unit} <- [{0, :second}, {-1, :second}, {1_700_000_000_123, :millisecond},
                  {1_700_000_000_123_456, :microsecond}, {1_700_000_000_123_456_789, :nanosecond},
                  {1_700_000_000_123_456_789, :native}, {17_000_000_001, 10}, {-15, 100},
                  {253_402_300_799, :second}, {253_402_300_800, :second},
                  {-377_705_116_800, :second}, {-377_705_116_801, :second}] do
  IO.inspect({n, unit, DateTime.from_unix(n, unit)})
end

u = ~U[2024-02-29 12:34:56.789012Z]
IO.inspect(Enum.map([:second, :millisecond, :microsecond, :nanosecond, 1000, 7], &DateTime.to_unix(u, &1)))
IO.inspect(DateTime.to_unix(~U[1969-12-31 23:59:59.999Z], :millisecond))
IO.inspect(DateTime.to_unix(~U[-0001-01-01 00:00:00Z]))
IO.inspect(DateTime.from_unix!(DateTime.to_unix(u, :microsecond), :microsecond) == u)
IO.inspect(Calendar.ISO.from_unix(86_399, :second))
IO.inspect(Calendar.ISO.iso_days_to_unit({719_528, {0, 86_400_000_000}}, :second))
IO.inspect(Calendar.ISO.gregorian_seconds_to_iso_days(86_401, 5))
IO.inspect(Calendar.ISO.add_day_fraction_to_iso_days({0, {0, 86_400}}, -1, 86_400))
IO.inspect(Calendar.ISO.add_day_fraction_to_iso_days({5, {1, 10}}, 3, 4))
IO.inspect(Calendar.ISO.naive_datetime_to_iso_days(2024, 1, 1, 12, 0, 0, {0, 0}))
IO.inspect(Calendar.ISO.naive_datetime_from_iso_days({739_251, {1, 2}}))
IO.inspect(Calendar.ISO.time_from_day_fraction({1, 3}))
IO.inspect(Calendar.ISO.time_to_day_fraction(0, 0, 0, {0, 3}))
IO.inspect({Calendar.ISO.valid_date?(2024, 2, 30), Calendar.ISO.valid_time?(23, 59, 59, {999_999, 6})})
IO.inspect(Calendar.ISO.day_rollover_relative_to_midnight_utc())
IO.inspect(Calendar.compatible_calendars?(Calendar.ISO, Calendar.ISO))
IO.inspect(Enum.map([:microsecond, :millisecond, :second], &Calendar.truncate({123_456, 6}, &1)))

# the clocks
now = DateTime.utc_now()
naive = NaiveDateTime.utc_now()
today = Date.utc_today()
time = Time.utc_now()
local = NaiveDateTime.local_now()
IO.inspect({now.time_zone, now.zone_abbr, now.utc_offset, now.std_offset, now.microsecond |> elem(1)})
IO.inspect(local.microsecond)
IO.inspect(naive.year >= 2024 and today.year >= 2024 and now.year >= 2024)
IO.inspect(DateTime.diff(DateTime.utc_now(), now, :microsecond) >= 0)
IO.inspect(abs(NaiveDateTime.diff(naive, DateTime.to_naive(now))) <= 5)
IO.inspect(Date.diff(today, DateTime.to_date(now)) in [0, 1])
IO.inspect(Date.compare(Date.utc_today(), today) != :lt)
IO.inspect(match?(%Time{calendar: Calendar.ISO, microsecond: {_, 6}}, time))
IO.inspect(abs(DateTime.to_unix(now) - System.os_time(:second)) <= 5)
IO.inspect(abs(NaiveDateTime.diff(local, naive, :hour)) <= 14)
{:ok, now2} = DateTime.now("Etc/UTC")
IO.inspect(DateTime.compare(now2, now) != :lt)
IO.inspect(DateTime.utc_now(Calendar.ISO).calendar)

for f <- [
      fn -> DateTime.from_unix(1.5) end,
      fn -> DateTime.from_unix(1, :fortnight) end,
      fn -> DateTime.from_unix(1, -5) end,
      fn -> DateTime.from_unix!(253_402_300_800) end,
      fn -> DateTime.to_unix(~U[2024-01-01 00:00:00Z], :hour) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
