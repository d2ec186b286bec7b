# ExUnit: a setup_all callback that fails invalidates the module's tests:
# one report for the module, the tests counted as invalid; another module
# still runs.
ExUnit.start(seed: 0)

defmodule BrokenAllTest do
  use ExUnit.Case

  setup_all do
    throw(:cannot_start)
  end

  test "first" do
    assert true
  end

  test "second" do
    assert true
  end
end

defmodule ExitAllTest do
  use ExUnit.Case

  setup_all do
    exit(:shutdown_now)
  end

  test "only" do
    assert true
  end
end

defmodule FineTest do
  use ExUnit.Case

  test "runs" do
    assert 1 + 1 == 2
  end
end
