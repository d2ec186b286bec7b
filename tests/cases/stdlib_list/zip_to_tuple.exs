# List.zip/1, List.to_tuple/1, List.to_string/1, List.keyfind/3
IO.inspect(List.zip([[1, 2, 3], [:a, :b, :c]]))
IO.inspect(List.zip([[1, 2], [:a]]))
IO.inspect(List.zip([]))
IO.inspect(List.to_tuple([1, :two, "three"]))
IO.inspect(List.to_string([?h, ?i, " there"]))
IO.inspect(List.keyfind([a: 1, b: 2], :b, 0))
IO.inspect(List.keyfind([a: 1], :z, 0))
try do
  List.zip(:nope)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
