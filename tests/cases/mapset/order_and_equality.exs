IO.inspect %{1 => :a, 1.0 => :b}
s = MapSet.new([1, 1.0, 2])
IO.inspect s
IO.inspect MapSet.member?(s, 1.0)
IO.inspect 2.0 in s
IO.inspect Enum.member?(s, 2.0)
IO.inspect MapSet.new([1]) == MapSet.new([1.0])
IO.inspect MapSet.size(s)
IO.inspect MapSet.new([3, 2]) |> Enum.into([0])
IO.inspect Enum.into(%{a: 1}, MapSet.new())
IO.inspect MapSet.new(%{a: 1})
IO.inspect Map.keys(MapSet.new([1]))
IO.inspect Enum.count(MapSet.new([1, 2]), &(&1 > 1))
IO.inspect Enum.sort_by(MapSet.new([3, 1, 2]), &(-&1))
IO.inspect Enum.group_by(MapSet.new([1, 2, 3]), &rem(&1, 2))
IO.inspect MapSet.new([:b, :a]) |> MapSet.to_list()
IO.inspect inspect(MapSet.new([1, 2]), limit: 1)
