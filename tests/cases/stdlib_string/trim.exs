# String.trim/1,2, trim_leading, trim_trailing
IO.inspect(String.trim("  \t padded \n "))
IO.inspect(String.trim("xxhixx", "x"))
IO.inspect(String.trim_leading("  left"))
IO.inspect(String.trim_trailing("right  "))
IO.inspect(String.trim_leading("000123", "0"))
IO.inspect(String.trim(""))
try do
  String.trim(:a)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
