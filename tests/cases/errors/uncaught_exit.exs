# exit/1 with a non-normal reason at top level
IO.puts("exiting")
exit(:shutdown_please)
