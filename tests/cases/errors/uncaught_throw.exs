# An uncaught throw at top level
IO.puts("throwing")
throw(:ball)
