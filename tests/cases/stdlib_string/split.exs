# String.split/1,2,3
IO.inspect(String.split("  a b\tc\n d  "))
IO.inspect(String.split("a,b,,c", ","))
IO.inspect(String.split("a,b,,c", ",", trim: true))
IO.inspect(String.split("a,b,c,d", ",", parts: 2))
IO.inspect(String.split("a-b_c", ["-", "_"]))
IO.inspect(String.split("abc", ""))
IO.inspect(String.split("", ","))
IO.inspect(String.split("no separators here", "|"))
try do
  String.split(123, ",")
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
