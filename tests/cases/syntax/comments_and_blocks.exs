# Comments, do-blocks, parens-less calls, multiline expressions
# a comment line
IO.puts "no parens"  # trailing comment
result =
  [1, 2, 3]
  |> Enum.map(fn x ->
    x + 1
  end)
IO.inspect result
value = (
  a = 2
  b = 3
  a * b
)
IO.inspect value
IO.inspect(if(true, do: 1, else: 2))
IO.inspect [1,
  2,
  3]
m = %{
  one: 1,
  two: 2
}
IO.inspect m
IO.puts("done"); IO.puts("same line")
