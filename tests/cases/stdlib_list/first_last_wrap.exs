# List.first/1,2, List.last/1,2, List.wrap/1
IO.inspect(List.first([1, 2, 3]))
IO.inspect(List.first([]))
IO.inspect(List.first([], :none))
IO.inspect(List.last([1, 2, 3]))
IO.inspect(List.last([]))
IO.inspect(List.last([], :none))
IO.inspect(List.wrap(nil))
IO.inspect(List.wrap(:a))
IO.inspect(List.wrap([1, 2]))
IO.inspect(List.wrap({1, 2}))
try do
  List.first(:not_list)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
