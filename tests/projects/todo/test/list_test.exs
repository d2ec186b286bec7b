defmodule Todo.ListTest do
  use ExUnit.Case

  setup do
    list = Todo.List.new() |> Todo.List.add("milk") |> Todo.List.add("bread", due: "friday")
    {:ok, list: list}
  end

  @tag :focus
  test "numbers tasks from one", %{list: list} do
    assert Enum.map(Todo.List.pending(list), & &1.id) == [1, 2]
  end

  test "completes a task", %{list: list} do
    list = Todo.List.complete(list, 1)
    assert [%Todo.Task{title: "bread"}] = Todo.List.pending(list)
  end

  describe "rendering" do
    @describetag :focus
    test "a list", %{list: list} do
      assert Todo.Render.render(Todo.List.pending(list)) ==
               "[ ] milk\n[ ] bread (due friday)"
    end

    @tag focus: false
    test "a done task" do
      assert Todo.Render.render(%Todo.Task{title: "x", done: true}) == "[x] x"
    end
  end
end
