# genserver_counter_1: one client makes 1,000,000 GenServer.call/2 requests
# to a counter GenServer (each call increments and returns the count), then
# reads the total. Exercises GenServer's call path: monitor, tagged request,
# selective receive on the reply, demonitor.
calls = 1_000_000

defmodule Counter do
  use GenServer

  def init(n), do: {:ok, n}
  def handle_call(:inc, _from, n), do: {:reply, n + 1, n + 1}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

defmodule Client do
  def run(_server, 0, acc), do: acc
  def run(server, k, acc), do: run(server, k - 1, acc + GenServer.call(server, :inc))
end

{:ok, server} = GenServer.start_link(Counter, 0)
t0 = System.monotonic_time(:millisecond)
checksum = Client.run(server, calls, 0)
t1 = System.monotonic_time(:millisecond)
IO.puts("calls: #{calls} count: #{GenServer.call(server, :get)} checksum: #{checksum}")
IO.puts("elapsed_ms: #{t1 - t0}")
