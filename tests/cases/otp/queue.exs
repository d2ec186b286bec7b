# :queue's shapes and results, front and rear, as the BEAM gives them.
q = :queue.from_list([1, 2, 3, 4, 5])
IO.inspect(q)
IO.inspect(:queue.from_list([1]))
IO.inspect(:queue.from_list([1, 2]))
IO.inspect(:queue.from_list([1, 2, 3]))
q2 = Enum.reduce(1..6, :queue.new(), &:queue.in/2)
IO.inspect(q2)
IO.inspect(:queue.in_r(0, q2))
IO.inspect(:queue.in_r(0, :queue.in(1, :queue.new())))
{v, q3} = :queue.out(q2)
IO.inspect({v, q3})
IO.inspect(:queue.out(:queue.new()))
IO.inspect(:queue.out_r(q2))
IO.inspect(:queue.out_r(:queue.from_list([1, 2, 3, 4])))
IO.inspect(:queue.out(:queue.in(9, :queue.in(8, :queue.in(7, :queue.new())))))
IO.inspect({:queue.len(q2), :queue.to_list(q2), :queue.is_empty(q2), :queue.is_empty(:queue.new())})
IO.inspect({:queue.member(3, q2), :queue.member(9, q2), :queue.is_queue(q2), :queue.is_queue([])})
IO.inspect({:queue.get(q2), :queue.get_r(q2), :queue.peek(q2), :queue.peek_r(q2), :queue.peek(:queue.new())})
IO.inspect({:queue.drop(q2), :queue.drop_r(q2)})
IO.inspect(:queue.drop(:queue.from_list([1, 2, 3, 4])))
IO.inspect(:queue.reverse(q2))
IO.inspect(:queue.join(q2, :queue.from_list([7, 8, 9])))
{front, back} = :queue.split(2, q2)
IO.inspect({:queue.to_list(front), :queue.to_list(back)})
IO.inspect(:queue.to_list(:queue.filter(fn x -> rem(x, 2) == 0 end, q2)))
IO.inspect(:queue.to_list(:queue.filter(fn x -> [x, x] end, :queue.from_list([1, 2]))))
IO.inspect(:queue.to_list(:queue.filtermap(fn x -> if x > 3, do: {true, x * 10}, else: false end, q2)))
IO.inspect(:queue.fold(fn x, acc -> [x | acc] end, [], q2))
IO.inspect({:queue.all(&(&1 > 0), q2), :queue.any(&(&1 > 5), q2), :queue.any(&(&1 > 6), q2)})
IO.inspect(:queue.to_list(:queue.delete(3, :queue.from_list([1, 3, 2, 3]))))
IO.inspect(:queue.to_list(:queue.delete_r(3, :queue.from_list([1, 3, 2, 3]))))
IO.inspect(:queue.to_list(:queue.delete_with(&(&1 > 1), :queue.from_list([1, 3, 2, 3]))))
IO.inspect({:queue.head(q2), :queue.daeh(q2), :queue.last(q2), :queue.to_list(:queue.tail(q2))})
IO.inspect({:queue.to_list(:queue.cons(0, q2)), :queue.to_list(:queue.snoc(q2, 7)), :queue.to_list(:queue.liat(q2))})

# draining one element at a time keeps FIFO order
drain = fn drain, q, acc ->
  case :queue.out(q) do
    {{:value, x}, q} -> drain.(drain, q, [x | acc])
    {:empty, _} -> Enum.reverse(acc)
  end
end
IO.inspect(drain.(drain, Enum.reduce(1..10, :queue.new(), &:queue.in/2), []))

for f <- [fn -> :queue.get(:queue.new()) end, fn -> :queue.drop(:queue.new()) end,
          fn -> :queue.len(:nope) end, fn -> :queue.in(1, [1]) end] do
  try do
    f.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
