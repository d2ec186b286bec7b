# Kernel functions: ceil, floor, bit_size, binary_part, binary_slice,
# node/1, is_port, macro_exported?, apply as a function value.
IO.inspect({ceil(1.2), ceil(-1.2), ceil(3), floor(1.8), floor(-1.2), floor(-4)})
IO.inspect({bit_size("ab"), bit_size(""), is_port(self())})
IO.inspect({binary_part("hello", 1, 3), binary_part("hello", 5, -2), binary_part("hello", 0, 0)})
IO.inspect({binary_slice("hello", 1..2), binary_slice("hello", 1, 10), binary_slice("hello", -3..-1)})
IO.inspect({binary_slice("hello", 3..1//1), binary_slice("hello", 10, 2), binary_slice("hello", -10, 3)})
IO.inspect(node(self()))
IO.inspect({macro_exported?(Kernel, :if, 2), macro_exported?(Kernel, :length, 1), macro_exported?(Enum, :map, 2)})
f = &apply/2
IO.inspect(f.(fn a, b -> a + b end, [1, 2]))
g = &apply/3
IO.inspect(g.(Enum, :sum, [[1, 2, 3]]))
f2 = fn x when ceil(x) == 2 -> :two; _ -> :other end
IO.inspect(Enum.map([1.5, 2.5, 2], f2))

try do
  binary_part("abc", 2, 5)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  ceil(:a)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}")
end
