# Enum.sum/1, Enum.product/1, Enum.to_list/1
IO.inspect(Enum.sum([1, 2, 3]))
IO.inspect(Enum.sum([1, 2.5]))
IO.inspect(Enum.sum([]))
IO.inspect(Enum.sum(1..1_000_000))
IO.inspect(Enum.product([2, 3, 4]))
IO.inspect(Enum.to_list(1..3))
IO.inspect(Enum.to_list(%{b: 2, a: 1}))
IO.inspect(Enum.to_list([]))
try do
  Enum.sum([1, :a])
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
