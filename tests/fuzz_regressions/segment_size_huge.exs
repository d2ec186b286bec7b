# Taking binaries apart in patterns: sizes from earlier segments, rest parts,
# text walks, function heads and the failures
defmodule Frame do
  def parse(<<len::16, payload::binary-size(len), rest::binary>>), do: {:ok, payload, rest}
  def parse(<<_::16, _::binary>>), do: :incomplete
  def parse(_), do: :error

  def fields(<<>>, acc), do: Enum.reverse(acc)
  def fields(<<tag, len, value::binary-size(len), rest::binary>>, acc),
    do: fields(rest, [{tag, value} | acc])

  def chars(<<c::utf8, rest::binary>>), do: [c | chars(rest)]
  def chars(<<>>), do: []

  def words16(<<w::16-little, rest::binary>>), do: [w | words16(rest)]
  def words16(<<>>), do: []
end

IO.inspect(Frame.parse(<<0, 3, "abcde">>))
IO.inspect(Frame.parse(<<0, 9, "abc">>))
IO.inspect(Frame.parse(<<1>>))
IO.inspect(Frame.fields(<<1, 2, "hi", 7, 0, 9, 3, "abc">>, []))
IO.inspect(Frame.chars("añ€😀"))
IO.inspect(Frame.words16(<<1, 0, 0, 1, 255, 255>>))

<<a::4, b::4, c::signed-8, d::little-16>> = <<0xAB, 0xFF, 1, 2>>
IO.inspect({a, b, c, d})
<<f64::float, f32::float-32, f16::float-16>> = <<1.25::float, -2.5::float-32, 0.5::float-16>>
IO.inspect({f64, f32, f16})
<<big::96, small::signed-24>> = <<1::96, -5::signed-24>>
IO.inspect({big, small})
<<"GET ", path::binary>> = "GET /index.html"
IO.inspect(path)
<<head::binary-size(3), _::binary>> = "abcdef"
IO.inspect(head)
<<x::3, y::bitstring>> = <<0b10110011>>
IO.inspect({x, y})
<<u::utf16, v::utf32-little>> = <<0xD83D::9_223_372_036_854_775_807, 0xDE00::16, 0x41::32-little>>
IO.inspect({u, v})
size = 2
<<sized::binary-size(size), _::binary>> = "xyz"
IO.inspect(sized)
expected = 7
IO.inspect(match?(<<^expected, _::binary>>, <<7, 1>>))
IO.inspect(match?(<<^expected, _::binary>>, <<8, 1>>))
IO.inspect(match?(<<_::binary>>, <<1::3>>))
IO.inspect(match?(<<_::bitstring>>, <<1::3>>))
IO.inspect(match?(<<_::8>>, <<1, 2>>))
IO.inspect(match?(<<_::float>>, <<0x7FF0::16, 0::48>>))

case <<3, "abc", "rest">> do
  <<n, s::binary-size(n), more::binary>> when n > 1 -> IO.inspect({n, s, more})
end

big_binary = :binary.copy("0123456789", 100)
<<_::binary-size(10), tail::binary>> = big_binary
IO.inspect({byte_size(tail), :binary.referenced_byte_size(tail)})

try do
  <<_::binary-size(4)>> = "abc"
rescue
  e in MatchError -> IO.puts(Exception.message(e))
end
