# Enum.dedup/1, Enum.uniq/1, Enum.uniq_by/2
IO.inspect(Enum.dedup([1, 1, 2, 2, 2, 1, 3, 3]))
IO.inspect(Enum.dedup([1, 1.0, 1]))
IO.inspect(Enum.uniq([3, 1, 3, 2, 1]))
IO.inspect(Enum.uniq([1, 1.0, :a, :a]))
IO.inspect(Enum.uniq_by([{1, :a}, {2, :b}, {1, :c}], &elem(&1, 0)))
IO.inspect(Enum.uniq([]))
