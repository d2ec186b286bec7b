# Equality and term order on values nested far deeper than the Rust stack
# could recurse: they used to abort the VM from 20k-deep lists, 5k-deep maps.
defmodule Deep do
  def list(0, acc), do: acc
  def list(n, acc), do: list(n - 1, [acc])
  def tuple(0, acc), do: acc
  def tuple(n, acc), do: tuple(n - 1, {n, acc})
  def map(0, acc), do: acc
  def map(n, acc), do: map(n - 1, %{a: acc})
end

a = Deep.list(1_000_000, [])
b = Deep.list(1_000_000, [])
c = Deep.list(1_000_000, [1])
IO.inspect({a == b, a === b, a < c, c > a, a != c})
IO.inspect(Enum.sort([c, a, b]) == [a, b, c])

t1 = Deep.tuple(1_000_000, 1)
t2 = Deep.tuple(1_000_000, 1.0)
t3 = Deep.tuple(1_000_000, 2)
IO.inspect({t1 == t2, t1 === t2, t1 < t3, max(t1, t3) === t3})

m1 = Deep.map(50_000, :x)
m2 = Deep.map(50_000, :x)
m3 = Deep.map(50_000, :y)
IO.inspect({m1 == m2, m1 < m3, m3 > m1, %{m1 => 1}[m2]})

# Improper tails compare as terms: a number is less than the empty list.
IO.inspect({[1] < [1 | 5], [1] > [1 | 5], [1 | 5] < [1 | []], {[1 | 2]} < {[1]}})
IO.inspect({[1 | :a] < [1 | {}], [1 | %{}] < [1 | []], [[1 | 2] | 3] > [[1 | 2] | 2]})
