# Task.await and friends when things go wrong: exits of tasks reaching the
# owner, timeouts, the owner check, ignore/1, completed/1 and await_many.
defmodule Probe do
  def run(fun) do
    try do
      {:ok, fun.()}
    catch
      :exit, reason -> {:caught_exit, reason}
    rescue
      e -> {:rescued, e.__struct__, Exception.message(e)}
    end
  end

  def shape({reason, {Task, fun, [%Task{} | _] = args}}), do: {reason, Task, fun, length(args)}
  def shape({reason, {Task, fun, [tasks, timeout]}}) when is_list(tasks), do: {reason, Task, fun, length(tasks), timeout}
  def shape(other), do: other
end

Logger.configure(level: :none)
Process.flag(:trap_exit, true)

IO.puts("-- a task that exits: await exits the owner with the task's reason")
t = Task.async(fn -> exit(:disk_full) end)
{:caught_exit, reason} = Probe.run(fn -> Task.await(t) end)
IO.inspect(Probe.shape(reason), label: "await")

receive do
  {:EXIT, pid, r} -> IO.inspect({pid == t.pid, r}, label: "and the link")
end

IO.puts("-- a timeout")
slow = Task.async(fn -> Process.sleep(1_000); :late end)
{:caught_exit, reason} = Probe.run(fn -> Task.await(slow, 20) end)
IO.inspect(Probe.shape(reason), label: "await with 20 ms")
IO.inspect(Task.shutdown(slow, :brutal_kill), label: "shutdown after the timeout")

IO.puts("-- await_many: one exit ends the wait")
tasks = [Task.async(fn -> :a end), Task.async(fn -> exit(:b_failed) end), Task.async(fn -> :c end)]
{:caught_exit, reason} = Probe.run(fn -> Task.await_many(tasks, 1_000) end)
IO.inspect(Probe.shape(reason), label: "await_many")
IO.inspect(Task.await_many([Task.async(fn -> 1 end), Task.async(fn -> 2 end)], :infinity), label: "infinity")
IO.inspect(Task.await_many([]), label: "no tasks")

IO.puts("-- only the owner may await")
mine = Task.async(fn -> :mine end)
parent = self()
spawn(fn -> send(parent, {:other, Probe.run(fn -> Task.await(mine, 100) end)}) end)

receive do
  {:other, {:rescued, mod, msg}} ->
    IO.inspect(mod, label: "from another process")
    IO.puts(String.replace(msg, ~r/#PID<[^>]+>|#Reference<[^>]+>/, "#X"))
end

IO.inspect(Task.await(mine), label: "the owner still can")

IO.puts("-- completed/1 and ignore/1")
done = Task.completed({:cached, 42})
IO.inspect({done.pid, done.mfa}, label: "completed task")
IO.inspect(Task.await(done), label: "awaited")
{:rescued, _, msg} = Probe.run(fn -> Task.shutdown(Task.completed(1)) end)
IO.puts(String.replace(msg, ~r/#PID<[^>]+>|#Reference<[^>]+>/, "#X"))

quick = Task.async(fn -> :quick end)
Process.sleep(50)
IO.inspect(Task.ignore(quick), label: "ignore after it replied")
running = Task.async(fn -> Process.sleep(100); send(parent, :ignored_task_finished) end)
IO.inspect(Task.ignore(running), label: "ignore while it runs")

receive do
  :ignored_task_finished -> IO.puts("the ignored task ran to its end")
end

IO.puts("-- yield, yield_many and shutdown of tasks that exited")
gone = Task.async(fn -> exit(:gone) end)
IO.inspect(Task.yield(gone, :infinity), label: "yield")
gone2 = Task.async(fn -> exit({:shutdown, :early}) end)
Process.sleep(50)
IO.inspect(Task.shutdown(gone2), label: "shutdown")
many = [Task.async(fn -> exit(:x) end), Task.async(fn -> :y end)]
IO.inspect(Enum.map(Task.yield_many(many, 500), &elem(&1, 1)), label: "yield_many")

# drain the exit signals of the linked tasks
exits =
  Stream.repeatedly(fn ->
    receive do
      {:EXIT, _, r} -> r
    after
      100 -> :none
    end
  end)
  |> Enum.take_while(&(&1 != :none))

IO.inspect(Enum.sort(exits), label: "exit signals")
