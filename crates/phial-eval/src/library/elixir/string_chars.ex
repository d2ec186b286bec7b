# The String.Chars protocol (to_string, interpolation) and its built-in
# implementations. The natives convert the built-in types directly and
# dispatch here for anything else (a struct).
defprotocol String.Chars do
  def to_string(term)
end

defimpl String.Chars, for: [Atom, BitString, Integer, Float, List] do
  def to_string(term), do: :phial.chars_to_string(term)
end

# The calendar types: the natives print the ISO calendar's themselves;
# these serve other calendars (and direct calls), as Elixir's impls do.
defimpl String.Chars, for: Date do
  def to_string(%{calendar: calendar, year: year, month: month, day: day}) do
    calendar.date_to_string(year, month, day)
  end
end

defimpl String.Chars, for: Time do
  def to_string(time) do
    %{hour: hour, minute: minute, second: second, microsecond: microsecond, calendar: calendar} =
      time

    calendar.time_to_string(hour, minute, second, microsecond)
  end
end

defimpl String.Chars, for: NaiveDateTime do
  def to_string(naive_datetime) do
    %{
      calendar: calendar,
      year: year,
      month: month,
      day: day,
      hour: hour,
      minute: minute,
      second: second,
      microsecond: microsecond
    } = naive_datetime

    calendar.naive_datetime_to_string(year, month, day, hour, minute, second, microsecond)
  end
end

defimpl String.Chars, for: DateTime do
  def to_string(datetime) do
    %{
      calendar: calendar,
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
      std_offset: std_offset
    } = datetime

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
  end
end

# URI's string form: the default port left out, a host with a colon (an
# IPv6 address) in brackets, the deprecated :authority used only when
# there is no host.
defimpl String.Chars, for: URI do
  def to_string(%{host: host, path: path} = uri)
      when host != nil and is_binary(path) and path != "" and binary_part(path, 0, 1) != "/" do
    raise ArgumentError,
          ":path in URI must be empty or an absolute path if URL has a :host, got: #{inspect(uri)}"
  end

  def to_string(%{scheme: scheme, port: port, path: path, query: query, fragment: fragment} = uri) do
    uri = if scheme && URI.default_port(scheme) == port, do: %{uri | port: nil}, else: uri

    IO.iodata_to_binary([
      if(scheme, do: [scheme, ?:], else: []),
      case authority(uri) do
        nil -> []
        authority -> ["//" | authority]
      end,
      path || [],
      if(query, do: ["?" | query], else: []),
      if(fragment, do: ["#" | fragment], else: [])
    ])
  end

  defp authority(%{host: nil, authority: authority}), do: authority

  defp authority(%{host: host, userinfo: userinfo, port: port}) do
    [
      if(userinfo, do: [userinfo | "@"], else: []),
      if(String.contains?(host, ":"), do: ["[", host | "]"], else: host),
      if(port, do: [":" | Integer.to_string(port)], else: [])
    ]
  end
end
