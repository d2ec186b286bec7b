# Every modifier of ~r, as letters and as Regex.compile options
text = "Alpha beta\nGAMMA delta\nepsilon"

IO.inspect(Regex.scan(~r/^[a-z]+/, text))
IO.inspect(Regex.scan(~r/^[a-z]+/i, text))
IO.inspect(Regex.scan(~r/^[a-z]+/im, text))
IO.inspect(Regex.scan(~r/[a-z]+$/m, text))
IO.inspect(Regex.run(~r/beta.GAMMA/, text))
IO.inspect(Regex.run(~r/beta.GAMMA/s, text))
IO.inspect(Regex.run(~r/ a l p h a # the word
                     \s beta/xi, text))
IO.inspect(Regex.run(~r/delta/f, text))
IO.inspect(Regex.run(~r/beta/f, text))
IO.inspect(Regex.run(~r/A.*a/U, text))
IO.inspect(Regex.run(~r/A.*?a/U, text))
IO.inspect(Regex.run(~r/é+/u, "café"))

# s also makes \r\n a newline for $ and ^ with m
IO.inspect(Regex.scan(~r/\w+$/ms, "one\r\ntwo\r\n"))
IO.inspect(Regex.scan(~r/\w+$/m, "one\r\ntwo\r\n"))

# modifiers are kept as given
for mods <- ["", "i", "ms", "xU", "uf", "imsxufU"] do
  {:ok, r} = Regex.compile("a+", mods)
  IO.puts("#{inspect(mods)} -> #{inspect(r)} opts=#{inspect(Regex.opts(r))}")
end

# unknown modifiers
IO.inspect(Regex.compile("a", "g"))
IO.inspect(Regex.compile("a", "ig"))
IO.inspect(Regex.compile("a", "gi"))
try do
  Regex.compile!("a", "iq")
rescue
  e in Regex.CompileError -> IO.puts(Exception.message(e))
end

# Erlang option lists
{:ok, r} = Regex.compile("^b", [:multiline, :caseless])
IO.inspect(r)
IO.inspect(Regex.opts(r))
IO.inspect(Regex.scan(r, "a\nB\nb"))
IO.inspect(Regex.compile("a", []))
IO.inspect(Regex.run(Regex.compile!("a.c", [:dotall]), "a\nc"))
IO.inspect(Regex.run(Regex.compile!("b$", [:dollar_endonly]), "ab\n"))
IO.inspect(Regex.run(~r/b$/, "ab\n"))
IO.inspect(Regex.run(Regex.compile!("(a)(b)", [:no_auto_capture]), "ab"))
IO.inspect(Regex.run(Regex.compile!("b", [:anchored]), "ab"))
IO.inspect(Regex.run(Regex.compile!("^b", [:multiline, {:newline, :cr}]), "a\rb"))
IO.inspect(Regex.run(Regex.compile!("(?<n>a)|(?<n>b)", [:dupnames]), "b"))
try do
  Regex.compile("a", [:bogus])
rescue
  e in ArgumentError -> IO.inspect(e.message)
end

# inline options agree with the letters
IO.inspect(Regex.match?(~r/(?i)hello/, "HELLO"))
IO.inspect(Regex.match?(~r/(?i:h)ello/, "Hello"))
IO.inspect(Regex.match?(~r/(?i:h)ello/, "HELLO"))
IO.inspect(Regex.run(~r/(?s).+/, "a\nb"))
