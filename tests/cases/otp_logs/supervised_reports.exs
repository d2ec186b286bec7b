# Under a Supervisor only the child's own report is printed, on each
# restart and when the supervisor gives up (its SASL reports are dropped);
# an Agent stopped with another reason than a clean one reports as the
# GenServer it is.
defmodule Worker do
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: :worker)
  def init(n), do: {:ok, n}
  def handle_cast(:crash, n), do: {:stop, {:crashed, n}, n}
end

defmodule Wait do
  def new_worker(old) do
    case Process.whereis(:worker) do
      pid when is_pid(pid) and pid != old -> :restarted
      _ ->
        receive do
          {:EXIT, _, reason} -> {:supervisor_exited, reason}
        after
          5 -> new_worker(old)
        end
    end
  end
end

Process.flag(:trap_exit, true)
{:ok, _sup} = Supervisor.start_link([{Worker, 7}], strategy: :one_for_one, max_restarts: 1)

for n <- 1..2 do
  old = Process.whereis(:worker)
  GenServer.cast(:worker, :crash)
  result = Wait.new_worker(old)
  Process.sleep(100)
  IO.inspect(result, label: "crash #{n}")
end

{:ok, agent} = Agent.start(fn -> [1, 2, 3] end)
Agent.cast(agent, fn list -> [0 | list] end)
IO.inspect(Agent.stop(agent, :worn_out), label: "Agent.stop")
Process.sleep(100)
{:ok, agent} = Agent.start(fn -> :quiet end)
IO.inspect(Agent.stop(agent, {:shutdown, :done}), label: "Agent.stop, shutdown")
Process.sleep(100)
IO.puts("done")
