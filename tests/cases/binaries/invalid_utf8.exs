# String functions over binaries that are not valid UTF-8
b = <<?a, 255, ?b>>
IO.inspect(String.length(b))
IO.inspect(String.valid?(b))
IO.inspect(String.printable?(b))
IO.inspect(String.codepoints(b))
IO.inspect(String.graphemes(b))
IO.inspect(String.upcase(b))
IO.inspect(String.slice(b, 1, 1))
IO.inspect(String.at(b, 1))
IO.inspect(String.next_codepoint(<<255, ?a>>))
IO.inspect(String.split(<<?a, 255, ?,, ?b>>, ","))
IO.inspect(String.contains?(b, <<255>>))
IO.inspect(String.starts_with?(b, "a"))
IO.inspect(String.replace(b, <<255>>, "?"))
IO.inspect(String.chunk(<<?a, ?b, 0xFF, ?c, 0xFE, 0xFD, ?d>>, :valid))
IO.inspect(String.chunk("abc\u0000def", :printable))
IO.inspect("x#{b}y")
IO.inspect(b <> "c")
IO.inspect(String.duplicate(<<255>>, 2))
IO.inspect(String.pad_leading(<<255>>, 3))
try do
  String.to_charlist(b)
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  String.to_atom(<<255>>)
rescue
  e -> IO.puts(Exception.message(e))
end
