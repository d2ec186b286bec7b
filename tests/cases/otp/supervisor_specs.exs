# Child specs in every form, the shutdown kinds, child operations and
# their errors, module-based supervisors.
defmodule Worker do
  use GenServer, shutdown: 50

  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(:stubborn) do
    Process.flag(:trap_exit, true)
    {:ok, :stubborn}
  end

  def init(:ignore), do: :ignore
  def init(arg), do: {:ok, arg}
  # a stubborn worker ignores the shutdown exit signal
  def handle_info({:EXIT, _, :shutdown}, s), do: {:noreply, s}
end

defmodule Tree do
  use Supervisor, id: :tree

  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)
  def init(arg), do: Supervisor.init([{Worker, arg}, {Worker, :ignore} |> Supervisor.child_spec(id: :ig)], strategy: :one_for_one)
end

IO.inspect(Worker.child_spec(1), label: "worker spec")
IO.inspect(Tree.child_spec(2), label: "tree spec")
IO.inspect(Supervisor.child_spec(Worker, id: :w, restart: :transient), label: "module spec")
IO.inspect(Supervisor.child_spec(%{id: 1, start: {Worker, :start_link, [1]}}, type: :supervisor), label: "map spec")
IO.inspect(Supervisor.init([Worker], strategy: :one_for_all), label: "init")

for bad <- [fn -> Supervisor.child_spec(Worker, color: :red) end,
            fn -> Supervisor.init([:not_a_module_here], strategy: :one_for_one) end,
            fn -> Supervisor.init([], []) end,
            fn -> Supervisor.child_spec({:a, :b, :c, :d, :e, :f}, []) end] do
  try do
    bad.()
  rescue
    e in ArgumentError -> IO.puts(e.message |> String.split("\n") |> hd())
  end
end

{:ok, tree} = Tree.start_link(:x)
IO.inspect(Supervisor.which_children(Tree) |> Enum.map(fn {id, p, t, m} -> {id, is_pid(p), t, m} end), label: "tree")
IO.inspect(Supervisor.count_children(tree), label: "counts")
IO.inspect(Supervisor.restart_child(Tree, :ig), label: "restart ignored")
IO.inspect(Supervisor.delete_child(Tree, :ig), label: "delete ignored")
{:ok, stubborn} = Supervisor.start_child(Tree, Supervisor.child_spec({Worker, :stubborn}, id: :stubborn))
IO.inspect(Supervisor.start_child(Tree, {Worker, :again}) |> elem(0), label: "duplicate id")
IO.inspect(Supervisor.start_child(Tree, %{id: :bad, start: {Worker, :start_link, [1]}, restart: :sometimes}), label: "bad restart")
IO.inspect(Supervisor.start_child(Tree, %{id: :bad, start: :nope}), label: "bad start")
IO.inspect(Supervisor.start_child(Tree, %{id: :bad, start: {Worker, :start_link, [1]}, shutdown: -5}), label: "bad shutdown")
IO.inspect(Supervisor.start_child(Tree, %{id: :ign, start: {Worker, :start_link, [:ignore]}, restart: :temporary}), label: "temporary ignore")
ref = Process.monitor(stubborn)
IO.inspect(Supervisor.terminate_child(Tree, :stubborn), label: "terminate stubborn")
receive do
  {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "stubborn killed")
end
brutal = Supervisor.child_spec({Worker, :b}, id: :brutal, shutdown: :brutal_kill)
{:ok, b} = Supervisor.start_child(Tree, brutal)
ref = Process.monitor(b)
:ok = Supervisor.terminate_child(Tree, :brutal)
receive do
  {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "brutal")
end
IO.inspect(Supervisor.which_children(Tree) |> Enum.map(&elem(&1, 0)), label: "ids")
IO.inspect(Supervisor.stop(Tree), label: "stop")
IO.inspect(Process.alive?(tree), label: "tree alive")
