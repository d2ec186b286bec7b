# The seed tutorial's `receive ... after` example, written as in the seed.
# (The seed waits 5000 ms; this script waits 500 ms so the suite stays fast.)
receive do
  message -> IO.inspect message
after 500 ->
  IO.puts "Timeout, giving up"
end
IO.puts "done waiting"
