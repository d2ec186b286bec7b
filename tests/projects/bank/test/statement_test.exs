defmodule Bank.StatementTest do
  use ExUnit.Case, async: true

  test "an unknown entry (fails)" do
    assert_raise Protocol.UndefinedError, fn -> Bank.Statement.line(:oops) end
    assert Bank.Statement.line({:transfer, :a, :b, 2}) == "a -> b: 3"
  end

  @tag :skip
  test "a skipped one" do
    flunk("never runs")
  end
end
