# try with else and after
run = fn f ->
  try do
    f.()
  rescue
    e in RuntimeError -> {:rescued, e.message}
  else
    {:ok, v} -> {:else_ok, v}
    other -> {:else_other, other}
  after
    IO.puts("after runs")
  end
end
IO.inspect(run.(fn -> {:ok, 1} end))
IO.inspect(run.(fn -> :plain end))
IO.inspect(run.(fn -> raise "bad" end))
x = try do
  :value
after
  IO.puts("after does not change the value")
  :ignored
end
IO.inspect(x)
