# Integer.to_string/1,2 and Integer.parse/1,2
IO.inspect(Integer.to_string(255))
IO.inspect(Integer.to_string(-255))
IO.inspect(Integer.to_string(255, 16))
IO.inspect(Integer.to_string(255, 2))
IO.inspect(Integer.to_string(35, 36))
IO.inspect(Integer.parse("42"))
IO.inspect(Integer.parse("42abc"))
IO.inspect(Integer.parse("-7 rest"))
IO.inspect(Integer.parse("abc"))
IO.inspect(Integer.parse("3.14"))
IO.inspect(Integer.parse("ff", 16))
IO.inspect(Integer.parse(""))
for f <- [fn -> Integer.to_string(1.5) end, fn -> Integer.parse(42) end, fn -> Integer.to_string(10, 1) end] do
  try do
    f.()
  rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
end
