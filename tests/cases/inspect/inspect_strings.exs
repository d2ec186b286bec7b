# inspect of strings with escapes and unicode
for s <- ["plain", "", "a\"b", "back\\", "tab\t", "cr\r", "nl\n", "\v\f\b", "é ü ß", "emoji 😀", "#{1}#", "\#{not}", "\u0000x", "\e[0m", "\u00a0nbsp", "\u200b", "ok\u0301"] do
  IO.puts(inspect(s))
end
IO.inspect("x", label: "str")
IO.inspect(String.duplicate("ab", 45))
