defmodule Shapes.Canvas do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name)
  def draw(canvas, shape), do: GenServer.call(canvas, {:draw, shape})
  def covered(canvas), do: GenServer.call(canvas, :covered)
  def shapes(canvas), do: GenServer.call(canvas, :shapes)

  @impl true
  def init(name), do: {:ok, %{name: name, shapes: []}}

  @impl true
  def handle_call({:draw, shape}, _from, state) do
    {:reply, length(state.shapes) + 1, %{state | shapes: [shape | state.shapes]}}
  end

  def handle_call(:covered, _from, state) do
    {:reply, state.shapes |> Enum.map(&Shapes.Area.area/1) |> Enum.sum(), state}
  end

  def handle_call(:shapes, _from, state), do: {:reply, Enum.reverse(state.shapes), state}
end
