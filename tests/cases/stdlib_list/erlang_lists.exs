# :lists from Elixir: OTP's argument orders (list last, 1-based positions),
# results, and its errors for calls outside a function's domain.
l = [3, 1, 2, 1]
IO.inspect(:lists.reverse([1, 2], [9]))
IO.inspect(:lists.append([[1], [2, 3], []]))
IO.inspect(:lists.append([1], [2]))
IO.inspect({:lists.member(2, l), :lists.member(7, l)})
IO.inspect({:lists.last(l), :lists.nth(2, l), :lists.nthtail(2, l)})
IO.inspect({:lists.sublist(l, 2), :lists.sublist(l, 2, 2), :lists.sublist(l, 3, 10)})
IO.inspect({:lists.droplast(l), :lists.delete(1, l), :lists.subtract(l, [1])})
IO.inspect({:lists.duplicate(3, :x), :lists.seq(1, 10, 3), :lists.seq(10, 1, -4), :lists.seq(5, 4, 1)})
IO.inspect({:lists.sum(l), :lists.max(l), :lists.min(l)})
IO.inspect({:lists.prefix([3, 1], l), :lists.prefix([1], l), :lists.suffix([2, 1], l)})
IO.inspect({:lists.usort(l), :lists.merge([1, 4], [2, 3]), :lists.split(1, l)})
IO.inspect({:lists.zip([1, 2], [:a, :b]), :lists.unzip([{1, :a}, {2, :b}]), :lists.zip3([1], [2], [3])})
IO.inspect(:lists.zipwith(fn a, b -> a * b end, [1, 2], [3, 4]))
IO.inspect(:lists.map(&(&1 * 2), l))
IO.inspect(:lists.filter(&(&1 > 1), l))
IO.inspect({:lists.any(&(&1 > 2), l), :lists.all(&(&1 > 2), l)})
IO.inspect(:lists.foldl(fn x, acc -> [x | acc] end, [], l))
IO.inspect(:lists.foldr(fn x, acc -> [x | acc] end, [], l))
IO.inspect(:lists.flatmap(fn x -> [x, x] end, [1, 2]))
IO.inspect(:lists.filtermap(fn x -> if x > 1, do: {true, x * 10}, else: x == 1 end, l))
IO.inspect(:lists.mapfoldl(fn x, acc -> {x + 1, acc + x} end, 0, l))
IO.inspect({:lists.takewhile(&(&1 > 2), l), :lists.dropwhile(&(&1 > 2), l)})
IO.inspect({:lists.splitwith(&(&1 > 2), l), :lists.partition(&(&1 > 1), l)})
IO.inspect(:lists.sort(fn a, b -> a >= b end, l))
IO.inspect({:lists.search(&(&1 < 2), l), :lists.search(&(&1 > 5), l)})
kl = [{:a, 1}, {:b, 2}]
IO.inspect({:lists.keyfind(:b, 1, kl), :lists.keyfind(:z, 1, kl), :lists.keyfind(2, 2, kl)})
IO.inspect({:lists.keymember(:a, 1, kl), :lists.keydelete(:a, 1, kl)})
IO.inspect({:lists.keyreplace(:a, 1, kl, {:a, 9}), :lists.keystore(:c, 1, kl, {:c, 3})})
IO.inspect({:lists.keytake(:b, 1, kl), :lists.keytake(:q, 1, kl), :lists.keysort(2, [{:x, 3}, {:y, 1}])})
IO.inspect(:lists.foreach(fn x -> send(self(), x) end, [1]))
for {name, f} <- [last: fn -> :lists.last([]) end, nth: fn -> :lists.nth(0, [1]) end,
                  max: fn -> :lists.max([]) end] do
  try do
    f.()
  rescue
    e in FunctionClauseError -> IO.puts("#{name}: #{inspect(e.module)}.#{e.function}/#{e.arity}")
  end
end
