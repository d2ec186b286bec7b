# Task.Supervisor: linked and unlinked tasks, start_child with restart and
# shutdown options, children and terminate_child, async_stream(_nolink),
# max_children, child_spec, and what a supervised task knows of its
# callers and ancestors.
Logger.configure(level: :none)

IO.inspect(Task.Supervisor.child_spec(name: Sup), label: "child_spec")
IO.inspect(Task.Supervisor.child_spec([]), label: "child_spec without name")
{:ok, _sup} = Task.Supervisor.start_link(name: Sup)
{:ok, anon} = Task.Supervisor.start_link()
IO.inspect(is_pid(anon), label: "start_link/0")

t = Task.Supervisor.async(Sup, fn -> {Process.get(:"$callers"), Process.get(:"$ancestors")} end)
{callers, ancestors} = Task.await(t)
IO.inspect(callers == [self()], label: "$callers")
IO.inspect(ancestors == [Sup, self()], label: "ancestors: the supervisor's name, then us")
IO.inspect(t.mfa, label: "mfa of a fun task")

t = Task.Supervisor.async(anon, String, :upcase, ["abc"])
IO.inspect({t.mfa, Task.await(t)}, label: "mfa task")
t = Task.Supervisor.async_nolink(Sup, Enum, :sum, [[1, 2, 3]], shutdown: :brutal_kill)
IO.inspect(Task.await(t), label: "async_nolink mfa")

# a crash of an unlinked task is only a DOWN
t = Task.Supervisor.async_nolink(Sup, fn -> exit(:oops) end)
IO.inspect(Task.yield(t, 1000), label: "yield crashed")
t = Task.Supervisor.async_nolink(Sup, fn -> raise "bad" end)

try do
  Task.await(t)
catch
  :exit, {{%RuntimeError{message: m}, _}, {Task, :await, _}} -> IO.inspect(m, label: "await exit")
end

# a crash of a linked task reaches the caller through the link
Process.flag(:trap_exit, true)
%Task{pid: linked, ref: linked_ref} = Task.Supervisor.async(Sup, fn -> exit(:linked_crash) end)

receive do
  {:EXIT, ^linked, reason} -> IO.inspect(reason, label: "EXIT from linked task")
end

receive do
  {:DOWN, ^linked_ref, _, _, reason} -> IO.inspect(reason, label: "DOWN from linked task")
end

Process.flag(:trap_exit, false)

# start_child: temporary by default, transient restarts after a crash
parent = self()
{:ok, _} = Task.Supervisor.start_child(Sup, fn -> send(parent, {:ran, Process.get(:"$callers") == [parent]}) end)

receive do
  {:ran, callers_ok} -> IO.inspect(callers_ok, label: "start_child ran, callers")
end

{:ok, counter} = Agent.start_link(fn -> 0 end)

flaky = fn ->
  n = Agent.get_and_update(counter, &{&1 + 1, &1 + 1})
  if n < 3, do: exit(:again), else: send(parent, {:finally, n})
end

{:ok, _} = Task.Supervisor.start_child(Sup, flaky, restart: :transient)

receive do
  {:finally, n} -> IO.inspect(n, label: "transient task succeeded on run")
end

{:ok, _} = Task.Supervisor.start_child(Sup, Kernel, :send, [parent, :mfa_child])

receive do
  :mfa_child -> IO.puts("mfa child ran")
end

# children and terminate_child, with each shutdown kind
sleepers =
  for shutdown <- [:brutal_kill, 100, :infinity] do
    {:ok, pid} = Task.Supervisor.start_child(Sup, fn -> Process.sleep(:infinity) end, shutdown: shutdown)
    pid
  end

IO.inspect(Enum.sort(Task.Supervisor.children(Sup)) == Enum.sort(sleepers), label: "children")
refs = Enum.map(sleepers, &Process.monitor/1)
IO.inspect(Enum.map(sleepers, &Task.Supervisor.terminate_child(Sup, &1)), label: "terminate_child")

reasons =
  for ref <- refs do
    receive do
      {:DOWN, ^ref, _, _, reason} -> reason
    end
  end

IO.inspect(reasons, label: "terminated with")
IO.inspect(Task.Supervisor.terminate_child(Sup, hd(sleepers)), label: "terminate again")
IO.inspect(Task.Supervisor.children(Sup), label: "children now")

# async_stream in all its forms
IO.inspect(Task.Supervisor.async_stream(Sup, 1..5, &(&1 * 10)) |> Enum.to_list(), label: "async_stream")

IO.inspect(Task.Supervisor.async_stream(Sup, ["a", "b"], String, :duplicate, [3]) |> Enum.to_list(),
  label: "async_stream mfa"
)

nolink =
  Task.Supervisor.async_stream_nolink(Sup, [1, 0, 2], fn x -> div(10, x) end)
  |> Enum.map(fn
    {:ok, v} -> v
    {:exit, {:badarith, _}} -> :crashed
  end)

IO.inspect(nolink, label: "async_stream_nolink")

IO.inspect(
  Task.Supervisor.async_stream_nolink(Sup, [1, 2], Integer, :to_string, [2], max_concurrency: 1)
  |> Enum.to_list(),
  label: "async_stream_nolink mfa"
)

slow =
  Task.Supervisor.async_stream_nolink(Sup, [10, 500], &Process.sleep/1, timeout: 100, on_timeout: :kill_task)
  |> Enum.to_list()

IO.inspect(slow, label: "on_timeout kill_task")

# max_children
{:ok, small} = Task.Supervisor.start_link(max_children: 1)
{:ok, _} = Task.Supervisor.start_child(small, fn -> Process.sleep(:infinity) end)
IO.inspect(Task.Supervisor.start_child(small, fn -> :ok end), label: "start_child over max")

try do
  Task.Supervisor.async_nolink(small, fn -> :ok end)
rescue
  e in RuntimeError -> IO.puts(e.message)
end

# a Task.Supervisor under a Supervisor
{:ok, top} = Supervisor.start_link([{Task.Supervisor, name: Inner}], strategy: :one_for_one)
IO.inspect(Supervisor.which_children(top) |> Enum.map(fn {id, _, type, _} -> {id, type} end), label: "under Supervisor")
IO.inspect(Task.Supervisor.async(Inner, fn -> :inner end) |> Task.await(), label: "inner")
IO.inspect(Supervisor.stop(top), label: "stop")
