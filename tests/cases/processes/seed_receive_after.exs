# The seed tutorial's receive ... after example (short timeout)
result = receive do
  message -> IO.inspect message
after 50 ->
  IO.puts "Timeout, giving up"
end
IO.inspect(result)
