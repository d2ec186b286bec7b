# A busy process running `loop()` forever does not stop others from running
defmodule Busy do
  def loop, do: loop()
end
busy = spawn(&Busy.loop/0)
parent = self()
spawn(fn ->
  Enum.each(1..3, fn i -> send(parent, {:tick, i}) end)
end)
for _ <- 1..3 do
  receive do
    {:tick, i} -> IO.puts("tick #{i}")
  end
end
IO.inspect(Process.alive?(busy))
Process.exit(busy, :kill)
IO.puts("done")
