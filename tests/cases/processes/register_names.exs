# register, whereis, send to a name, registered, unregister
defmodule Greeter do
  def loop do
    receive do
      {:hello, from} -> send(from, :hi_back); loop()
    end
  end
end
pid = spawn(&Greeter.loop/0)
IO.inspect(Process.register(pid, :greeter))
IO.inspect(Process.whereis(:greeter) == pid)
send(:greeter, {:hello, self()})
receive do
  :hi_back -> IO.puts("named process replied")
end
IO.inspect(:greeter in Process.registered())
Process.register(self(), :main_proc)
send(:main_proc, :to_myself)
receive do
  :to_myself -> IO.puts("got message via own name")
end
IO.inspect(Process.unregister(:main_proc))
IO.inspect(Process.whereis(:main_proc))
IO.inspect(Process.whereis(:never_registered))
IO.inspect(Process.info(self(), :registered_name))
