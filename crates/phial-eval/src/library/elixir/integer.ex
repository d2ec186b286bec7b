# Integer's phial half: functions built from other natives and the
# deprecated aliases. Not here: parsing and digits (integer.rs).
defmodule Integer do
  @moduledoc """
  Functions over integers, which in phial have no size limit. The guards
  `is_even/1` and `is_odd/1` also work inside `when`.

      iex> Integer.digits(1234)
      [1, 2, 3, 4]
  """

  @doc """
  Like `to_string/2`, but the digits come back as a charlist.

      iex> Integer.to_charlist(10, 2)
      '1010'
  """
  def to_charlist(integer, base), do: String.to_charlist(Integer.to_string(integer, base))
  @doc """
  The old spelling of `to_charlist/1`.

      iex> Integer.to_char_list(12)
      '12'
  """
  def to_char_list(integer), do: Integer.to_charlist(integer)
  @doc """
  The old spelling of `to_charlist/2`, kept for old code.

      iex> Integer.to_char_list(7)
      '7'
  """
  def to_char_list(integer, base), do: to_charlist(integer, base)

  @doc """
  Bézout's coefficients with the gcd: `{gcd, s, t}` such that
  `a * s + b * t == gcd`.

      iex> Integer.extended_gcd(240, 46)
      {2, -9, 47}
  """
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
