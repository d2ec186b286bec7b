# cond with no true clause raises CondClauseError
x = 5
try do
  cond do
    x > 10 -> :big
    x < 0 -> :neg
  end
rescue
  e in CondClauseError -> IO.puts(Exception.message(e))
end
IO.puts("continues")
