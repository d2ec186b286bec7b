# Float.to_string/1, Float.parse/1, shortest round-trip output
for f <- [1.0, 0.1, 1.0e3, 123.456, 1.0e-10, 1.0e16, 2.0e15, 1.5e300, -0.0, 100.0, 0.000123] do
  IO.puts(Float.to_string(f) <> "  " <> inspect(f) <> "  " <> to_string(f))
end
IO.inspect(Float.parse("3.25"))
IO.inspect(Float.parse("3.25xyz"))
IO.inspect(Float.parse("7"))
IO.inspect(Float.parse("1e3"))
IO.inspect(Float.parse("abc"))
try do
  Float.to_string(1)
rescue
  e -> IO.puts(inspect(e.__struct__))
end
