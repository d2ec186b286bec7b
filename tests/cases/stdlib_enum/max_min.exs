# Enum.max/1,2, Enum.min/1,2, Enum.max_by/2, Enum.min_by/2, Enum.min_max/1
IO.inspect(Enum.max([3, 9, 2]))
IO.inspect(Enum.min([3, 9, 2]))
IO.inspect(Enum.max([1, 1.0]))
IO.inspect(Enum.max([:a, 1, "s"]))
IO.inspect(Enum.max([], fn -> :empty end))
IO.inspect(Enum.max_by(~w(aa b cccc dd), &String.length/1))
IO.inspect(Enum.min_by(~w(aa b cccc d), &String.length/1))
IO.inspect(Enum.min_max([5, 2, 8]))
IO.inspect(Enum.max_by([%{n: 2}, %{n: 5}], & &1.n))
for f <- [fn -> Enum.max([]) end, fn -> Enum.min_by([], & &1) end] do
  try do
    f.()
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end
