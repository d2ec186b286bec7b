# :erlang.alias/0,1, :erlang.unalias/1, :erlang.monitor/3's alias option,
# and sends to an alias: delivered only while it is active.
defmodule T do
  def recv(label) do
    receive do
      m -> IO.inspect(m, label: label)
    after
      20 -> IO.puts("#{label}: nothing")
    end
  end

  def id(x), do: x

  def down(m) do
    receive do
      {:DOWN, ^m, :process, who, reason} when is_pid(who) -> IO.inspect(reason, label: "DOWN")
      {:DOWN, ^m, :process, who, reason} -> IO.inspect({who, reason}, label: "DOWN")
    end
  end

  def flush do
    receive do
      {:DOWN, _, :process, _, r} -> IO.inspect(r, label: "DOWN"); flush()
      m -> IO.inspect(m, label: "flushed"); flush()
    after
      20 -> :ok
    end
  end
end

a = T.id(:erlang.alias())
IO.inspect(is_reference(a), label: "alias is a reference")
send(a, :one)
T.recv("explicit")
IO.inspect(:erlang.unalias(a), label: "unalias")
IO.inspect(:erlang.unalias(a), label: "unalias again")
IO.inspect(send(a, :two), label: "send returns")
T.recv("after unalias")

r = :erlang.alias([:reply])
send(r, :r1)
send(r, :r2)
T.recv("reply 1")
T.recv("reply 2")
IO.inspect(:erlang.unalias(r), label: "unalias reply alias")

e = :erlang.alias([:explicit_unalias])
parent = self()
spawn(fn -> send(e, {:from_child, 1}); send(e, {:from_child, 2}); send(parent, :done) end)
receive do :done -> :ok end
T.recv("child 1")
T.recv("child 2")
IO.inspect(:erlang.unalias(e), label: "unalias")

# alias: :demonitor ends with demonitor/1
pid = spawn(fn -> receive do {:go, to} -> send(to, :reply1) end; receive do :stop -> :ok end end)
m = T.id(:erlang.monitor(:process, pid, [alias: :demonitor]))
send(pid, {:go, m})
T.recv("demonitor alias")
IO.inspect(Process.demonitor(m, [:flush]), label: "demonitor")
send(T.id(m), :after_demonitor)
T.recv("after demonitor")
IO.inspect(:erlang.unalias(m), label: "unalias after demonitor")
send(pid, :stop)

# alias: :demonitor ends with the DOWN
pid = spawn(fn -> receive do :stop -> :ok end end)
m = T.id(:erlang.monitor(:process, pid, [alias: :demonitor]))
send(T.id(m), :before_down)
T.recv("before down")
send(pid, :stop)
T.down(m)
send(T.id(m), :after_down)
T.recv("after down")
IO.inspect(:erlang.unalias(m), label: "unalias after down")

# alias: :reply_demonitor ends (and demonitors) with the first reply
pid = spawn(fn -> receive do {:go, to} -> send(to, :first); send(to, :second) end; receive do :stop -> :ok end end)
m = T.id(:erlang.monitor(:process, pid, [alias: :reply_demonitor]))
send(pid, {:go, m})
T.recv("reply_demonitor 1")
T.recv("reply_demonitor 2")
IO.inspect(Process.demonitor(m, [:info]), label: "monitor still active")
send(pid, :stop)
T.recv("no DOWN")

# alias: :explicit_unalias outlives its monitor
pid = spawn(fn -> :ok end)
m = T.id(:erlang.monitor(:process, pid, [alias: :explicit_unalias]))
T.down(m)
send(T.id(m), :still_active)
T.recv("after down")
IO.inspect(:erlang.unalias(m), label: "unalias")

# a monitor of no process: the DOWN at once, the alias never active
m = T.id(:erlang.monitor(:process, :nobody, [alias: :demonitor]))
T.down(m)
send(T.id(m), :x)
T.recv("dead target")
IO.inspect(:erlang.unalias(m), label: "unalias")

# plain references
IO.inspect(:erlang.unalias(make_ref()), label: "unalias make_ref")
send(T.id(make_ref()), :to_plain_ref)
T.recv("plain ref")
IO.inspect(Process.send(:erlang.alias(), :via_process_send, []), label: "Process.send")
T.recv("Process.send")
IO.inspect(is_reference(T.id(:erlang.monitor(:process, self(), []))), label: "monitor/3 no options")

# an alias's owner that exits: sends to it are dropped
pid = spawn(fn -> send(parent, {:alias, :erlang.alias()}); receive do :stop -> :ok end end)
a = receive do {:alias, a} -> a end
send(a, :while_alive)
ref = T.id(Process.monitor(pid))
send(pid, :stop)
T.down(ref)
send(a, :after_exit)
IO.puts("send to a dead owner's alias: ok")

for f <- [
      fn -> :erlang.alias([:bad]) end,
      fn -> :erlang.alias(:bad) end,
      fn -> :erlang.unalias(:bad) end,
      fn -> :erlang.monitor(:process, self(), [alias: :bad]) end,
      fn -> :erlang.monitor(:process, self(), [:bad]) end
    ] do
  try do
    f.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
T.flush()
