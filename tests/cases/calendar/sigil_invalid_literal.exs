# A literal calendar sigil that is no date fails when compiled: nothing runs.
IO.puts("never printed")
x = ~D[2024-02-30]
IO.inspect(x)
