# Sending to a dead pid is not an error; the message is dropped
pid = spawn(fn -> :ok end)
Process.sleep(20)
IO.inspect(Process.alive?(pid))
IO.inspect(send(pid, :into_the_void))
IO.puts("no error raised")
