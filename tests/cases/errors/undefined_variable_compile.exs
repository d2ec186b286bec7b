# An undefined variable is reported before the script runs
IO.puts("not printed either")
IO.inspect(no_such_variable + 1)
