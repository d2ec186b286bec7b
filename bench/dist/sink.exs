# The receiving node of the distribution benchmark: `:sink` takes
# `{:count, n, from}` then n messages and answers `:done`; `:echo` sends
# every `{from, x}` back. Not here: the timing (sender.exs).
defmodule Sink do
  def count(0, from), do: send(from, :done)

  def count(n, from) do
    receive do
      {:m, _} -> count(n - 1, from)
    end
  end

  def sink do
    receive do
      {:count, n, from} -> count(n, from)
    end

    sink()
  end

  def echo do
    receive do
      {from, x} -> send(from, x)
    end

    echo()
  end
end

Process.register(spawn(&Sink.sink/0), :sink)
Process.register(spawn(&Sink.echo/0), :echo)
IO.puts("ready")

receive do
  :stop -> :ok
end
