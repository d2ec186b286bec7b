# Calendar.ISO as Elixir 1.14 has it: the proleptic Gregorian calendar of
# the years -9999..9999, its facts (leap years, month lengths, weekdays,
# eras), its time of day as a fraction of the day, and the iso-days
# arithmetic the other calendar modules build on. The parsers, the string
# forms and the day count are natives (calendar_iso.rs); not here either:
# the structs (Date, Time, NaiveDateTime, DateTime).
defmodule Calendar.ISO do
  @unix_epoch 62_167_219_200
  @unix_start -377_705_116_800_000_000
  @unix_end 253_402_300_799_999_999

  @seconds_per_minute 60
  @seconds_per_hour 3600
  @seconds_per_day 86400
  @last_second_of_the_day 86399
  @microseconds_per_second 1_000_000
  @parts_per_day 86_400_000_000
  @days_per_nonleap_year 365
  @iso_epoch 366

  defguardp is_year(year) when year in -9999..9999
  defguardp is_year_BCE(year) when year in -9999..0
  defguardp is_year_CE(year) when year in 1..9999
  defguardp is_month(month) when month in 1..12
  defguardp is_day(day) when day in 1..31
  defguardp is_hour(hour) when hour in 0..23
  defguardp is_minute(minute) when minute in 0..59
  defguardp is_second(second) when second in 0..59

  defguardp is_microsecond(microsecond, precision)
            when microsecond in 0..999_999 and precision in 0..6

  def naive_datetime_to_iso_days(year, month, day, hour, minute, second, microsecond) do
    {Calendar.ISO.date_to_iso_days(year, month, day), time_to_day_fraction(hour, minute, second, microsecond)}
  end

  def naive_datetime_from_iso_days({days, day_fraction}) do
    {year, month, day} = Calendar.ISO.date_from_iso_days(days)
    {hour, minute, second, microsecond} = time_from_day_fraction(day_fraction)
    {year, month, day, hour, minute, second, microsecond}
  end

  def time_to_day_fraction(0, 0, 0, {0, _}), do: {0, @parts_per_day}

  def time_to_day_fraction(hour, minute, second, {microsecond, _}) do
    combined_seconds = hour * @seconds_per_hour + minute * @seconds_per_minute + second
    {combined_seconds * @microseconds_per_second + microsecond, @parts_per_day}
  end

  def time_from_day_fraction({0, _}), do: {0, 0, 0, {0, 6}}

  def time_from_day_fraction({parts_in_day, parts_per_day}) do
    total_microseconds = divide_by_parts_per_day(parts_in_day, parts_per_day)

    {hours, rest_microseconds1} =
      div_rem(total_microseconds, @seconds_per_hour * @microseconds_per_second)

    {minutes, rest_microseconds2} =
      div_rem(rest_microseconds1, @seconds_per_minute * @microseconds_per_second)

    {seconds, microseconds} = div_rem(rest_microseconds2, @microseconds_per_second)
    {hours, minutes, seconds, {microseconds, 6}}
  end

  defp divide_by_parts_per_day(parts_in_day, @parts_per_day), do: parts_in_day

  defp divide_by_parts_per_day(parts_in_day, parts_per_day),
    do: div(parts_in_day * @parts_per_day, parts_per_day)

  defp div_rem(int1, int2) do
    div = div(int1, int2)
    rem = int1 - div * int2
    if rem >= 0, do: {div, rem}, else: {div - 1, rem + int2}
  end

  def days_in_month(year, month) when is_year(year) and is_month(month) do
    days_in_month_guarded(year, month)
  end

  defp days_in_month_guarded(year, 2), do: if(leap_year?(year), do: 29, else: 28)
  defp days_in_month_guarded(_, month) when month in [4, 6, 9, 11], do: 30
  defp days_in_month_guarded(_, _), do: 31

  def months_in_year(year) when is_year(year), do: 12

  def leap_year?(year) when is_year(year) do
    rem(year, 4) === 0 and (rem(year, 100) !== 0 or rem(year, 400) === 0)
  end

  def day_of_week(year, month, day), do: elem(day_of_week(year, month, day, :default), 0)

  def day_of_week(year, month, day, starting_on) do
    iso_days = Calendar.ISO.date_to_iso_days(year, month, day)
    {iso_days_to_day_of_week(iso_days, starting_on), 1, 7}
  end

  def iso_days_to_day_of_week(iso_days, starting_on) do
    Integer.mod(iso_days + day_of_week_offset(starting_on), 7) + 1
  end

  defp day_of_week_offset(:default), do: 5
  defp day_of_week_offset(:wednesday), do: 3
  defp day_of_week_offset(:thursday), do: 2
  defp day_of_week_offset(:friday), do: 1
  defp day_of_week_offset(:saturday), do: 0
  defp day_of_week_offset(:sunday), do: 6
  defp day_of_week_offset(:monday), do: 5
  defp day_of_week_offset(:tuesday), do: 4

  def day_of_year(year, month, day) do
    ensure_day_in_month!(year, month, day)
    days_before_month(month) + leap_day_offset(year, month) + day
  end

  def quarter_of_year(year, month, day)
      when is_year(year) and is_month(month) and is_day(day) do
    div(month - 1, 3) + 1
  end

  def year_of_era(year) when is_year_CE(year), do: {year, 1}
  def year_of_era(year) when is_year_BCE(year), do: {abs(year) + 1, 0}

  def year_of_era(year, _month, _day), do: year_of_era(year)

  def day_of_era(year, month, day) when is_year_CE(year) do
    {Calendar.ISO.date_to_iso_days(year, month, day) - @iso_epoch + 1, 1}
  end

  def day_of_era(year, month, day) when is_year_BCE(year) do
    {abs(Calendar.ISO.date_to_iso_days(year, month, day) - @iso_epoch), 0}
  end

  def valid_date?(year, month, day)
      when is_integer(year) and is_integer(month) and is_integer(day) do
    is_year(year) and is_month(month) and day in 1..days_in_month(year, month)
  end

  def valid_time?(hour, minute, second, {ms_value, ms_precision})
      when is_integer(hour) and is_integer(minute) and is_integer(second) and
             is_integer(ms_value) do
    is_hour(hour) and is_minute(minute) and is_second(second) and
      is_microsecond(ms_value, ms_precision)
  end

  def day_rollover_relative_to_midnight_utc, do: {0, 1}

  def from_unix(integer, unit) when is_integer(integer) do
    total = :phial_calendar.convert_time_unit(integer, unit, :microsecond)

    if total >= @unix_start and total <= @unix_end do
      microseconds = Integer.mod(total, @microseconds_per_second)
      seconds = @unix_epoch + Integer.floor_div(total, @microseconds_per_second)
      precision = precision_for_unit(unit)
      {date, time} = iso_seconds_to_datetime(seconds)
      {:ok, date, time, {microseconds, precision}}
    else
      {:error, :invalid_unix_time}
    end
  end

  defp precision_for_unit(unit) do
    case :phial_calendar.convert_time_unit(1, :second, unit) do
      1 -> 0
      10 -> 1
      100 -> 2
      1_000 -> 3
      10_000 -> 4
      100_000 -> 5
      _ -> 6
    end
  end

  def gregorian_seconds_to_iso_days(seconds, microsecond) do
    {days, rest_seconds} = div_rem(seconds, @seconds_per_day)
    microseconds_in_day = rest_seconds * @microseconds_per_second + microsecond
    {days, {microseconds_in_day, @parts_per_day}}
  end

  def iso_days_to_unit({days, {parts, ppd}}, unit) do
    day_microseconds = days * @parts_per_day
    microseconds = divide_by_parts_per_day(parts, ppd)
    :phial_calendar.convert_time_unit(day_microseconds + microseconds, :microsecond, unit)
  end

  def add_day_fraction_to_iso_days({days, {parts, ppd}}, add, ppd) do
    normalize_iso_days(days, parts + add, ppd)
  end

  def add_day_fraction_to_iso_days({days, {parts, ppd}}, add, add_ppd) do
    parts = parts * add_ppd
    add = add * ppd
    gcd = Integer.gcd(ppd, add_ppd)
    result_parts = div(parts + add, gcd)
    result_ppd = div(ppd * add_ppd, gcd)
    normalize_iso_days(days, result_parts, result_ppd)
  end

  defp normalize_iso_days(days, parts, ppd) do
    days_offset = div(parts, ppd)
    parts = rem(parts, ppd)

    if parts < 0 do
      {days + days_offset - 1, {parts + ppd, ppd}}
    else
      {days + days_offset, {parts, ppd}}
    end
  end

  defp days_before_month(1), do: 0
  defp days_before_month(2), do: 31
  defp days_before_month(3), do: 59
  defp days_before_month(4), do: 90
  defp days_before_month(5), do: 120
  defp days_before_month(6), do: 151
  defp days_before_month(7), do: 181
  defp days_before_month(8), do: 212
  defp days_before_month(9), do: 243
  defp days_before_month(10), do: 273
  defp days_before_month(11), do: 304
  defp days_before_month(12), do: 334

  defp leap_day_offset(_year, month) when month < 3, do: 0
  defp leap_day_offset(year, _month), do: if(leap_year?(year), do: 1, else: 0)

  defp iso_seconds_to_datetime(seconds) do
    {days, rest_seconds} = div_rem(seconds, @seconds_per_day)
    {Calendar.ISO.date_from_iso_days(days), seconds_to_time(rest_seconds)}
  end

  defp seconds_to_time(seconds) when seconds in 0..@last_second_of_the_day do
    {hour, rest_seconds} = div_rem(seconds, @seconds_per_hour)
    {minute, second} = div_rem(rest_seconds, @seconds_per_minute)
    {hour, minute, second}
  end

  defp ensure_day_in_month!(year, month, day) when is_integer(day) do
    if day < 1 or day > days_in_month(year, month) do
      raise ArgumentError, "invalid date: #{Calendar.ISO.date_to_string(year, month, day)}"
    end
  end
end
