# Map patterns match subsets
m = %{a: 1, b: 2, c: 3}
%{a: a} = m
IO.inspect(a)
%{} = m
IO.puts("empty map pattern matches any map")
case m do
  %{z: _} -> IO.puts("has z")
  %{b: 2, c: c} -> IO.puts("b is 2, c is #{c}")
end
case %{"str" => 1, 2 => :two} do
  %{"str" => s, 2 => t} -> IO.inspect({s, t})
end
check = fn
  %{status: :ok, data: d} -> {:data, d}
  %{status: :error} = err -> {:err, map_size(err)}
  _ -> :nope
end
IO.inspect(check.(%{status: :ok, data: [1]}))
IO.inspect(check.(%{status: :error, reason: :x}))
IO.inspect(check.(%{}))
IO.inspect(check.([]))
