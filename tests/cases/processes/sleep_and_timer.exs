# Process.sleep and :timer.sleep return :ok
IO.inspect(Process.sleep(5))
IO.inspect(:timer.sleep(5))
parent = self()
spawn(fn -> :timer.sleep(20); send(parent, :slow) end)
spawn(fn -> send(parent, :fast) end)
first = receive do
  m -> m
end
second = receive do
  m -> m
end
IO.inspect([first, second])
