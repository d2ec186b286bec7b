# and/or/not require booleans; &&/||/! accept anything
IO.inspect(true and 1)
IO.inspect(false and raise("not evaluated"))
IO.inspect(true or raise("not evaluated"))
for f <- [fn -> 1 and true end, fn -> nil or true end, fn -> not 1 end] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
IO.inspect(1 && nil)
IO.inspect(false || [])
IO.inspect(!1)
