# ExUnit: receive assertions, capture_io, deltas, catch_* and assert_raise,
# and that each test runs in a process of its own.
ExUnit.start(seed: 0)

defmodule Echo do
  def start do
    spawn(fn ->
      receive do
        {from, msg} -> send(from, {:echo, msg})
      end
    end)
  end

  def shout(text), do: IO.puts(String.upcase(text))
end

defmodule EchoTest do
  use ExUnit.Case, async: true
  import ExUnit.CaptureIO

  test "a reply arrives" do
    send(Echo.start(), {self(), "hi"})
    assert_receive {:echo, text}
    assert text == "hi"
  end

  test "mailboxes are not shared between tests" do
    refute_received {:echo, _}
    send(self(), :mine)
    assert_received :mine
  end

  test "no reply (fails)" do
    send(self(), {:other, 1})
    assert_receive {:echo, _}, 10
  end

  test "captured output" do
    assert capture_io(fn -> Echo.shout("quiet") end) == "QUIET\n"
    assert capture_io(:stderr, fn -> IO.puts(:stderr, "err") end) == "err\n"
    assert capture_io("yes\n", fn -> IO.write(IO.gets("ok? ")) end) == "ok? yes\n"
  end

  test "deltas and catches" do
    assert_in_delta 0.1 + 0.2, 0.3, 1.0e-9
    refute_in_delta 1.0, 2.0, 0.5
    assert catch_throw(throw(:ball)) == :ball
    assert catch_exit(exit(:bye)) == :bye
    assert_raise ArithmeticError, fn -> 1 / Enum.count([]) end
    assert_raise ArgumentError, "boom", fn -> raise ArgumentError, "boom" end
  end

  test "nothing raised (fails)" do
    assert_raise RuntimeError, fn -> :ok end
  end

  test "delta too wide (fails)" do
    assert_in_delta 10, 12, 1
  end
end
