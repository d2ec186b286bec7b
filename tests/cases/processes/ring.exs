# A ring of processes passing a token around twice
defmodule Ring do
  def start(n, parent) do
    first = self()
    next = Enum.reduce(1..(n - 1), first, fn _, nxt -> spawn(fn -> relay(nxt) end) end)
    receive do
      {:token, hops} when hops >= 2 * n -> send(parent, {:done, hops})
      {:token, hops} -> send(next, {:token, hops + 1}); loop(next, n, parent)
    end
  end
  defp loop(next, n, parent) do
    receive do
      {:token, hops} when hops >= 2 * n -> send(parent, {:done, hops})
      {:token, hops} -> send(next, {:token, hops + 1}); loop(next, n, parent)
    end
  end
  def relay(next) do
    receive do
      {:token, hops} -> send(next, {:token, hops + 1}); relay(next)
    end
  end
end
parent = self()
head = spawn(fn -> Ring.start(10, parent) end)
send(head, {:token, 0})
receive do
  {:done, hops} -> IO.inspect(hops)
end
