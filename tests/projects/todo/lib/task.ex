defmodule Todo.Task do
  defstruct [:id, :title, :due, done: false]
end

defimpl Todo.Render, for: Todo.Task do
  def render(%{done: done, title: title, due: due}) do
    box = if done, do: "[x]", else: "[ ]"
    if due, do: "#{box} #{title} (due #{due})", else: "#{box} #{title}"
  end
end

defimpl Todo.Render, for: List do
  def render(items), do: Enum.map_join(items, "\n", &Todo.Render.render/1)
end
