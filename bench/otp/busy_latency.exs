# busy_latency: a ping-pong round trip while every scheduler is busy. Eight
# processes (2x the cores of a 4-core machine; at least 2x cores on the
# machines this runs on) spin in loops that never receive; meanwhile two
# processes exchange 2,000 round trips, each timed with a microsecond clock.
# Prints the median, 99th-percentile and slowest round trip: how soon a process
# woken by a message runs when the run queues are full of long runners.
busy = 8
trips = 2_000

defmodule Spin do
  def loop(n), do: loop(rem(n * 7 + 1, 1_000_003))
end

defmodule Pong do
  def loop do
    receive do
      {:ping, from} ->
        send(from, :pong)
        loop()

      :stop ->
        :ok
    end
  end
end

defmodule Ping do
  def trips(_pong, 0, acc), do: acc

  def trips(pong, k, acc) do
    t0 = System.monotonic_time(:microsecond)
    send(pong, {:ping, self()})
    receive do
      :pong -> :ok
    end
    t1 = System.monotonic_time(:microsecond)
    trips(pong, k - 1, [t1 - t0 | acc])
  end
end

spinners = for _ <- 1..busy, do: spawn(fn -> Spin.loop(1) end)
Process.sleep(50)
pong = spawn(fn -> Pong.loop() end)
t0 = System.monotonic_time(:millisecond)
times = Enum.sort(Ping.trips(pong, trips, []))
t1 = System.monotonic_time(:millisecond)
send(pong, :stop)
Enum.each(spinners, &Process.exit(&1, :kill))
median = Enum.at(times, div(trips, 2))
p99 = Enum.at(times, div(trips * 99, 100))
IO.puts("median_us: #{median} p99_us: #{p99} max_us: #{List.last(times)}")
IO.puts("round_trips: #{trips} busy: #{busy}")
IO.puts("elapsed_ms: #{t1 - t0}")
