# A normal exit of a linked process does not kill the linker
pid = spawn_link(fn -> :done end)
Process.sleep(20)
IO.inspect(Process.alive?(pid))
IO.puts("still running")
