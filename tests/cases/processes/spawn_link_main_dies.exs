# A linked process exiting abnormally kills the (non-trapping) main script: exit 1
IO.puts("linking")
spawn_link(fn -> exit(:fatal) end)
Process.sleep(500)
IO.puts("never printed")
