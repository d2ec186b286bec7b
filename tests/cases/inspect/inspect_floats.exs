# inspect of floats: shortest round-trip, decimal between 1.0e-4 and 1.0e16
for f <- [0.0, -0.0, 1.0, 10.0, 0.5, 0.25, 0.1, 0.7, 3.0e-5, 1.0e-4, 9.9e-5, 1.0e15, 9.999e15, 1.0e16, 1.0e100, 2.2250738585072014e-308, 6.02214076e23, -123.0e-20, 1.0 / 3, 2 / 3] do
  IO.puts(inspect(f))
end
