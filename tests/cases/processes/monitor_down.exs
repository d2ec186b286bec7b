# Monitors deliver a :DOWN message with the exit reason
defmodule Wait do
  def down(ref) do
    receive do
      {:DOWN, ^ref, :process, pid, reason} -> {is_pid(pid), reason}
    end
  end
end
pid = spawn(fn ->
  receive do
    :go -> exit(:finished_badly)
  end
end)
ref = Process.monitor(pid)
IO.inspect(is_reference(ref))
send(pid, :go)
IO.inspect(Wait.down(ref))
pid2 = spawn(fn -> :ok end)
ref2 = Process.monitor(pid2)
IO.inspect(Wait.down(ref2))
dead = spawn(fn -> :ok end)
Process.sleep(20)
ref3 = Process.monitor(dead)
IO.inspect(Wait.down(ref3))
