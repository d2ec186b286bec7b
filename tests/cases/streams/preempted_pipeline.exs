# A long Stream pipeline runs in a process that is preempted many times
# while other processes make progress, and its result is the same.
parent = self()

worker = fn ->
  total =
    Stream.iterate(1, &(&1 + 1))
    |> Stream.map(&(&1 * 2))
    |> Stream.filter(&(rem(&1, 3) == 0))
    |> Stream.take(20_000)
    |> Enum.reduce(0, &+/2)

  send(parent, {:done, total})
end

ticker = fn ticker, n ->
  receive do
    :stop -> send(parent, {:ticks, n > 0})
  after
    0 -> ticker.(ticker, n + 1)
  end
end

t = spawn(fn -> ticker.(ticker, 0) end)
spawn(worker)

receive do
  {:done, total} -> IO.inspect(total, label: "total")
end

send(t, :stop)

receive do
  {:ticks, moved} -> IO.inspect(moved, label: "the other process ran")
end

# the same natively-driven Enum over a user Enumerable in many processes
defmodule Counter do
  defstruct [:n]

  defimpl Enumerable do
    def count(_), do: {:error, __MODULE__}
    def member?(_, _), do: {:error, __MODULE__}
    def slice(_), do: {:error, __MODULE__}
    def reduce(_, {:halt, acc}, _), do: {:halted, acc}
    def reduce(c, {:suspend, acc}, f), do: {:suspended, acc, &reduce(c, &1, f)}
    def reduce(%Counter{n: 0}, {:cont, acc}, _), do: {:done, acc}
    def reduce(%Counter{n: n}, {:cont, acc}, f), do: reduce(%Counter{n: n - 1}, f.(n, acc), f)
  end
end

me = self()
for i <- 1..4, do: spawn(fn -> send(me, {i, Enum.sum(struct(Counter, n: 10_000 * i))}) end)
results = for _ <- 1..4, do: (receive do {i, s} -> {i, s} end)
IO.inspect(Enum.sort(results))
