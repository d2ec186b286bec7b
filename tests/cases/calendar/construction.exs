# Building dates and times: new/new!, from_erl/to_erl, gregorian days and
# seconds, seconds after midnight, and the errors of each.
IO.inspect(Date.new(2024, 2, 29))
IO.inspect(Date.new(2023, 2, 29))
IO.inspect(Date.new(10_000, 1, 1))
IO.inspect(Date.new(-44, 3, 15))
IO.inspect(Date.new(0, 1, 1))
IO.inspect(Date.from_erl({2020, 12, 31}))
IO.inspect(Date.from_erl({2020, 13, 31}))
IO.inspect(Date.from_erl!({1, 1, 1}))
IO.inspect(Date.to_erl(~D[1999-12-31]))
IO.inspect(Date.from_gregorian_days(0))
IO.inspect(Date.from_gregorian_days(738_000))
IO.inspect(Date.to_gregorian_days(~D[2024-01-01]))
IO.inspect(Date.to_iso_days(~D[2024-01-01]))
IO.inspect(Date.utc_today() |> is_struct(Date))

IO.inspect(Time.new(23, 59, 59, 999_999))
IO.inspect(Time.new(0, 0, 0, {5, 2}))
IO.inspect(Time.new(12, 0, 60))
IO.inspect(Time.new(12, 0, 0, {1_000_000, 6}))
IO.inspect(Time.new(12, 0, 0, {0, 7}))
IO.inspect(Time.from_erl({23, 0, 7}, {123, 3}))
IO.inspect(Time.from_erl!({1, 2, 3}, 42))
IO.inspect(Time.to_erl(~T[01:02:03.456]))
IO.inspect(Time.from_seconds_after_midnight(-1))
IO.inspect(Time.from_seconds_after_midnight(86_400 * 3 + 61, {7, 1}))
IO.inspect(Time.to_seconds_after_midnight(~T[23:59:59.999999]))

IO.inspect(NaiveDateTime.new(2024, 1, 1, 0, 0, 0, 5))
IO.inspect(NaiveDateTime.new(2024, 1, 1, 24, 0, 0))
IO.inspect(NaiveDateTime.new!(~D[2000-02-29], ~T[23:59:59.5]))
IO.inspect(NaiveDateTime.from_erl({{2000, 1, 1}, {13, 30, 15}}, {5000, 3}))
IO.inspect(NaiveDateTime.from_erl({{2000, 2, 30}, {13, 30, 15}}))
IO.inspect(NaiveDateTime.from_gregorian_seconds(63_000_000_000))
IO.inspect(NaiveDateTime.from_gregorian_seconds(1, {5, 6}))
IO.inspect(NaiveDateTime.to_gregorian_seconds(~N[2024-03-01 10:00:00.25]))

IO.inspect(DateTime.new(~D[2024-01-01], ~T[10:00:00]))
IO.inspect(DateTime.new!(~D[2024-01-01], ~T[10:00:00.123]))
IO.inspect(DateTime.new(~D[2024-01-01], ~T[10:00:00], "America/Chicago"))
IO.inspect(DateTime.from_naive(~N[2024-01-01 10:00:00], "Europe/Berlin"))
IO.inspect(DateTime.from_gregorian_seconds(63_871_000_000))
IO.inspect(DateTime.to_gregorian_seconds(~U[2024-01-01 00:00:00.5Z]))
IO.inspect(DateTime.shift_zone(~U[2024-01-01 00:00:00Z], "Etc/UTC"))
IO.inspect(DateTime.shift_zone(~U[2024-01-01 00:00:00Z], "Asia/Tokyo"))
IO.inspect(DateTime.now("Etc/UTC") |> elem(0))
IO.inspect(DateTime.now("Europe/London"))
IO.inspect(Calendar.get_time_zone_database())

errors = [
  fn -> Date.new!(2023, 2, 29) end,
  fn -> Date.from_erl!({2023, 4, 31}) end,
  fn -> Time.new!(24, 0, 0) end,
  fn -> Time.from_erl!({1, 2, 60}) end,
  fn -> NaiveDateTime.new!(2024, 1, 1, 0, 60, 0) end,
  fn -> NaiveDateTime.from_erl!({{2024, 1, 1}, {0, 0, 61}}) end,
  fn -> DateTime.new!(~D[2024-01-01], ~T[00:00:00], "Europe/Paris") end,
  fn -> DateTime.from_naive!(~N[2024-01-01 00:00:00], "Europe/Paris") end,
  fn -> DateTime.shift_zone!(~U[2024-01-01 00:00:00Z], "Europe/Paris") end,
  fn -> DateTime.now!("Europe/Paris") end,
  fn -> DateTime.from_unix!(-377_705_116_801) end,
  fn -> Date.new(2024, 1, 1.0) end,
  fn -> Time.new(1, 2, 3.0) end,
  fn -> Date.from_gregorian_days(1.5) end,
  fn -> Date.add(~D[9999-12-31], 1) end,
  fn -> Date.to_erl(%{calendar: Calendar.ISO, year: 2024, month: 13, day: 1}) end
]

for f <- errors do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
