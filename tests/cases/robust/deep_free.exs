# Freeing values nested a million deep (a hundred thousand for maps, which
# cost phial ~700 bytes each): each used to overflow the Rust stack of the
# worker that dropped it, killing the VM.
defmodule Deep do
  def list(0, acc), do: acc
  def list(n, acc), do: list(n - 1, [acc])
  def tuple(0, acc), do: acc
  def tuple(n, acc), do: tuple(n - 1, {n, acc})
  def map(0, acc), do: acc
  def map(n, acc), do: map(n - 1, %{a: acc, n: n})
  def closure(0, acc), do: acc
  def closure(n, acc), do: closure(n - 1, fn -> acc end)
  def mixed(0, acc), do: acc
  def mixed(n, acc) do
    case rem(n, 4) do
      0 -> mixed(n - 1, [acc, n])
      1 -> mixed(n - 1, {acc})
      2 -> mixed(n - 1, %{n => acc})
      3 -> mixed(n - 1, fn -> acc end)
    end
  end
end

l = Deep.list(1_000_000, [])
IO.puts(length(l))
l = nil
IO.inspect(l)

t = Deep.tuple(1_000_000, :leaf)
IO.puts(elem(t, 0))
t = nil
IO.inspect(t)

m = Deep.map(100_000, :leaf)
IO.puts(m.n)
m = nil
IO.inspect(m)

f = Deep.closure(1_000_000, fn -> :leaf end)
IO.puts(is_function(f.(), 0))
f = nil
IO.inspect(f)

x = Deep.mixed(400_000, :leaf)
IO.puts(is_list(x))
x = nil
IO.inspect(x)

# The same values dropped by a process as it exits.
parent = self()
spawn(fn -> _ = Deep.list(1_000_000, []); send(parent, :done) end)
receive do
  :done -> IO.puts("child done")
end
