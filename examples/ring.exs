# A ring of N processes; the main process closes the ring and sends a token
# around it M times, then stops every node.
defmodule Ring do
  def node_loop(next) do
    receive do
      {:token, round} ->
        send(next, {:token, round})
        node_loop(next)
      :stop ->
        send(next, :stop)
    end
  end

  # Each process forwards to the one spawned before it; the first one spawned
  # forwards to the main process, which closes the ring.
  def build(n) do
    main = self()
    Enum.reduce(1..n, main, fn _, next -> spawn(fn -> node_loop(next) end) end)
  end

  def run(first, rounds) do
    send(first, {:token, 1})
    wait(first, rounds)
  end

  defp wait(first, rounds) do
    receive do
      {:token, ^rounds} ->
        send(first, :stop)
        receive do
          :stop -> :all_stopped
        end
      {:token, round} ->
        if rem(round, 10) == 0, do: IO.puts("round #{round} done")
        send(first, {:token, round + 1})
        wait(first, rounds)
    end
  end
end

n = 100
rounds = 50
first = Ring.build(n)
IO.inspect(Ring.run(first, rounds))
IO.puts("token went #{rounds} times around a ring of #{n + 1} processes")
