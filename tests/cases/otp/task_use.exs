# `use Task` child specs, Task.child_spec/1, the `$callers` chain, and
# start/start_link with module-function-args.
defmodule Cleanup do
  use Task, restart: :permanent, shutdown: 1_000

  def start_link(arg), do: Task.start_link(__MODULE__, :run, [arg])

  def run(arg) do
    send(arg, {:cleanup_ran, Process.get(:"$callers") == [arg]})
  end
end

defmodule Custom do
  use Task

  def child_spec(arg), do: Map.put(super(arg), :id, {:custom, arg})
  def start_link(_), do: Task.start_link(fn -> :ok end)
end

IO.inspect(Cleanup.child_spec(:x), label: "use Task with options")
IO.inspect(Custom.child_spec(7), label: "overridden child_spec")
IO.inspect(Task.child_spec(fn -> :ok end) |> Map.delete(:start), label: "Task.child_spec")
{Task, :start_link, [arg]} = Task.child_spec({M, :f, []}).start
IO.inspect(arg, label: "its argument")

try do
  defmodule Broken do
    use Task, colour: :blue
  end

  Broken.child_spec(1)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

{:ok, pid} = Cleanup.start_link(self())

receive do
  {:cleanup_ran, callers_ok} -> IO.inspect({is_pid(pid), callers_ok}, label: "started by start_link/1")
end

IO.puts("-- $callers of nested tasks")
me = self()

nested =
  Task.async(fn ->
    outer = self()
    inner = Task.async(fn -> Process.get(:"$callers") end)
    {Task.await(inner) == [outer, me], Process.get(:"$callers") == [me]}
  end)

IO.inspect(Task.await(nested), label: "inner and outer callers")

IO.puts("-- start/3 and start_link/3")
{:ok, _} = Task.start(Kernel, :send, [me, :from_start])
{:ok, _} = Task.start_link(Kernel, :send, [me, :from_start_link])

for tag <- [:from_start, :from_start_link] do
  receive do
    ^tag -> IO.puts("got #{tag}")
  end
end

Logger.configure(level: :none)
Process.flag(:trap_exit, true)
{:ok, linked} = Task.start_link(fn -> exit(:done_badly) end)

receive do
  {:EXIT, ^linked, reason} -> IO.inspect(reason, label: "linked exit")
end

IO.inspect(Enum.map([async: 1, await: 2, yield_many: 2], fn {f, a} -> function_exported?(Task, f, a) end), label: "exported")
