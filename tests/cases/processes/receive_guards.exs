# receive clauses with guards
Enum.each([5, -3, :atom, 12, "s"], &send(self(), &1))
take = fn ->
  receive do
    n when is_integer(n) and n > 10 -> {:big, n}
  after 0 -> :no_big
  end
end
IO.inspect(take.())
IO.inspect(take.())
rest = fn loop, acc ->
  receive do
    n when is_integer(n) -> loop.(loop, [{:int, n} | acc])
    other -> loop.(loop, [{:other, other} | acc])
  after 0 -> Enum.reverse(acc)
  end
end
IO.inspect(rest.(rest, []))
