# receive with after :infinity waits for the message
parent = self()
spawn(fn ->
  Process.sleep(30)
  send(parent, :late)
end)
r = receive do
  :late -> :arrived
after :infinity -> :never
end
IO.inspect(r)
