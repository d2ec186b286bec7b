# Calendar.strftime: every directive, padding and width modifiers, the
# preferred formats, every option, and its errors.
n = ~N[2024-03-05 00:07:09.012345]
u = ~U[2024-12-25 13:05:00.5Z]
d = ~D[0987-01-09]
t = ~T[12:00:00]

for f <- ~w(%a %A %b %B %c %d %f %H %I %j %m %M %p %P %q %S %u %x %X %y %Y %z %Z %%) do
  IO.puts("#{f} [#{Calendar.strftime(n, f)}] [#{Calendar.strftime(u, f)}]")
end

IO.puts(Calendar.strftime(d, "%Y|%y|%j|%-j|%3j|%_j|%A|%10A|%-10A|%_10a|%010B"))
IO.puts(Calendar.strftime(t, "%I %p %-I%P %H %-H %_H %4H %04M %-S"))
IO.puts(Calendar.strftime(~T[00:30:00], "%I:%M %p"))
IO.puts(Calendar.strftime(~T[23:59:59], "%I:%M:%S %p"))
IO.puts(Calendar.strftime(~T[10:00:00.1], "%f|%3f|%H"))
IO.puts(Calendar.strftime(~T[10:00:00], "%f"))
IO.puts(Calendar.strftime(u, "%z %5z %-z %_6z %Z %8Z"))
IO.puts(Calendar.strftime(n, "[%z] [%Z]"))
IO.puts(Calendar.strftime(n, "%20c|%-20x|%12X|%_12X"))
IO.puts(Calendar.strftime(n, "%c", preferred_datetime: "%d.%m.%Y %H:%M"))
IO.puts(Calendar.strftime(n, "%x / %X", preferred_date: "%y%m%d", preferred_time: "%H%M"))
IO.puts(Calendar.strftime(n, "%x", preferred_date: "%c"))
IO.puts(Calendar.strftime(n, "%a %b", abbreviated_day_of_week_names: &"d#{&1}", abbreviated_month_names: &"m#{&1}"))
IO.puts(Calendar.strftime(~T[15:00:00], "%p %P", am_pm_names: fn :am -> "vorm"; :pm -> "nachm" end))
IO.puts(Calendar.strftime(n, "%A, %d. %B", day_of_week_names: &Enum.at(~w(Mo Di Mi Do Fr Sa So), &1 - 1),
  month_names: &elem({"Jan", "Feb", "März"}, min(&1, 3) - 1)))
IO.puts(Calendar.strftime(n, "%6B|", month_names: fn _ -> "März" end))
IO.puts(Calendar.strftime(n, "literal text: ünïcödé ✓ 100%%"))
IO.puts(Calendar.strftime(%{year: 2024, month: 5, day: 17, hour: 8, minute: 3, second: 1}, "%Y-%m-%d %H:%M:%S"))
IO.puts(Calendar.strftime(n, ""))
IO.puts(Calendar.strftime(~D[-0044-03-15], "%Y %y %j"))

for f <- [
      fn -> Calendar.strftime(n, "%Q") end,
      fn -> Calendar.strftime(n, "%é") end,
      fn -> Calendar.strftime(n, "trailing %") end,
      fn -> Calendar.strftime(n, "%-") end,
      fn -> Calendar.strftime(n, "%c", preferred_datetime: "%c") end,
      fn -> Calendar.strftime(n, "%x", preferred_date: "%x") end,
      fn -> Calendar.strftime(n, "%X", preferred_time: "%X") end,
      fn -> Calendar.strftime(n, "%Y", locale: :de) end,
      fn -> Calendar.strftime(~D[2024-01-01], "%H") end,
      fn -> Calendar.strftime(~T[10:00:00], "%d") end,
      fn -> Calendar.strftime("2024-01-01", "%Y") end,
      fn -> Calendar.strftime(n, :iso) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
