# The seed tutorial's mailbox example ("Processes", spawn and mailboxes),
# written as in the seed: `pid <- msg` and bare `self`.
pid = spawn fn ->
  receive do
    {sender, :ping} ->
      IO.puts "Got ping"
      sender <- :pong
  end
end

pid <- {self, :ping}

receive do
  message -> IO.puts "Got #{message} back"
end
