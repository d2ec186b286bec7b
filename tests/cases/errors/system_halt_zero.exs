# System.halt(0) stops the script immediately with status 0
IO.puts("one")
if true, do: System.halt(0)
IO.puts("two")
