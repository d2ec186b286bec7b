# ExUnit: a module of tests with describe groups, setup chains, tags and
# skips, failures of assert/refute in their several forms, and the summary.
ExUnit.start(seed: 0, exclude: [:wip])

defmodule Queue do
  def new, do: {[], []}
  def push({front, back}, x), do: {front, [x | back]}
  def pop({[], []}), do: :empty
  def pop({[], back}), do: pop({Enum.reverse(back), []})
  def pop({[x | front], back}), do: {x, {front, back}}
  def to_list({front, back}), do: front ++ Enum.reverse(back)
end

defmodule QueueTest do
  use ExUnit.Case

  @moduletag kind: :unit

  setup_all do
    {:ok, seeded: Enum.reduce([1, 2, 3], Queue.new(), &Queue.push(&2, &1))}
  end

  setup %{seeded: q} do
    %{first: elem(Queue.pop(q), 0)}
  end

  describe "pop/1" do
    setup :add_size

    defp add_size(%{seeded: q}), do: [size: length(Queue.to_list(q))]

    test "takes the oldest", %{seeded: q, first: first, size: size} do
      assert {1, rest} = Queue.pop(q)
      assert Queue.to_list(rest) == [2, 3]
      assert first == 1
      assert size == 3
    end

    @tag limit: 2
    test "wrong order (fails)", %{seeded: q, limit: limit} do
      {x, _} = Queue.pop(q)
      assert x == limit
    end
  end

  test "tags reach the context", context do
    assert context.kind == :unit
    refute Map.has_key?(context, :size)
  end

  @tag :skip
  test "skipped" do
    flunk("never runs")
  end

  @tag :wip
  test "excluded" do
    flunk("never runs")
  end

  test "refute and match failures" do
    refute Queue.pop(Queue.new()) == :empty
  end

  test "a pattern that does not match" do
    wanted = 9
    assert {^wanted, _} = Queue.pop(Queue.push(Queue.new(), 4))
  end

  test "a falsy call" do
    assert Enum.member?([1, 2], 5)
  end

  test "an explicit message" do
    assert 1 + 1 == 2
    assert false, "told you"
  end
end
