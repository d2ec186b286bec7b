# Access.at!/1 and Access.slice/1 with get_in/update_in/get_and_update_in,
# and data[key] on values Access.get has no clause for.
list = [10, 20, 30, 40, 50]
IO.inspect(get_in(list, [Access.at!(1)]))
IO.inspect(update_in(list, [Access.at!(-1)], &(&1 + 1)))
IO.inspect(get_and_update_in(list, [Access.at!(0)], fn v -> {v, v * 2} end))

try do
  get_in(list, [Access.at!(9)])
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  get_in(%{a: 1}, [Access.at!(0)])
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

IO.inspect(get_in(list, [Access.slice(1..3)]))
IO.inspect(get_in(list, [Access.slice(0..-1//2)]))
IO.inspect(update_in(list, [Access.slice(1..2)], &(&1 * 100)))
IO.inspect(update_in(list, [Access.slice(-2..-1)], &(-&1)))
IO.inspect(get_and_update_in(list, [Access.slice(0..4//2)], fn v -> {v, 0} end))
IO.inspect(get_and_update_in(list, [Access.slice(3..1//1)], fn v -> {v, 0} end))
IO.inspect(get_and_update_in(list, [Access.slice(1..2)], fn _ -> :pop end))

try do
  Access.slice(3..1//-1)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

for v <- [{1, 2}, 5, "str"] do
  try do
    v[0]
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.inspect(Access.get(%{a: 1}, :b, :none))
IO.inspect(Access.get([a: 1], :a, :none))
IO.inspect(Access.get(nil, :a, :none))
