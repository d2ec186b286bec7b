# The report of a spawned process killed by an operator's bad argument:
# the `:erlang` BIF first, then the program's own frames.
defmodule Arith do
  def add(a, b), do: a + b
  def neg(a), do: -a
  def scale(a), do: 3 * a

  def run(f) do
    {pid, ref} = spawn_monitor(f)

    reason =
      receive do
        {:DOWN, ^ref, :process, ^pid, {reason, _}} -> reason
      end

    # Logger writes asynchronously: let the report come first.
    Process.sleep(50)
    IO.inspect(reason)
  end
end

Arith.run(fn -> Arith.add(5, :atom) end)
Arith.run(fn -> Arith.neg("x") end)
Arith.run(fn -> Arith.scale(nil) end)
Arith.run(fn -> Arith.add(1, 2) + Arith.add(:a, 2) end)
IO.puts("done")
