# Logger.configure(level: ...) silences reports below it as Elixir does;
# Logger calls with metadata print on the console with its default format.
require Logger

defmodule Crash do
  def run(fun) do
    {pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, ^pid, _} -> :ok
    end

    Process.sleep(100)
  end
end

Logger.info("plain info", user: 1)
Logger.metadata(request: 42)
Logger.error("an error")
Logger.warning("a warning")
Logger.debug(fn -> "a lazy debug" end)
Logger.flush()
IO.puts("-- console metadata shown")
Logger.configure_backend(:console, metadata: [:request, :user])
Logger.info("with metadata", user: "ann")
Logger.notice("only the request")
Logger.flush()
Logger.configure_backend(:console, metadata: [])
IO.puts("-- level :critical hides crash reports")
Logger.configure(level: :critical)
Crash.run(fn -> raise "hidden" end)
{:ok, pid} = Agent.start(fn -> 0 end)
GenServer.cast(pid, :unexpected)
Process.sleep(100)
Logger.error("hidden error")
Logger.critical("shown critical")
Logger.flush()
IO.puts("-- level :error shows them")
Logger.configure(level: :error)
Crash.run(fn -> raise "shown" end)
Logger.warning("hidden warning")
Logger.flush()
IO.puts("-- level :none")
Logger.configure(level: :none)
Crash.run(fn -> raise "hidden again" end)
Logger.emergency("hidden emergency")
Logger.flush()
IO.puts("done")
