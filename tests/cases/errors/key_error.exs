# KeyError from Map.fetch!, dot access and Keyword.fetch!
show = fn f ->
  try do
    f.()
  rescue
    e in KeyError -> IO.puts(Exception.message(e)); IO.inspect({e.key, e.term})
  end
end
m = %{a: 1}
show.(fn -> Map.fetch!(m, :b) end)
show.(fn -> m.missing end)
show.(fn -> Map.fetch!(%{"x" => 1}, "y") end)
show.(fn -> Keyword.fetch!([a: 1], :z) end)
show.(fn -> %{m | nope: 2} end)
show.(fn -> Map.update!(m, :zz, &(&1 + 1)) end)
