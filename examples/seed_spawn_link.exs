# The seed tutorial's spawn_link example, written as in the seed.
# The linked process crashes and takes the script down with it:
# `** (EXIT from #PID<...>) ...` on stderr and exit code 1.
pid = spawn_link fn ->
  receive do
    :boom -> raise "boom!"
  end
end

IO.puts "linked to the child, sending :boom"
pid <- :boom

receive do
  _ -> IO.puts "never printed"
after 2000 ->
  IO.puts "never printed either"
end
