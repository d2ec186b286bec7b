# Inspect as a real protocol, so a program's structs can print themselves,
# with its built-in implementation. The printer (a native) handles every
# built-in type itself and hands a struct with its own implementation to
# :phial_inspect.render/1. Not here: Inspect.Opts, Inspect.Algebra (their
# own units).
defprotocol Inspect do
  @fallback_to_any true
  def inspect(term, opts)
end

defimpl Inspect, for: [Integer, Float, Atom, BitString, List, Tuple, Map, Function, PID, Reference, Any] do
  def inspect(term, opts), do: :phial.to_doc(term, opts)
end

# The calendar types in a calendar other than Calendar.ISO (the printer
# prints the ISO calendar's itself), as Elixir's implementations do.
defimpl Inspect, for: Date do
  def inspect(%{calendar: calendar, year: year, month: month, day: day}, _) do
    "~D[" <> calendar.date_to_string(year, month, day) <> suffix(calendar) <> "]"
  end

  defp suffix(Calendar.ISO), do: ""
  defp suffix(calendar), do: " " <> Kernel.inspect(calendar)
end

defimpl Inspect, for: Time do
  def inspect(time, _) do
    %{hour: hour, minute: minute, second: second, microsecond: microsecond, calendar: calendar} =
      time

    "~T[" <>
      calendar.time_to_string(hour, minute, second, microsecond) <> suffix(calendar) <> "]"
  end

  defp suffix(Calendar.ISO), do: ""
  defp suffix(calendar), do: " " <> Kernel.inspect(calendar)
end

defimpl Inspect, for: NaiveDateTime do
  def inspect(naive_datetime, _) do
    %{
      year: year,
      month: month,
      day: day,
      hour: hour,
      minute: minute,
      second: second,
      microsecond: microsecond,
      calendar: calendar
    } = naive_datetime

    formatted =
      calendar.naive_datetime_to_string(year, month, day, hour, minute, second, microsecond)

    "~N[" <> formatted <> suffix(calendar) <> "]"
  end

  defp suffix(Calendar.ISO), do: ""
  defp suffix(calendar), do: " " <> Kernel.inspect(calendar)
end

defimpl Inspect, for: DateTime do
  def inspect(datetime, _) do
    %{
      year: year,
      month: month,
      day: day,
      hour: hour,
      minute: minute,
      second: second,
      microsecond: microsecond,
      time_zone: time_zone,
      zone_abbr: zone_abbr,
      utc_offset: utc_offset,
      std_offset: std_offset,
      calendar: calendar
    } = datetime

    formatted =
      calendar.datetime_to_string(
        year,
        month,
        day,
        hour,
        minute,
        second,
        microsecond,
        time_zone,
        zone_abbr,
        utc_offset,
        std_offset
      )

    case datetime do
      %{utc_offset: 0, std_offset: 0, time_zone: "Etc/UTC"} ->
        "~U[" <> formatted <> suffix(calendar) <> "]"

      _ ->
        "#DateTime<" <> formatted <> suffix(calendar) <> ">"
    end
  end

  defp suffix(Calendar.ISO), do: ""
  defp suffix(calendar), do: " " <> Kernel.inspect(calendar)
end

defimpl Inspect, for: Date.Range do
  def inspect(%{__struct__: Date.Range, first: first, last: last, step: 1}, _) do
    "Date.range(" <> Kernel.inspect(first) <> ", " <> Kernel.inspect(last) <> ")"
  end

  def inspect(%{__struct__: Date.Range, first: first, last: last, step: step}, _) do
    "Date.range(" <> Kernel.inspect(first) <> ", " <> Kernel.inspect(last) <> ", #{step})"
  end

  def inspect(%{__struct__: Date.Range, first: first, last: last} = date_range, opts) do
    step = if first <= last, do: 1, else: -1
    inspect(Map.put(date_range, :step, step), opts)
  end
end
