# Anonymous functions and calls with dot
sq = fn x -> x * x end
IO.inspect(sq.(7))
add = fn a, b -> a + b end
IO.inspect(add.(2, 3))
zero = fn -> :zero end
IO.inspect(zero.())
IO.inspect(is_function(sq))
IO.inspect(is_function(sq, 1))
IO.inspect(is_function(sq, 2))
compose = fn f, g -> fn x -> g.(f.(x)) end end
inc_then_sq = compose.(&(&1 + 1), sq)
IO.inspect(inc_then_sq.(4))
IO.inspect((fn x -> x * 3 end).(5))
multi = fn
  0 -> :zero
  n when n < 0 -> :negative
  _ -> :positive
end
IO.inspect(Enum.map([-1, 0, 1], multi))
IO.inspect(:erlang.fun_info(add)[:arity])
