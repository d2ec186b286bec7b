# A stateful server loop with requests and replies
defmodule Counter do
  def start(initial), do: spawn(fn -> loop(initial) end)
  defp loop(count) do
    receive do
      {:inc, by} -> loop(count + by)
      {:get, from} -> send(from, {:count, count}); loop(count)
      :stop -> :ok
    end
  end
  def get(pid) do
    send(pid, {:get, self()})
    receive do
      {:count, c} -> c
    end
  end
end
c = Counter.start(10)
send(c, {:inc, 5})
send(c, {:inc, -2})
IO.inspect(Counter.get(c))
Enum.each(1..100, fn _ -> send(c, {:inc, 1}) end)
IO.inspect(Counter.get(c))
send(c, :stop)
Process.sleep(10)
IO.inspect(Process.alive?(c))
