# System.halt/1 exits with the given status
IO.puts("halting with 3")
System.halt(3)
IO.puts("unreachable")
