# spawn/1 returns a pid; the child runs concurrently
parent = self()
pid = spawn(fn -> send(parent, {:hello_from, self()}) end)
IO.inspect(is_pid(pid))
receive do
  {:hello_from, ^pid} -> IO.puts("got hello from the child")
end
IO.inspect(pid != self())
IO.inspect(self())
IO.inspect(is_pid(self()))
