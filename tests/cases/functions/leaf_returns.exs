# Clauses that only return a constant or an argument, called every way
defmodule Leaf do
  def zero(0), do: 0
  def zero(n), do: n
  def second(_, b), do: b
  def ok, do: :ok
  def list(x), do: [x]

  def watch(f, args) do
    {pid, ref} = spawn_monitor(Leaf, f, args)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end
end

xs = [1, 2, 3]
IO.inspect({Leaf.zero(0) + 1, Leaf.zero(5)})
IO.inspect({Leaf.second(:a, xs), Leaf.second(:b, xs), xs})
IO.inspect(Enum.map([xs, %{a: 1}, "s"], &Leaf.second(nil, &1)))
IO.inspect(apply(Leaf, :second, [1, {2}]))
IO.inspect(for _ <- 1..3, do: Leaf.ok())
f = &Leaf.zero/1
IO.inspect(f.(0))
IO.inspect(Leaf.watch(:ok, []))
IO.inspect(Leaf.watch(:zero, [0]))
IO.inspect(Leaf.list(Leaf.second(1, 2)))
