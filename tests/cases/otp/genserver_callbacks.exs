# GenServer callbacks: replies with timeouts and continues, deferred
# replies, casts, plain messages, names, :sys and stop/terminate.
defmodule Box do
  use GenServer

  def init({:continue, items}), do: {:ok, [], {:continue, {:load, items}}}
  def init(:timeout_first), do: {:ok, [:waiting], 20}
  def init(items), do: {:ok, items}

  def handle_continue({:load, items}, _), do: {:noreply, items, {:continue, :loaded}}
  def handle_continue(:loaded, items), do: {:noreply, [:loaded | items]}

  def handle_call(:get, _from, s), do: {:reply, s, s}
  def handle_call({:put, x}, _from, s), do: {:reply, :ok, [x | s], :hibernate}
  def handle_call(:later, from, s), do: {:noreply, [{:waiting, from} | s]}
  def handle_call(:then_continue, _from, s), do: {:reply, :soon, s, {:continue, :loaded}}
  def handle_call(:thrown, _from, s), do: throw({:reply, :from_throw, s})
  def handle_call(:idle, _from, s), do: {:reply, :ok, s, 10}

  def handle_cast(:answer, [{:waiting, from} | rest]) do
    GenServer.reply(from, :answered)
    {:noreply, rest}
  end

  def handle_cast({:push, x}, s), do: {:noreply, [x | s]}

  def handle_info(:timeout, s), do: {:noreply, [:timed_out | s]}
  def handle_info({:ping, pid}, s), do: send(pid, {:pong, length(s)}) && {:noreply, s}

  def terminate(reason, _s), do: send(:test_main, {:terminate, reason})
end

Process.register(self(), :test_main)
{:ok, a} = GenServer.start_link(Box, {:continue, [1, 2]})
IO.inspect(GenServer.call(a, :get), label: "after continues")
IO.inspect(GenServer.call(a, {:put, 3}), label: "put")
IO.inspect(GenServer.call(a, :then_continue), label: "then continue")
IO.inspect(GenServer.call(a, :get), label: "state")
IO.inspect(GenServer.call(a, :thrown), label: "throw is a return")

parent = self()
spawn(fn -> send(parent, {:late, GenServer.call(a, :later)}) end)
:sys.get_state(a) |> length() |> then(fn _ -> :ok end)
Process.sleep(20)
GenServer.cast(a, :answer)
receive do
  {:late, r} -> IO.inspect(r, label: "deferred reply")
end

{:ok, b} = GenServer.start(Box, :timeout_first, name: :box_b)
Process.sleep(60)
IO.inspect(GenServer.call(:box_b, :get), label: "init timeout")
GenServer.call(:box_b, :idle)
Process.sleep(40)
IO.inspect(:sys.get_state(b), label: "idle timeout")
IO.inspect(GenServer.start(Box, [], name: :box_b) == {:error, {:already_started, b}}, label: "already started")
IO.inspect(GenServer.whereis(:box_b) == b, label: "whereis")
IO.inspect(GenServer.whereis(:nobody), label: "whereis unknown")
send(:box_b, {:ping, self()})
receive do
  {:pong, n} -> IO.inspect(n, label: "pong")
end

IO.inspect(GenServer.multi_call(:box_b, :get), label: "multi_call")
IO.inspect(GenServer.multi_call([node(), :other@host], :box_b, :get), label: "multi_call bad node")
IO.inspect(GenServer.abcast(:box_b, {:push, :ab}), label: "abcast")
IO.inspect(:sys.replace_state(:box_b, fn s -> Enum.take(s, 1) end), label: "replace_state")
:ok = :sys.suspend(:box_b)
GenServer.cast(:box_b, {:push, :while_suspended})
IO.inspect(:sys.get_state(:box_b), label: "suspended state")
{:status, _, {:module, :gen_server}, [_, status | _]} = :sys.get_status(:box_b)
IO.inspect(status, label: "status")
:ok = :sys.resume(:box_b)
IO.inspect(:sys.get_state(:box_b), label: "resumed state")

IO.inspect(GenServer.stop(:box_b, {:shutdown, :done}), label: "stop")
receive do
  {:terminate, r} -> IO.inspect(r, label: "terminate")
end
IO.inspect(Process.alive?(b), label: "alive")
IO.inspect(GenServer.stop(a), label: "stop a")
receive do
  {:terminate, r} -> IO.inspect(r, label: "terminate a")
end
