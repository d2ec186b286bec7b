# Selective receive takes the first matching message, leaving others queued
send(self(), {:low, 1})
send(self(), {:high, 2})
send(self(), {:low, 3})
send(self(), {:high, 4})
receive do
  {:high, n} -> IO.inspect({:first_high, n})
end
receive do
  {:high, n} -> IO.inspect({:second_high, n})
end
receive do
  m -> IO.inspect({:next_any, m})
end
receive do
  m -> IO.inspect({:next_any, m})
end
receive do
  m -> IO.inspect(m)
after 0 -> IO.puts("mailbox empty")
end
