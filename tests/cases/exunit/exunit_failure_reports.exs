# ExUnit: the failure reports of refute (plain and with a match),
# assert_receive with and without messages in the mailbox (its listing),
# assert_received, refute_receive/refute_received, and a setup callback
# that raises.
ExUnit.start(seed: 0)

defmodule ReportsTest do
  use ExUnit.Case

  test "refute of a truthy value" do
    list = [1, 2]
    refute length(list) == 2
  end

  test "refute of a match" do
    refute {:ok, _} = {:ok, 3}
  end

  test "refute with a message" do
    refute true, "it was true"
  end

  test "assert_receive with an empty mailbox" do
    assert_receive {:done, _}, 10
  end

  test "assert_receive with other messages" do
    send(self(), {:progress, 1})
    send(self(), {:progress, 2})
    send(self(), :tick)
    assert_receive {:done, _}, 10
  end

  test "assert_received of a pinned value" do
    expected = 7
    send(self(), {:value, 8})
    assert_received {:value, ^expected}
  end

  test "refute_receive of a message that came" do
    send(self(), {:late, :reply})
    refute_receive {:late, _}, 10
  end

  test "refute_received" do
    send(self(), :ping)
    refute_received :ping
  end
end

defmodule SetupRaisesTest do
  use ExUnit.Case

  setup do
    raise ArgumentError, "no database"
  end

  test "never runs its body" do
    IO.puts("not printed")
  end
end
