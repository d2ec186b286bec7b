# try/rescue with raise of various forms
r1 = try do
  raise "plain message"
rescue
  e in RuntimeError -> e.message
end
IO.inspect(r1)
r2 = try do
  raise ArgumentError
rescue
  e in ArgumentError -> Exception.message(e)
end
IO.inspect(r2)
r3 = try do
  raise ArgumentError, "custom arg"
rescue
  e in [ArgumentError, RuntimeError] -> {e.__struct__, e.message}
end
IO.inspect(r3)
r4 = try do
  raise RuntimeError, message: "kw message"
rescue
  e -> inspect(e)
end
IO.puts(r4)
r5 = try do
  :ok
rescue
  _ -> :never
end
IO.inspect(r5)
r6 = try do
  1 + :a
rescue
  ArithmeticError -> :arith
end
IO.inspect(r6)
