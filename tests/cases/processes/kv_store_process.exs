# A key-value store process holding a map
defmodule KV do
  def start, do: spawn(fn -> loop(%{}) end)
  defp loop(state) do
    receive do
      {:put, k, v} -> loop(Map.put(state, k, v))
      {:get, k, from} -> send(from, {:value, Map.get(state, k)}); loop(state)
      {:dump, from} -> send(from, {:state, state}); loop(state)
    end
  end
  def call(pid, msg) do
    send(pid, msg)
    receive do
      {:value, v} -> v
      {:state, s} -> s
    end
  end
end
kv = KV.start()
send(kv, {:put, :a, 1})
send(kv, {:put, "b", [2]})
send(kv, {:put, :a, 3})
IO.inspect(KV.call(kv, {:get, :a, self()}))
IO.inspect(KV.call(kv, {:get, :zzz, self()}))
IO.inspect(KV.call(kv, {:dump, self()}))
