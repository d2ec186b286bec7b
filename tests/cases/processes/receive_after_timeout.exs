# receive ... after with integer timeouts and a variable
t = 20
r = receive do
  :never_sent -> :got
after t -> :timed_out
end
IO.inspect(r)
r0 = receive do
  _ -> :got
after 0 -> :immediate
end
IO.inspect(r0)
send(self(), :present)
r1 = receive do
  :present -> :got_present
after 0 -> :no
end
IO.inspect(r1)
