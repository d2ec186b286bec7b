# An operator failing in a spawned process and in a GenServer callback:
# the exit reason's stacktrace starts at the `:erlang` BIF, as the BEAM's.
defmodule Calc do
  use GenServer
  def add(a, b), do: a + b
  def init(n), do: {:ok, n}
  def handle_call({:add, x}, _from, n), do: {:reply, :ok, n + x}
  def handle_cast({:neg, x}, n), do: {:noreply, n - x}

# The crash reports are not compared here (their frames show OTP's
# library); the exit reasons are.
Logger.configure(level: :critical)

  def wait(pid, ref) do
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end
end

Process.flag(:trap_exit, true)

pid = spawn_link(fn -> Calc.add(5, :atom) end)
receive do
  {:EXIT, ^pid, {reason, [first, second | _]}} ->
    IO.inspect({reason, first, second})
    IO.puts(Exception.format_stacktrace([first, second]))
end

pid = spawn_link(fn -> Calc.add(:x, 1.5) end)
receive do
  {:EXIT, ^pid, {reason, [first | _]}} -> IO.inspect({reason, first})
end

{:ok, server} = GenServer.start(Calc, 5)
ref = Process.monitor(server)
try do
  GenServer.call(server, {:add, :atom})
catch
  :exit, {{reason, [first | _]}, {GenServer, :call, _}} -> IO.inspect({reason, first})
end
{reason, [first | _]} = Calc.wait(server, ref)
IO.inspect({reason, first})

{:ok, server} = GenServer.start(Calc, 5)
ref = Process.monitor(server)
GenServer.cast(server, {:neg, "one"})
{reason, [first | _]} = Calc.wait(server, ref)
IO.inspect({reason, first})
IO.puts(Exception.format(:error, ArithmeticError.exception([]), [first]))
