defmodule Todo.List do
  # Builds Todo.Task structs (defined in task.ex, after this file).
  defstruct tasks: %{}, next: 1

  def new, do: %__MODULE__{}

  def add(%__MODULE__{tasks: tasks, next: id} = list, title, opts \\ []) do
    task = %Todo.Task{id: id, title: title, due: Keyword.get(opts, :due)}
    %{list | tasks: Map.put(tasks, id, task), next: id + 1}
  end

  def complete(list, id) do
    update_in(list.tasks[id], &%Todo.Task{&1 | done: true})
  end

  def pending(list) do
    list.tasks |> Map.values() |> Enum.reject(& &1.done) |> Enum.sort_by(& &1.id)
  end
end
