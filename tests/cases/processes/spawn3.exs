# spawn/3 with module, function and arguments
defmodule Worker do
  def run(parent, a, b), do: send(parent, {:sum, a + b})
  def echo(parent) do
    receive do
      msg -> send(parent, {:echo, msg})
    end
  end
end
spawn(Worker, :run, [self(), 20, 22])
receive do
  {:sum, s} -> IO.inspect(s)
end
pid = spawn(Worker, :echo, [self()])
send(pid, "hi there")
receive do
  {:echo, m} -> IO.inspect(m)
end
