# Trapping exits turns a linked crash into an {:EXIT, pid, reason} message
Process.flag(:trap_exit, true)
pid = spawn_link(fn -> exit(:custom_reason) end)
receive do
  {:EXIT, ^pid, reason} -> IO.inspect({:exit_msg, reason})
end
pid2 = spawn_link(fn -> :ok end)
receive do
  {:EXIT, ^pid2, reason} -> IO.inspect({:normal_exit, reason})
end
pid3 = spawn_link(fn -> exit({:tuple_reason, [1, 2]}) end)
receive do
  {:EXIT, ^pid3, {tag, data}} -> IO.inspect({:tuple, tag, data})
end
