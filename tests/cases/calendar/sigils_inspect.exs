# The calendar sigils, the inspect forms (in lists, maps, tuples, with
# limits and structs: false), interpolation and to_string.
dates = [~D[2024-01-31], ~D[-0044-03-15], ~D[0001-01-01], ~D[9999-12-31]]
IO.inspect(dates)
IO.inspect([~T[00:00:00], ~T[23:59:59.999999], ~T[12:30:00.1], ~T[01:02:03.000]])
IO.inspect([~N[2024-01-31 10:00:00], ~N[2024-01-31T10:00:00.123456], ~N[2024-01-31 10:00:00,5]])
IO.inspect([~U[2024-01-31 10:00:00Z], ~U[2024-01-31T10:00:00.5+00:00], ~U[2024-01-31 10:00:00.000Z]])
IO.inspect(~T[T10:20:30])
IO.inspect(~D(2024-05-06))
IO.inspect(~D{2024-05-06})
IO.inspect(~N<2024-05-06 01:02:03>)
IO.inspect(~U|2024-05-06 01:02:03Z|)

IO.inspect(%{~D[2024-01-02] => :a, ~D[2023-12-31] => :b, ~D[2024-01-01] => :c})
IO.inspect({~T[10:00:00], [nested: ~N[2024-01-01 00:00:00]]})
IO.inspect(~D[2024-01-31], structs: false)
IO.inspect(~U[2024-01-31 10:00:00Z], structs: false)
IO.inspect(Date.range(~D[2024-01-01], ~D[2024-01-03]), structs: false)
IO.inspect(Enum.to_list(Date.range(~D[2024-01-01], ~D[2024-03-01])), limit: 3)
IO.puts(inspect(~N[2024-01-31 10:00:00.100]))

# maps that are not quite the structs
IO.inspect(Map.put(~D[2024-01-31], :extra, 1))
IO.inspect(%{~D[2024-01-31] | day: 30})
IO.inspect(%{~T[10:00:00] | microsecond: {5000, 4}})
IO.inspect(%DateTime{
  year: 2024, month: 6, day: 1, hour: 14, minute: 30, second: 0,
  microsecond: {0, 0}, time_zone: "Europe/Paris", zone_abbr: "CEST",
  utc_offset: 3600, std_offset: 3600
})
IO.inspect(%DateTime{
  year: 2024, month: 6, day: 1, hour: 9, minute: 0, second: 0,
  microsecond: {120, 6}, time_zone: "America/Caracas", zone_abbr: "-0430",
  utc_offset: -16_200, std_offset: 0
})
IO.inspect(%Date{year: 2024, month: 2, day: 3})
IO.inspect(%Time{hour: 1, minute: 2, second: 3})
IO.inspect(%NaiveDateTime{year: 1, month: 2, day: 3, hour: 4, minute: 5, second: 6})

# printing
d = ~D[2024-02-29]
t = ~T[08:05:03.25]
n = ~N[2024-02-29 08:05:03]
u = ~U[2024-02-29 08:05:03.000001Z]
IO.puts("#{d} | #{t} | #{n} | #{u}")
IO.puts([to_string(d), " ", Date.to_string(d), " ", String.Chars.to_string(t)])
IO.puts(Enum.join([d, t, n, u], ", "))
IO.inspect({Time.to_string(t), NaiveDateTime.to_string(n), DateTime.to_string(u)})
IO.puts(%DateTime{
  year: 2024, month: 6, day: 1, hour: 14, minute: 30, second: 0,
  microsecond: {0, 0}, time_zone: "Europe/Paris", zone_abbr: "CEST",
  utc_offset: 3600, std_offset: 3600
})

# sigils are plain values: compare, match, use as keys
~D[2024-02-29] = d
%{year: y, month: m} = d
IO.inspect({y, m, d == ~D[2024-02-29], d === Date.new!(2024, 2, 29)})
IO.inspect(u.microsecond)

case Map.put(d, :note, "leap") do
  ~D[2024-02-29] -> IO.puts("a sigil pattern matches the struct's keys")
end

case ~T[10:00:00.5] do
  ~T[10:00:00] -> IO.puts("wrong")
  ~T[10:00:00.5] -> IO.puts("precision and value both match")
end

f = fn
  ~U[2024-01-01 00:00:00Z] -> :new_year
  %DateTime{} -> :other
end

IO.inspect({f.(~U[2024-01-01 00:00:00Z]), f.(~U[2024-01-01 00:00:01Z])})
