# inspect/1 vs to_string/1 for each printable type
values = [42, -1.5, 1.0e3, :atom, :"odd atom", "str", 'chars', [1, 2], nil, true, Enum, 'a', [104, 105]]
for v <- values do
  s = try do
    to_string(v)
  rescue
    e -> "#{inspect(e.__struct__)}"
  end
  IO.puts("#{inspect(v)} -> #{inspect(s)}")
end
IO.inspect(to_string([?a, "bc", [?d]]))
for bad <- [{1, 2}, %{a: 1}, self(), [1 | 2]] do
  try do
    to_string(bad)
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end
