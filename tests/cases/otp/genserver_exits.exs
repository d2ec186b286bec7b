# How a GenServer's failures reach its callers: exit reasons of call/stop,
# crash reasons OTP's way, terminate/2 on every path, init failures.
if Code.ensure_loaded?(Logger), do: Logger.configure(level: :none)

defmodule Fragile do
  use GenServer

  def init(:raise), do: raise("no init")
  def init(:exit), do: exit(:init_exit)
  def init(:bad), do: :what
  def init(:ignore), do: :ignore
  def init(:trap) do
    Process.flag(:trap_exit, true)
    {:ok, :trapping}
  end
  def init(s), do: {:ok, s}

  def handle_call(:raise, _, _), do: raise(ArgumentError, "bad call")
  def handle_call(:div, _, s), do: {:reply, div(1, s), s}
  def handle_call(:exit, _, _), do: exit({:custom, 1})
  def handle_call(:bad, _, _), do: :nonsense
  def handle_call(:stop, _, s), do: {:stop, :stopped, s}
  def handle_call(:slow, _, s), do: Process.sleep(100) && {:reply, :slow, s}
  def handle_call(:self, _, s), do: {:reply, GenServer.call(self(), :x), s}

  def terminate(reason, _), do: send(:exits_main, {:terminate, reason})
end

defmodule Probe do
  def call(pid, msg, timeout \\ 5000) do
    ref = Process.monitor(pid)
    result =
      try do
        GenServer.call(pid, msg, timeout)
      catch
        :exit, {reason, {GenServer, :call, [_, ^msg, ^timeout]}} -> {:exit, shape(reason)}
      end
    down = receive do
      {:DOWN, ^ref, :process, _, r} -> shape(r)
    after
      200 -> Process.demonitor(ref, [:flush]) && :alive
    end
    term = receive do
      {:terminate, r} -> shape(r)
    after
      0 -> :none
    end
    IO.inspect({msg, result, down, term})
  end

  def shape({%{__exception__: true} = e, stack}) when is_list(stack), do: {e, :stack}
  def shape({reason, stack}) when is_atom(reason) and is_list(stack), do: {reason, :stack}
  def shape(other), do: other
end

Process.register(self(), :exits_main)
for msg <- [:raise, :div, :exit, :bad, :stop, :self] do
  {:ok, pid} = GenServer.start(Fragile, 0)
  Probe.call(pid, msg)
end

{:ok, pid} = GenServer.start(Fragile, 1)
Probe.call(pid, :slow, 10)
IO.inspect(GenServer.call(pid, :div), label: "still serving")
try do
  GenServer.call(:not_there, :x)
catch
  :exit, reason -> IO.inspect(reason, label: "no such name")
end

for arg <- [:raise, :exit, :bad, :ignore] do
  case GenServer.start(Fragile, arg) do
    {:error, {%RuntimeError{message: m}, stack}} when is_list(stack) -> IO.puts("init raised: #{m}")
    other -> IO.inspect(other, label: "init #{arg}")
  end
end

# a trapping server terminates when its parent's exit signal arrives
Process.flag(:trap_exit, true)
parent = spawn(fn ->
  {:ok, s} = GenServer.start_link(Fragile, :trap)
  send(:exits_main, {:server, s})
  receive do: (:go -> exit(:parent_gone))
end)
receive do
  {:server, s} ->
    ref = Process.monitor(s)
    send(parent, :go)
    receive do: ({:terminate, r} -> IO.inspect(r, label: "terminate on parent exit"))
    receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "server exit"))
end

{:ok, s} = GenServer.start(Fragile, 0)
try do
  GenServer.stop(s, :normal, 0)
catch
  :exit, {reason, {GenServer, :stop, _}} -> IO.inspect(reason, label: "stop reason")
end
receive do: ({:terminate, r} -> IO.inspect(r, label: "terminate on stop"))
