# A child that traps exits receives exit signals as messages
parent = self()
child = spawn(fn ->
  Process.flag(:trap_exit, true)
  send(parent, :ready)
  receive do
    {:EXIT, from, reason} -> send(parent, {:child_got, from == parent, reason})
  end
end)
receive do: (:ready -> :ok)
Process.exit(child, :please_stop)
receive do
  {:child_got, from_parent, reason} -> IO.inspect({from_parent, reason})
end
