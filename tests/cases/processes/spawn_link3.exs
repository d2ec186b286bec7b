# spawn_link/3 with module, function, args; the link is visible in Process.info
defmodule Child do
  def start(parent, tag) do
    send(parent, {:started, tag, self()})
    receive do
      :quit -> exit({:quit_requested, tag})
    end
  end
end
Process.flag(:trap_exit, true)
pid = spawn_link(Child, :start, [self(), :alpha])
receive do
  {:started, tag, ^pid} -> IO.inspect({:started, tag})
end
{:links, links} = Process.info(self(), :links)
IO.inspect(pid in links)
send(pid, :quit)
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason)
end
IO.inspect(Process.alive?(pid))
