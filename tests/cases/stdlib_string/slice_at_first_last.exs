# String.slice/2,3, String.at/2, String.first/1, String.last/1
s = "héllo wörld"
IO.inspect(String.slice(s, 0, 5))
IO.inspect(String.slice(s, 6, 100))
IO.inspect(String.slice(s, -5, 3))
IO.inspect(String.slice(s, 2..4))
IO.inspect(String.slice(s, 20, 2))
IO.inspect(String.at(s, 1))
IO.inspect(String.at(s, -1))
IO.inspect(String.at(s, 50))
IO.inspect(String.first(s))
IO.inspect(String.last(s))
IO.inspect(String.first(""))
IO.inspect(String.last(""))
try do
  String.at(s, :x)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
