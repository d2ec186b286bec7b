# An uncaught raise at top level exits with code 1 (stdout before it is kept)
IO.puts("before")
raise "uncaught boom"
IO.puts("never printed")
