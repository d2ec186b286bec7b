# A stateful server loop: the state lives in the arguments of a recursive receive loop.
defmodule CounterServer do
  def start(initial), do: spawn(fn -> loop(%{count: initial, calls: 0}) end)

  def increment(pid, by \\ 1), do: send(pid, {:increment, by})

  def value(pid) do
    ref = make_ref()
    send(pid, {:value, self(), ref})
    receive do
      {^ref, value} -> value
    end
  end

  def stop(pid) do
    ref = make_ref()
    send(pid, {:stop, self(), ref})
    receive do
      {^ref, final} -> final
    end
  end

  defp loop(state) do
    receive do
      {:increment, by} ->
        loop(%{state | count: state.count + by, calls: state.calls + 1})
      {:value, from, ref} ->
        send(from, {ref, state.count})
        loop(%{state | calls: state.calls + 1})
      {:stop, from, ref} ->
        send(from, {ref, state})
    end
  end
end

server = CounterServer.start(0)
CounterServer.increment(server)
CounterServer.increment(server, 10)
IO.puts("value: #{CounterServer.value(server)}")
Enum.each(1..1000, fn _ -> CounterServer.increment(server) end)
IO.puts("value: #{CounterServer.value(server)}")
IO.inspect(CounterServer.stop(server), label: "final state")
Process.sleep(10)
IO.inspect(Process.alive?(server), label: "alive after stop")
