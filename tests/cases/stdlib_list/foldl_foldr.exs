# List.foldl/3 and List.foldr/3
IO.inspect(List.foldl([1, 2, 3], [], fn x, acc -> [x | acc] end))
IO.inspect(List.foldr([1, 2, 3], [], fn x, acc -> [x | acc] end))
IO.inspect(List.foldl(~w(a b c), "", &(&2 <> &1)))
IO.inspect(List.foldr(~w(a b c), "", &(&2 <> &1)))
IO.inspect(List.foldl([], :init, fn _, _ -> :never end))
try do
  List.foldl(:bad, 0, &+/2)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
