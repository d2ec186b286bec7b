# Integer's phial half: functions built from other natives and the
# deprecated aliases. Not here: parsing and digits (integer.rs).
defmodule Integer do
  def to_charlist(integer, base), do: String.to_charlist(Integer.to_string(integer, base))
  def to_char_list(integer), do: Integer.to_charlist(integer)
  def to_char_list(integer, base), do: to_charlist(integer, base)

  def extended_gcd(0, 0), do: {0, 0, 0}
  def extended_gcd(0, b), do: {b, 0, 1}
  def extended_gcd(a, 0), do: {a, 1, 0}

  def extended_gcd(integer1, integer2) when is_integer(integer1) and is_integer(integer2),
    do: extended_gcd(integer2, integer1, 0, 1, 1, 0)

  defp extended_gcd(r1, r0, s1, s0, t1, t0) do
    div = div(r0, r1)

    case r0 - div * r1 do
      0 when r1 > 0 -> {r1, s1, t1}
      0 when r1 < 0 -> {-r1, -s1, -t1}
      r2 -> extended_gcd(r2, r1, s0 - div * s1, s1, t0 - div * t1, t1)
    end
  end
end
