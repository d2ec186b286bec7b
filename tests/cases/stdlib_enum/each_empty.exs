# Enum.each/2 and Enum.empty?/1
r = Enum.each([1, 2, 3], fn x -> IO.puts("item #{x}") end)
IO.inspect(r)
Enum.each(%{b: 2, a: 1}, fn {k, v} -> IO.puts("#{k}=#{v}") end)
IO.inspect(Enum.empty?([]))
IO.inspect(Enum.empty?([nil]))
IO.inspect(Enum.empty?(%{}))
IO.inspect(Enum.empty?(1..0//1))
try do
  Enum.each([1], :not_fun)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
