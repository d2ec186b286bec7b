# Processes spawning processes; replies routed back through a chain
parent = self()
spawn(fn ->
  me = self()
  spawn(fn -> send(me, {:from_grandchild, 7}) end)
  receive do
    {:from_grandchild, n} -> send(parent, {:relayed, n * 6})
  end
end)
receive do
  {:relayed, v} -> IO.inspect(v)
end
