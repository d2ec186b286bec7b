# Closures capture their environment at creation
make_adder = fn n -> fn x -> x + n end end
add5 = make_adder.(5)
add10 = make_adder.(10)
IO.inspect({add5.(1), add10.(1)})
counter = fn start -> fn -> start + 1 end end
c = counter.(41)
IO.inspect(c.())
x = 1
f = fn -> x end
x = 2
IO.inspect({f.(), x})
fs = for i <- 1..3, do: fn -> i * 100 end
IO.inspect(Enum.map(fs, fn g -> g.() end))
outer = fn a -> fn b -> fn c -> a + b + c end end end
IO.inspect(outer.(1).(2).(3))
