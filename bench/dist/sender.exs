# The sending node of the distribution benchmark, run by `elixir` or
# `phial` alike: N pipelined messages to `{:sink, node}` (then one
# `:done` back), and M round trips through `{:echo, node}`. Prints
# `throughput MSGS_PER_S` and `latency MICROSECONDS`.
# Not here: starting the nodes (run.sh).
defmodule Bench do
  def pipeline(target, n) do
    send({:sink, target}, {:count, n, self()})
    t0 = System.monotonic_time(:microsecond)
    Enum.each(1..n, fn i -> send({:sink, target}, {:m, i}) end)

    receive do
      :done -> :ok
    end

    System.monotonic_time(:microsecond) - t0
  end

  def round_trips(_target, 0), do: :ok

  def round_trips(target, m) do
    send({:echo, target}, {self(), m})

    receive do
      ^m -> round_trips(target, m - 1)
    end
  end
end

[target, n, m] = System.argv()
target = String.to_atom(target)
{n, m} = {String.to_integer(n), String.to_integer(m)}
true = Node.connect(target)
# Warm up the connection and the code.
Bench.pipeline(target, 1000)
Bench.round_trips(target, 100)
us = Bench.pipeline(target, n)
IO.puts("throughput #{div(n * 1_000_000, max(us, 1))}")
t0 = System.monotonic_time(:microsecond)
Bench.round_trips(target, m)
IO.puts("latency #{div(System.monotonic_time(:microsecond) - t0, m)}")
