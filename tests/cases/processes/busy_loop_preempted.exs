# A process spinning in `def loop, do: loop()` is preempted: with two of them
# (one per scheduler on a 2-core machine) other processes still run and print.
defmodule Busy do
  def loop, do: loop()
end

spawn(fn -> Busy.loop() end)
spawn(fn -> Busy.loop() end)
parent = self()

for i <- 1..3 do
  spawn(fn ->
    IO.puts("worker #{i} ran")
    send(parent, {:done, i})
  end)

  receive do
    {:done, ^i} -> :ok
  end
end

IO.puts("main finished while the loops spin")
