# A spawned process that raises, throws or fails with an Erlang error gets
# Logger's "raised an exception" report on stdout; exits do not.
defmodule Crash do
  def run(fun) do
    {pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, ^pid, _} -> :ok
    end

    Process.sleep(100)
  end

  def run_mfa(m, f, a) do
    {pid, ref} = spawn_monitor(m, f, a)

    receive do
      {:DOWN, ^ref, :process, ^pid, {e, _}} -> IO.inspect(e, label: "DOWN")
    end

    Process.sleep(100)
  end

  def direct, do: raise(ArgumentError, "raised in a module function")
end

IO.puts("raise")
Crash.run(fn -> raise "boom" end)
IO.puts("arithmetic")
Crash.run(fn -> 1 / Enum.count([]) end)
IO.puts("throw")
Crash.run(fn -> throw(:ball) end)
IO.puts("erlang error badarg")
Crash.run(fn -> :erlang.error(:badarg) end)
IO.puts("erlang error term")
Crash.run(fn -> :erlang.error({:weird, 1}) end)
IO.puts("spawn/3 of a module function")
Crash.run_mfa(Crash, :direct, [])
IO.puts("exits are not reported")
Crash.run(fn -> exit(:bye) end)
Crash.run(fn -> exit({:shutdown, 1}) end)
Crash.run(fn -> :ok end)
IO.puts("done")
