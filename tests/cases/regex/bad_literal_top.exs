# A ~r literal that does not compile stops the script before anything runs,
# as Elixir raises Regex.CompileError while compiling the file
IO.puts("this is never printed")
pattern = ~r/unclosed(group/
IO.inspect(pattern)
