# ISO 8601 parsing and printing: extended and basic formats, fractions,
# offsets, signs, and every error reason.
for s <- ["2024-02-29", "-2024-02-29", "+2024-02-29", "2024-02-30", "20240229", "2024-2-29",
          "2024-02-29T00:00:00", " 2024-02-29", "", "99999-01-01", "2024/02/29"] do
  IO.inspect({s, Date.from_iso8601(s)})
end

IO.inspect(Date.from_iso8601("20240229", Calendar.ISO))
IO.inspect(Calendar.ISO.parse_date("20240229", :basic))
IO.inspect(Calendar.ISO.parse_date("2024-02-29", :basic))
IO.inspect(Date.to_iso8601(~D[2024-02-29], :basic))
IO.inspect(Date.to_iso8601(~D[-0010-01-01]))
IO.inspect(Date.from_iso8601!("0000-01-01"))

for s <- ["10:20:30", "T10:20:30", "10:20:30.1", "10:20:30,123456789", "10:20:30.", "10:20",
          "10:20:30Z", "10:20:30+01:00", "10:20:30-0130", "10:20:30+01", "10:20:30-00:00",
          "10:20:30+24:00", "10:20:30+01:60", "24:00:00", "10:60:00", "10:20:60", "102030",
          "10:20:30.5Zjunk"] do
  IO.inspect({s, Time.from_iso8601(s)})
end

IO.inspect(Calendar.ISO.parse_time("102030.25", :basic))
IO.inspect(Time.to_iso8601(~T[10:20:30.250], :basic))
IO.inspect(Time.to_iso8601(~T[10:20:30.000001]))

for s <- ["2024-02-29 10:20:30", "2024-02-29T10:20:30.5", "2024-02-29t10:20:30",
          "2024-02-29T10:20:30Z", "2024-02-29T10:20:30+05:00", "2024-02-30T10:20:30",
          "2024-02-29T25:20:30", "2024-02-29", "20240229T102030", "-0001-12-31 23:59:59"] do
  IO.inspect({s, NaiveDateTime.from_iso8601(s)})
end

IO.inspect(NaiveDateTime.from_iso8601("20240229T102030", Calendar.ISO))
IO.inspect(Calendar.ISO.parse_naive_datetime("20240229 102030.5", :basic))
IO.inspect(NaiveDateTime.to_iso8601(~N[2024-02-29 10:20:30.5], :basic))

for s <- ["2024-02-29T10:20:30Z", "2024-02-29 10:20:30.123+00:00", "2024-03-01T01:00:00+02:00",
          "2024-12-31T23:30:00-01:00", "2024-02-29T10:20:30", "2024-02-29T10:20:30-00:00",
          "2024-02-30T10:20:30Z", "2024-02-29T10:20:61Z", "2024-02-29T10:20:30+2:00",
          "0000-01-01T00:30:00+01:00"] do
  IO.inspect({s, DateTime.from_iso8601(s)})
end

IO.inspect(DateTime.from_iso8601("20240229T102030Z", :basic))
IO.inspect(DateTime.from_iso8601("20240229T102030+0100", Calendar.ISO, :basic))
IO.inspect(Calendar.ISO.parse_utc_datetime("2024-02-29T10:20:30+01:30"))

u = ~U[2024-02-29 10:20:30.123Z]
IO.inspect(DateTime.to_iso8601(u))
IO.inspect(DateTime.to_iso8601(u, :basic))
IO.inspect(DateTime.to_iso8601(u, :extended, 0))
IO.inspect(DateTime.to_iso8601(u, :extended, 3600))
IO.inspect(DateTime.to_iso8601(u, :basic, -19_800))

paris = %DateTime{
  year: 2024, month: 7, day: 14, hour: 22, minute: 0, second: 0,
  microsecond: {0, 0}, time_zone: "Europe/Paris", zone_abbr: "CEST",
  utc_offset: 3600, std_offset: 3600
}
IO.inspect(DateTime.to_iso8601(paris))
IO.inspect(DateTime.to_iso8601(paris, :extended, 0))
IO.inspect(DateTime.to_string(paris))
IO.inspect(DateTime.to_unix(paris))
IO.inspect(DateTime.compare(paris, ~U[2024-07-14 20:00:00Z]))
IO.inspect(DateTime.diff(paris, ~U[2024-07-14 19:00:00Z], :minute))
IO.inspect(DateTime.to_naive(paris))

IO.inspect(Calendar.ISO.date_to_string(2024, 1, 2, :basic))
IO.inspect(Calendar.ISO.time_to_string(1, 2, 3, {4, 2}))
IO.inspect(Calendar.ISO.naive_datetime_to_string(2024, 1, 2, 3, 4, 5, {6, 1}))
IO.inspect(Calendar.ISO.datetime_to_string(2024, 1, 2, 3, 4, 5, {0, 0}, "Etc/UTC", "UTC", 0, 0))
IO.inspect(Calendar.ISO.datetime_to_string(2024, 1, 2, 3, 4, 5, {0, 0}, "X/Y", "XY", -3600, 0, :basic))

for f <- [
      fn -> Date.from_iso8601!("2024-02-30") end,
      fn -> Time.from_iso8601!("nope") end,
      fn -> NaiveDateTime.from_iso8601!("2024-01-01T10:00:00.") end,
      fn -> Date.from_iso8601(20_240_229) end,
      fn -> Calendar.ISO.parse_date("2024-01-01", :compact) end,
      fn -> Date.to_iso8601(~D[2024-01-01], :compact) end,
      fn -> Calendar.ISO.time_to_string(24, 0, 0, {0, 0}) end,
      fn -> Calendar.ISO.date_to_string(2024, 1, nil) end,
      fn -> Calendar.ISO.datetime_to_string(2024, 1, 2, 3, 4, 5, {0, 0}, :utc, "UTC", 0, 0) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
