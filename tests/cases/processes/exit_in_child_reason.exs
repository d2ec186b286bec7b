# Different exit reasons seen by a monitor
defmodule Wait do
  def down(ref) do
    receive do
      {:DOWN, ^ref, :process, _pid, got} -> got
    end
  end
end
reasons = [:normal, :shutdown, {:shutdown, :tmp}, :custom, {:error, 42}]
for r <- reasons do
  pid = spawn(fn -> receive do: (:go -> exit(r)) end)
  ref = Process.monitor(pid)
  send(pid, :go)
  IO.inspect(Wait.down(ref))
end
