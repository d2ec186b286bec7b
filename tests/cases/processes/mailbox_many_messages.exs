# Many messages queued then drained with a recursive receive
Enum.each(1..1000, fn i -> send(self(), {:item, i}) end)
defmodule Drain do
  def all(acc) do
    receive do
      {:item, i} -> all(acc + i)
    after 0 -> acc
    end
  end
end
IO.inspect(Drain.all(0))
