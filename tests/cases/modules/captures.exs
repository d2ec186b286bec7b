# Captures of local, remote and Kernel functions
defmodule Cap do
  def double(x), do: x * 2
  def add(a, b), do: a + b
  def run do
    local = &double/1
    IO.inspect(local.(4))
    IO.inspect(Enum.map([1, 2], &double/1))
    IO.inspect(Enum.reduce([1, 2, 3], 0, &add/2))
    IO.inspect(Enum.map([1, 2], &priv/1))
  end
  defp priv(x), do: {:priv, x}
end
Cap.run()
remote = &Cap.double/1
IO.inspect(remote.(10))
IO.inspect(Enum.map(["a", "b"], &String.upcase/1))
kernel = &is_atom/1
IO.inspect(kernel.(:x))
plus = &+/2
IO.inspect(plus.(3, 4))
IO.inspect(Enum.map([1, -2], &abs/1))
IO.inspect(Enum.reduce([[1], [2]], &++/2))
shorthand = &(&1 * &2 + 1)
IO.inspect(shorthand.(3, 4))
tuple_maker = &{&1, &2}
IO.inspect(tuple_maker.(:a, :b))
list_maker = &[&1]
IO.inspect(list_maker.(9))
IO.inspect(is_function(remote, 1))
a1 = &Cap.add/2
a2 = &Cap.add/2
IO.inspect(a1 == a2)
