# A receive loop that accumulates state until a timeout ends it
defmodule Collector do
  def collect(acc) do
    receive do
      {:add, x} -> collect([x | acc])
      {:add_many, xs} -> collect(Enum.reverse(xs) ++ acc)
    after 50 ->
      Enum.reverse(acc)
    end
  end
end
parent = self()
spawn(fn ->
  send(parent, {:add, 1})
  send(parent, {:add_many, [2, 3, 4]})
  send(parent, {:add, 5})
end)
IO.inspect(Collector.collect([]))
