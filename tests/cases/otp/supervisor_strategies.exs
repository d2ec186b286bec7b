# Supervisor strategies: which children restart, in which order they stop
# and start again, and the restart intensity that makes a supervisor give up.
if Code.ensure_loaded?(Logger), do: Logger.configure(level: :none)

defmodule Log do
  def start, do: Agent.start_link(fn -> [] end, name: __MODULE__)
  def add(e), do: Agent.update(__MODULE__, &[e | &1])
  def take, do: Agent.get_and_update(__MODULE__, &{Enum.reverse(&1), []})
end

defmodule Part do
  use GenServer

  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)

  def init(id) do
    Process.flag(:trap_exit, true)
    Log.add({:up, id})
    {:ok, id}
  end

  def handle_cast(:quit, id), do: {:stop, :quit, id}
  def handle_call(:ping, _, id), do: {:reply, id, id}
  def terminate(reason, id), do: Log.add({:down, id, reason})
end

defmodule Run do
  # stop a child, then wait until every child answers again
  # `restarted` are the ids whose process must be a new one afterwards
  def crash(sup, id, restarted) do
    old = Enum.map(restarted, &Process.whereis/1)
    GenServer.cast(id, :quit)
    settle(sup, restarted, old)
    IO.inspect(Log.take(), label: "#{id} quits")
  end

  def settle(sup, ids, old, tries \\ 400) do
    new = Enum.map(ids, &Process.whereis/1)
    fresh = Enum.all?(Enum.zip(old, new), fn {o, n} -> is_pid(n) and n != o end)
    counts = Supervisor.count_children(sup)

    if (fresh and counts.active == counts.specs) or tries == 0,
      do: :ok,
      else: (Process.sleep(5); settle(sup, ids, old, tries - 1))
  end
end

{:ok, _} = Log.start()
ids = [:a, :b, :c]
restarted = %{
  one_for_one: %{b: [:b], a: [:a]},
  one_for_all: %{b: [:a, :b, :c], a: [:a, :b, :c]},
  rest_for_one: %{b: [:b, :c], a: [:a, :b, :c]}
}

for strategy <- [:one_for_one, :one_for_all, :rest_for_one] do
  IO.puts("#{strategy}:")
  children = Enum.map(ids, &Supervisor.child_spec({Part, &1}, id: &1))
  {:ok, sup} = Supervisor.start_link(children, strategy: strategy, max_restarts: 10)
  IO.inspect(Log.take(), label: "boot")
  Run.crash(sup, :b, restarted[strategy].b)
  Run.crash(sup, :a, restarted[strategy].a)
  IO.inspect(Enum.map(Supervisor.which_children(sup), &elem(&1, 0)), label: "which_children")
  :ok = Supervisor.stop(sup)
  IO.inspect(Log.take(), label: "stop")
end

Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([{Part, :a}], strategy: :one_for_one, max_restarts: 1, max_seconds: 60)
Log.take()
Run.crash(sup, :a, [:a])
IO.inspect(Supervisor.count_children(sup), label: "one restart left")
GenServer.cast(:a, :quit)
receive do
  {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor gave up")
end
IO.inspect(Log.take(), label: "last events")
