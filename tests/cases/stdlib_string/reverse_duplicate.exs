# String.reverse/1 and String.duplicate/2
IO.inspect(String.reverse("hello"))
IO.inspect(String.reverse("héllo"))
IO.inspect(String.reverse("e\u0301a"))
IO.inspect(String.reverse(""))
IO.inspect(String.duplicate("ab", 3))
IO.inspect(String.duplicate("x", 0))
try do
  String.duplicate("x", -1)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
