# inspect/IO.inspect of deeply nested values: the default limit stops at
# depth 50; :infinity prints every level (it aborted the VM from 5k deep).
defmodule Deep do
  def list(0, acc), do: acc
  def list(n, acc), do: list(n - 1, [acc])
  def tuple(0, acc), do: acc
  def tuple(n, acc), do: tuple(n - 1, {acc})
  def map(0, acc), do: acc
  def map(n, acc), do: map(n - 1, %{a: acc})
  def kw(0, acc), do: acc
  def kw(n, acc), do: kw(n - 1, [k: acc])
end

l = Deep.list(1_000_000, [])
IO.puts(inspect(l))
s = inspect(Deep.list(200_000, []), limit: :infinity)
IO.puts(byte_size(s))
IO.puts(String.slice(s, 0, 10) <> String.slice(s, -10, 10))

t = Deep.tuple(100_000, 1)
IO.inspect(t)
IO.puts(byte_size(inspect(t, limit: :infinity)))

m = Deep.map(20_000, 1)
IO.inspect(m)
IO.puts(byte_size(inspect(m, limit: :infinity)))

k = Deep.kw(100_000, 1)
IO.inspect(k)
IO.puts(byte_size(inspect(k, limit: :infinity)))

# Pretty printing (width 80) at depth: each level indents one more column.
IO.inspect(Deep.list(30, [1, 2, 3]), limit: :infinity, width: 40)
IO.puts(byte_size(inspect(Deep.list(1000, [1 | 2]), limit: :infinity, pretty: true)))
