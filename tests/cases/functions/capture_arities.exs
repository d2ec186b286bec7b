# Capture operator forms and arities
f = &Enum.map/2
IO.inspect(f.([1, 2], &(&1 + 1)))
IO.inspect(:erlang.fun_info(f)[:arity])
g = &(&1)
IO.inspect(g.(:identity))
h = &(&3 - &1 + length(&2))
IO.inspect(h.(1, [:x, :y], 10))
k = &"#{&1}-#{&2}"
IO.inspect(k.(:a, 2))
m = &%{key: &1}
IO.inspect(m.(1))
IO.inspect(Enum.map([1, 2, 3], &to_string/1))
IO.inspect(Enum.map([[1], [1, 2]], &length/1))
IO.inspect(Enum.sort([3, 1, 2], &>=/2))
