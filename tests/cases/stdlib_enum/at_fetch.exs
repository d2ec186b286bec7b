# Enum.at/2,3
l = [:a, :b, :c]
IO.inspect(Enum.at(l, 0))
IO.inspect(Enum.at(l, 2))
IO.inspect(Enum.at(l, 3))
IO.inspect(Enum.at(l, -1))
IO.inspect(Enum.at(l, -4))
IO.inspect(Enum.at(l, 10, :default))
IO.inspect(Enum.at(1..10, 4))
IO.inspect(Enum.at(%{x: 1}, 0))
try do
  Enum.at(l, :first)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
