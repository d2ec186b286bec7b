# {:global, name}: GenServer, Agent and Supervisor registered, called and
# restarted under global names; a process that ends loses its name.
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast({:add, k}, n), do: {:noreply, n + k}
end

{:ok, pid} = GenServer.start_link(Counter, 1, name: {:global, :counter})
IO.inspect(:global.whereis_name(:counter) == pid)
IO.inspect(GenServer.whereis({:global, :counter}) == pid)
GenServer.cast({:global, :counter}, {:add, 4})
IO.inspect(GenServer.call({:global, :counter}, :get))
IO.inspect(GenServer.start(Counter, 1, name: {:global, :counter}) == {:error, {:already_started, pid}})

{:ok, agent} = Agent.start(fn -> [:a] end, name: {:global, {:agent, 1}})
Agent.update({:global, {:agent, 1}}, &[:b | &1])
IO.inspect(Agent.get({:global, {:agent, 1}}, & &1))
IO.inspect(:global.registered_names() |> Enum.sort())

ref = Process.monitor(agent)
Agent.stop({:global, {:agent, 1}})
receive do {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason) end
# The BEAM's name server forgets a dead process's name a moment later.
Process.sleep(50)
IO.inspect(:global.whereis_name({:agent, 1}))
IO.inspect(:global.registered_names())

Process.flag(:trap_exit, true)
children = [%{id: Counter, start: {GenServer, :start_link, [Counter, 10, [name: {:global, :in_sup}]]}}]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, name: {:global, :sup})
IO.inspect(:global.whereis_name(:sup) == sup)
IO.inspect(GenServer.call({:global, :in_sup}, :get))
IO.inspect(Supervisor.count_children({:global, :sup}))
old = :global.whereis_name(:in_sup)
ref = Process.monitor(old)
Process.exit(old, :kill)
receive do {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason) end
Process.sleep(50)
new = :global.whereis_name(:in_sup)
IO.inspect(is_pid(new) and new != old)
IO.inspect(GenServer.call({:global, :in_sup}, :get))

IO.inspect(try do GenServer.call({:global, :nobody}, :get) catch :exit, r -> r end)
IO.inspect(GenServer.whereis({:global, :nobody}))
Supervisor.stop({:global, :sup})
Process.sleep(50)
IO.inspect(:global.registered_names() |> Enum.sort())
IO.inspect(try do :global.send(:counter_gone, :hi) catch :exit, r -> r end)
