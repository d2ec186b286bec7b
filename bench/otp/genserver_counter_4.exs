# genserver_counter_4: four clients in parallel make 250,000
# GenServer.call/2 requests each (1,000,000 in all) to one counter
# GenServer. The server is the bottleneck: this measures how well the
# runtime keeps one busy process fed by several callers.
calls = 1_000_000
clients = 4

defmodule Counter do
  use GenServer

  def init(n), do: {:ok, n}
  def handle_call(:inc, _from, n), do: {:reply, :ok, n + 1}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

defmodule Client do
  def run(_server, 0), do: :ok
  def run(server, k) do
    :ok = GenServer.call(server, :inc)
    run(server, k - 1)
  end
end

{:ok, server} = GenServer.start_link(Counter, 0)
parent = self()
t0 = System.monotonic_time(:millisecond)

for id <- 1..clients do
  spawn_link(fn ->
    Client.run(server, div(calls, clients))
    send(parent, {:done, id})
  end)
end

for id <- 1..clients, do: receive(do: ({:done, ^id} -> :ok))
t1 = System.monotonic_time(:millisecond)
IO.puts("clients: #{clients} calls: #{calls} count: #{GenServer.call(server, :get)}")
IO.puts("elapsed_ms: #{t1 - t0}")
