# Loops that run through the fast loop for many slices: a closure-heavy
# loop and a list walk, preempted while another process keeps sending.
parent = self()
spawn(fn ->
  r = Enum.reduce(1..300_000, 0, fn x, acc -> rem(acc + x * x, 1_000_003) end)
  send(parent, {:a, r})
end)
spawn(fn ->
  l = Enum.map(1..200_000, fn x -> x * 2 end)
  send(parent, {:b, Enum.sum(Enum.filter(l, fn x -> rem(x, 3) == 0 end))})
end)
a = receive do {:a, r} -> r end
b = receive do {:b, r} -> r end
IO.inspect({a, b})
