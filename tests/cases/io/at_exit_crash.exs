# at_exit hooks run after an uncaught File.Error, with status 1, last
# registered first; what the script printed before stays
System.at_exit(fn status -> IO.puts("first hook, status #{status}") end)
System.at_exit(fn status -> IO.puts("second hook, status #{status}") end)

spawn(fn -> System.at_exit(fn s -> IO.puts("hook from a spawned process, status #{s}") end) end)
Process.sleep(20)

IO.puts("reading a file that is not there")
IO.inspect(File.read("phial_case_surely_missing.txt"))
File.read!("phial_case_surely_missing.txt")
IO.puts("never printed")
