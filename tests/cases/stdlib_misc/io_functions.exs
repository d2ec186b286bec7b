# IO.puts/1, IO.write/1, IO.inspect/1,2 return values and iodata
r1 = IO.puts("puts returns :ok")
IO.inspect(r1)
r2 = IO.write("write has no newline")
IO.write("\n")
IO.inspect(r2)
r3 = IO.inspect({:tuple, 1})
IO.inspect(r3 == {:tuple, 1})
IO.inspect([1, 2], label: "my list")
IO.inspect(%{a: 1}, label: "a map")
IO.puts(["io", "data", ?!, ['x', "y"]])
IO.write([?a, "bc", "\n"])
IO.puts(:atom_arg)
IO.puts(123)
IO.puts(1.5)
x = 5 |> IO.inspect(label: "piped") |> Kernel.*(2)
IO.inspect(x)
try do
  IO.puts({:not, :chardata})
rescue
  e -> IO.puts(inspect(e.__struct__))
end
