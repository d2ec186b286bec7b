# The seed tutorial's spawn_link example: the linked crash kills the script
pid = spawn_link fn ->
  receive do
    :boom -> raise "boom!"
  end
end
IO.puts("sending :boom")
send(pid, :boom)
receive do
  _ -> IO.puts("never")
after 1000 -> IO.puts("not reached either")
end
