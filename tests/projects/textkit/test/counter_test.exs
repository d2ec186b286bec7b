defmodule Textkit.CounterTest do
  use ExUnit.Case

  setup_all do
    {:ok, pid} = Textkit.Counter.start_link()
    Textkit.Counter.feed(pid, "the cat and the hat and the bat")
    %{counter: pid}
  end

  test "counts words", %{counter: pid} do
    assert Textkit.Counter.top(pid, 2) == [{"and", 2}, {"bat", 1}]
  end

  test "feeding returns the token count", %{counter: pid} do
    assert Textkit.Counter.feed(pid, "a b c") == 2
  end
end
