# URI as Elixir 1.14 has it: the %URI{} struct (inspected without its
# deprecated :authority when that is nil), parsing without validation
# (parse/1), RFC 3986 validation as OTP's :uri_string.parse does it
# (new/1, new!/1: the same components and the same invalid part reported),
# percent-encoding, query strings, merge/2 and default ports (kept
# VM-wide in :persistent_term, as Elixir keeps them in its config table).
# Not here: String.Chars for URI (string_chars.ex, the protocol's unit),
# the deprecated Dict forms of decode_query/3.
defmodule URI do
  @derive {Inspect, optional: [:authority]}
  defstruct [:scheme, :authority, :userinfo, :host, :port, :path, :query, :fragment]

  defmodule Error do
    defexception [:action, :reason, :part]

    def message(%URI.Error{action: action, reason: reason, part: part}) do
      "cannot #{action} due to reason #{reason}: #{inspect(part)}"
    end
  end

  # Ports registered with default_port/2 win over these.
  def default_port(scheme) when is_binary(scheme) do
    :persistent_term.get({URI, :default_port, scheme}, builtin_port(scheme))
  end

  def default_port(scheme, port) when is_binary(scheme) and is_integer(port) and port >= 0 do
    :persistent_term.put({URI, :default_port, scheme}, port)
  end

  defp builtin_port("ftp"), do: 21
  defp builtin_port("sftp"), do: 22
  defp builtin_port("tftp"), do: 69
  defp builtin_port("http"), do: 80
  defp builtin_port("https"), do: 443
  defp builtin_port("ldap"), do: 389
  defp builtin_port("ws"), do: 80
  defp builtin_port("wss"), do: 443
  defp builtin_port(_), do: nil

  def encode_query(enumerable, encoding \\ :www_form) do
    Enum.map_join(enumerable, "&", &encode_pair(&1, encoding))
  end

  defp encode_pair({key, _}, _) when is_list(key) do
    raise ArgumentError, "encode_query/2 keys cannot be lists, got: #{inspect(key)}"
  end

  defp encode_pair({_, value}, _) when is_list(value) do
    raise ArgumentError, "encode_query/2 values cannot be lists, got: #{inspect(value)}"
  end

  defp encode_pair({key, value}, :rfc3986) do
    encode(Kernel.to_string(key), &char_unreserved?/1) <>
      "=" <> encode(Kernel.to_string(value), &char_unreserved?/1)
  end

  defp encode_pair({key, value}, :www_form) do
    encode_www_form(Kernel.to_string(key)) <> "=" <> encode_www_form(Kernel.to_string(value))
  end

  def decode_query(query, map \\ %{}, encoding \\ :www_form)

  def decode_query(query, map, encoding) when is_binary(query) and is_map(map) do
    query
    |> query_decoder(encoding)
    |> Enum.reduce(map, fn {k, v}, acc -> Map.put(acc, k, v) end)
  end

  def query_decoder(query, encoding \\ :www_form) when is_binary(query) do
    Stream.unfold(query, &next_pair(&1, encoding))
  end

  defp next_pair("", _), do: nil

  defp next_pair(query, encoding) do
    {pair, rest} =
      case :binary.split(query, "&") do
        [pair, rest] -> {pair, rest}
        [pair] -> {pair, ""}
      end

    case :binary.split(pair, "=") do
      [key, value] -> {{decode_as(key, encoding), decode_as(value, encoding)}, rest}
      [key] -> {{decode_as(key, encoding), ""}, rest}
    end
  end

  defp decode_as(string, :www_form), do: decode_www_form(string)
  defp decode_as(string, :rfc3986), do: decode(string)

  def char_reserved?(c), do: c in ':/?#[]@!$&\'()*+,;='

  def char_unreserved?(c) do
    c in ?0..?9 or c in ?a..?z or c in ?A..?Z or c in '~_-.'
  end

  def char_unescaped?(c), do: char_reserved?(c) or char_unreserved?(c)

  def encode(string, predicate \\ &char_unescaped?/1)
      when is_binary(string) and is_function(predicate, 1) do
    for <<byte <- string>>, into: "", do: percent(byte, predicate)
  end

  def encode_www_form(string) when is_binary(string) do
    for <<byte <- string>>, into: "" do
      if byte == ?\s, do: "+", else: percent(byte, &char_unreserved?/1)
    end
  end

  defp percent(byte, predicate) do
    if predicate.(byte), do: <<byte>>, else: <<?%, hex(div(byte, 16)), hex(rem(byte, 16))>>
  end

  defp hex(n) when n < 10, do: ?0 + n
  defp hex(n), do: ?A + n - 10

  def decode(uri), do: unpercent(uri, [], false)

  def decode_www_form(string) when is_binary(string), do: unpercent(string, [], true)

  # A % not followed by two hex digits stays as it is.
  defp unpercent(<<?+, rest::binary>>, acc, true), do: unpercent(rest, [acc, ?\s], true)

  defp unpercent(<<?%, a, b, rest::binary>> = all, acc, spaces) do
    case {unhex(a), unhex(b)} do
      {x, y} when is_integer(x) and is_integer(y) -> unpercent(rest, [acc, x * 16 + y], spaces)
      _ -> unpercent(binary_part(all, 1, byte_size(all) - 1), [acc, ?%], spaces)
    end
  end

  defp unpercent(<<c, rest::binary>>, acc, spaces), do: unpercent(rest, [acc, c], spaces)
  defp unpercent(<<>>, acc, _), do: IO.iodata_to_binary(acc)

  defp unhex(c) when c in ?0..?9, do: c - ?0
  defp unhex(c) when c in ?a..?f, do: c - ?a + 10
  defp unhex(c) when c in ?A..?F, do: c - ?A + 10
  defp unhex(_), do: nil

  def new(%URI{} = uri), do: {:ok, uri}

  def new(binary) when is_binary(binary) do
    case rfc3986(binary) do
      {:ok, map} -> {:ok, from_components(map)}
      {:error, part} -> {:error, part}
    end
  end

  def new!(%URI{} = uri), do: uri

  def new!(binary) when is_binary(binary) do
    case rfc3986(binary) do
      {:ok, map} -> from_components(map)
      {:error, part} -> raise URI.Error, action: :parse, reason: :invalid_uri, part: part
    end
  end

  defp from_components(%{path: ""} = map), do: from_components(%{map | path: nil})

  defp from_components(map) do
    uri = Map.merge(%URI{}, map)

    case map do
      %{scheme: scheme} ->
        scheme = String.downcase(scheme, :ascii)

        case {map, default_port(scheme)} do
          {%{port: _}, _} -> %{uri | scheme: scheme}
          {_, nil} -> %{uri | scheme: scheme}
          {_, port} -> %{uri | scheme: scheme, port: port}
        end

      _ ->
        uri
    end
  end

  # RFC 3986's URI-reference, checked one character at a time as
  # :uri_string does: an absolute URI first; if anything in it is invalid,
  # a relative reference, whose first invalid character is the answer.
  # Within an authority, userinfo@host is tried before a bare host, the
  # same way round.
  defp rfc3986(""), do: {:ok, %{path: ""}}

  defp rfc3986(string) do
    case absolute(string) do
      {:ok, map} -> {:ok, map}
      {:error, _} -> relative(string)
    end
  end

  defp absolute(<<c, _::binary>> = string) when c in ?a..?z or c in ?A..?Z do
    with {:ok, scheme, ":" <> rest} <- scan(string, &scheme_char?/1, ':'),
         {:ok, map} <- hier(rest, %{scheme: scheme}) do
      {:ok, Map.put_new(map, :path, "")}
    else
      {:ok, _, ""} -> {:error, ""}
      error -> error
    end
  end

  defp absolute(string), do: {:error, first(string)}

  defp hier("//" <> rest, map), do: authority(rest, map)
  defp hier("/" <> _ = rest, map), do: path(rest, map, &pchar_or_slash?/1)
  defp hier("", map), do: {:ok, map}
  defp hier(<<c, _::binary>> = rest, map) when c in '?#', do: tail(rest, map)
  defp hier(rest, map), do: path(rest, map, &pchar_or_slash?/1)

  defp relative("//" <> rest) do
    with {:ok, map} <- authority(rest, %{}), do: {:ok, Map.put_new(map, :path, "")}
  end

  defp relative("/" <> _ = string), do: path(string, %{}, &pchar_or_slash?/1)

  defp relative(<<c, _::binary>> = string) when c in '?#' do
    tail(string, %{path: ""})
  end

  # The first segment of a relative path may not hold a colon.
  defp relative(string) do
    with {:ok, first, rest} <- scan(string, &segment_nz_nc?/1, '/?#') do
      case rest do
        "/" <> _ ->
          with {:ok, more, rest} <- scan(rest, &pchar_or_slash?/1, '?#') do
            tail(rest, %{path: first <> more})
          end

        _ ->
          tail(rest, %{path: first})
      end
    end
  end

  defp authority(string, map) do
    with {:ok, userinfo, "@" <> rest} <- scan(string, &userinfo_char?/1, '@'),
         {:ok, map} <- host(rest, Map.put(map, :userinfo, userinfo)) do
      {:ok, map}
    else
      _ -> host(string, map)
    end
  end

  defp host("[" <> rest, map) do
    case scan(rest, &ipv6_char?/1, ']') do
      {:ok, address, "]" <> after_bracket} ->
        if ipv6?(address) do
          # Characters of an address may follow the bracket; the host then
          # keeps its opening bracket off and the rest on, as OTP's does.
          with {:ok, extra, rest} <- scan(after_bracket, &ipv6_char?/1, ':/?#') do
            host = if extra == "", do: address, else: address <> "]" <> extra
            port(rest, Map.put(map, :host, host))
          end
        else
          {:error, address}
        end

      {:ok, _, ""} ->
        {:error, ""}

      error ->
        error
    end
  end

  defp host(string, map) do
    with {:ok, host, rest} <- scan(string, &reg_name_char?/1, ':/?#') do
      port(rest, Map.put(map, :host, host))
    end
  end

  defp port(":" <> rest, map) do
    with {:ok, digits, rest} <- scan(rest, &(&1 in ?0..?9), '/?#') do
      port = if digits == "", do: :undefined, else: String.to_integer(digits)
      after_authority(rest, Map.put(map, :port, port))
    end
  end

  defp port(rest, map), do: after_authority(rest, map)

  defp after_authority("/" <> _ = rest, map), do: path(rest, map, &pchar_or_slash?/1)
  defp after_authority(rest, map), do: tail(rest, map)

  defp path(string, map, valid?) do
    with {:ok, path, rest} <- scan(string, valid?, '?#') do
      tail(rest, Map.put(map, :path, path))
    end
  end

  # What follows the path: ?query, #fragment, or nothing.
  defp tail("", map), do: {:ok, map}

  defp tail("?" <> rest, map) do
    with {:ok, query, rest} <- scan(rest, &query_char?/1, '#') do
      tail(rest, Map.put(map, :query, query))
    end
  end

  defp tail("#" <> rest, map) do
    with {:ok, fragment, ""} <- scan(rest, &query_char?/1, '') do
      {:ok, Map.put(map, :fragment, fragment)}
    end
  end

  # The longest prefix of valid characters up to one of `stops` (or the
  # end): {:ok, prefix, rest}, or {:error, the first invalid character}.
  defp scan(string, valid?, stops), do: scan(string, 0, valid?, stops)

  defp scan(string, at, valid?, stops) do
    case string do
      <<_::binary-size(at)>> ->
        {:ok, string, ""}

      <<prefix::binary-size(at), c, _::binary>> = all ->
        cond do
          c in stops ->
            {:ok, prefix, binary_part(all, at, byte_size(all) - at)}

          valid?.(c) ->
            scan(string, at + 1, valid?, stops)

          true ->
            {:error, first(binary_part(all, at, byte_size(all) - at))}
        end
    end
  end

  # The character an error names: a whole code point, or the lone byte.
  defp first(<<c::utf8, _::binary>>), do: <<c::utf8>>
  defp first(<<c, _::binary>>), do: <<c>>

  defp scheme_char?(c), do: alnum?(c) or c in '+-.'
  defp alnum?(c), do: c in ?a..?z or c in ?A..?Z or c in ?0..?9
  defp unreserved?(c), do: alnum?(c) or c in '-._~'
  defp sub_delim?(c), do: c in '!$&\'()*+,;='
  defp reg_name_char?(c), do: unreserved?(c) or sub_delim?(c) or c == ?%
  defp userinfo_char?(c), do: reg_name_char?(c) or c == ?:
  defp segment_nz_nc?(c), do: reg_name_char?(c) or c == ?@
  defp pchar?(c), do: segment_nz_nc?(c) or c == ?:
  defp pchar_or_slash?(c), do: pchar?(c) or c == ?/
  defp query_char?(c), do: pchar?(c) or c in '/?'
  defp ipv6_char?(c), do: c in ?0..?9 or c in ?a..?f or c in ?A..?F or c in ':.'

  # A strict IPv6 address: eight groups of at most four hex digits, one
  # `::` standing for one or more zero groups, an IPv4 address allowed as
  # the last two.
  defp ipv6?(address) do
    {head, tail, compressed} =
      case :binary.split(address, "::") do
        [head, tail] -> {head, tail, true}
        [all] -> {all, "", false}
      end

    with {:ok, h} <- groups(head),
         {:ok, t} <- groups(tail) do
      n = h + t
      if compressed, do: n <= 7 and not String.contains?(tail, "::"), else: n == 8
    else
      _ -> false
    end
  end

  defp groups(""), do: {:ok, 0}

  defp groups(part) do
    parts = String.split(part, ":")
    {init, [last]} = Enum.split(parts, -1)

    cond do
      not Enum.all?(init, &hex_group?/1) -> :error
      hex_group?(last) -> {:ok, length(parts)}
      ipv4?(last) -> {:ok, length(parts) + 1}
      true -> :error
    end
  end

  defp hex_group?(g), do: byte_size(g) in 1..4 and String.match?(g, ~r/^[0-9a-fA-F]+$/)

  defp ipv4?(s) do
    parts = String.split(s, ".")

    length(parts) == 4 and
      Enum.all?(parts, fn p ->
        byte_size(p) in 1..3 and String.match?(p, ~r/^[0-9]+$/) and String.to_integer(p) < 256
      end)
  end

  def parse(%URI{} = uri), do: uri

  def parse(string) when is_binary(string) do
    regex = ~r{^(([a-z][a-z0-9\+\-\.]*):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?}i
    parts = Regex.run(regex, string)
    parts = parts ++ List.duplicate(nil, 10 - length(parts))
    [_, _, scheme, with_slashes, _, path, with_question_mark, _, _, fragment] = parts
    {authority, userinfo, host, port} = split_authority(with_slashes)
    scheme = nilify(scheme)
    scheme = scheme && String.downcase(scheme)

    %URI{
      scheme: scheme,
      path: nilify(path),
      query: query_of(with_question_mark),
      fragment: fragment,
      authority: authority,
      userinfo: userinfo,
      host: host,
      port: port || (scheme && default_port(scheme))
    }
  end

  defp query_of("?" <> query), do: query
  defp query_of(_), do: nil

  defp split_authority(""), do: {nil, nil, nil, nil}
  defp split_authority("//"), do: {"", nil, "", nil}

  defp split_authority("//" <> authority) do
    regex = ~r/(^(.*)@)?(\[[a-zA-Z0-9:.]*\]|[^:]*)(:(\d*))?/
    parts = Regex.run(regex, authority)
    parts = parts ++ List.duplicate(nil, 6 - length(parts))
    [_, _, userinfo, host, _, port] = parts
    host = if nilify(host), do: host |> String.trim_leading("[") |> String.trim_trailing("]")
    port = if nilify(port), do: String.to_integer(port)
    {authority, nilify(userinfo), host, port}
  end

  defp split_authority(nil), do: {nil, nil, nil, nil}

  defp nilify(""), do: nil
  defp nilify(other), do: other

  def to_string(uri), do: String.Chars.URI.to_string(uri)

  def merge(uri, rel)

  def merge(%URI{host: nil}, _rel) do
    raise ArgumentError, "you must merge onto an absolute URI"
  end

  def merge(_base, %URI{scheme: scheme} = rel) when scheme != nil do
    %{rel | path: remove_dot_segments(rel.path)}
  end

  def merge(base, %URI{host: host} = rel) when host != nil do
    %{rel | scheme: base.scheme, path: remove_dot_segments(rel.path)}
  end

  def merge(%URI{} = base, %URI{path: nil} = rel) do
    %{base | query: rel.query || base.query, fragment: rel.fragment}
  end

  def merge(%URI{} = base, %URI{} = rel) do
    %{base | path: merge_paths(base.path, rel.path), query: rel.query, fragment: rel.fragment}
  end

  def merge(base, rel), do: merge(parse(base), parse(rel))

  defp merge_paths(nil, rel), do: merge_paths("/", rel)
  defp merge_paths(_, "/" <> _ = rel), do: remove_dot_segments(rel)

  defp merge_paths(base, rel) do
    [_ | base_segments] = segments(base)

    segments(rel)
    |> Kernel.++(base_segments)
    |> drop_dots([])
    |> Enum.join("/")
  end

  defp remove_dot_segments(nil), do: nil
  defp remove_dot_segments(path), do: path |> segments() |> drop_dots([]) |> Enum.join("/")

  # Segments arrive reversed (last first) and leave in order.
  defp drop_dots([], [head, ".." | acc]), do: drop_dots([], [head | acc])
  defp drop_dots([], acc), do: acc
  defp drop_dots(["." | tail], acc), do: drop_dots(tail, acc)
  defp drop_dots([head | tail], ["..", ".." | _] = acc), do: drop_dots(tail, [head | acc])
  defp drop_dots(segments, [_, ".." | acc]), do: drop_dots(segments, acc)
  defp drop_dots([head | tail], acc), do: drop_dots(tail, [head | acc])

  defp segments(path), do: path |> String.split("/") |> Enum.reverse()

  def append_query(%URI{query: old} = uri, query) when is_binary(query) and old in [nil, ""] do
    %{uri | query: query}
  end

  def append_query(%URI{} = uri, query) when is_binary(query) do
    if String.ends_with?(uri.query, "&") do
      %{uri | query: uri.query <> query}
    else
      %{uri | query: uri.query <> "&" <> query}
    end
  end
end
