# When the script ends, other processes are stopped
spawn(fn ->
  Process.sleep(2000)
  IO.puts("should never print")
end)
IO.puts("main finished")
