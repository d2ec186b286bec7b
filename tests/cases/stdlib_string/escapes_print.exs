# Escapes in strings printed raw and inspected
strs = ["tab\there", "new\nline", "quote\"d", "back\\slash", "bell\a", "nul\0", "esc\e", "uni\u2603", "hash\#{x}", "del\x7f"]
for s <- strs do
  IO.puts(s)
  IO.inspect(s)
end
