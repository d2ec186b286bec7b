# String.upcase/1, String.downcase/1, String.capitalize/1
IO.inspect(String.upcase("hello World"))
IO.inspect(String.downcase("HeLLo"))
IO.inspect(String.upcase("straße"))
IO.inspect(String.downcase("ÀÉÎ"))
IO.inspect(String.capitalize("élan vital"))
IO.inspect(String.upcase(""))
try do
  String.upcase(nil)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
try do
  String.downcase('chars')
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
