# Agent: closures and {m, f, a} forms, timeouts, names, use Agent.
defmodule Store do
  use Agent, restart: :temporary

  def start_link(initial), do: Agent.start_link(fn -> initial end, name: __MODULE__)
  def add(state, x), do: [x | state]
  def pop([h | t]), do: {h, t}
  def sized(state, n), do: Enum.take(state, n)
end

IO.inspect(Store.child_spec(:x), label: "child_spec")
IO.inspect(Agent.child_spec(:y), label: "Agent.child_spec")
{:ok, pid} = Store.start_link([1])
IO.inspect(Agent.update(Store, Store, :add, [2]), label: "update mfa")
IO.inspect(Agent.get(Store, Store, :sized, [1]), label: "get mfa")
IO.inspect(Agent.get_and_update(Store, Store, :pop, []), label: "get_and_update mfa")
IO.inspect(Agent.cast(Store, Store, :add, [3]), label: "cast mfa")
IO.inspect(Agent.get(Store, & &1, :infinity), label: "state")
IO.inspect(Agent.get(pid, &length/1), label: "by pid")

{:ok, m} = Agent.start(List, :duplicate, [:z, 3])
IO.inspect(Agent.get(m, & &1), label: "started from mfa")
{:ok, n} = Agent.start_link(Map, :new, [], name: :named_map)
Agent.update(:named_map, &Map.put(&1, :k, 1))
IO.inspect(Agent.get(:named_map, & &1), label: "named map")
IO.inspect(Agent.start(fn -> :dup end, name: :named_map) == {:error, {:already_started, n}}, label: "dup name")

Agent.cast(m, fn s -> Process.sleep(100) && s end)
try do
  Agent.get(m, & &1, 10)
catch
  :exit, {reason, {GenServer, :call, [_, {:get, _}, 10]}} -> IO.inspect(reason, label: "timed out")
end
IO.inspect(Agent.get(m, &length/1), label: "after the slow cast")
IO.inspect(Agent.stop(m, :shutdown), label: "stop")
IO.inspect(Agent.stop(:named_map, :normal, 1000), label: "stop named")
try do
  Agent.update(:named_map, & &1)
catch
  :exit, {reason, {GenServer, :call, [name | _]}} -> IO.inspect({reason, name}, label: "update after stop")
end
IO.inspect(Agent.start(fn -> exit(:no_state) end), label: "init exits")
IO.inspect(Agent.stop(Store), label: "stop store")
