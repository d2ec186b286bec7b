# String.to_integer/1,2, String.to_atom/1, String.to_float/1
IO.inspect(String.to_integer("42"))
IO.inspect(String.to_integer("-17"))
IO.inspect(String.to_integer("+5"))
IO.inspect(String.to_integer("123456789012345678901234567890"))
IO.inspect(String.to_integer("ff", 16))
IO.inspect(String.to_integer("1010", 2))
IO.inspect(String.to_atom("hello"))
IO.inspect(String.to_atom("with space"))
IO.inspect(String.to_atom("Elixir.Enum"))
IO.inspect(String.to_float("2.5"))
for f <- [fn -> String.to_integer("4.0") end, fn -> String.to_integer(" 4") end,
          fn -> String.to_integer("") end, fn -> String.to_atom(42) end] do
  try do
    f.()
  rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
end
