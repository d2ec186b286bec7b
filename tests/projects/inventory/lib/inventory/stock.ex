defmodule Inventory.Stock do
  use GenServer

  def start_link(initial \\ %{}), do: GenServer.start_link(__MODULE__, initial)

  def put(pid, sku, count), do: GenServer.cast(pid, {:put, sku, count})
  def take(pid, sku, count), do: GenServer.call(pid, {:take, sku, count})
  def count(pid, sku), do: GenServer.call(pid, {:count, sku})

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_cast({:put, sku, count}, state) do
    {:noreply, Map.update(state, sku, count, &(&1 + count))}
  end

  @impl true
  def handle_call({:take, sku, count}, _from, state) do
    have = Map.get(state, sku, 0)

    if have >= count do
      {:reply, :ok, Map.put(state, sku, have - count)}
    else
      {:reply, {:error, {:short, count - have}}, state}
    end
  end

  def handle_call({:count, sku}, _from, state), do: {:reply, Map.get(state, sku, 0), state}
end
