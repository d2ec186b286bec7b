# Process.hibernate/3 waits for a message without taking it, then runs the
# function given; when that returns the process ends normally. Process.spawn/4
# starts mod.fun(args) with spawn options (:link, :monitor).
defmodule Sleeper do
  def start(parent) do
    send(parent, :hibernating)
    Process.hibernate(__MODULE__, :wake, [parent])
    send(parent, :never)
  end

  def wake(parent) do
    receive do
      msg -> send(parent, {:woke_with, msg})
    end
  end

  def echo(parent, x), do: send(parent, {:echo, x})
end

defmodule Main do
  def run do
    me = self()
    {pid, ref} = spawn_monitor(fn -> Sleeper.start(me) end)
    receive do: (:hibernating -> IO.puts("hibernating"))
    Process.sleep(20)
    IO.inspect(Process.alive?(pid))
    send(pid, :first)
    send(pid, :second)
    receive do: ({:woke_with, m} -> IO.inspect(m, label: "woke with"))
    receive do: ({:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "down"))
    receive do
      :never -> IO.puts("hibernate returned")
    after
      50 -> IO.puts("hibernate did not return")
    end

    p = Process.spawn(Sleeper, :echo, [me, 1], [])
    IO.inspect(is_pid(p))
    receive do: ({:echo, x} -> IO.inspect(x, label: "echo"))
    {p2, r2} = Process.spawn(Sleeper, :echo, [me, 2], [:monitor])
    receive do: ({:echo, x} -> IO.inspect(x, label: "echo"))
    receive do: ({:DOWN, ^r2, :process, ^p2, reason} -> IO.inspect(reason, label: "down"))
    p3 = Process.spawn(Sleeper, :echo, [me, 3], [:link])
    receive do: ({:echo, x} -> IO.inspect(x, label: "echo"))
    IO.inspect(is_pid(p3))
  end
end

Main.run()
