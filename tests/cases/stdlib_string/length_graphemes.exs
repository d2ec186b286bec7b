# String.length/1 and String.graphemes/1 are grapheme-aware
for s <- ["", "abc", "héllo", "e\u0301", "👍🏽", "日本語", "🇫🇷🇩🇪"] do
  IO.inspect({s, String.length(s), byte_size(s), String.graphemes(s)})
end
IO.inspect(String.codepoints("e\u0301"))
try do
  String.length(:atom)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
