# Anonymous function clauses and destructuring arguments
swap = fn {a, b} -> {b, a} end
IO.inspect(swap.({1, 2}))
sum_pair = fn [a, b] -> a + b end
IO.inspect(sum_pair.([3, 4]))
head_or = fn
  [h | _], _default -> h
  [], default -> default
end
IO.inspect(head_or.([9, 8], 0))
IO.inspect(head_or.([], 0))
pairs = [{:a, 1}, {:b, 2}, {:c, 3}]
IO.inspect(Enum.map(pairs, fn {k, v} -> "#{k}=#{v}" end))
IO.inspect(Enum.reduce(pairs, 0, fn {_, v}, acc -> v + acc end))
IO.inspect(Enum.map(%{x: 1, y: 2}, fn {k, v} -> {v, k} end))
