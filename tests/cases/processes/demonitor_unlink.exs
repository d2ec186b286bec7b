# demonitor and unlink stop notifications
Process.flag(:trap_exit, true)
pid = spawn(fn -> receive do: (:die -> exit(:bye)) end)
ref = Process.monitor(pid)
IO.inspect(Process.demonitor(ref))
Process.link(pid)
IO.inspect(Process.unlink(pid))
send(pid, :die)
Process.sleep(30)
receive do
  msg -> IO.inspect({:unexpected, msg})
after 0 -> IO.puts("no DOWN and no EXIT received")
end
IO.inspect(Process.alive?(pid))
