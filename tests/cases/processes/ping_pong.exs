# Ping-pong between two processes
defmodule PingPong do
  def ping(0, pong) do
    send(pong, :stop)
    :done
  end
  def ping(n, pong) do
    send(pong, {:ping, self(), n})
    receive do
      {:pong, ^n} -> IO.puts("ping got pong #{n}")
    end
    ping(n - 1, pong)
  end

  def pong do
    receive do
      {:ping, from, n} ->
        send(from, {:pong, n})
        pong()
      :stop -> :ok
    end
  end
end
pong = spawn(&PingPong.pong/0)
IO.inspect(PingPong.ping(4, pong))
