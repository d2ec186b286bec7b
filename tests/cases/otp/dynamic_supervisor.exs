# DynamicSupervisor: children on demand, max_children, extra_arguments,
# restart types, terminate_child, errors, a module-based one.
defmodule Cell do
  use GenServer

  def start_link(prefix, value), do: GenServer.start_link(__MODULE__, {prefix, value})
  def init({prefix, value}), do: {:ok, {prefix, value}}
  def handle_call(:get, _, s), do: {:reply, s, s}
  def handle_cast(:done, s), do: {:stop, :normal, s}
end

defmodule Cells do
  use DynamicSupervisor

  def start_link(prefix), do: DynamicSupervisor.start_link(__MODULE__, prefix, name: __MODULE__)
  def init(prefix), do: DynamicSupervisor.init(max_children: 2, extra_arguments: [prefix])

  def add(value, restart) do
    DynamicSupervisor.start_child(__MODULE__, %{id: :any, start: {Cell, :start_link, [value]}, restart: restart})
  end
end

defmodule Wait do
  def active(sup, n, tries \\ 200) do
    if DynamicSupervisor.count_children(sup).active == n or tries == 0,
      do: :ok,
      else: (Process.sleep(5); active(sup, n, tries - 1))
  end
end

IO.inspect(Cells.child_spec(:p), label: "child_spec")
IO.inspect(DynamicSupervisor.child_spec(name: :ds), label: "DynamicSupervisor.child_spec")
IO.inspect(DynamicSupervisor.init(max_restarts: 1), label: "init")
{:ok, sup} = Cells.start_link(:p)
{:ok, c1} = Cells.add(1, :transient)
{:ok, c2} = Cells.add(2, :temporary)
IO.inspect(Cells.add(3, :permanent), label: "third")
IO.inspect(GenServer.call(c1, :get), label: "extra arguments first")
IO.inspect(DynamicSupervisor.count_children(Cells), label: "counts")

GenServer.cast(c2, :done)
Wait.active(Cells, 1)
IO.inspect(DynamicSupervisor.count_children(Cells), label: "temporary done")
GenServer.cast(c1, :done)
Wait.active(Cells, 0)
IO.inspect(DynamicSupervisor.count_children(Cells), label: "transient done normally")

{:ok, c3} = Cells.add(3, :permanent)
Process.exit(c3, :kill)
Wait.active(Cells, 1)
[{:undefined, c4, :worker, [Cell]}] = DynamicSupervisor.which_children(Cells)
IO.inspect({c4 != c3, GenServer.call(c4, :get)}, label: "restarted")
IO.inspect(DynamicSupervisor.terminate_child(Cells, c4), label: "terminate")
IO.inspect(DynamicSupervisor.terminate_child(Cells, c4), label: "terminate again")
IO.inspect(DynamicSupervisor.start_child(Cells, %{id: 1, start: {Cell, :start_link, [1]}, shutdown: 0}), label: "bad shutdown")
IO.inspect(DynamicSupervisor.start_child(Cells, %{id: 1, start: {Cell, :start_link, [1]}, restart: :often}), label: "bad restart")
IO.inspect(DynamicSupervisor.start_child(Cells, %{id: 1, start: {Cell, :missing, []}}) |> elem(0), label: "missing function")
IO.inspect(DynamicSupervisor.stop(Cells), label: "stop")
IO.inspect(Process.alive?(sup), label: "alive")

{:ok, plain} = DynamicSupervisor.start_link(strategy: :one_for_one)
{:ok, a} = DynamicSupervisor.start_child(plain, {Agent, fn -> :hi end})
IO.inspect(Agent.get(a, & &1), label: "agent child")
Process.flag(:trap_exit, true)
IO.inspect(DynamicSupervisor.start_link(strategy: :one_for_all), label: "bad strategy")
IO.inspect(DynamicSupervisor.start_link(max_children: -1), label: "bad max_children")
IO.inspect(DynamicSupervisor.stop(plain), label: "stop plain")
IO.inspect(Process.alive?(a), label: "agent alive")
