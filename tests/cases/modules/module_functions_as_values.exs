# apply/3 and module names stored in variables
defmodule A1 do
  def name, do: "A1"
end
defmodule B1 do
  def name, do: "B1"
end
for mod <- [A1, B1] do
  IO.puts(mod.name())
  IO.puts(apply(mod, :name, []))
end
fun = :name
IO.puts(apply(A1, fun, []))
IO.inspect(apply(Enum, :sum, [[1, 2, 3]]))
IO.inspect(apply(fn a, b -> a - b end, [10, 3]))
m = String
IO.inspect(m.upcase("dyn"))
