# Spawning many processes and collecting results in order with refs
parent = self()
jobs = for i <- 1..200 do
  ref = make_ref()
  spawn(fn -> send(parent, {ref, i * i}) end)
  ref
end
results = Enum.map(jobs, fn ref ->
  receive do
    {^ref, v} -> v
  end
end)
IO.inspect(Enum.sum(results))
IO.inspect(Enum.take(results, 5))
