# Every :math function over sample arguments, with the errors for
# arguments outside a domain (ArithmeticError) and non-numbers.
fs = [:sqrt, :log, :log2, :log10, :exp, :sin, :cos, :tan, :asin, :acos, :atan, :sinh, :cosh, :tanh, :asinh, :acosh, :atanh, :erf, :erfc, :floor, :ceil]
for f <- fs, x <- [0.5, 2, -0.3, 1.0e-7, 3.7] do
  r = try do
    apply(:math, f, [x])
  rescue
    e -> inspect(e.__struct__)
  end
  IO.puts("#{f}(#{x}) = #{inspect(r)}")
end
for {x, y} <- [{1, 2}, {-1.5, 0.5}, {0, 0}, {7.5, 2}, {-7.5, 2}, {1, 0}] do
  r1 = try do :math.atan2(x, y) rescue e -> inspect(e.__struct__) end
  r2 = try do :math.fmod(x, y) rescue e -> inspect(e.__struct__) end
  r3 = try do :math.pow(x, y) rescue e -> inspect(e.__struct__) end
  IO.inspect({x, y, r1, r2, r3})
end
IO.inspect(:math.pi())
for x <- [-2.0, 0.0, :a, 1000] do
  IO.inspect(for f <- [:sqrt, :log, :exp, :acosh, :atanh], do: (try do apply(:math, f, [x]) rescue e -> e.__struct__ end))
end
IO.inspect(for x <- [0.1, 0.9, 2.5, 6.0, -1.2], do: {:math.erf(x), :math.erfc(x)})
