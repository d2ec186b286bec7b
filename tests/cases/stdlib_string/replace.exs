# String.replace/3,4
IO.inspect(String.replace("a-b-c", "-", "+"))
IO.inspect(String.replace("a-b-c", "-", "+", global: false))
IO.inspect(String.replace("aaa", "a", "bb"))
IO.inspect(String.replace("hello", "", "."))
IO.inspect(String.replace("abc", ["a", "c"], "_"))
IO.inspect(String.replace("abc", "x", "y"))
try do
  String.replace("abc", "a", 1)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
