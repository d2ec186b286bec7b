# Registry match specifications: match/count_match with patterns and
# guards, select/count_select with every kind of body, guard functions,
# failing guards and bodies, and the specs Registry and ETS refuse.
{:ok, _} = Registry.start_link(keys: :unique, name: Store)

values = [
  a: %{n: 1, tags: [:x, :y], at: {2024, 1}},
  b: %{n: 2, tags: [], at: {2023, 12}},
  c: %{n: 3, tags: [:y], at: {2024, 6}},
  d: 7,
  e: "text",
  f: {:point, 1, 2}
]

for {k, v} <- values, do: {:ok, _} = Registry.register(Store, k, v)
sorted = &Enum.sort/1

IO.inspect(Registry.match(Store, :a, %{n: :_}) |> length(), label: "match a")
IO.inspect(Registry.match(Store, :a, %{n: 2}), label: "match a, n 2")
IO.inspect(Registry.match(Store, :d, :"$1", [{:is_integer, :"$1"}, {:>, :"$1", 5}]) |> Enum.map(&elem(&1, 1)),
  label: "match d guard"
)

IO.inspect(Registry.match(Store, :f, {:point, :"$1", :"$1"}), label: "repeated variable")
IO.inspect(Registry.count_match(Store, :f, {:point, :"$1", :"$2"}, [{:<, :"$1", :"$2"}]), label: "count f")
IO.inspect(Registry.count_match(Store, :zz, :_), label: "count missing key")

sel = fn spec -> Registry.select(Store, spec) |> sorted.() end

IO.inspect(sel.([{{:"$1", :_, %{n: :"$2"}}, [{:>=, :"$2", 2}], [{{:"$1", :"$2"}}]}]), label: "n >= 2")
IO.inspect(sel.([{{:"$1", :_, %{at: {:"$2", :_}}}, [{:==, :"$2", 2024}], [:"$1"]}]), label: "in 2024")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:is_binary, :"$2"}], [[:"$1", {:byte_size, :"$2"}]]}]), label: "binaries")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:is_map, :"$2"}, {:is_map_key, :tags, :"$2"}], [{:length, {:map_get, :tags, :"$2"}}]}]), label: "tag counts")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:andalso, {:is_tuple, :"$2"}, {:==, {:size, :"$2"}, 3}}], [{:element, 1, :"$2"}]}]), label: "andalso")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:orelse, {:is_integer, :"$2"}, {:is_binary, :"$2"}}], [:"$1"]}]), label: "orelse")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:not, {:is_map, :"$2"}}], [:"$1"]}]), label: "not")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:is_integer, :"$2"}], [{:+, :"$2", 1}, {:*, :"$2", {:const, 10}}]}]), label: "last body wins")
IO.inspect(sel.([{{:d, :_, :"$1"}, [], [:"$$", :"$_"]}]) |> Enum.map(&elem(&1, 0)), label: "$_ object key")
IO.inspect(sel.([{{:d, :_, :"$1"}, [], [:"$$"]}]), label: "$$")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [], [{:hd, :"$2"}]}]), label: "failing body")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:>, {:hd, :"$2"}, 0}], [:"$1"]}]), label: "failing guard")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [:"$2"], [:"$1"]}]), label: "non-boolean guard")
IO.inspect(sel.([{{:d, :_, :_}, [], [%{k: :"$_"}]}]) |> Enum.map(&map_size/1), label: "map body")

IO.inspect(
  sel.([
    {{:"$1", :_, :"$2"}, [{:is_integer, :"$2"}], [{{:int, :"$1"}}]},
    {{:"$1", :_, :"$2"}, [{:is_binary, :"$2"}], [{{:bin, :"$1"}}]}
  ]),
  label: "two clauses"
)

IO.inspect(Registry.count_select(Store, [{{:_, :_, :_}, [], [true]}]), label: "count_select all")
IO.inspect(Registry.count_select(Store, [{{:_, :_, %{}}, [], [true]}]), label: "count_select maps")
IO.inspect(Registry.count_select(Store, [{{:_, :_, :_}, [], [:yes]}]), label: "count_select not true")
IO.inspect(Registry.select(Store, []), label: "empty spec")

for spec <- [[{{:"$1", :_}, [], [:"$1"]}], [:nope]] do
  try do
    Registry.select(Store, spec)
  rescue
    e in ArgumentError -> IO.puts(e.message)
  end
end

try do
  Registry.count_select(Store, [{:"$1", [], []}])
rescue
  e in ArgumentError -> IO.puts(e.message)
end

for spec <- [
      [{{:"$1", :_, :_}, [{:==, :"$1", :"$9"}], [:"$1"]}],
      [{{:"$1", :_, :_}, [], [{:no_such_fun, :"$1"}]}],
      [{{:"$1", :_, :_}, :notalist, [:"$1"]}]
    ] do
  try do
    Registry.select(Store, spec)
  rescue
    e in ArgumentError -> IO.puts(e.message)
  end
end

IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:is_record, :"$2", :point, 3}], [{:binary_part, "abcdef", {:const, {1, 2}}}]}]), label: "is_record")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:is_integer, :"$2"}], [[{:div, :"$2", 2}, {:rem, :"$2", 2}, {:band, :"$2", 3}, {:bsl, :"$2", 1}, {:-, :"$2"}, {:abs, -3}, {:float, :"$2"}, {:"/", :"$2", 2}]]}]), label: "arithmetic")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:and, {:is_integer, :"$2"}, {:"=:=", :"$2", 7}}, {:"=/=", :"$2", 7.0}], [{:self}]}]) == [self()], label: "self in a body")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:"=:=", :"$2", 7.0}], [:"$1"]}]), label: "=:= is exact")
IO.inspect(sel.([{{:"$1", :_, :"$2"}, [{:==, :"$2", 7.0}], [:"$1"]}]), label: "== is not")
IO.inspect(sel.([{{:"$1", :_, [:"$2" | :"$3"]}, [], [{{:"$2", :"$3"}}]}]), label: "list head")
