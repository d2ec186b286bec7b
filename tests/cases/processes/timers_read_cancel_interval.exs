# timers: Process and :erlang send_after/cancel_timer/read_timer,
# :erlang.start_timer's {:timeout, ref, msg}, :timer intervals and cancel
me = self()
t = Process.send_after(me, :late, 5_000)
left = Process.read_timer(t)
IO.inspect(is_integer(left) and left > 4_000 and left <= 5_000, label: "read")
IO.inspect(is_integer(Process.cancel_timer(t)), label: "cancel live")
IO.inspect(Process.cancel_timer(t), label: "cancel again")
IO.inspect(:erlang.read_timer(t), label: "read cancelled")

t2 = :erlang.start_timer(10, me, :tick)
receive do
  {:timeout, ^t2, :tick} -> IO.puts("start_timer carries its own ref")
after
  1_000 -> IO.puts("no timeout message")
end
IO.inspect(:erlang.cancel_timer(t2), label: "cancel fired")

:erlang.send_after(5, me, :via_erlang)
receive do
  :via_erlang -> IO.puts("erlang send_after")
end

{:ok, tref} = :timer.send_interval(15, :beat)
beats =
  for _ <- 1..3 do
    receive do
      :beat -> :beat
    after
      1_000 -> :missing
    end
  end
IO.inspect(beats)
IO.inspect(:timer.cancel(tref))
IO.inspect(:timer.cancel(:not_a_timer))

{:ok, once} = :timer.send_after(10, :once)
receive do
  :once -> IO.inspect(elem(once, 0))
end

try do
  Process.send_after(me, :x, -1)
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end
