# String.pad_leading/2,3 and String.pad_trailing/2,3
IO.inspect(String.pad_leading("7", 3, "0"))
IO.inspect(String.pad_leading("abc", 6))
IO.inspect(String.pad_leading("abc", 2))
IO.inspect(String.pad_leading("x", 6, "ab"))
IO.inspect(String.pad_trailing("ab", 5, "."))
IO.inspect(String.pad_trailing("héllo", 7))
IO.inspect(String.pad_trailing("x", 4, "12"))
try do
  String.pad_leading("x", 3, "")
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
