# GenServer.call's paths: to a pid, by name, with :infinity, a call that
# times out (and whose late reply must not stay in the caller's mailbox),
# a call to a dead pid, to an unknown name, a process calling itself, and a
# server that replies later through GenServer.reply/2.
defmodule Slow do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call({:sleep, ms}, _from, n), do: (Process.sleep(ms); {:reply, :late, n})
  def handle_call(:defer, from, n), do: (send(self(), {:answer, from}); {:noreply, n})
  def handle_call(:inc, _from, n), do: {:reply, n + 1, n + 1}
  def handle_info({:answer, from}, n), do: (GenServer.reply(from, {:deferred, n}); {:noreply, n})
end

defmodule T do
  def catch_exit(f) do
    try do
      f.()
    catch
      :exit, reason -> reason
    end
  end
end

{:ok, pid} = GenServer.start(Slow, 0, name: :slow)
IO.inspect(GenServer.call(pid, :inc))
IO.inspect(GenServer.call(:slow, :inc))
IO.inspect(GenServer.call(pid, :inc, :infinity))
IO.inspect(GenServer.call(pid, :defer))

case T.catch_exit(fn -> GenServer.call(pid, {:sleep, 200}, 50) end) do
  {:timeout, {GenServer, :call, [^pid, {:sleep, 200}, 50]}} -> IO.puts("timeout")
  x -> IO.inspect(x, label: "unexpected")
end
Process.sleep(300)
IO.inspect(Process.info(self(), :message_queue_len))
IO.inspect(GenServer.call(pid, :inc))

me = self()
case T.catch_exit(fn -> GenServer.call(me, :x) end) do
  {:calling_self, {GenServer, :call, [^me, :x, 5000]}} -> IO.puts("calling_self")
  x -> IO.inspect(x, label: "unexpected")
end

GenServer.stop(pid)
case T.catch_exit(fn -> GenServer.call(pid, :inc) end) do
  {:noproc, {GenServer, :call, [^pid, :inc, 5000]}} -> IO.puts("noproc for a dead pid")
  x -> IO.inspect(x, label: "unexpected")
end
IO.inspect(T.catch_exit(fn -> GenServer.call(:nobody, :inc) end))
IO.inspect(T.catch_exit(fn -> GenServer.call(:nobody, :inc, 10) end))
