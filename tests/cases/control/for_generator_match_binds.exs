# a generator pattern with `= name` binds the whole element; elements that
# do not match the pattern are skipped, in for and in with
items = [{:memo, :a, 1}, {:other, :b}, {:memo, :b, 2}, :junk]
IO.inspect(for {:memo, name, _} = entry <- items, do: {name, entry})
IO.inspect(for {:memo, _, n} = e <- items, n > 1, do: e)
result =
  with {:ok, %{id: id} = user} <- {:ok, %{id: 7, name: "ann"}} do
    {id, user.name}
  end
IO.inspect(result)
