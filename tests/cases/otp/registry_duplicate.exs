# Registry with duplicate keys: several entries per key and per process,
# lookups in registration order, dispatch (function and MFA),
# unregister_match keeping the rest, and the cleanup after owners die.
Logger.configure(level: :none)
{:ok, _} = Registry.start_link(keys: :duplicate, name: Topics, partitions: 1)

defmodule Sub do
  def start(topics) do
    parent = self()

    pid =
      spawn(fn ->
        for {topic, value} <- topics, do: {:ok, _} = Registry.register(Topics, topic, value)
        send(parent, {:ready, self()})
        loop()
      end)

    receive do
      {:ready, ^pid} -> pid
    end
  end

  defp loop do
    receive do
      {:msg, from, payload} ->
        send(from, {:ack, self(), payload})
        loop()

      :crash ->
        raise "boom"

      :quit ->
        :ok
    end
  end

  def wait_count(n, tries \\ 400) do
    c = Registry.count(Topics)
    if c == n or tries == 0, do: c, else: (Process.sleep(5); wait_count(n, tries - 1))
  end

  def collect(n), do: for(_ <- 1..n//1, do: receive(do: ({:ack, _pid, p} -> p)))

  def send_all(entries, payload) do
    for {pid, _} <- entries, do: send(pid, {:msg, self(), payload})
  end
end

me = self()
{:ok, _} = Registry.register(Topics, :news, :first)
{:ok, _} = Registry.register(Topics, :news, :second)
{:ok, _} = Registry.register(Topics, :sport, :third)
{:ok, _} = Registry.register(Topics, :news, :fourth)

IO.inspect(Registry.lookup(Topics, :news) |> Enum.map(fn {pid, v} -> {pid == me, v} end),
  label: "lookup in registration order"
)

IO.inspect(Registry.keys(Topics, me), label: "keys")
IO.inspect(Registry.values(Topics, :news, me), label: "values")
IO.inspect(Registry.count(Topics), label: "count")

# unregister_match drops only the matching entries of this process
:ok = Registry.unregister_match(Topics, :news, :second)
IO.inspect(Registry.values(Topics, :news, me), label: "after unregister_match :second")
IO.inspect(Registry.keys(Topics, me), label: "keys after")
:ok = Registry.unregister_match(Topics, :news, :"$1", [{:is_atom, :"$1"}])
IO.inspect(Registry.values(Topics, :news, me), label: "after unregister_match atoms")
:ok = Registry.unregister(Topics, :sport)
IO.inspect(Registry.keys(Topics, me), label: "keys empty")

a = Sub.start(news: 1, sport: 2)
b = Sub.start(news: 3, weather: 4)
c = Sub.start(news: 5)
IO.inspect(Sub.wait_count(5), label: "count with subscribers")

Registry.dispatch(Topics, :news, fn entries -> Sub.send_all(entries, :hello) end)
IO.inspect(Enum.sort(Sub.collect(3)), label: "news acks")

IO.inspect(Registry.dispatch(Topics, :weather, {Sub, :send_all, [:rain]}), label: "mfa dispatch")
IO.inspect(Sub.collect(1), label: "weather acks")

called = Registry.dispatch(Topics, :nobody, fn _ -> send(self(), :called) end)

got =
  receive do
    :called -> :called
  after
    50 -> :not_called
  end

IO.inspect({called, got}, label: "dispatch on an empty key")

rescue_msg = fn f ->
  try do
    f.()
  rescue
    e in ArgumentError -> e.message
  end
end

IO.inspect(rescue_msg.(fn -> Registry.update_value(Topics, :news, & &1) end), label: "update_value")
IO.inspect(rescue_msg.(fn -> Registry.whereis_name({Topics, :news}) end), label: "via")

# owners die in different ways: their entries go
for {pid, how} <- [{a, :quit}, {b, :crash}] do
  ref = Process.monitor(pid)
  send(pid, how)

  receive do
    {:DOWN, ^ref, _, _, _} -> :ok
  end
end

IO.inspect(Sub.wait_count(1), label: "count after two died")
IO.inspect(Registry.lookup(Topics, :news) == [{c, 5}], label: "only c left")
IO.inspect(Registry.lookup(Topics, :weather), label: "weather")
Process.exit(c, :kill)
IO.inspect(Sub.wait_count(0), label: "count after kill")
IO.inspect(Registry.keys(Topics, c), label: "keys of the killed")
