# String concatenation, interpolation, and Kernel string helpers
name = "Ada"
n = 3
IO.puts("#{name} has #{n} items costing #{n * 1.5}")
IO.puts(name <> " " <> Integer.to_string(n))
IO.puts("atom #{:ok}, charlist #{'xy'}, nested #{"#{n + 1}"}")
parts = ["a", "b", "c"]
IO.puts(Enum.join(parts, "/"))
IO.puts(Enum.reduce(parts, "", &(&2 <> &1)))
IO.puts(String.duplicate("=", 10))
try do
  b = String.to_atom("b")
  _ = "a" <> b
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
