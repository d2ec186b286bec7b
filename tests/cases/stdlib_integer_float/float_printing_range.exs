# inspect/to_string of floats across magnitudes
for e <- -6..18 do
  f = :math.pow(10, e) * 1.5
  IO.puts("#{e}: #{inspect(f)} | #{f}")
end
IO.inspect(0.1 * 3)
IO.inspect(1 / 7)
IO.inspect(-1.0e-7)
IO.inspect(123456789012345680.0)
IO.inspect(9.999999999999999e15)
