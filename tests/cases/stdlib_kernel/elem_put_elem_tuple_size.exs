# elem/2, put_elem/3, tuple_size/1 and their errors
t = {:a, :b, :c}
IO.inspect(elem(t, 1))
IO.inspect(put_elem(t, 0, :z))
IO.inspect(tuple_size(t))
IO.inspect(tuple_size({}))
for f <- [fn -> elem(t, 3) end, fn -> elem(t, -1) end, fn -> elem([1], 0) end,
          fn -> put_elem(t, 5, :x) end, fn -> tuple_size(:x) end] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
