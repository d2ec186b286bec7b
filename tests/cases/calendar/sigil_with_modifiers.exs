# Kernel's calendar sigils take no modifiers: the program fails to compile.
IO.puts("never printed")
IO.inspect(~U[2024-01-01 00:00:00Z]utc)
