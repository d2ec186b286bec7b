# Enum.with_index/1,2, Enum.zip/1,2, Enum.unzip/1, Enum.zip_with/3
IO.inspect(Enum.with_index([:a, :b, :c]))
IO.inspect(Enum.with_index([:a, :b], 1))
IO.inspect(Enum.with_index(~w(x y), fn el, i -> "#{i}:#{el}" end))
IO.inspect(Enum.zip([1, 2, 3], [:a, :b]))
IO.inspect(Enum.zip([[1, 2], [3, 4], [5, 6]]))
IO.inspect(Enum.unzip([a: 1, b: 2]))
IO.inspect(Enum.zip_with([1, 2], [10, 20], &+/2))
IO.inspect(Enum.zip(1..3, 4..6))
