# Tuple.to_list/1, Tuple.append/2, Tuple.insert_at/3, Tuple.delete_at/2, Tuple.duplicate/2
t = {1, 2, 3}
IO.inspect(Tuple.to_list(t))
IO.inspect(Tuple.to_list({}))
IO.inspect(Tuple.append(t, 4))
IO.inspect(Tuple.append({}, :a))
IO.inspect(Tuple.insert_at(t, 0, :first))
IO.inspect(Tuple.delete_at(t, 1))
IO.inspect(Tuple.duplicate(:z, 3))
for f <- [fn -> Tuple.to_list([1]) end, fn -> Tuple.append([1], 2) end, fn -> Tuple.insert_at(t, 9, :x) end] do
  try do
    f.()
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end
