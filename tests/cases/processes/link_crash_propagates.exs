# A crash in a linked process kills a non-trapping linked process too
Process.flag(:trap_exit, true)
parent = self()
middle = spawn_link(fn ->
  spawn_link(fn -> exit(:inner_failure) end)
  receive do
    _ -> :never
  end
end)
receive do
  {:EXIT, ^middle, reason} -> IO.inspect({:middle_died, reason})
end
IO.inspect(Process.alive?(middle))
_ = parent
