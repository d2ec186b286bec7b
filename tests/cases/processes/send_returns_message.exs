# send/2 returns the message; messages to self are queued
r = send(self(), {:a, 1})
IO.inspect(r)
send(self(), :b)
send(self(), "c")
IO.inspect(Process.info(self(), :message_queue_len))
for _ <- 1..3 do
  receive do
    m -> IO.inspect(m)
  end
end
IO.inspect(Process.info(self(), :message_queue_len))
