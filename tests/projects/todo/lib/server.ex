defmodule Todo.Server do
  use GenServer

  def start_link(_ \\ nil), do: GenServer.start_link(__MODULE__, Todo.List.new())
  def add(pid, title, opts \\ []), do: GenServer.cast(pid, {:add, title, opts})
  def complete(pid, id), do: GenServer.cast(pid, {:complete, id})
  def pending(pid), do: GenServer.call(pid, :pending)

  @impl true
  def init(list), do: {:ok, list}

  @impl true
  def handle_cast({:add, title, opts}, list), do: {:noreply, Todo.List.add(list, title, opts)}
  def handle_cast({:complete, id}, list), do: {:noreply, Todo.List.complete(list, id)}

  @impl true
  def handle_call(:pending, _from, list), do: {:reply, Todo.List.pending(list), list}
end
