# length/1, hd/1, tl/1
IO.inspect(length([1, 2, 3]))
IO.inspect(length([]))
IO.inspect(hd([:x, :y]))
IO.inspect(tl([:x, :y]))
IO.inspect(tl([:x]))
IO.inspect(hd('abc'))
IO.inspect(tl([1 | 2]))
for f <- [fn -> length([1 | 2]) end, fn -> length("str") end, fn -> hd([]) end, fn -> tl(:a) end] do
  try do
    f.()
  rescue
    e in ArgumentError -> IO.puts(Exception.message(e))
  end
end
