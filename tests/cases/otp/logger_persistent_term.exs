# :persistent_term, the VM-wide table Logger's configuration lives in, and
# a Logger configuration made in one process holding in every other.
require Logger

IO.inspect(:persistent_term.put({:app, :limits}, %{max: 10}), label: "put")
IO.inspect(:persistent_term.get({:app, :limits}), label: "get")
IO.inspect(:persistent_term.get({:app, :missing}, :default), label: "get/2 missing")
:persistent_term.put({:app, :limits}, %{max: 20})
IO.inspect(:persistent_term.get({:app, :limits}), label: "replaced")

try do
  :persistent_term.get({:app, :missing})
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

parent = self()

spawn(fn ->
  :persistent_term.put(:from_child, [1, 2, 3])
  send(parent, {:child_sees, :persistent_term.get({:app, :limits})})
end)

receive do
  {:child_sees, v} -> IO.inspect(v, label: "child sees")
end

IO.inspect(:persistent_term.get(:from_child), label: "parent sees the child's")
mine = for {k, v} <- :persistent_term.get(), k in [:from_child, {:app, :limits}], do: {k, v}
IO.inspect(Enum.sort(mine), label: "get/0 holds them")
IO.inspect(:persistent_term.erase(:from_child), label: "erase")
IO.inspect(:persistent_term.erase(:from_child), label: "erase again")
IO.inspect(:persistent_term.get(:from_child, nil), label: "after erase")
IO.inspect(is_integer(:persistent_term.info().count), label: "info count")

IO.puts("-- Logger configured by another process")
Logger.configure_backend(:console, format: "[$level] $metadata$message\n", metadata: [:who])

spawn(fn ->
  Logger.configure(level: :warning)
  Logger.configure_backend(:console, metadata: [:who, :where])
  send(parent, :configured)
end)

receive do
  :configured -> :ok
end

IO.inspect(Logger.level(), label: "level seen by main")
Logger.info("dropped everywhere", who: :main)
Logger.warning("kept", who: :main, where: "here")

{_, ref} =
  spawn_monitor(fn ->
    Logger.metadata(who: :worker)
    Logger.error("from a worker")
  end)

receive do
  {:DOWN, ^ref, _, _, _} -> :ok
end

Logger.flush()
IO.puts("done")
