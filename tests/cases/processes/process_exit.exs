# Process.exit/2 with :kill, a custom reason, and :normal
Process.flag(:trap_exit, true)
p1 = spawn_link(fn -> Process.sleep(:infinity) end)
Process.exit(p1, :kill)
receive do
  {:EXIT, ^p1, r} -> IO.inspect({:p1, r})
end
p2 = spawn_link(fn -> Process.sleep(:infinity) end)
Process.exit(p2, :custom)
receive do
  {:EXIT, ^p2, r} -> IO.inspect({:p2, r})
end
p3 = spawn(fn -> Process.sleep(:infinity) end)
IO.inspect(Process.exit(p3, :normal))
Process.sleep(10)
IO.inspect(Process.alive?(p3))
Process.exit(p3, :kill)
Process.sleep(10)
IO.inspect(Process.alive?(p3))
