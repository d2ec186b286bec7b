# :global on one node: names of any term, taken once, a pid holding one
# name, re-registering, send/2, and a name freed when its process dies.
pid = spawn(fn -> :ok end)
Process.sleep(10)
IO.inspect(:global.register_name(:dead, pid))
IO.inspect(:global.whereis_name(:dead))
IO.inspect(:global.registered_names())
IO.inspect(:global.unregister_name(:nope))
IO.inspect(:global.register_name({:a, 1}, self()))
IO.inspect(:global.register_name({:a, 1}, self()))
IO.inspect(:global.send({:a, 1}, :hi) == self())
receive do m -> IO.inspect(m) end
p2 = spawn(fn -> Process.sleep(100) end)
IO.inspect(:global.re_register_name({:a, 1}, p2))
IO.inspect(:global.whereis_name({:a, 1}) == p2)
IO.inspect(:global.re_register_name({:a, 1}, self()))
IO.inspect(:global.re_register_name({:a, 3}, self()))
IO.inspect(:global.registered_names() |> Enum.sort())
IO.inspect(:global.whereis_name({:a, 1}) == self())
IO.inspect(:global.register_name(:x, p2, fn _, _, _ -> :none end))
IO.inspect(:global.register_name(:x, self(), fn _, _, _ -> :none end))
IO.inspect(:global.send(:x, 1) == p2)
IO.inspect(:global.unregister_name(:x))
IO.inspect(:global.registered_names() |> Enum.sort())
IO.inspect(:global.sync())

# A registered process that dies loses its name; another may take it.
{worker, ref} = spawn_monitor(fn -> receive do :stop -> :ok end end)
IO.inspect(:global.register_name("worker", worker))
IO.inspect(:global.whereis_name("worker") == worker)
:global.send("worker", :stop)
receive do {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason) end
Process.sleep(50)
IO.inspect(:global.whereis_name("worker"))
IO.inspect("worker" in :global.registered_names())
IO.inspect(:global.register_name("worker", p2))

# Wrong arguments.
IO.inspect(try do :global.send(:none, 1) catch k, v -> {k, v} end)
IO.inspect(try do :global.register_name(:y, :notpid) catch k, v -> {k, v} end)
IO.inspect(:global.whereis_name(1))
IO.inspect(try do :global.re_register_name(:z, :notpid) catch k, v -> {k, v} end)

try do
  :global.register_name(:y, "not a pid")
rescue
  e -> IO.puts(Exception.message(e))
end
