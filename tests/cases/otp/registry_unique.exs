# Registry with unique keys: registration, lookups, values, updates,
# unregistering, meta data, listeners and the cleanup of a dead owner.
defmodule Listener do
  def start(name) do
    parent = self()

    pid =
      spawn(fn ->
        Process.register(self(), name)
        send(parent, :listening)
        loop([])
      end)

    receive do
      :listening -> pid
    end
  end

  defp loop(seen) do
    receive do
      {:events, from} ->
        send(from, {:events, Enum.reverse(seen)})
        loop(seen)

      event ->
        loop([event | seen])
    end
  end

  def events(name) do
    send(name, {:events, self()})

    receive do
      {:events, list} -> list
    end
  end
end

Listener.start(UniqueListener)

{:ok, reg} =
  Registry.start_link(keys: :unique, name: Names, listeners: [UniqueListener], meta: [owner: :me])

IO.inspect(is_pid(reg), label: "started")
IO.inspect(Registry.child_spec(keys: :unique, name: Names), label: "child_spec")
IO.inspect(Registry.child_spec(keys: :unique), label: "child_spec without name")
IO.inspect(Registry.meta(Names, :owner), label: "meta from start")

me = self()
{:ok, owner} = Registry.register(Names, :alpha, 1)
IO.inspect(is_pid(owner), label: "register gives a pid")
IO.inspect(Registry.register(Names, :alpha, 2) == {:error, {:already_registered, me}}, label: "twice")
{:ok, _} = Registry.register(Names, "beta", [1, 2])
{:ok, _} = Registry.register(Names, {:gamma, 3}, %{deep: {:value}})

IO.inspect(Registry.lookup(Names, :alpha) == [{me, 1}], label: "lookup alpha")
IO.inspect(Registry.lookup(Names, :nothing), label: "lookup missing")
IO.inspect(Registry.keys(Names, me), label: "keys, newest first")
IO.inspect(Registry.values(Names, "beta", me), label: "values of beta")
IO.inspect(Registry.values(Names, "beta", reg), label: "values for another pid")
IO.inspect(Registry.count(Names), label: "count")

IO.inspect(Registry.update_value(Names, :alpha, &(&1 + 41)), label: "update_value")
IO.inspect(Registry.update_value(Names, :missing, &(&1 + 1)), label: "update_value missing")
IO.inspect(Registry.lookup(Names, :alpha) == [{me, 42}], label: "alpha is 42")

# a key held by another process
parent = self()

other =
  spawn(fn ->
    {:ok, _} = Registry.register(Names, :delta, :theirs)
    send(parent, :registered)

    receive do
      :stop -> :ok
    end
  end)

receive do
  :registered -> :ok
end

IO.inspect(Registry.register(Names, :delta, :mine) == {:error, {:already_registered, other}},
  label: "delta is taken"
)

IO.inspect(Registry.update_value(Names, :delta, fn _ -> :stolen end), label: "update theirs")
IO.inspect(Registry.values(Names, :delta, other), label: "their value")
IO.inspect(Registry.keys(Names, other), label: "their keys")

# unregister_match only removes an entry whose value matches
IO.inspect(Registry.unregister_match(Names, "beta", [3 | :_]), label: "unregister_match no match")
IO.inspect(Registry.lookup(Names, "beta") |> length(), label: "beta entries")
IO.inspect(Registry.unregister_match(Names, "beta", [:"$1" | :_], [{:<, :"$1", 5}]),
  label: "unregister_match with guard"
)

IO.inspect(Registry.lookup(Names, "beta"), label: "beta after")
IO.inspect(Registry.unregister(Names, {:gamma, 3}), label: "unregister gamma")
IO.inspect(Registry.unregister(Names, :delta), label: "unregister someone else's")
IO.inspect(Registry.keys(Names, me), label: "keys now")
IO.inspect(Registry.count(Names), label: "count now")

# meta data
IO.inspect(Registry.put_meta(Names, {:config, 1}, "x"), label: "put_meta")
IO.inspect(Registry.meta(Names, {:config, 1}), label: "meta")
IO.inspect(Registry.delete_meta(Names, {:config, 1}), label: "delete_meta")
IO.inspect(Registry.meta(Names, {:config, 1}), label: "meta after delete")

# the owner dies: its key is free again
ref = Process.monitor(other)
send(other, :stop)

receive do
  {:DOWN, ^ref, _, _, _} -> :ok
end

IO.inspect(match?({:ok, _}, Registry.register(Names, :delta, :mine)), label: "delta taken over")
IO.inspect(Registry.lookup(Names, :delta) == [{me, :mine}], label: "delta is ours")

events =
  for event <- Listener.events(UniqueListener) do
    case event do
      {:register, Names, key, ^me, value} -> {:register, key, value}
      {:register, Names, key, ^other, value} -> {:register_other, key, value}
      {:unregister, Names, key, ^me} -> {:unregister, key}
      {:unregister, Names, key, ^other} -> {:unregister_other, key}
    end
  end

IO.inspect(events, label: "listener saw")

{:error, {:already_started, ^reg}} = Registry.start_link(keys: :unique, name: Names)
IO.puts("already started")
