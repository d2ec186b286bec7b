# Registry as a name service: {:via, Registry, ...} names for Agents and
# GenServers (with a value attached), Registry.send, unregister_name, a
# registry under a Supervisor, and the errors of an unknown registry and
# of bad start options.
Logger.configure(level: :none)

children = [{Registry, keys: :unique, name: Names}]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, _, type, _} -> {id, type} end),
  label: "under a supervisor"
)

counter = {:via, Registry, {Names, {:counter, 1}}}
{:ok, agent} = Agent.start_link(fn -> 0 end, name: counter)
Agent.update(counter, &(&1 + 5))
IO.inspect(Agent.get(counter, & &1), label: "agent through via")
IO.inspect(Registry.lookup(Names, {:counter, 1}) == [{agent, nil}], label: "value nil")

tagged = {:via, Registry, {Names, :tagged, %{role: :cache}}}
{:ok, tagged_pid} = Agent.start_link(fn -> :state end, name: tagged)
IO.inspect(Registry.lookup(Names, :tagged) == [{tagged_pid, %{role: :cache}}], label: "value given")
IO.inspect(Agent.get({:via, Registry, {Names, :tagged}}, & &1), label: "either form")
IO.inspect(match?({:error, {:already_started, ^tagged_pid}}, Agent.start_link(fn -> 1 end, name: tagged)),
  label: "already started"
)

# the via callbacks themselves
IO.inspect(Registry.whereis_name({Names, :tagged}) == tagged_pid, label: "whereis_name")
IO.inspect(Registry.whereis_name({Names, :nobody}), label: "whereis_name missing")
IO.inspect(Registry.register_name({Names, :me}, self()), label: "register_name")
IO.inspect(Registry.register_name({Names, :me}, self()), label: "register_name twice")
IO.inspect(Registry.send({Names, :me}, :hello), label: "send")

receive do
  :hello -> IO.puts("got hello")
end

IO.inspect(Registry.send({Names, :me, :ignored}, :again), label: "send with a value")

receive do
  :again -> IO.puts("got again")
end

try do
  Registry.send({Names, :nobody}, :lost)
rescue
  e -> IO.inspect(e, label: "send to nobody")
end

IO.inspect(Registry.unregister_name({Names, :me}), label: "unregister_name")
IO.inspect(Registry.whereis_name({Names, :me}), label: "after unregister_name")

:ok = Agent.stop(counter)
IO.inspect(Registry.whereis_name({Names, {:counter, 1}}), label: "whereis after stop")

try do
  Agent.get(counter, & &1)
catch
  :exit, {:noproc, {GenServer, :call, [name, _, _]}} -> IO.inspect(name, label: "noproc for")
end

# an unknown registry
for f <- [
      fn -> Registry.lookup(Missing, :k) end,
      fn -> Registry.register(Missing, :k, 1) end,
      fn -> Registry.count(Missing) end,
      fn -> Registry.keys(Missing, self()) end,
      fn -> Registry.select(Missing, []) end,
      fn -> Registry.put_meta(Missing, :k, 1) end,
      fn -> Registry.meta(Missing, :k) end,
      fn -> Registry.whereis_name({Missing, :k}) end
    ] do
  try do
    f.()
  rescue
    e in ArgumentError -> IO.puts(e.message)
  end
end

try do
  Registry.meta(Names, "not an atom or tuple")
rescue
  e in FunctionClauseError -> IO.puts(Exception.message(e))
end

# start options
for opts <- [
      [name: NoKeys],
      [keys: :other, name: Bad],
      [keys: :unique],
      [keys: :unique, name: "string"],
      [keys: :unique, name: Bad, meta: [1]],
      [keys: :unique, name: Bad, partitions: 0],
      [keys: :unique, name: Bad, listeners: ["x"]],
      [keys: :unique, name: Bad, compressed: :yes]
    ] do
  try do
    Registry.start_link(opts)
  rescue
    e in ArgumentError -> IO.puts(e.message)
  end
end

# a registry that stops is unknown afterwards
{:ok, short} = Registry.start_link(keys: :duplicate, name: ShortLived)
Process.unlink(short)
ref = Process.monitor(short)
Process.exit(short, :shutdown)

receive do
  {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "registry down")
end

try do
  Registry.lookup(ShortLived, :k)
rescue
  e in ArgumentError -> IO.puts(e.message)
end

# registrants are linked to their registry: stopping it takes them along
Process.unlink(tagged_pid)
tagged_ref = Process.monitor(tagged_pid)
IO.inspect(Supervisor.stop(sup), label: "stop")

receive do
  {:DOWN, ^tagged_ref, _, _, reason} -> IO.inspect(reason, label: "registered agent down")
end
