# The seed tutorial's mailbox example, with send/2 and self()
pid = spawn fn ->
  receive do
    {sender, :ping} ->
      IO.puts "Got ping"
      send(sender, :pong)
  end
end
send(pid, {self(), :ping})
receive do
  message -> IO.puts "Got #{message} back"
end
