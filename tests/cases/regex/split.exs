# Regex.split and String.split with regexes
IO.inspect(Regex.split(~r/[,;]\s*/, "a, b;c;  d"))
IO.inspect(Regex.split(~r/,/, "a,b,c,d", parts: 3))
IO.inspect(Regex.split(~r/,/, "a,b,c,d", parts: :infinity))
IO.inspect(Regex.split(~r/,/, ",,a,,b,,", trim: true))
IO.inspect(Regex.split(~r/,/, ",,a,,b,,", parts: 3))
IO.inspect(Regex.split(~r/,/, ",,a,,b,,", parts: 3, trim: true))
IO.inspect(Regex.split(~r/,/, ""))
IO.inspect(Regex.split(~r/,/, "", trim: true))
IO.inspect(Regex.split(~r/x/, "no separators"))
IO.inspect(Regex.split(~r//, "abc", parts: 2))
IO.inspect(Regex.split(~r/b*/, "abbc"))
IO.inspect(Regex.split(~r/\b/, "hi there"))

# include_captures keeps what matched, and does not count towards parts
IO.inspect(Regex.split(~r/\d/, "a1b2c3d", include_captures: true))
IO.inspect(Regex.split(~r/\d/, "a1b2c3d", include_captures: true, parts: 2))
IO.inspect(Regex.split(~r/\d/, "1a2", include_captures: true))
IO.inspect(Regex.split(~r/\d/, "1a2", include_captures: true, trim: true))

# :on picks which groups split
IO.inspect(Regex.split(~r/(-)(\d)/, "a-1b-2c", on: [2]))
IO.inspect(Regex.split(~r/(-)(\d)/, "a-1b-2c", on: :all_but_first))
IO.inspect(Regex.split(~r/(?<sep>[=&])/, "k=v&x=y", on: [:sep], include_captures: true))
IO.inspect(Regex.split(~r/(x)?-/, "a-b", on: [1]))

# a line splitter for any newline convention
IO.inspect(Regex.split(~r/\R/, "one\r\ntwo\nthree\rfour"))
IO.inspect(String.split("one\r\ntwo\nthree", ~r/\r?\n/))

# String.split with regexes
IO.inspect(String.split("The  quick\tbrown fox", ~r/\s+/))
IO.inspect(String.split("a1b22c333", ~r/\d+/, trim: true))
IO.inspect(String.split("a1b22c333", ~r/\d+/, parts: 2))
IO.inspect(String.split("HelloWorldFooBar", ~r/(?=[A-Z])/, trim: true))
IO.inspect(String.split("x+y-z", ~r/[+-]/, include_captures: true))

try do
  Regex.split(~r/,/, "a,b", parts: 0)
rescue
  e -> IO.puts(Exception.message(e))
end
