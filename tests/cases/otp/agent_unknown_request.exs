# An Agent's server given a cast or a call it has no clause for fails with
# a FunctionClauseError naming Agent.Server's callback and its arguments.
defmodule Wait do
  def down(pid, ref) do
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end
end

# The crash reports are not compared here (their frames show OTP's
# library); the exit reasons are.
Logger.configure(level: :critical)

{:ok, agent} = Agent.start(fn -> 1 end)
ref = Process.monitor(agent)
:ok = GenServer.cast(agent, :unknown)
{reason, [{m, f, args, _} | _] = stack} = Wait.down(agent, ref)
IO.inspect({reason, m, f, args})
IO.puts(Exception.message(Exception.normalize(:error, reason, stack)))

{:ok, agent} = Agent.start(fn -> %{a: 1} end)
ref = Process.monitor(agent)
try do
  GenServer.call(agent, :what)
catch
  :exit, {{reason, [{m, f, args, _} | _]}, {GenServer, :call, [^agent, :what, 5000]}} ->
    IO.inspect({reason, m, f, length(args)})
end
{reason, _} = Wait.down(agent, ref)
IO.inspect(reason)

{:ok, agent} = Agent.start(fn -> 2 end)
:ok = GenServer.cast(agent, {:cast, fn n -> n * 10 end})
IO.inspect(Agent.get(agent, & &1))
send(agent, :stray)
IO.inspect(Agent.get(agent, & &1))
