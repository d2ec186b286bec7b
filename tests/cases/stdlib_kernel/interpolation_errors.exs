# Interpolating values without String.Chars raises Protocol.UndefinedError
IO.puts("list of ints: #{[65, 66]}")
IO.puts("float: #{0.1 + 0.2}")
IO.puts("big: #{2 * 9_223_372_036_854_775_807}")
for v <- [{:a}, %{k: 1}, [a: 1], 1..2] do
  try do
    IO.puts("value: #{v}")
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end
