# Big and negative numbers inside structures
IO.inspect([-1, -0, -123456789012345678901234567890, 18446744073709551616])
IO.inspect({-1.5, -1.0e-20, 1.0e300})
IO.inspect(%{-1 => :neg, 0 => :zero})
IO.inspect(Enum.map(60..66, &Integer.pow(2, &1)))
