# String literals, escapes, concatenation and interpolation
s = "hello"
IO.puts(s <> " world")
IO.puts("tab:\tend")
IO.puts("quote: \"q\" backslash: \\")
IO.puts("unicode: héllo ✓")
IO.puts("interp: #{1 + 2} and #{s}")
IO.puts("nested: #{"inner #{:atom}"}")
IO.puts("list: #{[104, 105]}")
IO.puts("float: #{1.5} nil: [#{nil}] bool: #{true}")
IO.inspect("multi\nline")
IO.inspect(byte_size("héllo"))
IO.inspect(String.length("héllo"))
x = """
heredoc line one
  indented line
last
"""
IO.write(x)
IO.inspect(x)
IO.puts("a" <> "b" <> "c")
IO.inspect("" == "")
IO.puts(~s(sigil with "quotes"))
IO.inspect(~w(alpha beta gamma))
IO.inspect(~w(alpha beta)a)
IO.puts("\u00e9 \x41")
