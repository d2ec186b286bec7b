# Range.new/2,3, Range.size/1, Range fields, ranges in Enum
r = Range.new(1, 10)
IO.inspect(r)
IO.inspect(Range.new(1, 10, 3))
IO.inspect(Range.size(1..10))
IO.inspect(Range.size(10..1//-1))
IO.inspect(Range.size(1..0//1))
IO.inspect({r.first, r.last, r.step})
IO.inspect(Enum.to_list(10..1//-3))
IO.inspect(Enum.to_list(1..0//1))
IO.inspect(Enum.reverse(1..3))
IO.inspect(Enum.map(-1..1, &(&1 * 2)))
IO.inspect(5..1)
IO.inspect(Range.disjoint?(1..5, 6..9))
try do
  Range.new(1, :a)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
