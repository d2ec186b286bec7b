# A program's own calendar: the Holocene calendar (the ISO year plus
# 10000). Date, Time, NaiveDateTime and DateTime work through its module:
# sigils naming it, conversion, arithmetic, inspect and to_string.
defmodule Holocene do
  def date_to_string(year, month, day), do: "#{year}-#{pad(month)}-#{pad(day)} HE"
  def time_to_string(h, m, s, _us), do: "#{pad(h)}h#{pad(m)}m#{pad(s)}s"
  def naive_datetime_to_string(y, mo, d, h, mi, s, us),
    do: date_to_string(y, mo, d) <> " " <> time_to_string(h, mi, s, us)
  def datetime_to_string(y, mo, d, h, mi, s, us, zone, _abbr, _utc, _std),
    do: naive_datetime_to_string(y, mo, d, h, mi, s, us) <> " " <> zone

  defp pad(n), do: String.pad_leading(Integer.to_string(n), 2, "0")

  def parse_date(string) do
    case Calendar.ISO.parse_date(string) do
      {:ok, {y, m, d}} -> {:ok, {y + 10_000, m, d}}
      error -> error
    end
  end

  def parse_time(string), do: Calendar.ISO.parse_time(string)

  def parse_naive_datetime(string) do
    case Calendar.ISO.parse_naive_datetime(string) do
      {:ok, {y, mo, d, h, mi, s, us}} -> {:ok, {y + 10_000, mo, d, h, mi, s, us}}
      error -> error
    end
  end

  def parse_utc_datetime(string) do
    case Calendar.ISO.parse_utc_datetime(string) do
      {:ok, {y, mo, d, h, mi, s, us}, offset} -> {:ok, {y + 10_000, mo, d, h, mi, s, us}, offset}
      error -> error
    end
  end

  def valid_date?(y, m, d), do: Calendar.ISO.valid_date?(y - 10_000, m, d)
  def valid_time?(h, m, s, us), do: Calendar.ISO.valid_time?(h, m, s, us)
  def leap_year?(y), do: Calendar.ISO.leap_year?(y - 10_000)
  def days_in_month(y, m), do: Calendar.ISO.days_in_month(y - 10_000, m)
  def months_in_year(_), do: 12
  def day_of_week(y, m, d, starting_on), do: Calendar.ISO.day_of_week(y - 10_000, m, d, starting_on)
  def day_of_year(y, m, d), do: Calendar.ISO.day_of_year(y - 10_000, m, d)
  def quarter_of_year(y, m, d), do: Calendar.ISO.quarter_of_year(y - 10_000, m, d)
  def year_of_era(y), do: {y, 1}
  def day_of_era(y, m, d), do: Calendar.ISO.day_of_era(y - 10_000, m, d)
  def day_rollover_relative_to_midnight_utc, do: {0, 1}

  def naive_datetime_to_iso_days(y, mo, d, h, mi, s, us),
    do: Calendar.ISO.naive_datetime_to_iso_days(y - 10_000, mo, d, h, mi, s, us)

  def naive_datetime_from_iso_days(iso_days) do
    {y, mo, d, h, mi, s, us} = Calendar.ISO.naive_datetime_from_iso_days(iso_days)
    {y + 10_000, mo, d, h, mi, s, us}
  end

  def time_to_day_fraction(h, m, s, us), do: Calendar.ISO.time_to_day_fraction(h, m, s, us)
  def time_from_day_fraction(f), do: Calendar.ISO.time_from_day_fraction(f)
end

# A sigil naming a calendar is read when its code is compiled: in a
# module compiled after the calendar's.
defmodule Demo do
  def run do
    d = ~D[2024-02-29 Holocene]
    IO.inspect(d)
    IO.inspect(d.year)
    IO.puts(d)
    IO.puts("interpolated: #{d}")
    IO.inspect(Date.convert!(d, Calendar.ISO))
    IO.inspect(Date.convert!(~D[2024-02-29], Holocene))
    IO.inspect(Date.add(d, 1))
    IO.inspect(Date.diff(d, ~D[2024-01-01]))
    IO.inspect(Date.compare(d, ~D[2024-03-01]))
    IO.inspect({Date.day_of_week(d), Date.day_of_year(d), Date.leap_year?(d), Date.year_of_era(d)})
    IO.inspect({Date.beginning_of_week(d), Date.end_of_month(d)})
    IO.inspect(Date.new(12_024, 2, 30, Holocene))
    IO.inspect(Date.to_iso8601(d))
    IO.inspect(Date.range(d, Date.add(d, 2)))
    IO.inspect(Enum.to_list(Date.range(d, Date.add(d, 2))))
    IO.inspect([~T[10:20:30 Holocene], ~N[2024-02-29 10:20:30 Holocene], ~U[2024-02-29 10:20:30Z Holocene]])
    IO.puts("#{~T[10:20:30 Holocene]} / #{~N[2024-02-29 10:20:30 Holocene]}")
    IO.inspect(NaiveDateTime.add(~N[2024-12-31 23:59:59 Holocene], 1))
    IO.inspect(DateTime.to_unix(~U[1970-01-02 00:00:00Z Holocene]))
    IO.inspect(DateTime.from_unix!(86_400, :second, Holocene))
    IO.inspect(Time.convert!(~T[10:00:00.5], Holocene))
    IO.inspect(Calendar.strftime(d, "%Y/%m/%d %A"))

    try do
      Date.from_iso8601!("2024-02-30", Holocene)
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end
  end
end

Demo.run()
