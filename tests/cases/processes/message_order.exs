# Messages from one sender arrive in the order sent
parent = self()
spawn(fn -> Enum.each(1..10, fn i -> send(parent, {:n, i}) end) end)
got = for _ <- 1..10 do
  receive do
    {:n, i} -> i
  end
end
IO.inspect(got)
