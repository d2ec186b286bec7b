# References are unique
r1 = make_ref()
r2 = make_ref()
IO.inspect(is_reference(r1))
IO.inspect(r1 == r2)
IO.inspect(r1 == r1)
IO.inspect(r1)
IO.puts(inspect(r2))
send(self(), {r2, :second})
send(self(), {r1, :first})
receive do
  {^r1, v} -> IO.inspect(v)
end
receive do
  {^r2, v} -> IO.inspect(v)
end
