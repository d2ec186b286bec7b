# :rand with the exsss algorithm: seeding from a triple, an integer, a
# list and an exported state; uniform, uniform_real, jump; the errors.
:rand.seed(:exsss, {1, 2, 3})
IO.inspect :rand.export_seed()
IO.inspect for _ <- 1..3, do: :rand.uniform()
IO.inspect for _ <- 1..3, do: :rand.uniform(1000)
IO.inspect :rand.uniform(Bitwise.bsl(1, 70)) 
IO.inspect :rand.uniform(Bitwise.bsl(1, 64) + 7)
IO.inspect :rand.uniform_real()
IO.inspect :rand.export_seed()
s = :rand.seed(:exsss, 42)
IO.inspect elem(s, 1)
IO.inspect :rand.uniform()
:rand.seed(:exsss, [5, 6])
IO.inspect :rand.uniform()
:rand.seed({:exsss, [1 | 2]})
IO.inspect :rand.uniform()
IO.inspect :rand.jump() |> elem(1)
IO.inspect elem(:rand.seed(:default, {1,2,3}),1)
try do :rand.uniform(0) rescue e -> IO.inspect e; IO.puts Exception.message(e) end
try do :rand.seed(:foo, 1) rescue e -> IO.inspect e; IO.puts Exception.message(e) end
try do :rand.uniform(1.5) rescue e -> IO.puts Exception.message(e) end
IO.inspect :rand.seed_s(:exsss, {9,9,9}) |> elem(0) |> Map.keys
