# Ping-pong: two processes bounce a counter back and forth, seed style (`<-`, bare `self`).
defmodule PingPong do
  def ping(0, pong, parent) do
    pong <- {:stop, self}
    receive do
      :stopped -> parent <- {:finished, self}
    end
  end

  def ping(n, pong, parent) do
    pong <- {:ping, self, n}
    receive do
      {:pong, ^n} ->
        IO.puts "ping #{n} -> pong #{n}"
        ping(n - 1, pong, parent)
    end
  end

  def pong(count) do
    receive do
      {:ping, from, n} ->
        from <- {:pong, n}
        pong(count + 1)
      {:stop, from} ->
        IO.puts "pong served #{count} pings"
        from <- :stopped
    end
  end
end

pong = spawn fn -> PingPong.pong(0) end
parent = self
ping = spawn fn -> PingPong.ping(5, pong, parent) end

receive do
  {:finished, ^ping} -> IO.puts "ping finished"
end
