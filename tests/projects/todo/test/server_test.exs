defmodule Todo.ServerTest do
  use ExUnit.Case, async: true

  setup do
    {:ok, pid} = Todo.Server.start_link()
    Todo.Server.add(pid, "call mum")
    Todo.Server.add(pid, "taxes", due: "april")
    %{server: pid}
  end

  @tag :focus
  test "keeps what was added", %{server: pid} do
    assert [%{title: "call mum"}, %{title: "taxes"}] = Todo.Server.pending(pid)
  end

  @tag :focus
  test "forgets what is done (fails)", %{server: pid} do
    Todo.Server.complete(pid, 2)
    assert Todo.Server.pending(pid) == []
  end

  test "not focused" do
    assert 1 + 1 == 2
  end
end
